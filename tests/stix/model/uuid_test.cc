#include "stix/model/uuid.h"

#include <catch2/catch.hpp>

namespace stixkit::stix {
namespace {

TEST_CASE("uuid: a UUIDv5 in the STIX namespace matches the spec's example", "[stix]") {
  const Uuid id = UuidV5(kStixScoNamespace, R"({"value":"198.51.100.3"})");
  CHECK(id.ToString() == "28bb3599-77cd-5a82-a950-b5bc3caf07c4");
  CHECK(id.version() == 5);
  CHECK(id.IsRfc4122Variant());
}

TEST_CASE("uuid: whitespace in the name changes the UUIDv5", "[stix]") {
  CHECK(UuidV5(kStixScoNamespace, R"({"value": "198.51.100.3"})").ToString() !=
        "28bb3599-77cd-5a82-a950-b5bc3caf07c4");
}

TEST_CASE("uuid: a UUIDv4 takes its bits from the injected random source", "[stix]") {
  const Uuid id = UuidV4([](uint8_t* out, size_t n) {
    for (size_t i = 0; i < n; ++i) out[i] = 0xff;
  });
  CHECK(id.ToString() == "ffffffff-ffff-4fff-bfff-ffffffffffff");
  CHECK(id.version() == 4);
}

TEST_CASE("uuid: parsing accepts either case and rejects other shapes", "[stix]") {
  REQUIRE(ParseUuid("00ABEDB4-aa42-466c-9c01-fed23315a9b7").has_value());
  CHECK(ParseUuid("00ABEDB4-aa42-466c-9c01-fed23315a9b7")->ToString() ==
        "00abedb4-aa42-466c-9c01-fed23315a9b7");
  CHECK_FALSE(ParseUuid("00abedb4aa42-466c-9c01-fed23315a9b7-").has_value());
  CHECK_FALSE(ParseUuid("00abedb4-aa42-466c-9c01-fed23315a9bz").has_value());
  CHECK_FALSE(ParseUuid("").has_value());
}

}  // namespace
}  // namespace stixkit::stix
