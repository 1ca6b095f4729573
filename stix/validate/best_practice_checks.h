// The best-practice (SHOULD) stage, reproducing the reference validator's v21/shoulds.py
// (stix2-validator 3.2.1) under the same check codes. Each finding is a Warning with its
// code; the pipeline turns warnings into errors under --strict.
//
// Thread-safe: pure functions of their arguments.
#ifndef STIXKIT_STIX_VALIDATE_BEST_PRACTICE_CHECKS_H_
#define STIXKIT_STIX_VALIDATE_BEST_PRACTICE_CHECKS_H_

#include "rapidjson/document.h"
#include "stix/validate/check_context.h"

namespace stixkit::stix {

// Runs every selected per-object best-practice check on one STIX object (bundle members
// are passed one by one, never the bundle). Cross-object checks (203 duplicate-ids) are
// not here: see bundle_checks.h.
void RunBestPracticeChecks(const rapidjson::Value& object, const CheckContext& ctx,
                           Findings* out);

}  // namespace stixkit::stix

#endif  // STIXKIT_STIX_VALIDATE_BEST_PRACTICE_CHECKS_H_
