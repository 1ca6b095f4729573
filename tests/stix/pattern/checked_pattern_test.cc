#include "stix/pattern/checked_pattern.h"

#include <catch2/catch.hpp>

namespace stixkit::stix::pattern {
namespace {

TEST_CASE("checked pattern: reference rules keep the reference's verdicts", "[stix][pattern]") {
  CHECK(ParseCheckedPattern("[ipv4-addr:value = '1.2.3.4' AND domain-name:value = 'x']",
                            PatternRules::kReference)
            .ok());
  CHECK(ParseCheckedPattern("[file:name = 'x'] REPEATS 0 TIMES", PatternRules::kReference).ok());
  CHECK(ParseCheckedPattern("[file:hashes.'SHA-256' = 'f00']", PatternRules::kReference)
            .status()
            .message() ==
        "column 26: expected 64 hexadecimal digits for the SHA-256 hash, found 'f00'");
}

TEST_CASE("checked pattern: spec rules add the checks the reference misses", "[stix][pattern]") {
  CHECK(ParseCheckedPattern("[ipv4-addr:value = '1.2.3.4' AND domain-name:value = 'x']",
                            PatternRules::kSpec)
            .status()
            .message() ==
        "column 34: expected comparisons joined by AND to share one object type, found "
        "'ipv4-addr' and 'domain-name'; join different types with OR");
  CHECK(ParseCheckedPattern("[file:name = 'x'] REPEATS 0 TIMES", PatternRules::kSpec)
            .status()
            .message() == "column 19: expected a positive count after REPEATS, found 0");
  CHECK(
      ParseCheckedPattern("[file:hashes.'SHA-256' = 'f00']", PatternRules::kSpec).status().code() ==
      absl::StatusCode::kInvalidArgument);
}

TEST_CASE("checked pattern: syntax errors come first", "[stix][pattern]") {
  CHECK(ParseCheckedPattern("[file:name = ]", PatternRules::kSpec).status().message() ==
        "column 14: expected a constant after '=', found ']'");
}

TEST_CASE("checked pattern: a clean pattern comes back parsed", "[stix][pattern]") {
  absl::StatusOr<Pattern> pattern =
      ParseCheckedPattern("[file:name = 'a.exe' OR file:size > 10]", PatternRules::kSpec);
  REQUIRE(pattern.ok());
  CHECK(pattern->root.comparison.operands.size() == 2);
}

}  // namespace
}  // namespace stixkit::stix::pattern
