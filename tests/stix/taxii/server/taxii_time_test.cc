#include "stix/taxii/server/taxii_time.h"

#include <catch2/catch.hpp>

namespace stixkit::taxii {
namespace {

TEST_CASE("taxii time: timestamps are written with microseconds", "[stix][taxii]") {
  CHECK(FormatTaxiiTimestamp(1704067200000001) == "2024-01-01T00:00:00.000001Z");
  CHECK(FormatTaxiiTimestamp(0) == "1970-01-01T00:00:00.000000Z");
}

TEST_CASE("taxii time: any precision is read and rounded down to microseconds",
          "[stix][taxii]") {
  CHECK(*ParseTaxiiTimestamp("2024-01-01T00:00:00Z") == 1704067200000000);
  CHECK(*ParseTaxiiTimestamp("2024-01-01T00:00:00.123Z") == 1704067200123000);
  CHECK(*ParseTaxiiTimestamp("2024-01-01T00:00:00.1234567Z") == 1704067200123456);
  CHECK(ParseTaxiiTimestamp("2024-01-01 00:00:00").status().message() ==
        "expected a timestamp like 2016-01-20T12:31:12.123456Z, got \"2024-01-01 00:00:00\"");
}

}  // namespace
}  // namespace stixkit::taxii
