#include "stix/pattern/reference_rules.h"

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
  for (const absl::Status& status : ReferenceRuleViolations(*pattern)) {
    CHECK(status.code() == absl::StatusCode::kInvalidArgument);
    messages.emplace_back(status.message());
  }
  return messages;
}

const std::string kSha256(64, 'a');

TEST_CASE("reference rules: a well-formed hash passes", "[stix][pattern]") {
  CHECK(Violations("[file:hashes.'SHA-256' = '" + kSha256 + "']").empty());
  CHECK(Violations("[file:hashes.MD5 = '79054025255fb1a26e4bc422aef54eb4']").empty());
}

TEST_CASE("reference rules: a malformed hash is reported at its constant", "[stix][pattern]") {
  CHECK(Violations("[file:hashes.'SHA-256' = 'f00']") ==
        std::vector<std::string>{
            "column 26: expected 64 hexadecimal digits for the SHA-256 hash, found 'f00'"});
}

TEST_CASE("reference rules: every malformed hash is reported", "[stix][pattern]") {
  CHECK(Violations("[file:hashes.MD5 = 'a' OR x509-certificate:hashes.'sha-1' = 'b']") ==
        std::vector<std::string>{
            "column 20: expected 32 hexadecimal digits for the MD5 hash, found 'a'",
            "column 61: expected 40 hexadecimal digits for the sha-1 hash, found 'b'"});
}

TEST_CASE("reference rules: the hash check follows the reference's reading of the path",
          "[stix][pattern]") {
  // Any step named "hashes" counts, and the last step names the algorithm.
  CHECK(
      Violations("[file:extensions.'windows-pebinary-ext'.sections[*].hashes.MD5 = 'x']").size() ==
      1);
  // [*] and [n] as the last step, unknown algorithms and EXISTS are not checked.
  CHECK(Violations("[file:hashes[*] = 'x' AND file:hashes[0] = 'x']").empty());
  CHECK(Violations("[file:hashes.TLSH = 'x' AND file:hashes.x_custom = 'x']").empty());
  CHECK(Violations("[EXISTS file:hashes.MD5]").empty());
  // The operator does not matter.
  CHECK(Violations("[file:hashes.MD5 NOT LIKE 'a%']").size() == 1);
}

TEST_CASE("reference rules: the constant is tested as written, quotes removed", "[stix][pattern]") {
  // A number, or a set as ANTLR prints it, never looks like a digest.
  CHECK(Violations("[file:hashes.MD5 = 12]") ==
        std::vector<std::string>{
            "column 20: expected 32 hexadecimal digits for the MD5 hash, found '12'"});
  CHECK(Violations("[file:hashes.MD5 IN ('79054025255fb1a26e4bc422aef54eb4')]") ==
        std::vector<std::string>{"column 2: expected 32 hexadecimal digits for the MD5 hash, "
                                 "found '(79054025255fb1a26e4bc422aef54eb4)'"});
}

TEST_CASE("reference rules: a qualifier type twice on one observation is reported",
          "[stix][pattern]") {
  CHECK(Violations("[a:b = 1] WITHIN 5 SECONDS WITHIN 6 SECONDS") ==
        std::vector<std::string>{"column 28: expected at most one WITHIN qualifier on this "
                                 "observation expression, found a second"});
  CHECK(Violations("([a:b = 1] REPEATS 2 TIMES REPEATS 3 TIMES)") ==
        std::vector<std::string>{"column 28: expected at most one REPEATS qualifier on this "
                                 "observation expression, found a second"});
  CHECK(Violations("[a:b = 1] START t'2016-06-01T00:00:00Z' STOP t'2016-06-02T00:00:00Z' "
                   "START t'2016-06-01T00:00:00Z' STOP t'2016-06-02T00:00:00Z'")
            .size() == 1);
}

TEST_CASE("reference rules: qualifiers after a parenthesized group are not checked",
          "[stix][pattern]") {
  CHECK(Violations("([a:b = 1]) WITHIN 5 SECONDS WITHIN 6 SECONDS").empty());
  CHECK(Violations("([a:b = 1] REPEATS 2 TIMES) REPEATS 2 TIMES").empty());
  CHECK(Violations("[a:b = 1] REPEATS 2 TIMES WITHIN 1 SECONDS START t'2016-06-01T00:00:00Z' "
                   "STOP t'2016-06-02T00:00:00Z'")
            .empty());
}

TEST_CASE("reference rules: only the first duplicate qualifier is reported, before hashes",
          "[stix][pattern]") {
  CHECK(Violations("[file:hashes.MD5 = 'a'] WITHIN 1 SECONDS WITHIN 2 SECONDS AND "
                   "[a:b = 1] REPEATS 1 TIMES REPEATS 2 TIMES") ==
        std::vector<std::string>{
            "column 42: expected at most one WITHIN qualifier on this observation expression, "
            "found a second",
            "column 20: expected 32 hexadecimal digits for the MD5 hash, found 'a'"});
}

TEST_CASE("reference rules: CheckReferenceRules returns the first violation", "[stix][pattern]") {
  absl::StatusOr<Pattern> good = ParsePattern("[a:b = 1]");
  REQUIRE(good.ok());
  CHECK(CheckReferenceRules(*good).ok());
  absl::StatusOr<Pattern> bad = ParsePattern("[file:hashes.MD5 = 'a' OR file:hashes.MD5 = 'b']");
  REQUIRE(bad.ok());
  CHECK(CheckReferenceRules(*bad).message() ==
        "column 20: expected 32 hexadecimal digits for the MD5 hash, found 'a'");
}

}  // namespace
}  // namespace stixkit::stix::pattern
