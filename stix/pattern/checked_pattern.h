// Parsing plus the checks that follow it, in one call: the reference validator's
// (reference_rules.h) and, on request, the STIX 2.1 rules the reference misses
// (spec_rules.h). The validator asks for kReference so that its verdicts stay those of
// stix2-patterns 2.1.2; the converter asks for kSpec.
//
//   STIXKIT_ASSIGN_OR_RETURN(Pattern pattern, ParseCheckedPattern(text, PatternRules::kSpec));
//
// Pure function; thread-safe.
#ifndef STIXKIT_STIX_PATTERN_CHECKED_PATTERN_H_
#define STIXKIT_STIX_PATTERN_CHECKED_PATTERN_H_

#include <string_view>

#include "absl/status/statusor.h"
#include "stix/pattern/ast.h"

namespace stixkit::stix::pattern {

enum class PatternRules {
  kReference,  // syntax and the reference validator's checks
  kSpec,       // those and the spec rules the reference misses
};

// The tree of `text`, or the first syntax error or rule violation (InvalidArgument, with
// the column in the message).
absl::StatusOr<Pattern> ParseCheckedPattern(std::string_view text, PatternRules rules);

}  // namespace stixkit::stix::pattern

#endif  // STIXKIT_STIX_PATTERN_CHECKED_PATTERN_H_
