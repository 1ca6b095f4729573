#include "stix/validate/must/internal/timestamp_text.h"

#include <catch2/catch.hpp>

namespace stixkit::stix::must {
namespace {

TEST_CASE("timestamp text: a STIX timestamp has the shape and its fields", "[stix][validate]") {
  const auto fields = MatchTimestampShape("2016-04-06T20:03:48.123456789Z");
  REQUIRE(fields);
  CHECK(fields->year == 2016);
  CHECK(fields->month == 4);
  CHECK(fields->day == 6);
  CHECK(fields->second == 48);
  CHECK(fields->microsecond == 123456);
  CHECK(MatchTimestampShape("2016-04-06T20:03:48.1Z")->microsecond == 100000);
}

TEST_CASE("timestamp text: out-of-range fields do not have the shape", "[stix][validate]") {
  for (const char* text : {"2016-13-12T08:17:27.000Z", "2016-03-42T08:17:27Z",
                           "2016-03-00T08:17:27Z", "2016-03-12T99:17:27Z", "2016-03-12T08:99:27Z",
                           "2016-03-12T08:17:61Z", "2016-03-12T08:17:27", "2016-03-12T08:17:27.Z",
                           "2016-03-12 08:17:27Z", "2016-03-12T08:17:27Zx", "16-03-12T08:17:27Z"}) {
    INFO(text);
    CHECK_FALSE(MatchTimestampShape(text));
  }
}

TEST_CASE("timestamp text: one final newline is accepted, as Python's $ does", "[stix][validate]") {
  CHECK(MatchTimestampShape("2016-03-12T08:17:27Z\n"));
  CHECK_FALSE(MatchTimestampShape("2016-03-12T08:17:27Z\n\n"));
}

TEST_CASE("timestamp text: impossible dates get Python's datetime reason", "[stix][validate]") {
  const auto reason = [](const char* text) {
    return std::string(ImpossibleTimestampReason(*MatchTimestampShape(text)));
  };
  CHECK(reason("2016-04-31T00:00:00Z") == "day is out of range for month");
  CHECK(reason("2017-02-29T00:00:00Z") == "day is out of range for month");
  CHECK(reason("2016-02-29T00:00:00Z").empty());
  CHECK(reason("1900-02-29T00:00:00Z") == "day is out of range for month");
  CHECK(reason("2000-02-29T00:00:00Z").empty());
  CHECK(reason("0000-01-01T00:00:00Z") == "year 0 is out of range");
  CHECK(reason("2016-12-31T23:59:60Z") == "second must be in 0..59");
}

TEST_CASE("timestamp text: real timestamps compare as instants to the microsecond",
          "[stix][validate]") {
  CHECK(CompareTimestamps("2016-04-06T20:03:48.000Z", "2016-04-06T20:03:48.000123Z") < 0);
  CHECK(CompareTimestamps("2016-04-06T20:03:48.001Z", "2016-04-06T20:03:48.000123Z") > 0);
  CHECK(CompareTimestamps("2016-04-06T20:03:48Z", "2016-04-06T20:03:48.000Z") == 0);
  CHECK(CompareTimestamps("2016-04-06T20:03:48.0000001Z", "2016-04-06T20:03:48Z") == 0);
}

TEST_CASE("timestamp text: a value that is not a real date compares as text", "[stix][validate]") {
  CHECK(CompareTimestamps("2016-04-06T20:03:48.000Z", "2016-04-31T20:03:48.000Z") < 0);
  CHECK(CompareTimestamps("2016-08-22T14:09:00.123Z", "2016-08-32T14:09:00.000Z") < 0);
  CHECK(CompareTimestamps("yesterday", "today") > 0);
}

}  // namespace
}  // namespace stixkit::stix::must
