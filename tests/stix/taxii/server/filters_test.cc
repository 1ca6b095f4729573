#include "stix/taxii/server/filters.h"

#include <catch2/catch.hpp>

namespace stixkit::taxii {
namespace {

ObjectFilter Parse(const QueryParams& params, FilterEndpoint endpoint = FilterEndpoint::kObjects) {
  absl::StatusOr<ObjectFilter> f = ParseFilter(params, endpoint, PageLimits{100, 1000});
  INFO(f.status().message());
  REQUIRE(f.ok());
  return *f;
}

std::string Error(const QueryParams& params) {
  absl::StatusOr<ObjectFilter> f = ParseFilter(params, FilterEndpoint::kObjects, PageLimits{});
  REQUIRE_FALSE(f.ok());
  CHECK(f.status().code() == absl::StatusCode::kInvalidArgument);
  return std::string(f.status().message());
}

TEST_CASE("filters: without parameters the latest version of each object comes back",
          "[stix][taxii]") {
  const ObjectFilter f = Parse({});
  CHECK(f.version_last);
  CHECK_FALSE(f.version_first);
  CHECK_FALSE(f.all_spec_versions);
  CHECK(f.spec_versions.empty());
  CHECK(f.limit == 100);
  CHECK_FALSE(f.added_after);
  CHECK_FALSE(f.after);
}

TEST_CASE("filters: comma-separated values and repeated fields are ORed", "[stix][taxii]") {
  const ObjectFilter f = Parse({{"match[type]", "indicator, malware"},
                                {"match[type]", "tool"},
                                {"match[id]", "a--1"},
                                {"match[version]", "first,2024-01-01T00:00:00.5Z"},
                                {"match[spec_version]", "2.0,2.1"}});
  CHECK(f.types == std::vector<std::string>{"indicator", "malware", "tool"});
  CHECK(f.ids == std::vector<std::string>{"a--1"});
  CHECK(f.version_first);
  CHECK_FALSE(f.version_last);
  CHECK(f.version_times == std::vector<int64_t>{1704067200500000});
  CHECK(f.spec_versions == std::vector<std::string>{"2.0", "2.1"});
}

TEST_CASE("filters: match[version]=all includes every other value", "[stix][taxii]") {
  const ObjectFilter f = Parse({{"match[version]", "last,all"}});
  CHECK(f.AllVersions());
}

TEST_CASE("filters: a limit above the maximum is lowered", "[stix][taxii]") {
  CHECK(Parse({{"limit", "5000"}}).limit == 1000);
  CHECK(Parse({{"limit", "7"}}).limit == 7);
}

TEST_CASE("filters: each endpoint honours only its own fields", "[stix][taxii]") {
  const QueryParams params{{"match[type]", "indicator"}, {"match[version]", "first"}};
  CHECK(Parse(params, FilterEndpoint::kObject).types.empty());
  CHECK(Parse(params, FilterEndpoint::kObject).version_first);
  CHECK(Parse(params, FilterEndpoint::kVersions).AllVersions());
  const ObjectFilter del = Parse({}, FilterEndpoint::kDelete);
  CHECK(del.AllVersions());
  CHECK(del.all_spec_versions);
}

TEST_CASE("filters: malformed values name the parameter", "[stix][taxii]") {
  CHECK(Error({{"limit", "0"}}) == "limit: expected a positive integer, got \"0\"");
  CHECK(Error({{"limit", "ten"}}) == "limit: expected a positive integer, got \"ten\"");
  CHECK(Error({{"added_after", "2024-01-01"}}) ==
        "added_after: expected a timestamp like 2016-01-20T12:31:12.123456Z, got "
        "\"2024-01-01\"");
  CHECK(Error({{"match[version]", "latest"}}) ==
        "match[version]: expected last, first, all or a timestamp like "
        "2016-01-20T12:31:12.123Z, got \"latest\"");
  CHECK(Error({{"match[spec_version]", "two"}}) ==
        "match[spec_version]: expected a STIX version like 2.1, got \"two\"");
  CHECK(Error({{"next", "x"}}) ==
        "next: expected a token from a previous response's \"next\", got \"x\"");
}

}  // namespace
}  // namespace stixkit::taxii
