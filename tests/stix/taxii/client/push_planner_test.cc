#include "stix/taxii/client/push_planner.h"

#include <catch2/catch.hpp>

namespace stixkit::taxii {
namespace {

TEST_CASE("push planner: a bundle's objects are compacted with their versions", "[stix][taxii]") {
  PushPlanner planner;
  REQUIRE(planner
              .AddText(R"({"type": "bundle", "id": "bundle--1", "objects": [
      {"type": "indicator", "id": "indicator--1", "modified": "2024-01-02T00:00:00.000Z"},
      {"type": "identity", "id": "identity--1", "created": "2024-01-01T00:00:00.000Z"}]})",
                       "a.json")
              .ok());
  REQUIRE(planner.AddText(R"({"type":"malware","id":"malware--1"})", "b.json").ok());
  const PushPlan plan = std::move(planner).Finish();
  REQUIRE(plan.objects.size() == 3);
  CHECK(plan.objects[0] ==
        R"({"type":"indicator","id":"indicator--1","modified":"2024-01-02T00:00:00.000Z"})");
  CHECK(plan.versions[0].version == "2024-01-02T00:00:00.000Z");
  CHECK(plan.versions[1].version == "2024-01-01T00:00:00.000Z");
  CHECK(plan.versions[2].id == "malware--1");
  CHECK(plan.versions[2].version.empty());
  CHECK(plan.red.empty());
}

TEST_CASE("push planner: TLP:RED objects are listed", "[stix][taxii]") {
  PushPlanner planner;
  REQUIRE(planner
              .AddText(R"([{"type":"indicator","id":"indicator--1",
      "object_marking_refs":["marking-definition--5e57c739-391a-4eb3-b6be-7d15ca92d5ed"]}])",
                       "a.json")
              .ok());
  const PushPlan plan = std::move(planner).Finish();
  REQUIRE(plan.red.size() == 1);
  CHECK(plan.red[0].id == "indicator--1");
}

TEST_CASE("push planner: an object without an id is refused with its location", "[stix][taxii]") {
  PushPlanner planner;
  CHECK(planner.AddText(R"([{"type":"indicator"}])", "a.json").message() ==
        "a.json: objects[0]: has no \"id\"; a TAXII server cannot store it");
}

}  // namespace
}  // namespace stixkit::taxii
