// The facts read from one ATT&CK bundle, STIX 2.0 and 2.1.
#include "attack-data/internal/bundle_facts.h"

#include <catch2/catch.hpp>

#include "tests/support/paths.h"

namespace stixkit::attack::internal {
namespace {

BundleFacts Read(const std::string& fixture) {
  const std::string path = testing::SourceDir() + "/tests/attack-data/fixtures/" + fixture;
  absl::StatusOr<BundleFacts> facts = ReadBundleFacts(testing::ReadTestFile(path), path);
  REQUIRE(facts.ok());
  return *std::move(facts);
}

const AttackObject* Find(const BundleFacts& facts, const std::string& attack_id) {
  for (const AttackObject& o : facts.objects) {
    if (o.attack_id == attack_id) return &o;
  }
  return nullptr;
}

TEST_CASE("bundle facts: a STIX 2.0 bundle gives domain, objects and links", "[attack]") {
  const BundleFacts facts = Read("mini-enterprise-stix20.json");
  CHECK(facts.domain == "enterprise-attack");
  CHECK(facts.version.empty());
  CHECK(facts.copyright.size() == 1);
  // Eleven ATT&CK objects; the CAPEC-only attack-pattern is not one.
  CHECK(facts.objects.size() == 11);
  CHECK(Find(facts, "CAPEC-1") == nullptr);
  CHECK(facts.revoked_by ==
        std::vector<Link>{{"attack-pattern--30000000-0000-4000-8000-000000000066",
                           "attack-pattern--30000000-0000-4000-8000-000000000070"}});
  const AttackObject* t1003 = Find(facts, "T1003");
  REQUIRE(t1003 != nullptr);
  // Only MITRE's kill chain gives tactics; Lockheed's phase is dropped.
  CHECK(t1003->tactics == std::vector<std::string>{"credential-access"});
  const AttackObject* tactic = Find(facts, "TA0006");
  REQUIRE(tactic != nullptr);
  CHECK(tactic->shortname == "credential-access");
}

TEST_CASE("bundle facts: a STIX 2.1 bundle gives its version and old source names", "[attack]") {
  const BundleFacts facts = Read("mini-ics-stix21.json");
  CHECK(facts.domain == "ics-attack");
  CHECK(facts.version == "18.1");
  const AttackObject* old_source = Find(facts, "T0850");
  REQUIRE(old_source != nullptr);
  CHECK(old_source->deprecated);
  const AttackObject* stuxnet = Find(facts, "S0603");
  REQUIRE(stuxnet != nullptr);
  CHECK(stuxnet->aliases == std::vector<std::string>{"Stuxnet", "W32.Stuxnet"});
}

TEST_CASE("bundle facts: x_mitre_aliases and aliases merge without repeats", "[attack]") {
  const std::string bundle =
      R"({"type":"bundle","id":"bundle--1","objects":[{"type":"malware","id":"malware--1",)"
      R"("name":"X","external_references":[{"source_name":"mitre-attack","external_id":"S1"}],)"
      R"("x_mitre_aliases":["X","Y"],"aliases":["Y","Z"]}]})";
  const auto facts = ReadBundleFacts(bundle, "b.json");
  REQUIRE(facts.ok());
  CHECK(facts->objects[0].aliases == std::vector<std::string>{"X", "Y", "Z"});
}

TEST_CASE("bundle facts: matrices of two domains in one bundle are refused", "[attack]") {
  const std::string bundle =
      R"({"type":"bundle","id":"bundle--1","objects":[)"
      R"({"type":"x-mitre-matrix","id":"x-mitre-matrix--1","external_references":)"
      R"([{"source_name":"mitre-attack","external_id":"enterprise-attack"}]},)"
      R"({"type":"x-mitre-matrix","id":"x-mitre-matrix--2","external_references":)"
      R"([{"source_name":"mitre-attack","external_id":"ics-attack"}]}]})";
  const auto facts = ReadBundleFacts(bundle, "b.json");
  REQUIRE_FALSE(facts.ok());
  CHECK(facts.status().message() ==
        "b.json: objects[1] (x-mitre-matrix--2): /external_references: this matrix is for "
        "\"ics-attack\" but an earlier one is for \"enterprise-attack\"; import one domain per "
        "bundle");
}

TEST_CASE("bundle facts: a malformed external reference list is named", "[attack]") {
  const std::string bundle =
      R"({"type":"bundle","id":"bundle--1","objects":[{"type":"tool","id":"tool--1",)"
      R"("name":"T","external_references":["mitre-attack"]}]})";
  const auto facts = ReadBundleFacts(bundle, "b.json");
  REQUIRE_FALSE(facts.ok());
  CHECK(facts.status().message() ==
        "b.json: objects[0] (tool--1): /external_references/0: expected an object, found a "
        "string");
}

}  // namespace
}  // namespace stixkit::attack::internal
