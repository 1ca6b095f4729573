#include "stix/model/identifier.h"

#include <catch2/catch.hpp>

namespace stixkit::stix {
namespace {

TEST_CASE("identifier: type--uuid splits into its parts", "[stix]") {
  auto id = ParseIdentifier("attack-pattern--7e33a43e-e34b-40ec-89da-36c9bb2cacd5");
  REQUIRE(id.ok());
  CHECK(id->type == "attack-pattern");
  CHECK(id->uuid.version() == 4);
  CHECK(id->ToString() == "attack-pattern--7e33a43e-e34b-40ec-89da-36c9bb2cacd5");
}

TEST_CASE("identifier: a missing separator is reported with the text", "[stix]") {
  auto id = ParseIdentifier("indicator-8e2e2d2b-17d4-4cbf-938f-98ee46b3cd3f");
  REQUIRE_FALSE(id.ok());
  CHECK(id.status().message() ==
        "expected an identifier of the form type--uuid, got "
        "\"indicator-8e2e2d2b-17d4-4cbf-938f-98ee46b3cd3f\"");
}

TEST_CASE("identifier: an upper-case type is not a STIX type name", "[stix]") {
  auto id = ParseIdentifier("Indicator--8e2e2d2b-17d4-4cbf-938f-98ee46b3cd3f");
  REQUIRE_FALSE(id.ok());
  CHECK(id.status().message() ==
        "identifier \"Indicator--8e2e2d2b-17d4-4cbf-938f-98ee46b3cd3f\" has an invalid type part "
        "\"Indicator\"; expected 3-250 characters of a-z, 0-9 and '-' starting with a letter");
}

TEST_CASE("identifier: type names follow STIX 2.1 §3.1", "[stix]") {
  CHECK(IsValidTypeName("x-acme-widget"));
  CHECK_FALSE(IsValidTypeName("ab"));
  CHECK_FALSE(IsValidTypeName("x--y"));
  CHECK_FALSE(IsValidTypeName("1abc"));
}

}  // namespace
}  // namespace stixkit::stix
