#include "stix/taxii/client/query.h"

#include <catch2/catch.hpp>

namespace stixkit::taxii {
namespace {

TEST_CASE("query: filters become a percent-encoded query string", "[stix][taxii]") {
  Query q;
  CHECK(QueryString(q).empty());
  q.added_after = "2024-01-01T00:00:00.000000Z";
  q.limit = 50;
  q.match_id = {"indicator--1", "malware--2"};
  q.match_type = {"indicator"};
  q.match_version = {"all"};
  q.match_spec_version = {"2.1"};
  q.next = "a b&c";
  CHECK(QueryString(q) ==
        "?added_after=2024-01-01T00%3A00%3A00.000000Z&limit=50&match%5Bid%5D=indicator--1,"
        "malware--2&match%5Btype%5D=indicator&match%5Bversion%5D=all&match%5Bspec_version%5D="
        "2.1&next=a%20b%26c");
}

TEST_CASE("query: timestamps are normalized to TAXII's microseconds", "[stix][taxii]") {
  CHECK(*NormalizeTaxiiTimestamp("2024-05-01T10:00:00Z") == "2024-05-01T10:00:00.000000Z");
  CHECK(*NormalizeTaxiiTimestamp("2024-05-01T10:00:00.123Z") == "2024-05-01T10:00:00.123000Z");
  CHECK(NormalizeTaxiiTimestamp("yesterday").status().message() ==
        "expected a UTC timestamp such as 2024-05-01T10:00:00.000000Z, got \"yesterday\"");
}

TEST_CASE("query: version filters accept last, first, all and timestamps", "[stix][taxii]") {
  CHECK(CheckVersionFilter({"last", "first", "2024-01-01T00:00:00.000Z"}).ok());
  CHECK(CheckVersionFilter({"all", "last"}).message() ==
        "--version all cannot be combined with other versions (TAXII 2.1 §3.5.1)");
  CHECK(CheckVersionFilter({"newest"}).message() ==
        "--version expects last, first, all or a STIX timestamp, got \"newest\"");
}

}  // namespace
}  // namespace stixkit::taxii
