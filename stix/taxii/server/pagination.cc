#include "stix/taxii/server/pagination.h"

#include <openssl/crypto.h>
#include <openssl/evp.h>
#include <openssl/hmac.h>

#include <vector>

#include "absl/strings/escaping.h"
#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_split.h"
#include "stix/base/strings.h"

namespace stixkit::taxii {
namespace {
// A version prefix, so the format can change without misreading old tokens: "c1" is an
// unsigned position, "c2" a position with a MAC (CursorSeal).
constexpr std::string_view kUnsigned = "c1";
constexpr std::string_view kSigned = "c2";
// Bytes of HMAC-SHA256 kept in a token: 96 bits are plenty to make guessing hopeless and
// keep tokens short.
constexpr size_t kMacBytes = 12;

// Hex of the MAC of `position` ("c2.<date_added>.<seq>") for `seal.scope`.
std::string Mac(std::string_view position, const CursorSeal& seal) {
  const std::string message = absl::StrCat(Av(position), ".", Av(seal.scope));
  unsigned char out[EVP_MAX_MD_SIZE];
  unsigned int length = 0;
  HMAC(EVP_sha256(), seal.key.data(), static_cast<int>(seal.key.size()),
       reinterpret_cast<const unsigned char*>(message.data()), message.size(), out, &length);
  return absl::BytesToHexString(
      absl::string_view(reinterpret_cast<const char*>(out), std::min<size_t>(length, kMacBytes)));
}

}  // namespace

std::string EncodeCursor(const PageCursor& cursor, const CursorSeal& seal) {
  if (seal.key.empty()) {
    return absl::WebSafeBase64Escape(
        absl::StrCat(Av(kUnsigned), ".", cursor.date_added, ".", cursor.seq));
  }
  const std::string position = absl::StrCat(Av(kSigned), ".", cursor.date_added, ".", cursor.seq);
  return absl::WebSafeBase64Escape(absl::StrCat(position, ".", Mac(position, seal)));
}

absl::StatusOr<PageCursor> DecodeCursor(std::string_view token, const CursorSeal& seal) {
  const auto bad = absl::InvalidArgumentError(absl::StrCat(
      "next: expected a token from a previous response's \"next\", got \"",
      Av(token.substr(0, 64)), "\""));
  std::string text;
  if (token.size() > 128 || !absl::WebSafeBase64Unescape(Av(token), &text)) return bad;
  const std::vector<absl::string_view> parts = absl::StrSplit(text, '.');
  const std::string_view prefix = seal.key.empty() ? kUnsigned : kSigned;
  const size_t fields = seal.key.empty() ? 3 : 4;
  PageCursor cursor;
  // Rows have date_added >= 0 and seq >= 1, so no token we gave out says otherwise.
  if (parts.size() != fields || Sv(parts[0]) != prefix ||
      !absl::SimpleAtoi(parts[1], &cursor.date_added) || !absl::SimpleAtoi(parts[2], &cursor.seq) ||
      cursor.date_added < 0 || cursor.seq < 0) {
    return bad;
  }
  if (!seal.key.empty()) {
    const std::string want =
        Mac(absl::StrCat(Av(kSigned), ".", cursor.date_added, ".", cursor.seq), seal);
    if (parts[3].size() != want.size() ||
        CRYPTO_memcmp(parts[3].data(), want.data(), want.size()) != 0) {
      return absl::InvalidArgumentError(
          absl::StrCat("next: the token \"", Av(token.substr(0, 64)),
                       "\" was not given out by this server for this collection; repeat the query "
                       "without \"next\""));
    }
  }
  return cursor;
}

}  // namespace stixkit::taxii
