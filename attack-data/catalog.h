// The compact ATT&CK catalog: facts about techniques, tactics, software, groups and
// mitigations (ids, names, aliases, tactics, platforms, STIX ids, revoked and deprecated
// flags), generated from MITRE's STIX bundles by `stixkit attack import` and embedded
// in the binary. No descriptions are copied. MITRE's attribution travels with it
// (attack-data/LICENSE-ATTACK.txt, and the catalog's "attribution" field).
//
//   const attack::Catalog& catalog = attack::Catalog::Embedded();
//   if (const attack::Technique* t = catalog.FindTechnique("T1003.001")) t->name;
//
// A Catalog is immutable after loading; Embedded() is built on first use and lives for
// the whole program. Thread-safe.
#ifndef STIXKIT_ATTACK_DATA_CATALOG_H_
#define STIXKIT_ATTACK_DATA_CATALOG_H_

#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "absl/status/statusor.h"

namespace stixkit::attack {

struct CatalogData;
struct DomainInfo;

struct Technique {
  std::string id;       // "T1003" or "T1003.001"
  std::string stix_id;  // "attack-pattern--..."
  std::string name;
  std::vector<std::string> tactics;    // tactic shortnames: "credential-access"
  std::vector<std::string> platforms;  // "Windows", "Linux", ...
  std::vector<std::string> domains;    // "enterprise-attack", "mobile-attack", "ics-attack"
  std::string parent;                  // "T1003" for a sub-technique, else ""
  bool revoked = false;
  std::string revoked_by;  // ATT&CK id of the replacement, when revoked and known
  bool deprecated = false;
};

struct Tactic {
  std::string id;         // "TA0006"
  std::string shortname;  // "credential-access"
  std::string name;       // "Credential Access"
  std::vector<std::string> domains;
  bool deprecated = false;
};

// Software (malware and tools) and groups share one shape.
struct Entity {
  std::string id;       // "S0002", "G0016"
  std::string stix_id;  // "malware--...", "tool--...", "intrusion-set--..."
  std::string type;     // "malware", "tool", "intrusion-set"
  std::string name;
  std::vector<std::string> aliases;
  std::vector<std::string> domains;
  bool revoked = false;
  std::string revoked_by;  // ATT&CK id of the replacement, when revoked and known
  bool deprecated = false;
};

struct Mitigation {
  std::string id;  // "M1026"
  std::string stix_id;
  std::string name;
  std::vector<std::string> domains;
  bool deprecated = false;
};

class Catalog {
 public:
  // The catalog compiled into the binary (attack-data/catalog.json); an empty catalog
  // if the binary was built without one (tests guard against that).
  static const Catalog& Embedded();
  // Parses catalog JSON as `stixkit attack import` writes it. InvalidArgument naming
  // the file and what is wrong.
  static absl::StatusOr<std::unique_ptr<Catalog>> Parse(std::string_view json,
                                                        std::string_view path);
  // Reads and parses the catalog file at `path` (`--attack-data FILE`). NotFound or
  // PermissionDenied naming the file when it cannot be read; Parse's errors otherwise.
  static absl::StatusOr<std::unique_ptr<Catalog>> ParseFile(const std::string& path);
  // Wraps already-built data (as `stixkit attack import` produces it); indexes it.
  static std::unique_ptr<Catalog> FromData(CatalogData data);

  std::string version() const;               // "18.1"
  std::vector<std::string> domains() const;  // the domains it covers
  // Each domain with the ATT&CK version and the bundle file it was imported from.
  const std::vector<DomainInfo>& domain_info() const;
  // MITRE's ATT&CK licence text (attack-data/LICENSE-ATTACK.txt) as the catalog carries
  // it; MITRE's copyright statements are in data().copyright.
  const std::string& attribution() const;
  const CatalogData& data() const;

  const std::vector<Technique>& techniques() const;
  const std::vector<Tactic>& tactics() const;
  const std::vector<Entity>& software() const;
  const std::vector<Entity>& groups() const;
  const std::vector<Mitigation>& mitigations() const;

  // Lookups by ATT&CK id (case-insensitive: "t1003.001" works); nullptr if unknown.
  // A tactic shortname shared by several domains ("initial-access") finds the tactic
  // with the lowest TA id, which is Enterprise's. When two entries share an id (MITRE
  // reused S0017 in ICS), the active one wins over a revoked or deprecated one.
  const Technique* FindTechnique(std::string_view id) const;
  const Tactic* FindTactic(std::string_view id_or_shortname) const;
  const Entity* FindSoftware(std::string_view id) const;
  const Entity* FindGroup(std::string_view id) const;
  const Mitigation* FindMitigation(std::string_view id) const;
  // The technique that stands for `id` today: the technique itself, or the end of its
  // revoked-by chain. Returns the revoked technique itself when its replacement is
  // unknown, and nullptr if `id` is not in the catalog.
  const Technique* CurrentTechnique(std::string_view id) const;

  ~Catalog();

 private:
  Catalog();
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace stixkit::attack

#endif  // STIXKIT_ATTACK_DATA_CATALOG_H_
