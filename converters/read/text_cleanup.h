// Turning the bytes of a report file into clean text every reader can scan: UTF-8 without a
// byte-order mark, '\n' line ends, no NUL bytes, and U+FFFD in place of invalid UTF-8. Repairs are
// reported as warnings ("line 12: invalid UTF-8 replaced with U+FFFD", one per affected line);
// files that are not text at all are refused.
//
//   STIXKIT_ASSIGN_OR_RETURN(CleanText clean, CleanUpText(path, bytes));
//   Document doc = ReadMarkdown(clean.text);
//
// Pure function; thread-safe. The result owns its text.
#ifndef STIXKIT_CONVERTERS_READ_TEXT_CLEANUP_H_
#define STIXKIT_CONVERTERS_READ_TEXT_CLEANUP_H_

#include <string>
#include <string_view>
#include <vector>

#include "absl/status/statusor.h"

namespace stixkit::convert {

struct CleanText {
  std::string text;  // valid UTF-8; lines end in '\n'; line numbers match the input's
  std::vector<std::string> warnings;
};

// The cleaned text of `bytes`. `source_name` only names the file in messages.
// Fails with InvalidArgument:
//   "<source>: the file is empty" (no bytes, or only white space);
//   "<source>: looks like a binary file, not a report (found NUL bytes at offset N)"
//     (NUL bytes make more than 1% of the first 8 KB);
//   "<source>: looks like a binary file, not a report (N of the first M bytes are not
//     UTF-8 text)" (more than 30% of the first 8 KB are invalid UTF-8 or control bytes);
//   "<source>: the file is UTF-16 text; save it as UTF-8 and try again".
// A few stray NUL bytes are dropped with a warning per line ("line 3: NUL bytes removed"). After 50
// warnings of a kind, one summary line counts the rest.
absl::StatusOr<CleanText> CleanUpText(std::string_view source_name, std::string_view bytes);

}  // namespace stixkit::convert

#endif  // STIXKIT_CONVERTERS_READ_TEXT_CLEANUP_H_
