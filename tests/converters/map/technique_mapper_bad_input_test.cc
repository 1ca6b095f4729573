// Issue 3's bad inputs for the mapper with the embedded catalog and model: each gives
// an honest result and never a crash.
#include <string>

#include <catch2/catch.hpp>

#include "converters/map/technique_mapper.h"

namespace stixkit::convert {
namespace {

const TechniqueMapper& Mapper() {
  auto mapper = TechniqueMapper::Embedded();
  REQUIRE(mapper.ok());
  return **mapper;
}

TEST_CASE("technique mapper: a 50 MB text is mapped without failing", "[converters][slow]") {
  std::string text;
  const std::string sentence = "The actor used Mimikatz to dump credentials from LSASS. ";
  while (text.size() < (size_t{50} << 20)) text += sentence;
  const MapResult result = Mapper().Map(text, MapOptions{});
  REQUIRE_FALSE(result.techniques.empty());
  CHECK(result.techniques[0].id == "T1003.001");
}

TEST_CASE("technique mapper: invalid UTF-8 does not stop the mapping", "[converters]") {
  const std::string text = "used \xFF\xFE Mimikatz \xC0\xAF to dump credentials from LSASS \xED\xA0\x80";
  const MapResult result = Mapper().Map(text, MapOptions{});
  bool found = false;
  for (const auto& s : result.software) found |= s.id == "S0002";
  CHECK(found);
}

TEST_CASE("technique mapper: an unknown explicit id and an empty text give nothing",
          "[converters]") {
  CHECK(Mapper().Map("see T9999.999 and S9999", MapOptions{}).techniques.empty());
  const MapResult empty = Mapper().Map("", MapOptions{});
  CHECK(empty.techniques.empty());
  CHECK(empty.software.empty());
  CHECK(empty.groups.empty());
}

}  // namespace
}  // namespace stixkit::convert
