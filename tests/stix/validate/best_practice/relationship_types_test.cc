#include <catch2/catch.hpp>
#include <string>

#include "tests/stix/validate/best_practice/check_runner.h"

namespace stixkit::stix::testing {
namespace {

std::string Relationship(std::string_view type, std::string_view source, std::string_view target) {
  return std::string(
             R"({"type": "relationship", "id": "relationship--44298a74-ba52-4f0c-87a3-1824e67d7fad", "relationship_type": ")") +
         std::string(type) + R"(", "source_ref": ")" + std::string(source) +
         R"(--8e2e2d2b-17d4-4cbf-938f-98ee46b3cd3f", "target_ref": ")" + std::string(target) +
         R"(--31b940d4-6f7f-459a-80ea-9c1f17b5891b"})";
}

const ValidationOptions kOnly202 = Enabling({"relationship-types"});

TEST_CASE("relationship-types: spec-defined relationships pass", "[stix][validate]") {
  CHECK(RunChecks(Relationship("indicates", "indicator", "malware"), kOnly202).empty());
  CHECK(RunChecks(Relationship("related-to", "report", "note"), kOnly202).empty());
  CHECK(RunChecks(Relationship("consists-of", "infrastructure", "ipv4-addr"), kOnly202).empty());
  CHECK(RunChecks(Relationship("uses", "sighting", "malware"), kOnly202).empty());
}

TEST_CASE("relationship-types: the first mismatch is reported", "[stix][validate]") {
  Findings f = RunChecks(Relationship("SOMETHING", "indicator", "malware"), kOnly202);
  REQUIRE(f.size() == 1);
  CHECK(f[0].code == "202");
  CHECK(f[0].pointer == "/relationship_type");
  CHECK(f[0].message ==
        "'SOMETHING' is permitted, but is not a suggested relationship type for 'indicator' "
        "objects");

  f = RunChecks(Relationship("indicates", "indicator", "report"), kOnly202);
  REQUIRE(f.size() == 1);
  CHECK(f[0].pointer == "/target_ref");
  CHECK(f[0].message ==
        "'report' is permitted, but is not a suggested target of 'indicator' objects in a "
        "'indicates' relationship");

  f = RunChecks(Relationship("uses", "vulnerability", "malware"), kOnly202);
  REQUIRE(f.size() == 1);
  CHECK(f[0].pointer == "/source_ref");
  CHECK(f[0].message ==
        "'vulnerability' is permitted, but is not a suggested source of 'uses' relationships");
}

}  // namespace
}  // namespace stixkit::stix::testing
