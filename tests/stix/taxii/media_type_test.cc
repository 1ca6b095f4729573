#include "stix/taxii/media_type.h"

#include <catch2/catch.hpp>

namespace stixkit::taxii {
namespace {

TEST_CASE("media type: the exact TAXII 2.1 type parses into type, subtype and version",
          "[stix][taxii]") {
  MediaType mt;
  REQUIRE(ParseMediaType(kTaxii21MediaType, &mt));
  CHECK(mt.type == "application");
  CHECK(mt.subtype == "taxii+json");
  REQUIRE(mt.Param("version") != nullptr);
  CHECK(*mt.Param("version") == "2.1");
  CHECK(IsTaxii21(mt));
  CHECK_FALSE(IsStix21(mt));
}

TEST_CASE("media type: case, spaces, quotes and parameter order do not matter", "[stix][taxii]") {
  CHECK(IsTaxii21ContentType("Application/TAXII+JSON; Version=2.1"));
  CHECK(IsTaxii21ContentType("application/taxii+json ; version = \"2.1\""));
  CHECK(IsTaxii21ContentType("application/taxii+json; charset=utf-8; version=2.1"));
  CHECK(IsTaxii21ContentType("application/taxii+json;charset=\"utf-8;x\";version=2.1"));
  CHECK(IsTaxii21ContentType("  application/taxii+json;;version=2.1;  "));
}

TEST_CASE("media type: a missing version means 2.1, another version does not", "[stix][taxii]") {
  CHECK(IsTaxii21ContentType("application/taxii+json"));
  CHECK_FALSE(IsTaxii21ContentType("application/taxii+json;version=2.0"));
  CHECK_FALSE(IsTaxii21ContentType("application/vnd.oasis.taxii+json; version=2.0"));
  MediaType mt;
  REQUIRE(ParseMediaType("application/stix+json", &mt));
  CHECK(IsStix21(mt));
}

TEST_CASE("media type: text without type/subtype or with a broken parameter is rejected",
          "[stix][taxii]") {
  MediaType mt;
  CHECK_FALSE(ParseMediaType("", &mt));
  CHECK_FALSE(ParseMediaType("json", &mt));
  CHECK_FALSE(ParseMediaType("application/", &mt));
  CHECK_FALSE(ParseMediaType("application/taxii+json; version", &mt));
  CHECK_FALSE(ParseMediaType("application/taxii+json; version=\"2.1", &mt));
  CHECK_FALSE(IsTaxii21ContentType("text/html"));
  CHECK_FALSE(IsTaxii21ContentType("application/json"));
}

TEST_CASE("media type: a missing or empty Accept header allows TAXII 2.1", "[stix][taxii]") {
  CHECK(AcceptAllowsTaxii21(""));
  CHECK(AcceptAllowsTaxii21("   "));
}

TEST_CASE("media type: wildcards and the TAXII type in a list allow TAXII 2.1", "[stix][taxii]") {
  CHECK(AcceptAllowsTaxii21("*/*"));
  CHECK(AcceptAllowsTaxii21("application/*"));
  CHECK(AcceptAllowsTaxii21("application/taxii+json;version=2.1"));
  CHECK(AcceptAllowsTaxii21("text/html, application/taxii+json;version=2.1;q=0.9"));
  CHECK(AcceptAllowsTaxii21("text/html,application/xhtml+xml, */*;q=0.8"));
  CHECK(AcceptAllowsTaxii21("Application/Taxii+Json"));
}

TEST_CASE("media type: q=0, other versions and other types refuse TAXII 2.1", "[stix][taxii]") {
  CHECK_FALSE(AcceptAllowsTaxii21("application/taxii+json;version=2.1;q=0"));
  CHECK_FALSE(AcceptAllowsTaxii21("*/*;q=0.0"));
  CHECK_FALSE(AcceptAllowsTaxii21("application/taxii+json;version=2.0"));
  CHECK_FALSE(AcceptAllowsTaxii21("application/json"));
  CHECK_FALSE(AcceptAllowsTaxii21("text/*, application/stix+json;version=2.1"));
  CHECK_FALSE(AcceptAllowsTaxii21("garbage"));
}

}  // namespace
}  // namespace stixkit::taxii
