// Finding the techniques a bundle refers to, and the objects that refer to them.
#include "attack-data/technique_references.h"

#include <catch2/catch.hpp>

#include "tests/support/paths.h"

namespace stixkit::attack {
namespace {

std::string FixturePath(const std::string& name) {
  return testing::SourceDir() + "/tests/attack-data/fixtures/" + name;
}

std::vector<std::string> Texts(const TechniqueReference& ref) {
  std::vector<std::string> texts;
  for (const Referrer& r : ref.referrers) texts.push_back(r.text);
  return texts;
}

TEST_CASE("technique references: attack-patterns and what points at them", "[attack]") {
  const std::string path = FixturePath("report-bundle.json");
  const auto found = FindTechniqueReferences(testing::ReadTestFile(path), path);
  REQUIRE(found.ok());
  CHECK(found->bundle_id == "bundle--80000000-0000-4000-8000-000000000001");
  REQUIRE(found->techniques.size() == 3);
  const TechniqueReference& lsass = found->techniques[0];
  CHECK(lsass.technique_id == "T1003.001");
  CHECK(lsass.tactics == std::vector<std::string>{"credential-access"});
  CHECK(Texts(lsass) ==
        std::vector<std::string>{
            "attack-pattern--80000000-0000-4000-8000-000000000003 \"LSASS Memory\"",
            "report--80000000-0000-4000-8000-000000000002 \"Credential theft at ACME\"",
            "relationship--80000000-0000-4000-8000-000000000006: "
            "intrusion-set--80000000-0000-4000-8000-000000000005 \"APT29\" uses",
            "relationship--80000000-0000-4000-8000-000000000008: "
            "indicator--80000000-0000-4000-8000-000000000007 \"procdump writing lsass.dmp\" "
            "indicates"});
  // Ids are upper-cased ("t1066" in the bundle); patterns without ATT&CK ids are skipped.
  CHECK(found->techniques[1].technique_id == "T1066");
  CHECK(found->techniques[1].tactics.empty());
  CHECK(found->techniques[2].technique_id == "T9999");
}

TEST_CASE("technique references: a relationship from the technique names its target", "[attack]") {
  const std::string bundle =
      R"({"type":"bundle","id":"bundle--1","objects":[)"
      R"({"type":"attack-pattern","id":"attack-pattern--a","name":"A","external_references":)"
      R"([{"source_name":"mitre-attack","external_id":"T1059"}]},)"
      R"({"type":"relationship","id":"relationship--r","relationship_type":"uses",)"
      R"("source_ref":"attack-pattern--a","target_ref":"tool--t","created_by_ref":"identity--i"},)"
      R"({"type":"tool","id":"tool--t","name":"PowerShell"}]})";
  const auto found = FindTechniqueReferences(bundle, "b.json");
  REQUIRE(found.ok());
  REQUIRE(found->techniques.size() == 1);
  CHECK(Texts(found->techniques[0]) ==
        std::vector<std::string>{"attack-pattern--a \"A\"",
                                 "relationship--r: uses tool--t \"PowerShell\""});
}

TEST_CASE("technique references: a bundle without ATT&CK attack-patterns gives none", "[attack]") {
  const std::string path = FixturePath("no-attack-objects.json");
  const auto found = FindTechniqueReferences(testing::ReadTestFile(path), path);
  REQUIRE(found.ok());
  CHECK(found->techniques.empty());
}

TEST_CASE("technique references: a single object is read too", "[attack]") {
  const auto found = FindTechniqueReferences(
      R"({"type":"attack-pattern","id":"attack-pattern--a","name":"A","external_references":)"
      R"([{"source_name":"mitre-attack","external_id":"T1059"}]})",
      "one.json");
  REQUIRE(found.ok());
  REQUIRE(found->techniques.size() == 1);
  CHECK(found->bundle_id.empty());
}

TEST_CASE("technique references: invalid JSON is located", "[attack]") {
  const auto found = FindTechniqueReferences("{\"type\": \"bundle\", \"objects\": [{]}", "x.json");
  REQUIRE_FALSE(found.ok());
  CHECK(found.status().message() == "x.json:1:33: missing a name for object member");
}

TEST_CASE("technique references: invalid UTF-8 is refused, not crashed on", "[attack]") {
  const auto found = FindTechniqueReferences(
      "{\"type\": \"bundle\", \"objects\": [{\"type\": \"x\", \"name\": \"\xff\"}]}", "x.json");
  REQUIRE_FALSE(found.ok());
  CHECK(found.status().message() ==
        "x.json:1:55: invalid UTF-8; STIX JSON must be UTF-8 (RFC 8259 §8.1)");
}

}  // namespace
}  // namespace stixkit::attack
