// The MUST stage: the spec rules a schema cannot express, reproducing the reference
// validator's v21/musts.py (stix2-validator 3.2.1) under the same names. MUST findings
// are always errors, carry no check code, and cannot be disabled.
//
// Thread-safe: pure functions of their arguments.
#ifndef STIXKIT_STIX_VALIDATE_MUST_CHECKS_H_
#define STIXKIT_STIX_VALIDATE_MUST_CHECKS_H_

#include "rapidjson/document.h"
#include "stix/validate/check_context.h"

namespace stixkit::stix {

// Runs every MUST check that applies to one STIX object (an SDO, SRO, SCO or meta
// object; bundle members are passed one by one, never the bundle). The indicator
// pattern check lives in pattern_check.h and is called from here. Cross-object rules
// (--interop created_by_ref, --enforce-refs) are not here: see bundle_checks.h.
void RunMustChecks(const rapidjson::Value& object, const CheckContext& ctx, Findings* out);

}  // namespace stixkit::stix

#endif  // STIXKIT_STIX_VALIDATE_MUST_CHECKS_H_
