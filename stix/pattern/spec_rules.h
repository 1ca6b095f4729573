// STIX 2.1 MUST rules on patterns that the reference validator does not check. The
// validator must keep agreeing with the reference, so it does not run these; the
// converter does, so that it never emits a pattern the spec forbids.
//
//  1. Inside one [ ... ], comparisons on different root object types must be joined by
//     OR, never AND (§9.5). An AND fails when its operands share no object type:
//     "[a:x = 1 AND (a:y = 2 OR b:z = 3)]" passes, "[a:x = 1 AND b:z = 3]" does not.
//  2. REPEATS needs a positive integer and WITHIN a positive number (§9.5.1); the
//     grammar also accepts 0.
//  3. At most one qualifier of each type (§9.5.1), also after a parenthesized group,
//     where the reference does not look.
//
//   STIXKIT_RETURN_IF_ERROR(CheckSpecRules(pattern));
//
// Pure functions; thread-safe.
#ifndef STIXKIT_STIX_PATTERN_SPEC_RULES_H_
#define STIXKIT_STIX_PATTERN_SPEC_RULES_H_

#include <vector>

#include "absl/status/status.h"
#include "stix/pattern/ast.h"

namespace stixkit::stix::pattern {

// Every violation in the order written, each an InvalidArgument whose message gives the
// column ("column 31: expected comparisons joined by AND to share one object type,
// found 'ipv4-addr' and 'domain-name'; join different types with OR"). Empty when the
// pattern passes.
std::vector<absl::Status> SpecRuleViolations(const Pattern& pattern);

// OkStatus, or the first violation above.
absl::Status CheckSpecRules(const Pattern& pattern);

}  // namespace stixkit::stix::pattern

#endif  // STIXKIT_STIX_PATTERN_SPEC_RULES_H_
