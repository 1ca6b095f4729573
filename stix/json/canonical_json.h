// RFC 8785 JSON Canonicalization Scheme (JCS): the serialization STIX 2.1 §2.9 uses as
// the name of a deterministic SCO identifier. No whitespace; members sorted by their
// UTF-16 code units; strings escaped minimally; numbers in ECMAScript form.
//
//   CanonicalJson(doc)  // {"value":"198.51.100.3"}
//
// Pure function; thread-safe.
#ifndef STIXKIT_STIX_JSON_CANONICAL_JSON_H_
#define STIXKIT_STIX_JSON_CANONICAL_JSON_H_

#include <string>

#include "rapidjson/document.h"

namespace stixkit::stix {

// The JCS text of `value`. Non-finite numbers cannot occur (the parser rejects them).
std::string CanonicalJson(const rapidjson::Value& value);

}  // namespace stixkit::stix

#endif  // STIXKIT_STIX_JSON_CANONICAL_JSON_H_
