#include <catch2/catch.hpp>

#include "tests/stix/validate/best_practice/check_runner.h"

namespace stixkit::stix::testing {
namespace {

const ValidationOptions kOnly401 = Enabling({"extensions-use"});

TEST_CASE("extensions-use: a custom property without a toplevel extension is reported",
          "[stix][validate]") {
  const Findings f = RunChecks(R"({"type": "identity", "spec_version": "2.1",
    "id": "identity--8c6af861-7b20-41ef-9b59-6344fd872a8f", "name": "F", "foo": "bar"})",
                               kOnly401);
  REQUIRE(f.size() == 1);
  CHECK(f[0].code == "401");
  CHECK(f[0].object_id == "identity--8c6af861-7b20-41ef-9b59-6344fd872a8f");
  CHECK(f[0].pointer == "/foo");
  CHECK(f[0].message ==
        "custom property 'foo' should be defined by an extension-definition with "
        "extension_type 'property-extension' or 'toplevel-property-extension'");
}

TEST_CASE("extensions-use: a toplevel-property-extension covers top-level custom properties",
          "[stix][validate]") {
  CHECK(
      RunChecks(
          R"({"type": "attack-pattern", "id": "attack-pattern--0c7b5b88-8ff7-4a4d-aa9d-feb398cd0061",
    "name": "a", "rank": 5, "extensions": {
      "extension-definition--a932fcc6-e032-476c-826f-cb970a5a1fff": {"extension_type": "toplevel-property-extension"}}})",
          kOnly401)
          .empty());
}

TEST_CASE("extensions-use: a custom object needs a new-sdo/new-sco/new-sro extension",
          "[stix][validate]") {
  const std::string with =
      R"({"type": "my-favorite-sdo", "id": "my-favorite-sdo--a932fcc6-e032-476c-a26f-cb970a5a1ade",
    "extensions": {"extension-definition--04b2d3ef-d061-4912-ab77-6bbe807a5bd5": {"extension_type": "new-sdo"}}})";
  const std::string without =
      R"({"type": "my-favorite-sdo", "id": "my-favorite-sdo--a932fcc6-e032-476c-a26f-cb970a5a1ade"})";
  CHECK(RunChecks(with, kOnly401).empty());
  const Findings f = RunChecks(without, kOnly401);
  REQUIRE(f.size() == 1);
  CHECK(f[0].message ==
        "custom object type 'my-favorite-sdo' should be defined by an extension-definition: "
        "expected an extension with extension_type 'new-sdo', 'new-sco' or 'new-sro'");
}

TEST_CASE("extensions-use: a marking-definition without statement/tlp content needs extensions",
          "[stix][validate]") {
  const std::string tlp =
      R"({"type": "marking-definition", "id": "marking-definition--34098fce-860f-48ae-8e50-ebd3cc5e41da",
    "definition_type": "tlp", "definition": {"tlp": "green"}})";
  const std::string bare =
      R"({"type": "marking-definition", "id": "marking-definition--34098fce-860f-48ae-8e50-ebd3cc5e41da",
    "name": "TLP:GREEN"})";
  CHECK(RunChecks(tlp, kOnly401).empty());
  const Findings f = RunChecks(bare, kOnly401);
  REQUIRE(f.size() == 1);
  CHECK(f[0].message ==
        "custom marking definitions should be given in the 'extensions' property, found "
        "neither a statement or tlp definition nor extensions");
}

TEST_CASE("extensions-use: SCO custom extensions must be property-extensions", "[stix][validate]") {
  const Findings f =
      RunChecks(R"({"type": "file", "id": "file--ff1e0780-358c-5808-a8c7-d0fca4ef6ef4",
    "name": "foo.zip", "extensions": {"x-foo-bar-ext": {"foo": "bar"},
      "extension-definition--d83fce45-ef58-4c6c-a3f4-1fbc32e98c6e": {"extension_type": "property-extension", "rank": 5}}})",
                kOnly401);
  REQUIRE(f.size() == 1);
  CHECK(f[0].pointer == "/extensions/x-foo-bar-ext");
  CHECK(f[0].message ==
        "custom observable extension 'x-foo-bar-ext' should be an extension-definition with "
        "extension_type 'property-extension'");
}

TEST_CASE("extensions-use: undefined members of SCO nested types are custom, prefixed or not",
          "[stix][validate]") {
  const Findings f = RunChecks(R"({"type": "windows-registry-key",
    "id": "windows-registry-key--ff1e0780-358c-5808-a8c7-d0fca4ef6ef4", "key": "hkey_local_machine\\foo",
    "values": [{"name": "Foo", "data": "qwerty", "data_type": "REG_SZ", "x_acme_foo": "buzz"}]})",
                               kOnly401);
  REQUIRE(f.size() == 1);
  CHECK(f[0].pointer == "/values");
  CHECK(f[0].message ==
        "custom property 'x_acme_foo' in the values property should be defined by an "
        "extension-definition with extension_type 'property-extension' or "
        "'toplevel-property-extension'");
}

}  // namespace
}  // namespace stixkit::stix::testing
