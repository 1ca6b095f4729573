#include <catch2/catch.hpp>

#include "tests/stix/validate/best_practice/check_runner.h"

namespace stixkit::stix::testing {
namespace {

TEST_CASE("marking-definition-type: definition_type is statement or tlp", "[stix][validate]") {
  const Findings f = RunChecks(R"({"type": "marking-definition",
    "id": "marking-definition--34098fce-860f-48ae-8e50-ebd3cc5e41da", "definition_type": "something",
    "definition": {"tlp": "green"}})",
                               Enabling({"201"}));
  REQUIRE(f.size() == 1);
  CHECK(f[0].pointer == "/definition_type");
  CHECK(f[0].message == "definition_type should be 'statement' or 'tlp', found 'something'");
}

TEST_CASE("network-traffic-ports: both ports are expected", "[stix][validate]") {
  const Findings f = RunChecks(R"({"type": "network-traffic",
    "id": "network-traffic--280d1c0d-51d1-5ee8-951f-1fb434a38686", "src_port": 1, "protocols": ["tcp"]})",
                               Enabling({"301"}));
  REQUIRE(f.size() == 1);
  CHECK(f[0].message == "network-traffic should have both src_port and dst_port");
}

TEST_CASE("extref-hashes: the first reference with a url and no hashes is reported",
          "[stix][validate]") {
  const Findings f = RunChecks(
      R"({"type": "vulnerability", "id": "vulnerability--0c7b5b88-8ff7-4a4d-aa9d-feb398cd0061",
    "name": "v", "external_references": [{"source_name": "cve", "external_id": "CVE-2016-1234"},
      {"source_name": "veris", "url": "https://a"}, {"source_name": "other", "url": "https://b"}]})",
      Enabling({"302"}));
  REQUIRE(f.size() == 1);
  CHECK(f[0].pointer == "/external_references/1");
  CHECK(f[0].message == "external reference 'veris' has a url but no hashes");
}

TEST_CASE("indicator-properties: name and description are expected", "[stix][validate]") {
  const Findings f = RunChecks(
      R"({"type": "indicator", "id": "indicator--8e2e2d2b-17d4-4cbf-938f-98ee46b3cd3f", "name": "n"})",
      Enabling({"303"}));
  REQUIRE(f.size() == 1);
  CHECK(f[0].message == "an indicator should have both name and description");
}

TEST_CASE("deprecated-properties: observed-data objects is deprecated", "[stix][validate]") {
  const Findings f = RunChecks(
      R"({"type": "observed-data", "id": "observed-data--b67d30ff-02ac-498a-92f9-32f845f448cf",
    "objects": {"0": {"type": "url", "value": "http://a"}}})",
      Enabling({"304"}));
  REQUIRE(f.size() == 1);
  CHECK(f[0].pointer == "/objects");
  CHECK(f[0].message == "property 'objects' is deprecated in STIX 2.1");
}

TEST_CASE("extension definitions: description and toplevel properties are expected",
          "[stix][validate]") {
  const Findings f = RunChecks(R"({"type": "extension-definition",
    "id": "extension-definition--04b2d3ef-d061-4912-ab77-6bbe807a5bd5", "name": "n",
    "extension_types": ["toplevel-property-extension"]})");
  REQUIRE(CodesOf(f) == std::set<std::string>{"305", "306"});
  CHECK(f[0].message == "an extension-definition should have a description");
  CHECK(f[1].message ==
        "a 'toplevel-property-extension' definition should list its property names in "
        "extension_properties");
}

}  // namespace
}  // namespace stixkit::stix::testing
