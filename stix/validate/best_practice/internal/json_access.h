// Small read-only accessors over RapidJSON values, shared by the best-practice checks.
// They never allocate and never throw: a missing member or a value of the wrong JSON
// type reads as "absent", which is how the reference validator's checks treat input
// the schema stage has already rejected.
//
//   if (const rapidjson::Value* ext = MemberPath(object, {"extensions", "pdf-ext"})) ...
//
// Returned pointers and views borrow from the document and live as long as it does.
#ifndef STIXKIT_STIX_VALIDATE_BEST_PRACTICE_INTERNAL_JSON_ACCESS_H_
#define STIXKIT_STIX_VALIDATE_BEST_PRACTICE_INTERNAL_JSON_ACCESS_H_

#include <initializer_list>
#include <string_view>

#include "rapidjson/document.h"
#include "stix/json/json_access.h"

namespace stixkit::stix::best_practice {

// The accessors themselves are shared with the MUST stage: stix/json/json_access.h.

}  // namespace stixkit::stix::best_practice

#endif  // STIXKIT_STIX_VALIDATE_BEST_PRACTICE_INTERNAL_JSON_ACCESS_H_
