#include "stix/pattern/comparisons.h"

#include <catch2/catch.hpp>
#include <string>
#include <vector>

#include "stix/pattern/parser.h"

namespace stixkit::stix::pattern {
namespace {

TEST_CASE("comparisons: every comparison is listed in the order written", "[stix][pattern]") {
  absl::StatusOr<Pattern> pattern = ParsePattern(
      "([file:name = 'a' OR (file:size > 1 AND EXISTS file:ctime)] FOLLOWEDBY "
      "[ipv4-addr:value = '1.2.3.4']) WITHIN 5 SECONDS OR [url:value = 'x']");
  REQUIRE(pattern.ok());
  std::vector<std::string> seen;
  for (const Comparison* comparison : ListComparisons(*pattern)) {
    seen.push_back(comparison->path.object_type + ":" + comparison->path.steps[0].key);
  }
  CHECK(seen == std::vector<std::string>{"file:name", "file:size", "file:ctime", "ipv4-addr:value",
                                         "url:value"});
}

TEST_CASE("comparisons: object paths carry the root type and every step", "[stix][pattern]") {
  absl::StatusOr<Pattern> pattern = ParsePattern(
      "[network-traffic:extensions.'http-request-ext'.request_header.'Accept-Encoding' = 'x' "
      "AND network-traffic:protocols[0] = 'tcp']");
  REQUIRE(pattern.ok());
  const std::vector<const ObjectPath*> paths = ListObjectPaths(*pattern);
  REQUIRE(paths.size() == 2);
  CHECK(paths[0]->object_type == "network-traffic");
  REQUIRE(paths[0]->steps.size() == 4);
  CHECK(paths[0]->steps[3].key == "Accept-Encoding");
  CHECK(paths[1]->steps[1].kind == PathStep::Kind::kIndex);
  CHECK(paths[1]->offset == 90);
}

TEST_CASE("comparisons: a path compared twice is listed twice", "[stix][pattern]") {
  absl::StatusOr<Pattern> pattern = ParsePattern("[file:name = 'a' OR file:name = 'b']");
  REQUIRE(pattern.ok());
  CHECK(ListObjectPaths(*pattern).size() == 2);
}

}  // namespace
}  // namespace stixkit::stix::pattern
