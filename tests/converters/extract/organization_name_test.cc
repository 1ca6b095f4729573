#include "converters/extract/organization_name.h"

#include <catch2/catch.hpp>
#include <string>
#include <vector>

namespace stixkit::convert {
namespace {

using Names = std::vector<std::string>;

TEST_CASE("organization_name: \"CareCloud (Nasdaq: CCLD)\" is CareCloud", "[converters][extract]") {
  CHECK(CleanOrganizationName("CareCloud (Nasdaq: CCLD)") == "CareCloud");
  CHECK(CleanOrganizationName("**CareCloud (Nasdaq: CCLD)**") == "CareCloud");
  CHECK(CleanOrganizationName("Acme Corp (NYSE:ACME; TSX: AC)") == "Acme Corp");
  CHECK(CleanOrganizationName("Acme Corp (ACME)") == "Acme Corp");
}

TEST_CASE("organization_name: the seed's \"Affected Organization:\" line gives CareCloud",
          "[converters][extract]") {
  CHECK(CleanOrganizationName("Affected Organization: CareCloud (Nasdaq: CCLD)") == "CareCloud");
  CHECK(CleanOrganizationName("- **Affected Organization:** CareCloud (Nasdaq: CCLD)") ==
        "CareCloud");
  CHECK(SplitOrganizations("Victims: Acme Corp; Beta Health") == Names{"Acme Corp", "Beta Health"});
  // A colon that ends no label stays.
  CHECK(CleanOrganizationName("Re: Acme") == "Re: Acme");
}

TEST_CASE("organization_name: legal suffixes and other asides stay", "[converters][extract]") {
  CHECK(CleanOrganizationName("Acme, Inc.") == "Acme, Inc.");
  CHECK(CleanOrganizationName("Beta Health LLC") == "Beta Health LLC");
  CHECK(CleanOrganizationName("Gamma Bank (formerly Delta Bank)") ==
        "Gamma Bank (formerly Delta Bank)");
  CHECK(CleanOrganizationName("Coca-Cola") == "Coca-Cola");
}

TEST_CASE("organization_name: a trailing description is cut", "[converters][extract]") {
  CHECK(CleanOrganizationName("CareCloud, a Nasdaq-listed healthcare technology provider") ==
        "CareCloud");
  CHECK(CleanOrganizationName("Acme Corp - a manufacturing company") == "Acme Corp");
  CHECK(CleanOrganizationName("Acme Corp \xE2\x80\x94 manufacturer") == "Acme Corp");
  CHECK(CleanOrganizationName("Acme, an industrial firm (NYSE: ACM)") == "Acme");
  CHECK(CleanOrganizationName("  \"Acme Corp\"  ") == "Acme Corp");
  CHECK(CleanOrganizationName("") == "");
}

TEST_CASE("organization_name: semicolons always separate organisations", "[converters][extract]") {
  CHECK(SplitOrganizations("Acme Corp; Beta Health; Gamma Bank") ==
        Names{"Acme Corp", "Beta Health", "Gamma Bank"});
  CHECK(SplitOrganizations("Acme Corp (NYSE: ACM); Acme Corp") == Names{"Acme Corp"});
}

TEST_CASE("organization_name: \"A, B and C\" splits when each piece is a name",
          "[converters][extract]") {
  CHECK(SplitOrganizations("Acme Corp, Beta Health and Gamma Bank") ==
        Names{"Acme Corp", "Beta Health", "Gamma Bank"});
  CHECK(SplitOrganizations("Acme Corp, Beta Health, and Gamma Bank") ==
        Names{"Acme Corp", "Beta Health", "Gamma Bank"});
  CHECK(SplitOrganizations("Acme, Inc., Bank of America and Beta GmbH") ==
        Names{"Acme, Inc.", "Bank of America", "Beta GmbH"});
}

TEST_CASE("organization_name: descriptions and lone \"and\" do not split",
          "[converters][extract]") {
  CHECK(SplitOrganizations("Marks and Spencer") == Names{"Marks and Spencer"});
  CHECK(SplitOrganizations("CareCloud, a healthcare technology provider") == Names{"CareCloud"});
  CHECK(SplitOrganizations("CareCloud (Nasdaq: CCLD)") == Names{"CareCloud"});
  CHECK(SplitOrganizations("Acme, Inc.") == Names{"Acme, Inc."});
  CHECK(SplitOrganizations("   ").empty());
}

}  // namespace
}  // namespace stixkit::convert
