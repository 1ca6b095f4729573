#include <catch2/catch.hpp>

#include "tests/stix/validate/best_practice/check_runner.h"

namespace stixkit::stix::testing {
namespace {

const ValidationOptions kOnly103 = Enabling({"uuid-check"});

TEST_CASE("uuid-check: SDOs use UUIDv4 and SCOs UUIDv5", "[stix][validate]") {
  CHECK(RunChecks(R"({"type": "malware", "id": "malware--0c7b5b88-8ff7-4a4d-aa9d-feb398cd0061"})",
                  kOnly103)
            .empty());
  CHECK(
      RunChecks(R"({"type": "file", "id": "file--ff1e0780-358c-5808-a8c7-d0fca4ef6ef4"})", kOnly103)
          .empty());
  const Findings f = RunChecks(
      R"({"type": "malware", "id": "malware--fdd60b30-b67c-11e3-b0b9-f01faf20d111"})", kOnly103);
  REQUIRE(f.size() == 1);
  CHECK(f[0].code == "103");
  CHECK(f[0].pointer == "/id");
  CHECK(f[0].message ==
        "id 'malware--fdd60b30-b67c-11e3-b0b9-f01faf20d111' should use a UUIDv4, found a UUIDv1");
}

TEST_CASE("uuid-check: an SCO with a UUIDv4 is reported, except process", "[stix][validate]") {
  const Findings f = RunChecks(
      R"({"type": "file", "id": "file--ff1e0780-358c-4808-a8c7-d0fca4ef6ef4"})", kOnly103);
  REQUIRE(f.size() == 1);
  CHECK(f[0].message ==
        "cyber observable id 'file--ff1e0780-358c-4808-a8c7-d0fca4ef6ef4' should use a "
        "UUIDv5, found a UUIDv4");
  CHECK(RunChecks(R"({"type": "process", "id": "process--ff1e0780-358c-4808-a8c7-d0fca4ef6ef4"})",
                  kOnly103)
            .empty());
}

TEST_CASE("uuid-check: a non-RFC 4122 variant is never the expected version", "[stix][validate]") {
  const Findings f = RunChecks(
      R"({"type": "tool", "id": "tool--8e2e2d2b-17d4-4cbf-038f-98ee46b3cd3f"})", kOnly103);
  REQUIRE(f.size() == 1);
  CHECK(f[0].message ==
        "id 'tool--8e2e2d2b-17d4-4cbf-038f-98ee46b3cd3f' should use a UUIDv4, found a "
        "non-RFC 4122 UUID");
}

TEST_CASE("uuid-check: any disable list turns the check off (reference quirk)",
          "[stix][validate]") {
  CHECK(
      RunChecks(
          R"({"type": "malware", "id": "malware--fdd60b30-b67c-11e3-b0b9-f01faf20d111", "name": "p", "description": "d"})",
          Disabling({"extref-hashes"}))
          .empty());
}

}  // namespace
}  // namespace stixkit::stix::testing
