#include <catch2/catch.hpp>

#include "tests/stix/validate/best_practice/check_runner.h"

namespace stixkit::stix::testing {
namespace {

constexpr std::string_view kPattern = R"({
  "type": "attack-pattern", "spec_version": "2.1",
  "id": "attack-pattern--0c7b5b88-8ff7-4a4d-aa9d-feb398cd0061",
  "created": "2016-02-12T08:17:27.000Z", "modified": "2016-02-12T08:17:27.000Z",
  "name": "Spear Phishing", "something": "some value"})";

TEST_CASE("custom-prefix: an unprefixed custom property is reported once 401 is disabled",
          "[stix][validate]") {
  const Findings f = RunChecks(kPattern, Disabling({"extensions-use"}));
  REQUIRE(f.size() == 1);
  CHECK(f[0].code == "101");
  CHECK(f[0].object_id == "attack-pattern--0c7b5b88-8ff7-4a4d-aa9d-feb398cd0061");
  CHECK(f[0].pointer == "/something");
  CHECK(f[0].message ==
        "custom property 'something' should start with 'x_' followed by a source identifier, "
        "an underscore and the name (x_<source>_<name>)");
}

TEST_CASE("custom-prefix: the default run reports custom content under 401, not 101",
          "[stix][validate]") {
  CHECK(CodesOf(RunChecks(kPattern)) == std::set<std::string>{"401"});
}

TEST_CASE("custom-prefix: disabling 401 and 101 falls back to the lax check 102",
          "[stix][validate]") {
  const Findings f = RunChecks(kPattern, Disabling({"extensions-use", "custom-prefix"}));
  REQUIRE(f.size() == 1);
  CHECK(f[0].code == "102");
  CHECK(f[0].message ==
        "custom property 'something' should start with 'x_' to stay compatible with future "
        "STIX versions");
}

TEST_CASE("custom-prefix: x_<source>_<name> passes the strict check, x_<name> only the lax",
          "[stix][validate]") {
  const std::string strict =
      R"({"type": "attack-pattern", "id": "attack-pattern--0c7b5b88-8ff7-4a4d-aa9d-feb398cd0061", "name": "a", "x_acme_score": 1})";
  const std::string lax =
      R"({"type": "attack-pattern", "id": "attack-pattern--0c7b5b88-8ff7-4a4d-aa9d-feb398cd0061", "name": "a", "x_score": 1})";
  CHECK(RunChecks(strict, Enabling({"custom-prefix"})).empty());
  CHECK(CodesOf(RunChecks(lax, Enabling({"custom-prefix"}))) == std::set<std::string>{"101"});
  CHECK(RunChecks(lax, Enabling({"custom-prefix-lax"})).empty());
}

TEST_CASE("custom-prefix: custom object types need x-<source>-<name>", "[stix][validate]") {
  const std::string object =
      R"({"type": "x-corporation", "id": "x-corporation--4527e5de-8572-446a-a57a-706f15467461", "created": "2021-02-20T09:16:08.989Z"})";
  const Findings f = RunChecks(object, Enabling({"custom-prefix"}));
  REQUIRE(f.size() == 1);
  CHECK(f[0].pointer == "/type");
  CHECK(f[0].message ==
        "custom object type 'x-corporation' should start with 'x-' followed by a source "
        "identifier, a hyphen and the name (x-<source>-<name>)");
  CHECK(RunChecks(object, Enabling({"custom-prefix-lax"})).empty());
}

TEST_CASE("custom-prefix: SCO extensions and nested members are checked by name",
          "[stix][validate]") {
  const std::string file = R"({"type": "file", "id": "file--ff1e0780-358c-5808-a8c7-d0fca4ef6ef4",
    "name": "foo.zip", "extensions": {
      "ntfs-ext": {"alternate_data_streams": [{"name": "s", "size": 1, "foo": "bar"}]},
      "foobar-ext": {"foo": "bar"}}})";
  const Findings f = RunChecks(file, Enabling({"custom-prefix"}));
  REQUIRE(f.size() == 2);
  CHECK(f[0].pointer == "/extensions/foobar-ext");
  CHECK(f[0].message ==
        "custom observable extension 'foobar-ext' should be named x-<source>-<name>-ext");
  CHECK(f[1].pointer == "/extensions/ntfs-ext/alternate_data_streams");
  CHECK(f[1].message ==
        "custom property 'foo' in the alternate_data_streams property of the ntfs-ext "
        "extension should start with 'x_' followed by a source identifier, an underscore "
        "and the name (x_<source>_<name>)");
}

TEST_CASE("custom-prefix: reserved property names are not custom content", "[stix][validate]") {
  const std::string indicator =
      R"({"type": "indicator", "id": "indicator--8e2e2d2b-17d4-4cbf-938f-98ee46b3cd3f", "severity": "high"})";
  CHECK_FALSE(CodesOf(RunChecks(indicator, Enabling({"custom-prefix"}))).count("101"));
}

}  // namespace
}  // namespace stixkit::stix::testing
