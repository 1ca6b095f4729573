#include "converters/extract/sectors.h"

#include <catch2/catch.hpp>
#include <string>
#include <vector>

#include "stix/model/vocabularies.h"

namespace stixkit::convert {
namespace {

using Sectors = std::vector<std::string>;

TEST_CASE("sectors: every value in the phrase table is an industry-sector-ov value",
          "[converters][extract]") {
  const auto phrases = SectorPhrases();
  REQUIRE(phrases.size() > 100);
  REQUIRE(stix::FindVocabulary("industry-sector-ov") != nullptr);
  for (const auto& [phrase, values] : phrases) {
    for (const std::string& value : values) {
      INFO(phrase << " -> " << value);
      CHECK(stix::InVocabulary("industry-sector-ov", value));
    }
  }
}

TEST_CASE("sectors: every industry-sector-ov value has at least one phrase",
          "[converters][extract]") {
  std::vector<std::string> covered;
  for (const auto& [phrase, values] : SectorPhrases()) {
    covered.insert(covered.end(), values.begin(), values.end());
  }
  for (const std::string& value : stix::VocabularyValues("industry-sector-ov")) {
    INFO(value);
    CHECK(std::find(covered.begin(), covered.end(), value) != covered.end());
  }
}

TEST_CASE(
    "sectors: the seed's \"Healthcare Technology / Information Technology\" is "
    "healthcare and technology",
    "[converters][extract]") {
  CHECK(MapSectors("Healthcare Technology / Information Technology") ==
        Sectors{"healthcare", "technology"});
}

TEST_CASE("sectors: phrases from the brief map to their sectors", "[converters][extract]") {
  CHECK(MapSectors("a regional hospital") == Sectors{"healthcare"});
  CHECK(MapSectors("medical practices, clinics, and hospitals") == Sectors{"healthcare"});
  CHECK(MapSectors("a large health system") == Sectors{"healthcare"});
  CHECK(MapSectors("Bank / Credit Union / Fintech / Financial Services") ==
        Sectors{"financial-services"});
  CHECK(MapSectors("electric utility") == Sectors{"utilities"});
  CHECK(MapSectors("power grid operator") == Sectors{"utilities"});
  CHECK(MapSectors("oil and gas") == Sectors{"energy"});
  CHECK(MapSectors("Oil & Gas") == Sectors{"energy"});
  CHECK(MapSectors("a water utility") == Sectors{"water"});
  CHECK(MapSectors("school district; university") == Sectors{"education"});
  CHECK(MapSectors("County government, City of Springfield, municipal services") ==
        Sectors{"government-local", "government"});
  CHECK(MapSectors("a federal agency") == Sectors{"government-national"});
  CHECK(MapSectors("regional ISP and telecom") == Sectors{"telecommunications"});
  CHECK(MapSectors("ISPs") == Sectors{"telecommunications"});
  CHECK(MapSectors("national retailer") == Sectors{"retail"});
  CHECK(MapSectors("law firm") == Sectors{"legal"});
  CHECK(MapSectors("auto parts manufacturer") == Sectors{"automotive", "manufacturing"});
  CHECK(MapSectors("insurance") == Sectors{"insurance"});
  CHECK(MapSectors("Pharma") == Sectors{"pharmaceuticals"});
  CHECK(MapSectors("a non-profit; another nonprofit") == Sectors{"non-profit"});
  CHECK(MapSectors("universities") == Sectors{"education"});
}

TEST_CASE("sectors: values come deduplicated in order of first mention", "[converters][extract]") {
  CHECK(MapSectors("Retail, then banking, then retail again and a hospital") ==
        Sectors{"retail", "financial-services", "healthcare"});
}

TEST_CASE("sectors: partial words and unrelated text map to nothing", "[converters][extract]") {
  CHECK(MapSectors("We banked on a schooled approach").empty());
  CHECK(MapSectors("[Not Disclosed]").empty());
  CHECK(MapSectors("Unknown").empty());
  CHECK(MapSectors("").empty());
  CHECK(MapSectors("the oilfield").empty());
  CHECK(MapSectors("nonprofitable") == Sectors{});
}

TEST_CASE("sectors: blocking phrases keep technique and cost words out", "[converters][extract]") {
  CHECK(MapSectors("Defense Evasion: [Not Disclosed]").empty());
  CHECK(MapSectors("forensics, legal fees, and regulatory fines").empty());
  CHECK(MapSectors("Transport Layer Security").empty());
  CHECK(MapSectors("a defense contractor").size() == 1);
}

}  // namespace
}  // namespace stixkit::convert
