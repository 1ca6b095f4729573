// The one way pattern code builds an error: InvalidArgument whose message starts with
// the user's position in the pattern, "column 14: ..." (or "line 2, column 3: ..." when
// the pattern spans lines). Columns are 1-based and count bytes, like every location
// stixkit reports (stix/base/source_location.h). Internal to stix/pattern.
//
//   return SyntaxError(text, token.offset, "expected ']', found ')'");
//
// Pure functions; thread-safe.
#ifndef STIXKIT_STIX_PATTERN_INTERNAL_SYNTAX_ERROR_H_
#define STIXKIT_STIX_PATTERN_INTERNAL_SYNTAX_ERROR_H_

#include <cstddef>
#include <string>
#include <string_view>

#include "absl/status/status.h"

namespace stixkit::stix::pattern::internal {

// "column N" or "line L, column N" for byte `offset` of `text`.
std::string DescribePosition(std::string_view text, size_t offset);

// InvalidArgument("<position>: <message>").
absl::Status SyntaxError(std::string_view text, size_t offset, std::string_view message);

// `text` in single quotes for a message, or in double quotes when it contains an
// apostrophe; cut to about 40 bytes ("'abc...'"). The cut never splits a UTF-8 sequence.
// Control bytes are escaped ("\n", "\t", "\x00") so that none reaches a terminal raw.
std::string QuoteForMessage(std::string_view text);

}  // namespace stixkit::stix::pattern::internal

#endif  // STIXKIT_STIX_PATTERN_INTERNAL_SYNTAX_ERROR_H_
