// Validation of one STIX object through every per-object stage, in the reference
// validator's order: version handling, the JSON schema, the MUST checks, then the
// selected best-practice checks. Bundle members are validated one by one; the bundle
// itself is validated as a "shell" without its members.
//
// Thread-safe: a pure function of its arguments.
#ifndef STIXKIT_STIX_VALIDATE_OBJECT_VALIDATOR_H_
#define STIXKIT_STIX_VALIDATE_OBJECT_VALIDATOR_H_

#include "rapidjson/document.h"
#include "stix/validate/check_context.h"

namespace stixkit::stix {

// Appends the object's findings to *out. Under --strict, best-practice warnings are
// appended as errors. Objects that are STIX 2.0 (no spec_version, or "2.0") get one
// warning that says so and are not checked further: stixkit checks STIX 2.1.
void ValidateObject(const rapidjson::Value& object, const CheckContext& ctx, Findings* out);

}  // namespace stixkit::stix

#endif  // STIXKIT_STIX_VALIDATE_OBJECT_VALIDATOR_H_
