#include <catch2/catch.hpp>

#include "tests/stix/validate/best_practice/check_runner.h"

namespace stixkit::stix::testing {
namespace {

TEST_CASE("observable-object-keys: observed-data objects keys are integers", "[stix][validate]") {
  const Findings f = RunChecks(
      R"({"type": "observed-data", "id": "observed-data--b67d30ff-02ac-498a-92f9-32f845f448cf",
    "objects": {"0": {"type": "url", "value": "http://a"}, "abc": {"type": "url", "value": "http://b"}}})",
      Enabling({"observable-object-keys"}));
  REQUIRE(f.size() == 1);
  CHECK(f[0].code == "141");
  CHECK(f[0].pointer == "/objects/abc");
  CHECK(f[0].message == "observable object key 'abc' should be a non-negative integer");
}

TEST_CASE("observable-dictionary-keys: keys in observables are lower case, hashes excepted",
          "[stix][validate]") {
  const Findings f =
      RunChecks(R"({"type": "file", "id": "file--ff1e0780-358c-5808-a8c7-d0fca4ef6ef4",
    "hashes": {"MD5": "B365B9A80A06906FC9B400C06C33FF43"}, "x_s_dicts": {"FOOBAR": {"foo": "bar"}}})",
                Enabling({"observable-dictionary-keys"}));
  REQUIRE(f.size() == 1);
  CHECK(f[0].code == "142");
  CHECK(f[0].message == "dictionary key 'FOOBAR' should be lower case");
}

TEST_CASE("windows-process-priority-format: priority ends in _CLASS", "[stix][validate]") {
  const Findings f =
      RunChecks(R"({"type": "process", "id": "process--ff1e0780-358c-4808-a8c7-d0fca4ef6ef4",
    "extensions": {"windows-process-ext": {"priority": "HIGH_PRIORITY"}}})",
                Enabling({"149"}));
  REQUIRE(f.size() == 1);
  CHECK(f[0].pointer == "/extensions/windows-process-ext/priority");
  CHECK(f[0].message == "priority 'HIGH_PRIORITY' should end in '_CLASS'");
}

TEST_CASE("hash-length: hash names up to 250 characters pass", "[stix][validate]") {
  const std::string long_name(251, 'a');
  CHECK(
      RunChecks(
          R"({"type": "file", "id": "file--ff1e0780-358c-5808-a8c7-d0fca4ef6ef4", "hashes": {"abcdefghijklmnopqrstuvwxyz0123456789": "x"}})",
          Enabling({"hash-length"}))
          .empty());
  const Findings f = RunChecks(
      R"({"type": "artifact", "id": "artifact--ff1e0780-358c-5808-a8c7-d0fca4ef6ef4", "hashes": {")" +
          long_name + R"(": "x"}})",
      Enabling({"hash-length"}));
  REQUIRE(f.size() == 1);
  CHECK(f[0].code == "150");
  CHECK(f[0].message == "hash name '" + long_name + "' should be at most 250 characters long");
}

}  // namespace
}  // namespace stixkit::stix::testing
