// STIX identifiers, `<object-type>--<UUID>` (STIX 2.1 §2.9).
//
//   auto id = ParseIdentifier("indicator--8e2e2d2b-17d4-4cbf-938f-98ee46b3cd3f");
//   if (id.ok()) id->type;  // "indicator"
//
// Value types; thread-safe.
#ifndef STIXKIT_STIX_MODEL_IDENTIFIER_H_
#define STIXKIT_STIX_MODEL_IDENTIFIER_H_

#include <string>
#include <string_view>

#include "absl/status/statusor.h"
#include "stix/model/uuid.h"

namespace stixkit::stix {

struct Identifier {
  std::string type;
  Uuid uuid;

  std::string ToString() const { return type + "--" + uuid.ToString(); }
};

// Whether `type` is a well-formed STIX type name: 3-250 characters of a-z, 0-9 and
// '-', starting with a letter, without "--" (STIX 2.1 §3.1).
bool IsValidTypeName(std::string_view type);

// Parses "type--uuid". InvalidArgument naming what is wrong: a missing "--", a bad type
// name, or a UUID that is not 8-4-4-4-12 hex.
absl::StatusOr<Identifier> ParseIdentifier(std::string_view text);

}  // namespace stixkit::stix

#endif  // STIXKIT_STIX_MODEL_IDENTIFIER_H_
