// Which ATT&CK techniques a STIX bundle refers to, and through which objects: the
// attack-patterns that carry an ATT&CK id (an external reference with source_name
// "mitre-attack" and an external_id like "T1566.001"), and every object that points
// at one of them through a *_ref or *_refs property (relationships, sightings, reports,
// ...). `stixkit attack layer` turns this into a Navigator layer.
//
//   STIXKIT_ASSIGN_OR_RETURN(BundleTechniques found, FindTechniqueReferences(text, path));
//
// Reads the bundle one object at a time with the project's scanner. Pure function;
// thread-safe.
#ifndef STIXKIT_ATTACK_DATA_TECHNIQUE_REFERENCES_H_
#define STIXKIT_ATTACK_DATA_TECHNIQUE_REFERENCES_H_

#include <string>
#include <string_view>
#include <vector>

#include "absl/status/statusor.h"

namespace stixkit::attack {

// A bundle object that refers to a technique, for people to read.
struct Referrer {
  std::string id;    // "relationship--..."
  std::string text;  // "relationship--... (indicator--... 'Bad URL' indicates)"
};

struct TechniqueReference {
  std::string technique_id;          // upper-cased ATT&CK id from the bundle: "T1566.001"
  std::vector<std::string> tactics;  // MITRE kill-chain phases on its attack-patterns
  std::vector<Referrer> referrers;   // its attack-patterns first, then the rest, in bundle order
};

struct BundleTechniques {
  std::string bundle_id;                       // "" when the input is not a bundle
  std::vector<TechniqueReference> techniques;  // sorted by technique id
};

// The techniques referred to in `text` (a bundle, an array of objects or one object).
// Empty `techniques` when no attack-pattern carries an ATT&CK id: that is an answer,
// not an error. InvalidArgument or DataLoss, located as "path:line:col: ...", when the
// text is not JSON or not STIX-shaped.
absl::StatusOr<BundleTechniques> FindTechniqueReferences(std::string_view text,
                                                         std::string_view path);

}  // namespace stixkit::attack

#endif  // STIXKIT_ATTACK_DATA_TECHNIQUE_REFERENCES_H_
