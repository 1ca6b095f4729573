#include <catch2/catch.hpp>

#include "stix/validate/must/internal/checks.h"
#include "stix/validate/must/internal/rule_tables.h"
#include "stix/validate/schema_store.h"
#include "tests/stix/validate/must/check_runner.h"

namespace stixkit::stix::must {
namespace {

using stixkit::stix::testing::Messages;
using stixkit::stix::testing::Pointers;
using stixkit::stix::testing::RunMustCheck;

constexpr char kObserved[] = R"({
  "type": "observed-data", "spec_version": "2.1",
  "id": "observed-data--b67d30ff-02ac-498a-92f9-32f845f448cf",
  "created": "2016-04-06T19:58:16.000Z", "modified": "2016-04-06T19:58:16.000Z",
  "first_observed": "2015-12-21T19:00:00Z", "last_observed": "2015-12-21T19:00:00Z",
  "number_observed": 1,
  "objects": {
    "0": {"type": "email-addr", "value": "a@example.com"},
    "1": {"type": "email-message", "is_multipart": true, "from_ref": "0", "to_refs": ["0", "2", "7"],
          "body_multipart": [{"body_raw_ref": "3"}, {"body_raw_ref": "0"}]},
    "2": {"type": "ipv4-addr", "value": "198.51.100.3"},
    "3": {"type": "artifact", "url": "https://example.com/a", "hashes": {"MD5": "x"}},
    "4": {"type": "file", "name": "a.zip", "extensions": {"archive-ext": {"contains_refs": ["5"]}}}
  }})";

TEST_CASE("observable refs: references must resolve and point at allowed types",
          "[stix][validate]") {
  const Findings findings = RunMustCheck(CheckObservableObjectReferences, kObserved);
  CHECK(Messages(findings) ==
        std::vector<std::string>{
            "'to_refs' in observable object '1' must refer to an object of type 'email-addr'",
            "to_refs in observable object '1' can't resolve reference '7'",
            "'body_multipart' in observable object '1' must refer to an object of type "
            "'artifact' or 'file'",
            "extensions in observable object '4' can't resolve 'contains_refs' reference '5'"});
  CHECK(Pointers(findings) ==
        std::vector<std::string>{"/objects/1/to_refs/1", "/objects/1/to_refs/2",
                                 "/objects/1/body_multipart/1/body_raw_ref",
                                 "/objects/4/extensions/archive-ext/contains_refs/0"});
  CHECK(findings[0].object_id == "observed-data--b67d30ff-02ac-498a-92f9-32f845f448cf");
}

TEST_CASE("observable refs: top-level SCOs reference by id and are not checked here",
          "[stix][validate]") {
  CHECK(RunMustCheck(CheckObservableObjectReferences, R"({"type": "email-message",
      "id": "email-message--1", "is_multipart": false, "from_ref": "ipv4-addr--2"})")
            .empty());
}

TEST_CASE("observable refs: every rule names spec SCO types and schema properties",
          "[stix][validate]") {
  const SchemaStore& store = SchemaStore::Default();
  for (const std::string& type : store.KnownTypes()) {
    for (const ObservableRefRule& rule : MustRules().RefRulesFor(type)) {
      INFO(type << " " << rule.path.front());
      CHECK(store.CategoryOf(type) == ObjectCategory::kSco);
      CHECK(store.HasProperty(type, rule.path.front()));
      for (const std::string& target : rule.targets) {
        CHECK(store.IsKnownType(target));
        CHECK(store.CategoryOf(target) == ObjectCategory::kSco);
      }
    }
  }
}

}  // namespace
}  // namespace stixkit::stix::must
