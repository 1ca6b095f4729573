#include "stix/taxii/server/pagination.h"

#include <vector>

#include "absl/strings/escaping.h"
#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_split.h"
#include "stix/base/strings.h"

namespace stixkit::taxii {
namespace {
// A version prefix, so the format can change without misreading old tokens.
constexpr std::string_view kPrefix = "c1";
}  // namespace

std::string EncodeCursor(const PageCursor& cursor) {
  return absl::WebSafeBase64Escape(
      absl::StrCat(Av(kPrefix), ".", cursor.date_added, ".", cursor.seq));
}

absl::StatusOr<PageCursor> DecodeCursor(std::string_view token) {
  const auto bad = absl::InvalidArgumentError(absl::StrCat(
      "next: expected a token from a previous response's \"next\", got \"",
      Av(token.substr(0, 64)), "\""));
  std::string text;
  if (token.size() > 128 || !absl::WebSafeBase64Unescape(Av(token), &text)) return bad;
  const std::vector<absl::string_view> parts = absl::StrSplit(text, '.');
  PageCursor cursor;
  if (parts.size() != 3 || Sv(parts[0]) != kPrefix ||
      !absl::SimpleAtoi(parts[1], &cursor.date_added) || !absl::SimpleAtoi(parts[2], &cursor.seq) ||
      cursor.seq < 0) {
    return bad;
  }
  return cursor;
}

}  // namespace stixkit::taxii
