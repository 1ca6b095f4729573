#include "stix/validate/best_practice/internal/spec_names.h"

#include <catch2/catch.hpp>

#include "stix/validate/best_practice/internal/schema_walker.h"

namespace stixkit::stix::best_practice {
namespace {

TEST_CASE("spec names: every nested site the reference inspects resolves in the schemas",
          "[stix][validate]") {
  CHECK(NestedSitesOf("email-message").size() == 1);
  CHECK(NestedSitesOf("windows-registry-key").size() == 1);
  CHECK(NestedSitesOf("x509-certificate").size() == 1);
  REQUIRE(NestedSitesOf("file").size() == 3);
  CHECK(NestedSitesOf("indicator").empty());
  for (const NestedSite& site : NestedSitesOf("file")) {
    INFO(site.extension << " " << site.property);
    CHECK(site.names->contains("hashes"));
  }
  CHECK(NestedSitesOf("windows-registry-key")[0].names->contains("data_type"));
}

TEST_CASE("spec names: top-level properties and extensions come from the schemas",
          "[stix][validate]") {
  REQUIRE(SpecProperties("indicator") != nullptr);
  CHECK(SpecProperties("indicator")->contains("pattern"));
  CHECK(SpecProperties("x-acme-thing") == nullptr);
  CHECK(SpecExtensions("file").contains("ntfs-ext"));
  CHECK(SpecExtensions("indicator").empty());
}

TEST_CASE("schema walker: an unknown type or path does not resolve", "[stix][validate]") {
  CHECK_FALSE(SchemaPropertyNames("x-acme-thing", {"values"}).has_value());
  CHECK_FALSE(SchemaPropertyNames("windows-registry-key", {"no_such_property"}).has_value());
  const auto names = SchemaPropertyNames("x509-certificate", {"x509_v3_extensions"});
  REQUIRE(names.has_value());
  CHECK(names->contains("basic_constraints"));
}

}  // namespace
}  // namespace stixkit::stix::best_practice
