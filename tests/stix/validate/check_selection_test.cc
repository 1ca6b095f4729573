#include "stix/validate/check_selection.h"

#include <catch2/catch.hpp>

namespace stixkit::stix {
namespace {

CheckSelection Select(std::vector<std::string> disabled, std::vector<std::string> enabled) {
  ValidationOptions options;
  options.disabled = std::move(disabled);
  options.enabled = std::move(enabled);
  auto selection = CheckSelection::FromOptions(options);
  REQUIRE(selection.ok());
  return *selection;
}

TEST_CASE("check selection: the code table has the reference's 53 codes", "[stix][validate]") {
  const auto& codes = AllCheckCodes();
  REQUIRE(codes.size() == 53);
  CHECK(codes.front().code == "1");
  CHECK(codes.front().name == "format-checks");
  CHECK(codes.back().code == "401");
  CHECK(codes.back().name == "extensions-use");
  for (const CheckCode& c : codes) {
    INFO(c.code);
    CHECK_FALSE(c.description.empty());
  }
}

TEST_CASE("check selection: the default run is everything but 101 and 102", "[stix][validate]") {
  const CheckSelection s = Select({}, {});
  for (std::string_view code : {"103", "111", "202", "203", "225", "245", "277", "305", "401"}) {
    INFO(code);
    CHECK(s.Runs(code));
  }
  CHECK_FALSE(s.Runs("101"));
  CHECK_FALSE(s.Runs("102"));
}

TEST_CASE("check selection: any disable list drops the checks the reference forgets",
          "[stix][validate]") {
  const CheckSelection s = Select({"302"}, {});
  for (std::string_view code : {"103", "225", "226", "227", "228", "230", "231", "305", "306"}) {
    INFO(code);
    CHECK_FALSE(s.Runs(code));
  }
  CHECK_FALSE(s.Runs("302"));
  CHECK(s.Runs("301"));
  CHECK(s.Runs("401"));
  CHECK(s.Runs("245"));
}

TEST_CASE("check selection: 101 and then 102 stand in for a disabled 401", "[stix][validate]") {
  CHECK(Select({"extensions-use"}, {}).Runs("101"));
  CHECK_FALSE(Select({"extensions-use"}, {}).Runs("102"));
  CHECK(Select({"401", "101"}, {}).Runs("102"));
  CHECK_FALSE(Select({"401", "101", "102"}, {}).Runs("102"));
  CHECK_FALSE(Select({"custom-prefix"}, {}).Runs("101"));
}

TEST_CASE("check selection: groups disable and enable their members", "[stix][validate]") {
  const CheckSelection no_vocabs = Select({"all-vocabs"}, {});
  CHECK_FALSE(no_vocabs.Runs("215"));
  CHECK(no_vocabs.Runs("201"));
  CHECK(no_vocabs.Runs("271"));
  const CheckSelection no_values = Select({"2"}, {});
  CHECK_FALSE(no_values.Runs("202"));
  CHECK_FALSE(no_values.Runs("277"));
  CHECK(no_values.Runs("111"));
  CHECK_FALSE(Select({"format-checks"}, {}).Runs("121"));
  CHECK(Select({"all"}, {"202"}).Runs("202"));
  CHECK_FALSE(Select({"all"}, {"202"}).Runs("201"));
}

TEST_CASE("check selection: --enable alone runs only what it names", "[stix][validate]") {
  const CheckSelection s = Select({}, {"relationship-types", "270"});
  CHECK(s.Runs("202"));
  CHECK(s.Runs("271"));
  CHECK(s.Runs("277"));
  CHECK_FALSE(s.Runs("201"));
  CHECK_FALSE(s.Runs("401"));
  CHECK(Select({}, {"101,102"}).Runs("102"));
}

TEST_CASE("check selection: an unknown code or name is an error naming it", "[stix][validate]") {
  ValidationOptions options;
  options.disabled = {"302", "foo"};
  const auto selection = CheckSelection::FromOptions(options);
  REQUIRE_FALSE(selection.ok());
  CHECK(selection.status().code() == absl::StatusCode::kInvalidArgument);
  CHECK(selection.status().message() ==
        "unknown check 'foo' in --disable; see 'stixkit validate --help'");
}

}  // namespace
}  // namespace stixkit::stix
