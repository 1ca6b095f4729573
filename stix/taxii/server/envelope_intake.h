// Reading the body of a POST to objects/ (TAXII 2.1 §5.5): the envelope is parsed, and
// each object in it is checked on its own with the project's validator (default
// options; a finding of severity error refuses the object). Every object ends up either
// in `accepted` (to be stored) or in `failures` with the reason, so nothing posted is
// silently dropped: an object without an id, or one that is not even a JSON object, is a
// failure too.
//
//   STIXKIT_ASSIGN_OR_RETURN(Intake in, ReadPostedEnvelope(body, validator, limits));
//   store.AddObjects(collection, in.accepted);  // in.failures go into the status
//
// Thread-safe (the Validator may be shared).
#ifndef STIXKIT_STIX_TAXII_SERVER_ENVELOPE_INTAKE_H_
#define STIXKIT_STIX_TAXII_SERVER_ENVELOPE_INTAKE_H_

#include <string_view>
#include <vector>

#include "absl/status/statusor.h"
#include "stix/json/json_limits.h"
#include "stix/taxii/server/post_status.h"
#include "stix/taxii/server/store.h"
#include "stix/validate/validator.h"

namespace stixkit::taxii {

struct Intake {
  size_t total_count = 0;          // objects in the envelope
  std::vector<NewObject> accepted;  // valid objects, in envelope order
  std::vector<PostStatusDetail> failures;
};

// InvalidArgument ("request body:1:7: ...") when the body is not JSON;
// FailedPrecondition (the server's 422) when it is JSON but not an envelope with an
// "objects" array.
absl::StatusOr<Intake> ReadPostedEnvelope(std::string_view body, const stix::Validator& validator,
                                          const stix::JsonLimits& limits);

}  // namespace stixkit::taxii

#endif  // STIXKIT_STIX_TAXII_SERVER_ENVELOPE_INTAKE_H_
