#include "stix/validate/must_checks.h"

#include <catch2/catch.hpp>

#include "tests/stix/validate/must/check_runner.h"

namespace stixkit::stix {
namespace {

using stixkit::stix::testing::Messages;
using stixkit::stix::testing::RunMust;

TEST_CASE("must checks: a clean indicator gets no finding", "[stix][validate]") {
  CHECK(RunMust(R"({"type": "indicator", "spec_version": "2.1",
      "id": "indicator--8e2e2d2b-17d4-4cbf-938f-98ee46b3cd3f",
      "created": "2016-04-06T20:03:48.000Z", "modified": "2016-04-06T20:03:48.000Z",
      "name": "Poison Ivy Malware", "pattern_type": "stix", "lang": "en",
      "pattern": "[file:hashes.'SHA-256' = 'aec070645fe53ee3b3763059376134f058cc337247c978add178b6ccdfb0019f']",
      "valid_from": "2016-04-06T20:03:48Z",
      "external_references": [{"source_name": "x", "url": "https://example.com/report"}]})")
            .empty());
}

TEST_CASE("must checks: findings come in the reference's check order", "[stix][validate]") {
  const Findings findings = RunMust(R"({"type": "software",
      "id": "software--ff1e0780-358c-5808-a8c7-d0fca4ef6ef4", "name": "word",
      "created": "2016-04-31T20:03:48.000Z", "modified": "2016-04-06T20:03:48.000Z",
      "lang": "xx", "languages": ["bbb"], "cpe": "invalid"})");
  CHECK(Messages(findings) ==
        std::vector<std::string>{
            "'created': '2016-04-31T20:03:48.000Z' is not a valid timestamp: day is out of range "
            "for month: 2016-04-31T20:03:48.000Z",
            "'modified' (2016-04-06T20:03:48.000Z) must be later than or equal to 'created' "
            "(2016-04-31T20:03:48.000Z)",
            "'xx' is not a valid RFC 5646 language code",
            "the 'languages' property of object 'software--ff1e0780-358c-5808-a8c7-d0fca4ef6ef4' "
            "contains an invalid language code ('bbb'). Expected RFC 5646 language code",
            "provided CPE value 'invalid' is not CPE v2.3 compliant"});
  for (const Finding& f : findings) {
    CHECK(f.code.empty());
    CHECK(f.severity == Severity::kError);
    CHECK(f.object_id == "software--ff1e0780-358c-5808-a8c7-d0fca4ef6ef4");
  }
}

TEST_CASE("must checks: strict checks run only when their option is set", "[stix][validate]") {
  const char* custom = R"({"type": "x-acme-widget", "id": "x-acme-widget--1",
      "created": "2016-04-06T20:03:48.000Z", "modified": "2016-04-06T20:03:48.000Z"})";
  CHECK(RunMust(custom).empty());
  ValidationOptions options;
  options.strict_types = true;
  CHECK(RunMust(custom, options).size() == 1);
}

TEST_CASE("must checks: a value that is not an object is ignored", "[stix][validate]") {
  CHECK(RunMust("[1, 2]").empty());
  CHECK(RunMust(R"("indicator")").empty());
}

}  // namespace
}  // namespace stixkit::stix
