#include <catch2/catch.hpp>

#include "stix/validate/must/internal/checks.h"
#include "tests/stix/validate/must/check_runner.h"

namespace stixkit::stix::must {
namespace {

using stixkit::stix::testing::Messages;
using stixkit::stix::testing::Pointers;
using stixkit::stix::testing::RunMustCheck;

constexpr char kSelfMarked[] = R"({
  "type": "marking-definition", "spec_version": "2.1",
  "id": "marking-definition--34098fce-860f-48ae-8e50-ebd3cc5e41da",
  "created": "2017-01-20T00:00:00.000Z", "definition_type": "statement",
  "definition": {"statement": "Copyright 2017, Example Corp"},
  "object_marking_refs": ["marking-definition--34098fce-860f-48ae-8e50-ebd3cc5e41da"],
  "granular_markings": [{"marking_ref": "marking-definition--34098fce-860f-48ae-8e50-ebd3cc5e41da",
                         "selectors": ["definition_type"]}]})";

TEST_CASE("markings: a marking definition that marks itself is reported twice",
          "[stix][validate]") {
  const Findings object_refs = RunMustCheck(CheckObjectMarkingCircularRefs, kSelfMarked);
  CHECK(Messages(object_refs) ==
        std::vector<std::string>{"`object_marking_refs` cannot contain any references to this "
                                 "marking definition object (no circular references)"});
  CHECK(Pointers(object_refs) == std::vector<std::string>{"/object_marking_refs/0"});
  const Findings granular = RunMustCheck(CheckGranularMarkingCircularRefs, kSelfMarked);
  CHECK(Messages(granular) ==
        std::vector<std::string>{"`granular_markings` cannot contain any references to this "
                                 "marking definition object (no circular references)"});
  CHECK(Pointers(granular) == std::vector<std::string>{"/granular_markings/0/marking_ref"});
}

TEST_CASE("markings: other objects may reference any marking", "[stix][validate]") {
  const char* indicator = R"({"type": "indicator", "id": "marking-definition--1",
      "object_marking_refs": ["marking-definition--1"]})";
  CHECK(RunMustCheck(CheckObjectMarkingCircularRefs, indicator).empty());
}

TEST_CASE("markings: selectors must resolve to present properties and indexes",
          "[stix][validate]") {
  const Findings findings = RunMustCheck(CheckMarkingSelectorSyntax, R"({
      "type": "indicator", "id": "indicator--8e2e2d2b-17d4-4cbf-938f-98ee46b3cd3f",
      "name": "Poison Ivy", "labels": ["a", "b"], "external_references": [{"source_name": "x"}],
      "granular_markings": [{"marking_ref": "marking-definition--1",
          "selectors": ["name", "labels.[1]", "external_references.[0].source_name",
                        "description", "labels.[2]", "name.[0]", "name.first",
                        "external_references.x", "[0]"]}]})");
  CHECK(Messages(findings) ==
        std::vector<std::string>{
            "'description' is not a valid selector because 'description' is not a property",
            "'labels.[2]' is not a valid selector because 2 is not a valid index",
            "'name.first' is not a valid selector because 'first' is not a property",
            "'external_references.x' is not a valid selector because 'x' is not a property",
            "'[0]' is not a valid selector because 'None' is not a list"});
  CHECK(findings[0].pointer == "/granular_markings/0/selectors/3");
}

TEST_CASE("markings: a failed step leaves the walk where it was, as in the reference",
          "[stix][validate]") {
  const Findings findings = RunMustCheck(CheckMarkingSelectorSyntax, R"({
      "type": "indicator", "id": "indicator--1", "name": "n",
      "granular_markings": [{"marking_ref": "marking-definition--1",
                             "selectors": ["nope.[0]"]}]})");
  CHECK(Messages(findings) ==
        std::vector<std::string>{
            "'nope.[0]' is not a valid selector because 'nope' is not a property",
            "'nope.[0]' is not a valid selector because 'nope' is not a list"});
}

}  // namespace
}  // namespace stixkit::stix::must
