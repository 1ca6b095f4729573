// The STIX 2.1 Interoperability profile's extra rules (--interop), as the reference
// validator applies them: every SDO and SRO names its creator (created_by_ref), and an
// object carries at most one TLP marking. Findings are errors without a code.
//
// Thread-safe: a pure function of its arguments.
#ifndef STIXKIT_STIX_VALIDATE_INTEROP_CHECKS_H_
#define STIXKIT_STIX_VALIDATE_INTEROP_CHECKS_H_

#include "rapidjson/document.h"
#include "stix/validate/finding.h"

namespace stixkit::stix {

void RunInteropChecks(const rapidjson::Value& object, Findings* out);

}  // namespace stixkit::stix

#endif  // STIXKIT_STIX_VALIDATE_INTEROP_CHECKS_H_
