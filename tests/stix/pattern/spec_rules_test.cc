#include "stix/pattern/spec_rules.h"

#include <catch2/catch.hpp>
#include <string>
#include <vector>

#include "stix/pattern/parser.h"

namespace stixkit::stix::pattern {
namespace {

std::vector<std::string> Violations(std::string_view text) {
  absl::StatusOr<Pattern> pattern = ParsePattern(text);
  REQUIRE(pattern.ok());
  std::vector<std::string> messages;
  for (const absl::Status& status : SpecRuleViolations(*pattern)) {
    CHECK(status.code() == absl::StatusCode::kInvalidArgument);
    messages.emplace_back(status.message());
  }
  return messages;
}

TEST_CASE("spec rules: AND between different object types in one observation fails",
          "[stix][pattern]") {
  CHECK(Violations("[ipv4-addr:value = '1.2.3.4' AND domain-name:value = 'example.com']") ==
        std::vector<std::string>{
            "column 34: expected comparisons joined by AND to share one object type, found "
            "'ipv4-addr' and 'domain-name'; join different types with OR"});
}

TEST_CASE("spec rules: OR between different object types passes", "[stix][pattern]") {
  CHECK(Violations("[ipv4-addr:value = '1.2.3.4' OR domain-name:value = 'example.com']").empty());
  CHECK(Violations("[(a:j = 'W' AND a:k = 'X') OR (b:m = 'Y' AND b:n = 'Z')]").empty());
  CHECK(Violations("[a:j = 'W' AND a:k = 'X' OR a:l = 'Z']").empty());
}

TEST_CASE("spec rules: AND passes when its operands can share one object type", "[stix][pattern]") {
  CHECK(Violations("[a:x = 1 AND (a:y = 2 OR b:z = 3)]").empty());
  CHECK(Violations("[(a:x = 1 OR b:y = 2) AND c:z = 3]") ==
        std::vector<std::string>{"column 27: expected comparisons joined by AND to share one "
                                 "object type, found 'a' and 'c'; join different types with OR"});
}

TEST_CASE("spec rules: observation-level AND may join different object types", "[stix][pattern]") {
  CHECK(Violations("[a:x = 1] AND [b:y = 2]").empty());
}

TEST_CASE("spec rules: REPEATS 0 TIMES and WITHIN 0 SECONDS fail", "[stix][pattern]") {
  CHECK(Violations("[file:name = 'x'] REPEATS 0 TIMES") ==
        std::vector<std::string>{"column 19: expected a positive count after REPEATS, found 0"});
  CHECK(Violations("[file:name = 'x'] WITHIN 0.0 SECONDS") ==
        std::vector<std::string>{
            "column 19: expected a positive number of seconds after WITHIN, found 0.0"});
  CHECK(Violations("[file:name = 'x'] REPEATS 10 TIMES WITHIN 0.5 SECONDS").empty());
}

TEST_CASE("spec rules: a qualifier type twice after a group fails", "[stix][pattern]") {
  CHECK(Violations("([a:b = 1]) WITHIN 5 SECONDS WITHIN 6 SECONDS") ==
        std::vector<std::string>{"column 30: expected at most one WITHIN qualifier on this "
                                 "parenthesized expression, found a second"});
  // Duplicates directly after [ ... ] are the reference's to report (reference_rules.h).
  CHECK(Violations("[a:b = 1] WITHIN 5 SECONDS WITHIN 6 SECONDS").empty());
}

TEST_CASE("spec rules: every violation is reported in order", "[stix][pattern]") {
  CHECK(Violations("[a:x = 1 AND b:y = 2] REPEATS 0 TIMES OR [c:x = 1 AND d:y = 2]").size() == 3);
}

TEST_CASE("spec rules: CheckSpecRules returns the first violation", "[stix][pattern]") {
  absl::StatusOr<Pattern> good = ParsePattern("[a:b = 1 AND a:c = 2] REPEATS 2 TIMES");
  REQUIRE(good.ok());
  CHECK(CheckSpecRules(*good).ok());
  absl::StatusOr<Pattern> bad = ParsePattern("[a:b = 1] REPEATS 0 TIMES");
  REQUIRE(bad.ok());
  CHECK(CheckSpecRules(*bad).message() ==
        "column 11: expected a positive count after REPEATS, found 0");
}

}  // namespace
}  // namespace stixkit::stix::pattern
