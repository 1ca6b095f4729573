#include "stix/model/vocabularies.h"

#include <catch2/catch.hpp>

#include "stix/validate/best_practice/internal/check_tables.h"
#include "tests/stix/validate/best_practice/check_runner.h"

namespace stixkit::stix::testing {
namespace {

TEST_CASE("vocabularies: every vocabulary the checks name exists in stix/model",
          "[stix][validate]") {
  for (const std::string& name : best_practice::CheckTables::Get().VocabularyNames()) {
    INFO(name);
    CHECK(FindVocabulary(name) != nullptr);
  }
  CHECK(FindVocabulary("hash-algorithm-ov") != nullptr);
  CHECK(FindVocabulary("windows-pebinary-type-ov") != nullptr);
}

TEST_CASE("vocabularies: a value outside the open vocabulary is reported once per property",
          "[stix][validate]") {
  const Findings f =
      RunChecks(R"({"type": "identity", "id": "identity--2d1c6ab3-5e4e-48ac-a32b-f0c01c2836a8",
    "name": "ACME", "identity_class": "organization", "sectors": ["healthcare", "something", "other"]})",
                Enabling({"all-vocabs"}));
  REQUIRE(f.size() == 1);
  CHECK(f[0].code == "215");
  CHECK(f[0].pointer == "/sectors");
  CHECK(f[0].message == "sectors should use values from industry-sector-ov, found 'something'");
}

TEST_CASE("vocabularies: single-valued properties and disabled codes", "[stix][validate]") {
  const std::string actor =
      R"({"type": "threat-actor", "id": "threat-actor--8e2e2d2b-17d4-4cbf-938f-98ee46b3cd3f",
    "name": "x", "primary_motivation": "selfishness", "resource_level": "high"})";
  CHECK(CodesOf(RunChecks(actor)) == std::set<std::string>{"211", "212"});
  CHECK(CodesOf(RunChecks(actor, Disabling({"attack-motivation"}))) ==
        std::set<std::string>{"212"});
}

TEST_CASE("hash-algo: hash names come from hash-algorithm-ov or start with x_",
          "[stix][validate]") {
  const Findings f =
      RunChecks(R"({"type": "file", "id": "file--ff1e0780-358c-5808-a8c7-d0fca4ef6ef4",
    "hashes": {"MD5": "B365B9A80A06906FC9B400C06C33FF43", "x_custom": "1", "foo": "2"},
    "extensions": {"windows-pebinary-ext": {"pe_type": "exe", "sections": [{"name": "CODE", "hashes": {"bar": "1"}}]}}})",
                Enabling({"hash-algo"}));
  REQUIRE(f.size() == 2);
  CHECK(f[0].code == "241");
  CHECK(f[0].message ==
        "hash name 'foo' in hashes should come from hash-algorithm-ov or start with 'x_'");
  CHECK(f[1].pointer == "/extensions/windows-pebinary-ext/sections");
  CHECK(f[1].message ==
        "hash name 'bar' in a windows-pebinary-ext section should come from "
        "hash-algorithm-ov or start with 'x_'");
}

TEST_CASE("windows-pebinary-type: pe_type comes from windows-pebinary-type-ov",
          "[stix][validate]") {
  const Findings f =
      RunChecks(R"({"type": "file", "id": "file--ff1e0780-358c-5808-a8c7-d0fca4ef6ef4",
    "name": "a", "extensions": {"windows-pebinary-ext": {"pe_type": "elf"}}})",
                Enabling({"243"}));
  REQUIRE(f.size() == 1);
  CHECK(f[0].message == "pe_type should come from windows-pebinary-type-ov, found 'elf'");
}

}  // namespace
}  // namespace stixkit::stix::testing
