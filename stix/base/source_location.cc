#include "stix/base/source_location.h"

#include <algorithm>

#include "absl/strings/str_cat.h"
#include "stix/base/strings.h"

namespace stixkit {

LineColumn LineColumnAt(std::string_view text, size_t offset) {
  offset = std::min(offset, text.size());
  LineColumn at;
  size_t line_start = 0;
  for (size_t i = 0; i < offset; ++i) {
    if (text[i] == '\n') {
      ++at.line;
      line_start = i + 1;
    }
  }
  at.column = offset - line_start + 1;
  return at;
}

std::string FormatInputLocation(std::string_view path, std::string_view text, size_t offset,
                                std::string_view message) {
  const LineColumn at = LineColumnAt(text, offset);
  return absl::StrCat(Av(path), ":", at.line, ":", at.column, ": ", Av(message));
}

absl::Status InputError(std::string_view path, std::string_view text, size_t offset,
                        std::string_view message) {
  return InputError(absl::StatusCode::kInvalidArgument, path, text, offset, message);
}

absl::Status InputError(absl::StatusCode code, std::string_view path, std::string_view text,
                        size_t offset, std::string_view message) {
  return absl::Status(code, FormatInputLocation(path, text, offset, message));
}

}  // namespace stixkit
