// Deterministic identifiers for Cyber-observable Objects (STIX 2.1 §2.9): a UUIDv5 in
// the STIX namespace over the RFC 8785 canonical JSON of the object's ID-contributing
// properties. Which properties contribute is data (stix/data/sco-id-contributing.json).
//
//   ScoId(ipv4)  // "ipv4-addr--28bb3599-77cd-5a82-a950-b5bc3caf07c4" for 198.51.100.3
//
// Thread-safe; the table is loaded once.
#ifndef STIXKIT_STIX_MODEL_SCO_ID_H_
#define STIXKIT_STIX_MODEL_SCO_ID_H_

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "absl/status/statusor.h"
#include "rapidjson/document.h"
#include "stix/model/uuid.h"

namespace stixkit::stix {

// The ID-contributing property names of an SCO type, or nullopt for a type that is not
// a spec-defined SCO. An empty list (process) means the id is always a UUIDv4.
std::optional<std::vector<std::string>> IdContributingProperties(std::string_view type);

// The canonical name the UUIDv5 is computed over, or nullopt when the object has none
// of its contributing properties (then the spec requires a UUIDv4).
std::optional<std::string> ScoIdName(const rapidjson::Value& sco);

// The object's deterministic id: "type--uuidv5" when ScoIdName has a value, else
// "type--uuidv4" from `random`. InvalidArgument if `sco` has no spec-defined SCO type.
absl::StatusOr<std::string> ScoId(const rapidjson::Value& sco, const RandomBytes& random);

}  // namespace stixkit::stix

#endif  // STIXKIT_STIX_MODEL_SCO_ID_H_
