#include "stix/pattern/internal/syntax_error.h"

#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "stix/base/source_location.h"
#include "stix/base/strings.h"

namespace stixkit::stix::pattern::internal {
namespace {

constexpr size_t kMaxQuotedBytes = 40;

// A control byte (a NUL, an escape sequence) would reach the user's terminal raw.
std::string EscapeControls(std::string_view text) {
  std::string out;
  for (const char c : text) {
    const auto byte = static_cast<unsigned char>(c);
    if (c == '\n') {
      out += "\\n";
    } else if (c == '\t') {
      out += "\\t";
    } else if (byte < 0x20 || byte == 0x7F) {
      absl::StrAppend(&out, absl::StrFormat("\\x%02x", byte));
    } else {
      out += c;
    }
  }
  return out;
}

}  // namespace

std::string DescribePosition(std::string_view text, size_t offset) {
  const LineColumn at = LineColumnAt(text, offset);
  if (text.find('\n') == std::string_view::npos) return absl::StrCat("column ", at.column);
  return absl::StrCat("line ", at.line, ", column ", at.column);
}

absl::Status SyntaxError(std::string_view text, size_t offset, std::string_view message) {
  return absl::InvalidArgumentError(
      absl::StrCat(DescribePosition(text, offset), ": ", Av(message)));
}

std::string QuoteForMessage(std::string_view text) {
  // Text with apostrophes (string and t'' constants) reads better in double quotes.
  const std::string_view quote = text.find('\'') == std::string_view::npos ? "'" : "\"";
  if (text.size() <= kMaxQuotedBytes) {
    return absl::StrCat(Av(quote), EscapeControls(text), Av(quote));
  }
  size_t cut = kMaxQuotedBytes;
  // Back up to the start of a UTF-8 sequence (continuation bytes are 10xxxxxx).
  while (cut > 0 && (static_cast<unsigned char>(text[cut]) & 0xC0) == 0x80) --cut;
  return absl::StrCat(Av(quote), EscapeControls(text.substr(0, cut)), "...", Av(quote));
}

}  // namespace stixkit::stix::pattern::internal
