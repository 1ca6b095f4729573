// The checks the reference pattern validator (stix2-patterns 2.1.2, v21/validator.py
// run_validator) makes after a clean parse, so that stixkit's validator reaches the
// same verdicts:
//
//  1. Duplicate qualifier type: a WITHIN, REPEATS or START/STOP qualifier written twice
//     directly after one [ ... ]. Qualifiers after a parenthesized group are not checked
//     (the reference resets its bookkeeping there), and only the first duplicate in the
//     pattern is reported (the reference stops at it).
//  2. Hash value format: for each comparison whose path has a step named `hashes` and
//     ends in a key naming an algorithm the reference knows (hash_format.h), the
//     constant as written, with every ' removed, must have that algorithm's format. A
//     path ending in [*] or [n], and EXISTS, are not checked.
//
// The spec rules the reference does not check are in spec_rules.h.
//
//   STIXKIT_RETURN_IF_ERROR(CheckReferenceRules(pattern));
//
// Pure functions; thread-safe.
#ifndef STIXKIT_STIX_PATTERN_REFERENCE_RULES_H_
#define STIXKIT_STIX_PATTERN_REFERENCE_RULES_H_

#include <vector>

#include "absl/status/status.h"
#include "stix/pattern/ast.h"

namespace stixkit::stix::pattern {

// Every violation, duplicate qualifier first (as the reference orders them), each an
// InvalidArgument whose message gives the column ("column 19: expected 64 hexadecimal
// digits for the SHA-256 hash, found 'f00'"). Empty when the pattern passes.
std::vector<absl::Status> ReferenceRuleViolations(const Pattern& pattern);

// OkStatus, or the first violation above.
absl::Status CheckReferenceRules(const Pattern& pattern);

}  // namespace stixkit::stix::pattern

#endif  // STIXKIT_STIX_PATTERN_REFERENCE_RULES_H_
