// Turning byte offsets into the user's line and column, and building input errors in
// the one form every command prints: `path:line:col: message`.
//
//   return InputError(path, text, offset, "expected ',' or '}' after an object member");
//
// Parsers keep byte offsets and call these only when reporting, so the hot path never
// counts lines. Pure functions; thread-safe.
#ifndef STIXKIT_STIX_BASE_SOURCE_LOCATION_H_
#define STIXKIT_STIX_BASE_SOURCE_LOCATION_H_

#include <cstddef>
#include <string>
#include <string_view>

#include "absl/status/status.h"

namespace stixkit {

struct LineColumn {
  size_t line = 1;    // 1-based
  size_t column = 1;  // 1-based, in bytes
};

// The line and column of byte `offset` in `text` (offsets past the end clamp to it).
LineColumn LineColumnAt(std::string_view text, size_t offset);

// "path:line:col: message" for the byte offset in text.
std::string FormatInputLocation(std::string_view path, std::string_view text, size_t offset,
                                std::string_view message);

// InvalidArgument with the message above. Use DataLoss for truncated input by calling
// the code-taking overload.
absl::Status InputError(std::string_view path, std::string_view text, size_t offset,
                        std::string_view message);
absl::Status InputError(absl::StatusCode code, std::string_view path, std::string_view text,
                        size_t offset, std::string_view message);

}  // namespace stixkit

#endif  // STIXKIT_STIX_BASE_SOURCE_LOCATION_H_
