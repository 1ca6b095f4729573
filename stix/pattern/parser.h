// Parses STIX 2.1 pattern text (STIX 2.1 §9) into a syntax tree (ast.h) with a
// hand-written recursive-descent parser over the Lexer (lexer.h). It accepts exactly
// the language of the reference grammar (STIXPattern.g4 for 2.1, as run by
// stix2-patterns 2.1.2), including its leniencies (== and <> as operators, a leading
// '+' on numbers, negative list indexes, /* */ and // comments, an empty IN ()), plus
// the reference's pre-check that the pattern opens with '[' after any '(' (so a
// comment may not come first).
//
// Parsing checks syntax only. The reference's extra checks (hash formats, duplicate
// qualifiers) are in reference_rules.h, the spec rules it misses in spec_rules.h, and
// ParseCheckedPattern (checked_pattern.h) runs them together.
//
//   absl::StatusOr<Pattern> pattern = ParsePattern("[file:name = 'a.exe']");
//   if (!pattern.ok()) ...  // "column 14: expected a constant after '=', found ']'"
//
// Pure function; thread-safe.
#ifndef STIXKIT_STIX_PATTERN_PARSER_H_
#define STIXKIT_STIX_PATTERN_PARSER_H_

#include <cstddef>
#include <string_view>

#include "absl/status/statusor.h"
#include "stix/pattern/ast.h"

namespace stixkit::stix::pattern {

// Longer patterns are refused before parsing; the reference has no limit.
inline constexpr size_t kMaxPatternBytes = 1 << 20;
// Deeper nesting of ( and [ is refused, so that parsing and walking the tree cannot
// exhaust the stack; the reference has no limit.
inline constexpr int kMaxNestingDepth = 256;

// The tree of `text` (which it copies into Pattern::text). Fails with InvalidArgument
// whose message gives the 1-based column (and the line, if the pattern spans lines),
// what was expected and what was found.
absl::StatusOr<Pattern> ParsePattern(std::string_view text);

}  // namespace stixkit::stix::pattern

#endif  // STIXKIT_STIX_PATTERN_PARSER_H_
