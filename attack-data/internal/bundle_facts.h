// The facts the catalog needs from one MITRE ATT&CK bundle (STIX 2.0 or 2.1): the
// ATT&CK objects with their ids, names, tactics, platforms, aliases and flags, the
// revoked-by and subtechnique-of relationships, the domain (x-mitre-matrix), the
// release (x-mitre-collection) and MITRE's copyright statements. Descriptions are never
// read. Internal to attack-data/: attack_import.cc merges the facts of several bundles.
//
//   STIXKIT_ASSIGN_OR_RETURN(BundleFacts facts, ReadBundleFacts(text, "enterprise.json"));
//
// Pure function; thread-safe.
#ifndef STIXKIT_ATTACK_DATA_INTERNAL_BUNDLE_FACTS_H_
#define STIXKIT_ATTACK_DATA_INTERNAL_BUNDLE_FACTS_H_

#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "absl/status/statusor.h"

namespace stixkit::attack::internal {

// An object that becomes a catalog entry: attack-pattern, x-mitre-tactic,
// intrusion-set, malware, tool or course-of-action, with an ATT&CK id.
struct AttackObject {
  std::string type;
  std::string stix_id;
  std::string attack_id;  // from the mitre-attack external reference
  std::string name;
  std::string shortname;               // x-mitre-tactic only
  std::vector<std::string> tactics;    // attack-pattern: MITRE kill-chain phase names
  std::vector<std::string> platforms;  // x_mitre_platforms
  std::vector<std::string> aliases;    // x_mitre_aliases, then aliases
  bool revoked = false;
  bool deprecated = false;  // x_mitre_deprecated
};

// A relationship as (source STIX id, target STIX id).
using Link = std::pair<std::string, std::string>;

struct BundleFacts {
  std::string domain;                  // x-mitre-matrix external id, "" when the bundle has none
  std::string version;                 // x-mitre-collection x_mitre_version, "" when none
  std::vector<std::string> copyright;  // marking-definition statements, de-duplicated
  std::vector<AttackObject> objects;   // in bundle order
  std::vector<Link> revoked_by;
  std::vector<Link> subtechnique_of;
};

// The facts of the bundle in `text`. InvalidArgument when the text is not JSON, not a
// bundle ("path:1:1: expected a STIX bundle ..."), two matrices name different
// domains, or an ATT&CK object has a member of the wrong type ("path: objects[3]
// (attack-pattern--...): /name: expected a string, found a number"); DataLoss when
// the text ends early.
absl::StatusOr<BundleFacts> ReadBundleFacts(std::string_view text, std::string_view path);

}  // namespace stixkit::attack::internal

#endif  // STIXKIT_ATTACK_DATA_INTERNAL_BUNDLE_FACTS_H_
