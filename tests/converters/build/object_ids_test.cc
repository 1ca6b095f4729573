#include <catch2/catch.hpp>

#include "converters/build/object_ids.h"
#include "stix/model/uuid.h"

namespace stixkit::convert {
namespace {

TEST_CASE("object ids: the same producer, type and key give the same id", "[converters][build]") {
  ObjectIds a("Health-ISAC"), b("Health-ISAC");
  CHECK(a.Make("indicator", "[ipv4-addr:value = '198.51.100.3']") ==
        b.Make("indicator", "[ipv4-addr:value = '198.51.100.3']"));
}

TEST_CASE("object ids: keys, types and producers each change the id", "[converters][build]") {
  ObjectIds a("Health-ISAC"), other("FS-ISAC");
  const std::string id = a.Make("identity", "victim:carecloud");
  CHECK(id != a.Make("identity", "victim:carecloud inc"));
  CHECK(id.substr(id.find("--")) != a.Make("location", "victim:carecloud").substr(10));
  CHECK(id != other.Make("identity", "victim:carecloud"));
  // The separator keeps ("ab", "c") and ("a", "bc") apart.
  CHECK(a.Make("ab", "c").substr(4) != a.Make("a", "bc").substr(3));
}

TEST_CASE("object ids: SDO ids are RFC 4122 version 4 UUIDs (check 103)", "[converters][build]") {
  ObjectIds ids("stixkit");
  for (const char* key : {"a", "b", "incident", "technique:T1566.001", ""}) {
    const std::string id = ids.Make("attack-pattern", key);
    REQUIRE(id.rfind("attack-pattern--", 0) == 0);
    const auto uuid = stix::ParseUuid(id.substr(16));
    REQUIRE(uuid.has_value());
    CHECK(uuid->version() == 4);
    CHECK(uuid->IsRfc4122Variant());
  }
}

}  // namespace
}  // namespace stixkit::convert
