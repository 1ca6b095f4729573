// Finding catalog entries the way a person names them: by ATT&CK id ("T1003.001",
// "ta0006"), by name ("LSASS Memory"), by alias ("Cozy Bear") or by tactic shortname
// ("credential-access"), case-insensitively; and, when nothing matches, the entries
// whose ids, names or aliases are closest to what was typed. `stixkit attack lookup`
// is a thin layer over this.
//
//   for (const LookupHit& hit : Lookup(Catalog::Embedded(), "mimikatz")) hit.id();
//
// Hits point into the catalog and live as long as it does. Thread-safe.
#ifndef STIXKIT_ATTACK_DATA_LOOKUP_H_
#define STIXKIT_ATTACK_DATA_LOOKUP_H_

#include <string>
#include <string_view>
#include <vector>

#include "attack-data/catalog.h"

namespace stixkit::attack {

enum class EntryKind { kTechnique, kTactic, kSoftware, kGroup, kMitigation };

// "technique", "tactic", "software", "group", "mitigation".
std::string_view EntryKindName(EntryKind kind);

// One matching entry; exactly one of the pointers is set, as `kind` says.
struct LookupHit {
  EntryKind kind = EntryKind::kTechnique;
  const Technique* technique = nullptr;
  const Tactic* tactic = nullptr;
  const Entity* entity = nullptr;  // software or group
  const Mitigation* mitigation = nullptr;
  std::string matched_on;  // "id", "name", "alias", "shortname"; "similar" for suggestions

  const std::string& id() const;
  const std::string& name() const;
};

// Entries whose id matches `query` exactly (ignoring case and surrounding space);
// failing that, entries whose name, alias or tactic shortname does. Several entries
// can answer one query (a shared id, a group alias that is also a software name):
// active entries come first, then revoked or deprecated ones, each in catalog order.
// Empty when nothing matches.
std::vector<LookupHit> Lookup(const Catalog& catalog, std::string_view query);

// Up to `limit` entries whose id, name or alias is close to `query` (a small edit
// distance, or a name that contains it), nearest first. For "did you mean" messages.
std::vector<LookupHit> SuggestSimilar(const Catalog& catalog, std::string_view query,
                                      size_t limit = 5);

}  // namespace stixkit::attack

#endif  // STIXKIT_ATTACK_DATA_LOOKUP_H_
