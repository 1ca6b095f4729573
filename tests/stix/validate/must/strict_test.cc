#include <catch2/catch.hpp>

#include "stix/validate/must/internal/checks.h"
#include "tests/stix/validate/must/check_runner.h"

namespace stixkit::stix::must {
namespace {

using stixkit::stix::testing::Messages;
using stixkit::stix::testing::Pointers;
using stixkit::stix::testing::RunMustCheck;

ValidationOptions StrictTypes() {
  ValidationOptions options;
  options.strict_types = true;
  return options;
}

ValidationOptions StrictProperties() {
  ValidationOptions options;
  options.strict_properties = true;
  return options;
}

constexpr char kCustomObject[] = R"({"type": "x-example-com-customobject", "spec_version": "2.1",
  "id": "x-example-com-customobject--4527e5de-8572-446a-a57a-706f15467461",
  "created": "2021-02-20T09:16:08.989000Z", "modified": "2021-02-20T09:16:08.989000Z",
  "some_custom_stuff": 14})";

TEST_CASE("strict types: custom object types are reported only under --strict-types",
          "[stix][validate]") {
  CHECK(RunMustCheck(CheckTypesStrict, kCustomObject).empty());
  const Findings findings = RunMustCheck(CheckTypesStrict, kCustomObject, StrictTypes());
  CHECK(Messages(findings) ==
        std::vector<std::string>{"object type 'x-example-com-customobject' is not one of those "
                                 "defined in the specification"});
  CHECK(Pointers(findings) == std::vector<std::string>{"/type"});
  CHECK(RunMustCheck(CheckTypesStrict, R"({"type": "ipv4-addr", "id": "ipv4-addr--1"})",
                     StrictTypes())
            .empty());
}

TEST_CASE("strict properties: custom properties of spec objects are reported", "[stix][validate]") {
  const Findings findings = RunMustCheck(CheckPropertiesStrict, R"({"type": "attack-pattern",
      "spec_version": "2.1", "id": "attack-pattern--0c7b5b88-8ff7-4a4d-aa9d-feb398cd0061",
      "created": "2016-02-12T08:17:27.000Z", "modified": "2016-02-12T08:17:27.000Z",
      "name": "Spear Phishing", "something": "some value",
      "extensions": {"extension-definition--d83fce45-ef58-4c6c-a3f4-1fbc32e98c6e": {
          "extension_type": "property-extension", "rank": 5}}})",
                                         StrictProperties());
  CHECK(Messages(findings) == std::vector<std::string>{"property 'something' is not one of those "
                                                       "defined in the specification"});
  CHECK(RunMustCheck(CheckPropertiesStrict, kCustomObject, StrictProperties()).empty());
}

TEST_CASE("strict properties: SCO messages name the type, embedded type or extension",
          "[stix][validate]") {
  const Findings findings = RunMustCheck(CheckPropertiesStrict, R"({"type": "file",
      "id": "file--ff1e0780-358c-5808-a8c7-d0fca4ef6ef4", "spec_version": "2.1", "name": "foo.zip",
      "x_foo": "bar",
      "extensions": {"ntfs-ext": {"alternate_data_streams": [{"name": "s", "size": 1, "foo": "bar"}],
                                  "foo": "bar"},
                     "x-foo-bar-ext": {"foo": "bar"}}})",
                                         StrictProperties());
  CHECK(Messages(findings) ==
        std::vector<std::string>{
            "property 'x_foo' is not one of those defined in the specification for file objects",
            "property 'foo' in the alternate_data_streams property of the ntfs-ext extension is "
            "not one of those defined in the specification",
            "property 'foo' is not one of those defined in the specification for the ntfs-ext "
            "extension in file objects"});
  CHECK(Pointers(findings) ==
        std::vector<std::string>{"/x_foo", "/extensions/ntfs-ext/alternate_data_streams/0/foo",
                                 "/extensions/ntfs-ext/foo"});
}

TEST_CASE("strict properties: embedded dictionaries and lists of SCOs are checked",
          "[stix][validate]") {
  const Findings registry = RunMustCheck(CheckPropertiesStrict, R"({
      "type": "windows-registry-key", "id": "windows-registry-key--ff1e0780-358c-5808-a8c7-d0fca4ef6ef4",
      "key": "hkey_local_machine\\system\\bar\\foo",
      "values": [{"name": "Foo", "data": "qwerty", "data_type": "REG_SZ", "foo": "buzz"}]})",
                                         StrictProperties());
  CHECK(Messages(registry) ==
        std::vector<std::string>{"property 'foo' is not one of those defined in the specification "
                                 "for the values property in windows-registry-key objects"});
  const Findings x509 = RunMustCheck(CheckPropertiesStrict, R"({"type": "x509-certificate",
      "id": "x509-certificate--5fcb3990-706e-4fb4-aef2-352c54b034a5",
      "x509_v3_extensions": {"issuer_alternative_name": "Example Corp", "foo": "bar"}})",
                                     StrictProperties());
  CHECK(Messages(x509) == std::vector<std::string>{
                              "property 'foo' is not one of those defined in the specification "
                              "for the x509_v3_extensions property in x509-certificate objects"});
}

}  // namespace
}  // namespace stixkit::stix::must
