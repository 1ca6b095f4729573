#include "stix/model/timestamp.h"

#include <catch2/catch.hpp>

namespace stixkit::stix {
namespace {

TEST_CASE("timestamp: a millisecond STIX timestamp round-trips", "[stix]") {
  auto t = ParseTimestamp("2016-01-20T12:31:12.123Z");
  REQUIRE(t.ok());
  CHECK(FormatTimestamp(*t) == "2016-01-20T12:31:12.123Z");
}

TEST_CASE("timestamp: whole seconds are written with three digits", "[stix]") {
  auto t = ParseTimestamp("2016-01-20T12:31:12Z");
  REQUIRE(t.ok());
  CHECK(FormatTimestamp(*t) == "2016-01-20T12:31:12.000Z");
}

TEST_CASE("timestamp: an impossible date is refused", "[stix]") {
  auto t = ParseTimestamp("2016-04-31T00:00:00Z");
  REQUIRE_FALSE(t.ok());
  CHECK(t.status().message() ==
        "expected a STIX timestamp like 2016-01-20T12:31:12.123Z, got \"2016-04-31T00:00:00Z\" "
        "(no such day)");
  CHECK(ParseTimestamp("2016-02-29T00:00:00Z").ok());
  CHECK_FALSE(ParseTimestamp("2015-02-29T00:00:00Z").ok());
}

TEST_CASE("timestamp: offsets other than Z are refused", "[stix]") {
  auto t = ParseTimestamp("2016-01-20T12:31:12+00:00");
  REQUIRE_FALSE(t.ok());
  CHECK(t.status().message() ==
        "expected a STIX timestamp like 2016-01-20T12:31:12.123Z, got "
        "\"2016-01-20T12:31:12+00:00\" (must end in 'Z': STIX timestamps are UTC)");
}

TEST_CASE("timestamp: precision counts fractional digits", "[stix]") {
  CHECK(TimestampPrecision("2016-01-20T12:31:12.123Z") == 3);
  CHECK(TimestampPrecision("2016-01-20T12:31:12Z") == 0);
  CHECK(TimestampPrecision("2016-01-20T12:31:12.1234567Z") == 7);
}

}  // namespace
}  // namespace stixkit::stix
