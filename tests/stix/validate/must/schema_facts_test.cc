#include "stix/validate/must/internal/schema_facts.h"

#include <algorithm>
#include <catch2/catch.hpp>

#include "stix/validate/must/internal/rule_tables.h"
#include "stix/validate/schema_store.h"

namespace stixkit::stix::must {
namespace {

bool HasTimestamp(std::string_view type, const SchemaPath& path) {
  const auto& paths = SchemaFactsFor(type, false).timestamps;
  return std::find(paths.begin(), paths.end(), path) != paths.end();
}

bool HasFormat(std::string_view type, const SchemaPath& path, std::string_view format) {
  for (const FormatRule& rule : SchemaFactsFor(type, false).formats) {
    if (rule.path == path && rule.format == format) return true;
  }
  return false;
}

TEST_CASE("schema facts: timestamp properties are those whose schema is the timestamp",
          "[stix][validate]") {
  CHECK(HasTimestamp("indicator", {"created"}));
  CHECK(HasTimestamp("indicator", {"valid_from"}));
  CHECK(HasTimestamp("indicator", {"valid_until"}));
  CHECK(HasTimestamp("report", {"published"}));
  CHECK(HasTimestamp("language-content", {"object_modified"}));
  CHECK(HasTimestamp("file", {"ctime"}));
  CHECK(HasTimestamp("file", {"extensions", "windows-pebinary-ext", "time_date_stamp"}));
  CHECK(HasTimestamp("x509-certificate",
                     {"x509_v3_extensions", "private_key_usage_period_not_before"}));
  CHECK_FALSE(HasTimestamp("indicator", {"name"}));
}

TEST_CASE("schema facts: formats are found through references", "[stix][validate]") {
  CHECK(HasFormat("url", {"value"}, "uri"));
  CHECK(HasFormat("artifact", {"url"}, "uri"));
  CHECK(HasFormat("email-addr", {"value"}, "email"));
}

TEST_CASE("schema facts: embedded types list their property names", "[stix][validate]") {
  const auto& embedded = SchemaFactsFor("windows-registry-key", true).embedded_properties;
  REQUIRE(embedded.contains("values"));
  CHECK(embedded.at("values").contains("data_type"));
  const auto& file = SchemaFactsFor("file", true).embedded_properties;
  REQUIRE(file.contains("extensions/ntfs-ext/alternate_data_streams"));
  CHECK(file.at("extensions/ntfs-ext/alternate_data_streams").contains("size"));
}

TEST_CASE("schema facts: unknown types fall back as the reference does", "[stix][validate]") {
  CHECK(&SchemaFactsFor("x-custom", true) != &SchemaFactsFor("x-custom", false));
  CHECK(&SchemaFactsFor("x-custom", true) == &SchemaFactsFor("x-other", true));
}

TEST_CASE("schema facts: every ordered pair in must-rules.json names timestamp properties",
          "[stix][validate]") {
  const SchemaStore& store = SchemaStore::Default();
  for (const std::string& type : store.KnownTypes()) {
    const auto check = [&](absl::Span<const TimestampOrder> rules) {
      for (const TimestampOrder& rule : rules) {
        INFO(type << ": " << rule.later << " / " << rule.earlier);
        CHECK(HasTimestamp(type, {rule.later}));
        CHECK(HasTimestamp(type, {rule.earlier}));
      }
    };
    check(MustRules().OrderFor(type));
    check(MustRules().ObservableOrderFor(type));
  }
}

}  // namespace
}  // namespace stixkit::stix::must
