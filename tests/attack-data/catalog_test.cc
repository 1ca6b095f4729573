// The embedded catalog (attack-data/catalog.json, ATT&CK 18.1) and Catalog's lookups.
#include "attack-data/catalog.h"

#include <algorithm>
#include <catch2/catch.hpp>

#include "attack-data/catalog_data.h"

namespace stixkit::attack {
namespace {

bool Contains(const std::vector<std::string>& list, const std::string& value) {
  return std::find(list.begin(), list.end(), value) != list.end();
}

TEST_CASE("catalog: the embedded catalog is ATT&CK 18.1 for three domains", "[attack]") {
  const Catalog& c = Catalog::Embedded();
  CHECK(c.version() == "18.1");
  CHECK(c.domains() ==
        std::vector<std::string>{"enterprise-attack", "mobile-attack", "ics-attack"});
  // Counts from ../shared/attack-data/README.md: 835 + 190 + 95 attack-patterns and
  // 14 + 14 + 12 tactics; software, groups and mitigations are shared across domains.
  CHECK(c.techniques().size() == 1120);
  CHECK(c.tactics().size() == 40);
  CHECK(c.software().size() == 921);
  CHECK(c.groups().size() == 191);
  CHECK(c.mitigations().size() == 110);
}

TEST_CASE("catalog: MITRE's attribution travels with the embedded catalog", "[attack]") {
  const Catalog& c = Catalog::Embedded();
  CHECK(c.attribution().find("The MITRE Corporation (MITRE) hereby grants you a non-exclusive, "
                             "royalty-free license to use ATT&CK") != std::string::npos);
  CHECK(c.attribution().find("This work is reproduced and distributed with the permission of "
                             "The MITRE Corporation.") != std::string::npos);
  REQUIRE(c.data().copyright.size() == 1);
  CHECK(c.data().copyright[0].find("MITRE ATT&CK and ATT&CK are registered trademarks") !=
        std::string::npos);
}

TEST_CASE("catalog: T1003.001 is LSASS Memory under credential-access", "[attack]") {
  const Technique* t = Catalog::Embedded().FindTechnique("t1003.001");
  REQUIRE(t != nullptr);
  CHECK(t->id == "T1003.001");
  CHECK(t->name == "LSASS Memory");
  CHECK(t->tactics == std::vector<std::string>{"credential-access"});
  CHECK(t->platforms == std::vector<std::string>{"Windows"});
  CHECK(t->domains == std::vector<std::string>{"enterprise-attack"});
  CHECK(t->parent == "T1003");
  CHECK(t->stix_id == "attack-pattern--65f2d882-3f41-4d48-8a06-29af77ec9f90");
  CHECK_FALSE(t->revoked);
  CHECK_FALSE(t->deprecated);
}

TEST_CASE("catalog: a revoked technique names its replacement", "[attack]") {
  const Catalog& c = Catalog::Embedded();
  const Technique* old = c.FindTechnique("T1066");
  REQUIRE(old != nullptr);
  CHECK(old->name == "Indicator Removal from Tools");
  CHECK(old->revoked);
  CHECK(old->revoked_by == "T1027.005");
  const Technique* now = c.CurrentTechnique("T1066");
  REQUIRE(now != nullptr);
  CHECK(now->id == "T1027.005");
  CHECK_FALSE(now->revoked);
}

TEST_CASE("catalog: the current technique of an active one is itself", "[attack]") {
  const Catalog& c = Catalog::Embedded();
  CHECK(c.CurrentTechnique("T1003.001") == c.FindTechnique("T1003.001"));
  CHECK(c.CurrentTechnique("T0000") == nullptr);
}

TEST_CASE("catalog: S0002 is the tool Mimikatz", "[attack]") {
  const Entity* s = Catalog::Embedded().FindSoftware("s0002");
  REQUIRE(s != nullptr);
  CHECK(s->name == "Mimikatz");
  CHECK(s->type == "tool");
  CHECK(s->aliases == std::vector<std::string>{"Mimikatz"});
  CHECK(s->stix_id == "tool--afc079f3-c0ea-4096-b75d-3f05338b7f60");
}

TEST_CASE("catalog: G0016 is APT29 with its aliases", "[attack]") {
  const Entity* g = Catalog::Embedded().FindGroup("G0016");
  REQUIRE(g != nullptr);
  CHECK(g->name == "APT29");
  CHECK(g->type == "intrusion-set");
  CHECK(Contains(g->aliases, "Cozy Bear"));
  CHECK(Contains(g->aliases, "NOBELIUM"));
  CHECK(Contains(g->aliases, "Midnight Blizzard"));
}

TEST_CASE("catalog: TA0006 is found by id and by shortname", "[attack]") {
  const Catalog& c = Catalog::Embedded();
  const Tactic* t = c.FindTactic("TA0006");
  REQUIRE(t != nullptr);
  CHECK(t->name == "Credential Access");
  CHECK(t->shortname == "credential-access");
  CHECK(c.FindTactic("Credential-Access") == t);
}

TEST_CASE("catalog: a shortname in several domains finds Enterprise's tactic", "[attack]") {
  const Tactic* t = Catalog::Embedded().FindTactic("initial-access");
  REQUIRE(t != nullptr);
  CHECK(t->id == "TA0001");
}

TEST_CASE("catalog: a shared id finds the active entry, not the deprecated one", "[attack]") {
  // MITRE gave S0017 to BISCUIT (Enterprise) and to a deprecated EKANS entry (ICS).
  const Entity* s = Catalog::Embedded().FindSoftware("S0017");
  REQUIRE(s != nullptr);
  CHECK(s->name == "BISCUIT");
}

TEST_CASE("catalog: ICS techniques with the old source name are present", "[attack]") {
  const Technique* t = Catalog::Embedded().FindTechnique("T0850");
  REQUIRE(t != nullptr);
  CHECK(t->domains == std::vector<std::string>{"ics-attack"});
}

TEST_CASE("catalog: M1026 is a mitigation; old T-numbered mitigations are left out", "[attack]") {
  const Catalog& c = Catalog::Embedded();
  const Mitigation* m = c.FindMitigation("M1026");
  REQUIRE(m != nullptr);
  CHECK(m->name == "Privileged Account Management");
  CHECK(c.FindMitigation("T1003") == nullptr);
}

TEST_CASE("catalog: unknown ids find nothing", "[attack]") {
  const Catalog& c = Catalog::Embedded();
  CHECK(c.FindTechnique("T9999") == nullptr);
  CHECK(c.FindTactic("TA9999") == nullptr);
  CHECK(c.FindSoftware("") == nullptr);
  CHECK(c.FindGroup("G9999") == nullptr);
  CHECK(c.FindMitigation("M9999") == nullptr);
}

TEST_CASE("catalog: a revoked-by cycle stops instead of looping", "[attack]") {
  CatalogData data;
  Technique a, b;
  a.id = "T1", a.name = "a", a.revoked = true, a.revoked_by = "T2";
  b.id = "T2", b.name = "b", b.revoked = true, b.revoked_by = "T1";
  data.techniques = {a, b};
  const auto catalog = Catalog::FromData(data);
  const Technique* t = catalog->CurrentTechnique("T1");
  REQUIRE(t != nullptr);
  CHECK(t->revoked);
}

}  // namespace
}  // namespace stixkit::attack
