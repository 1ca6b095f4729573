// Reading catalog JSON, the format `stixkit attack import` writes (docs/attack.md):
// one object with the ATT&CK version, the domains, MITRE's attribution, and one
// array per kind of entry.
//
//   STIXKIT_ASSIGN_OR_RETURN(CatalogData data, ReadCatalogJson(text, "catalog.json"));
//
// Pure function; thread-safe.
#ifndef STIXKIT_ATTACK_DATA_CATALOG_READER_H_
#define STIXKIT_ATTACK_DATA_CATALOG_READER_H_

#include <string_view>

#include "absl/status/statusor.h"
#include "attack-data/catalog_data.h"

namespace stixkit::attack {

// The catalog in `text`. InvalidArgument when it is not JSON ("path:line:col: ..."),
// not a catalog, or a member has the wrong type ("path: /techniques/3/name: expected a
// string, found a number").
absl::StatusOr<CatalogData> ReadCatalogJson(std::string_view text, std::string_view path);

}  // namespace stixkit::attack

#endif  // STIXKIT_ATTACK_DATA_CATALOG_READER_H_
