#include "converters/extract/places.h"

#include <catch2/catch.hpp>
#include <string>
#include <vector>

#include "converters/extract/internal/place_gazetteer.h"
#include "stix/model/vocabularies.h"

namespace stixkit::convert {
namespace {

std::string Span(std::string_view text, const Place& p) {
  return std::string(text.substr(p.offset, p.length));
}

// The one place in `text`; fails the test when there is not exactly one.
Place Only(std::string_view text) {
  const std::vector<Place> places = FindPlaces(text);
  INFO(text);
  REQUIRE(places.size() == 1);
  return places[0];
}

TEST_CASE("places: the seed's \"New Jersey, USA / Global\" is one place in US-NJ",
          "[converters][extract]") {
  const std::string text = "New Jersey, USA / Global (Cloud-based services)";
  const Place p = Only(text);
  CHECK(p.name == "New Jersey, USA");
  CHECK(Span(text, p) == "New Jersey, USA");
  CHECK(p.country == "US");
  CHECK(p.administrative_area == "US-NJ");
  CHECK(p.city.empty());
  CHECK(p.region.empty());
}

TEST_CASE("places: \"New Jersey-based\" is US-NJ", "[converters][extract]") {
  const std::string text = "CareCloud is a New Jersey-based publicly traded company";
  const Place p = Only(text);
  CHECK(p.name == "New Jersey");
  CHECK(p.administrative_area == "US-NJ");
  CHECK(p.country == "US");
  CHECK(p.offset == text.find("New Jersey"));
}

TEST_CASE("places: \"Houston, Texas\" is a city in US-TX", "[converters][extract]") {
  const std::string text = "offices in Houston, Texas and elsewhere";
  const Place p = Only(text);
  CHECK(p.name == "Houston, Texas");
  CHECK(p.city == "Houston");
  CHECK(p.administrative_area == "US-TX");
  CHECK(p.country == "US");
  const Place full = Only("Houston, Texas, USA");
  CHECK(full.name == "Houston, Texas, USA");
  CHECK(full.city == "Houston");
  CHECK(full.administrative_area == "US-TX");
}

TEST_CASE("places: cities before countries and postal abbreviations are read",
          "[converters][extract]") {
  const Place paris = Only("Paris, France");
  CHECK(paris.city == "Paris");
  CHECK(paris.country == "FR");
  CHECK(paris.administrative_area.empty());
  const Place houston = Only("Houston, TX");
  CHECK(houston.city == "Houston");
  CHECK(houston.administrative_area == "US-TX");
  const Place st_louis = Only("based in St. Louis, Missouri");
  CHECK(st_louis.city == "St. Louis");
  CHECK(st_louis.administrative_area == "US-MO");
  const Place new_york = Only("New York, NY");
  CHECK(new_york.city == "New York");
  CHECK(new_york.administrative_area == "US-NY");
  const Place victoria = Only("Victoria, BC");
  CHECK(victoria.city == "Victoria");
  CHECK(victoria.administrative_area == "CA-BC");
  CHECK(victoria.country == "CA");
  const Place mexico = Only("Mexico City, Mexico");
  CHECK(mexico.city == "Mexico City");
  CHECK(mexico.country == "MX");
  const Place london = Only("London, UK");
  CHECK(london.city == "London");
  CHECK(london.country == "GB");
}

TEST_CASE("places: sentence words before a comma are no city", "[converters][extract]") {
  const Place p = Only("However, Texas was hit");
  CHECK(p.city.empty());
  CHECK(p.administrative_area == "US-TX");
  CHECK(Only("On Monday, Texas officials").city.empty());
  CHECK(Only("On March 16, Texas officials").city.empty());
}

TEST_CASE("places: country names, short forms and aliases give ISO codes",
          "[converters][extract]") {
  CHECK(Only("USA").country == "US");
  CHECK(Only("the U.S. government").country == "US");
  CHECK(Only("in the U.S.").name == "U.S.");
  CHECK(Only("United States").country == "US");
  CHECK(Only("United States of America").country == "US");
  CHECK(Only("the UK").country == "GB");
  CHECK(Only("Great Britain").country == "GB");
  CHECK(Only("Britain").country == "GB");
  CHECK(Only("South Korea").country == "KR");
  CHECK(Only("North Korea").country == "KP");
  CHECK(Only("Russia").country == "RU");
  CHECK(Only("Russian Federation").country == "RU");
  CHECK(Only("in Turkey").country == "TR");
  CHECK(Only("T\xC3\xBCrkiye").country == "TR");
  CHECK(Only("Cote d'Ivoire").country == "CI");
  CHECK(Only("C\xC3\xB4te d\xE2\x80\x99Ivoire").country == "CI");
  CHECK(Only("Guinea-Bissau").country == "GW");
  CHECK(Only("CHINA").country == "CN");
  CHECK(Only("US-based").country == "US");
}

TEST_CASE("places: subdivisions of the documented countries give ISO 3166-2 codes",
          "[converters][extract]") {
  CHECK(Only("Ontario").administrative_area == "CA-ON");
  CHECK(Only("New South Wales").administrative_area == "AU-NSW");
  CHECK(Only("Scotland").administrative_area == "GB-SCT");
  CHECK(Only("Scotland").country == "GB");
  CHECK(Only("Maharashtra").administrative_area == "IN-MH");
  CHECK(Only("Bavaria").administrative_area == "DE-BY");
  CHECK(Only("Bayern").administrative_area == "DE-BY");
  CHECK(Only("Washington, D.C.").administrative_area == "US-DC");
  const Place berlin = Only("Berlin, Germany");
  CHECK(berlin.administrative_area == "DE-BE");
  CHECK(berlin.name == "Berlin, Germany");
}

TEST_CASE("places: region names give region-ov values; \"Global\" gives nothing",
          "[converters][extract]") {
  const Place europe = Only("across Europe");
  CHECK(europe.region == "europe");
  CHECK(europe.country.empty());
  CHECK(Only("Southeast Asia").region == "south-eastern-asia");
  CHECK(Only("Latin America").region == "latin-america-caribbean");
  CHECK(Only("the Middle East").region == "western-asia");
  CHECK(Only("North America").region == "northern-america");
  CHECK(FindPlaces("Global").empty());
  CHECK(FindPlaces("Worldwide, APAC and EMEA").empty());
  const Place antarctica = Only("Antarctica");
  CHECK(antarctica.country == "AQ");
  CHECK(antarctica.region == "antarctica");
}

TEST_CASE("places: every region in the gazetteer is a region-ov value", "[converters][extract]") {
  std::size_t regions = 0;
  for (const auto& [name, entries] : internal::entity::Gazetteer().by_name) {
    for (const internal::entity::PlaceEntry& e : entries) {
      if (e.kind != internal::entity::PlaceKind::kRegion) continue;
      ++regions;
      INFO(name << " -> " << e.code);
      CHECK(stix::InVocabulary("region-ov", e.code));
    }
  }
  CHECK(regions > 29);
}

TEST_CASE("places: every country in the gazetteer is an ISO 3166-1 alpha-2 code",
          "[converters][extract]") {
  for (const auto& [name, entries] : internal::entity::Gazetteer().by_name) {
    for (const internal::entity::PlaceEntry& e : entries) {
      if (e.kind == internal::entity::PlaceKind::kRegion) continue;
      INFO(name << " -> " << e.code);
      CHECK(stix::InVocabulary("iso-3166-1-alpha-2", e.country));
    }
  }
}

TEST_CASE("places: \"us\" the pronoun and lower-case names are no places",
          "[converters][extract]") {
  CHECK(FindPlaces("let us know; contact us").empty());
  CHECK(FindPlaces("made of china and turkey").empty());
  CHECK(FindPlaces("Us and them").empty());
}

TEST_CASE("places: \"Jersey\" alone is not New Jersey", "[converters][extract]") {
  for (const Place& p : FindPlaces("a Jersey cow; Jersey City")) {
    CHECK(p.administrative_area != "US-NJ");
  }
  CHECK(FindPlaces("Jersey City").empty());
  CHECK(Only("the island of Jersey").country == "JE");
}

TEST_CASE("places: ambiguous names as people and words are no places", "[converters][extract]") {
  CHECK(FindPlaces("Michael Jordan said so").empty());
  CHECK(FindPlaces("Chad was the administrator on call").empty());
  CHECK(FindPlaces("The admin, Chad Smith, left").empty());
  CHECK(FindPlaces("Turkey is on the menu").empty());
  CHECK(FindPlaces("Guinea pig experiments").empty());
  CHECK(FindPlaces("Georgia Tech researchers").empty());
  CHECK(FindPlaces("the Washington Post reported").empty());
  CHECK(FindPlaces("the New York Times reported").empty());
  CHECK(FindPlaces("Asia-Pacific customers").empty());
  CHECK(FindPlaces("US-CERT advised").empty());
}

TEST_CASE("places: ambiguous names in a place context are places", "[converters][extract]") {
  CHECK(Only("attacks in Jordan").country == "JO");
  CHECK(Only("In Jordan, banks were hit").country == "JO");
  CHECK(Only("Amman, Jordan").city == "Amman");
  const std::vector<Place> list = FindPlaces("Chad, Niger and Mali");
  REQUIRE(list.size() == 3);
  CHECK(list[0].country == "TD");
  CHECK(list[1].country == "NE");
  CHECK(list[2].country == "ML");
  CHECK(Only("Equatorial Guinea").country == "GQ");
  CHECK(Only("victims in Guinea").country == "GN");
}

TEST_CASE("places: Georgia is the US state near US context, else the country",
          "[converters][extract]") {
  CHECK(Only("offices in Georgia").country == "GE");
  CHECK(Only("Tbilisi, Georgia").country == "GE");
  const Place with_usa = Only("Atlanta, Georgia, USA");
  CHECK(with_usa.administrative_area == "US-GA");
  CHECK(with_usa.city == "Atlanta");
  CHECK(with_usa.name == "Atlanta, Georgia, USA");
  const std::vector<Place> near = FindPlaces("clinics in Texas and Georgia");
  REQUIRE(near.size() == 2);
  CHECK(near[1].administrative_area == "US-GA");
  CHECK(near[1].country == "US");
  const std::vector<Place> abroad = FindPlaces("banks in Georgia and Armenia");
  REQUIRE(abroad.size() == 2);
  CHECK(abroad[0].country == "GE");
  CHECK(abroad[0].administrative_area.empty());
}

TEST_CASE("places: lists of states and countries stay separate places", "[converters][extract]") {
  const std::vector<Place> states = FindPlaces("Texas, Florida, Ohio");
  REQUIRE(states.size() == 3);
  CHECK(states[1].administrative_area == "US-FL");
  CHECK(states[1].city.empty());
  const std::vector<Place> countries = FindPlaces("USA, Canada and Mexico");
  REQUIRE(countries.size() == 3);
  CHECK(countries[0].country == "US");
  CHECK(countries[1].country == "CA");
}

TEST_CASE("places: demonyms and the seed report's prose name nothing else",
          "[converters][extract]") {
  CHECK(FindPlaces("a Russian threat actor targeting Chinese firms").empty());
  const std::string text =
      "Healthcare technology solutions provider CareCloud (Nasdaq: CCLD) has disclosed a "
      "cybersecurity incident that may have resulted in patient information compromise. "
      "CareCloud is a New Jersey-based publicly traded company. The company disclosed the "
      "event via an SEC filing on March 27. Potential compromise of Personal Health "
      "Information (PHI) and PII. Ensure all administrative access to EHR backend systems "
      "requires Phishing-Resistant Multi-Factor Authentication (MFA).";
  const std::vector<Place> places = FindPlaces(text);
  REQUIRE(places.size() == 1);
  CHECK(places[0].administrative_area == "US-NJ");
}

}  // namespace
}  // namespace stixkit::convert
