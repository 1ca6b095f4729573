// The plain contents of an ATT&CK catalog: what `stixkit attack import` builds from
// MITRE's bundles, what attack-data/catalog.json holds, and what a Catalog indexes.
// Kept apart from catalog.h so that the importer, the JSON reader and the JSON writer
// share one shape without depending on the indexed class.
//
//   STIXKIT_ASSIGN_OR_RETURN(CatalogData data, ImportAttackBundles(paths, options));
//   std::string json = WriteCatalogJson(data);
//
// Plain value types; no invariants beyond those the importer documents.
#ifndef STIXKIT_ATTACK_DATA_CATALOG_DATA_H_
#define STIXKIT_ATTACK_DATA_CATALOG_DATA_H_

#include <string>
#include <string_view>
#include <vector>

#include "attack-data/catalog.h"

namespace stixkit::attack {

// The catalog file announces its format so that a reader can tell it from a STIX
// bundle passed by mistake, and so that the format can change later.
inline constexpr std::string_view kCatalogFormat = "stixkit-attack-catalog";
inline constexpr int kCatalogFormatVersion = 1;

// One ATT&CK domain in a catalog.
struct DomainInfo {
  std::string name;     // "enterprise-attack"
  std::string version;  // "18.1"
  std::string source;   // file name of the bundle it came from: "enterprise-attack.json"
};

struct CatalogData {
  std::string attack_version;  // shared by every domain: "18.1"
  std::vector<DomainInfo> domains;
  // MITRE's copyright statements from the bundles' marking-definitions.
  std::vector<std::string> copyright;
  // MITRE's ATT&CK licence text (attack-data/LICENSE-ATTACK.txt), which must travel
  // with every copy of the data.
  std::string attribution;
  // Each list is sorted by ATT&CK id, then STIX id.
  std::vector<Tactic> tactics;
  std::vector<Technique> techniques;
  std::vector<Entity> software;
  std::vector<Entity> groups;
  std::vector<Mitigation> mitigations;
};

}  // namespace stixkit::attack

#endif  // STIXKIT_ATTACK_DATA_CATALOG_DATA_H_
