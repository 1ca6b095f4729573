#include "stix/pattern/parser.h"

#include <catch2/catch.hpp>
#include <string>

namespace stixkit::stix::pattern {
namespace {

std::string ErrorOf(std::string_view text) {
  absl::StatusOr<Pattern> pattern = ParsePattern(text);
  REQUIRE_FALSE(pattern.ok());
  CHECK(pattern.status().code() == absl::StatusCode::kInvalidArgument);
  return std::string(pattern.status().message());
}

using OK = ObservationExpr::Kind;
using CK = ComparisonExpr::Kind;

// STIX 2.1 fact sheet §8.5: patterns the reference validator accepts.
TEST_CASE("parser: the fact sheet's valid patterns parse", "[stix][pattern]") {
  const char* valid[] = {
      "[ipv4-addr:value = '198.51.100.3']",
      "[file:hashes.'SHA-256' = "
      "'aec070645fe53ee3b3763059376134f058cc337247c978add178b6ccdfb0019f']",
      "[file:hashes.MD5 = '79054025255fb1a26e4bc422aef54eb4' OR file:hashes.'SHA-1' = "
      "'0123456789abcdef0123456789abcdef01234567']",
      R"([domain-name:value = 'example.com'] AND [url:value = 'http://example.com/a\'b'])",
      R"([email-message:from_ref.value MATCHES '.+@example\\.com$'])",
      "[network-traffic:dst_ref.type = 'ipv4-addr' AND network-traffic:dst_port = 443] REPEATS 5 "
      "TIMES WITHIN 1800 SECONDS",
      "([file:name = 'foo.dll'] FOLLOWEDBY [process:name IN ('a.exe', 'b.exe')]) WITHIN 300 "
      "SECONDS",
      "[ipv4-addr:value ISSUBSET '198.51.100.0/24']",
      "[file:size > 1024 AND file:created = t'2014-01-13T07:03:17Z']",
      "[file:name = 'a.exe'] START t'2016-06-01T00:00:00Z' STOP t'2016-07-01T00:00:00Z'",
      "[file:extensions.'windows-pebinary-ext'.sections[*].entropy > 7.0]",
      "[artifact:payload_bin = b'dGhpcyBpcyBhIHRlc3Q=']",
      "[file:magic_number_hex = h'ffd8']",
      "[EXISTS windows-registry-key:values]",
      "[user-account:account_login NOT LIKE 'adm%']",
      R"([windows-registry-key:key = 'HKEY_LOCAL_MACHINE\\Software\\Run'])",
  };
  for (const char* text : valid) {
    CAPTURE(text);
    absl::StatusOr<Pattern> pattern = ParsePattern(text);
    CHECK(pattern.ok());
    if (!pattern.ok()) WARN(pattern.status().message());
  }
}

// The fact sheet lists "[NOT EXISTS ...]" as valid, but the reference's 2.1 grammar has
// "EXISTS objectPath" with no NOT (STIXPattern.g4, propTestExists), so it rejects it.
TEST_CASE("parser: NOT before EXISTS is rejected as the reference grammar does",
          "[stix][pattern]") {
  CHECK(ErrorOf("[NOT EXISTS windows-registry-key:values]") ==
        "column 2: expected an object path, EXISTS or '(' (NOT goes between the object path and "
        "the operator, and EXISTS takes none), found 'NOT'");
}

// STIX 2.1 fact sheet §8.6, the rows that are syntax errors.
TEST_CASE("parser: the fact sheet's invalid patterns fail with their column", "[stix][pattern]") {
  CHECK(ErrorOf("ipv4-addr:value = '198.51.100.3'") ==
        "column 1: expected '[' or '(' to start an observation expression, found 'ipv4-addr'");
  CHECK(ErrorOf("[ipv4-addr:value = \"198.51.100.3\"]") ==
        "column 20: expected a pattern token, found '\"' (string constants take single quotes)");
  CHECK(ErrorOf("[ipv4-addr:value = '198.51.100.3'") ==
        "column 34: expected AND, OR or ']' to close the observation expression, found end of "
        "pattern");
  CHECK(ErrorOf("[file:hashes.SHA-256 = 'aec0']") ==
        "column 14: expected a property name or quoted key after '.', found 'SHA-256' (a name "
        "with '-' must be quoted, as in 'SHA-256')");
  CHECK(ErrorOf("[file:name = 'it's']") ==
        "column 18: expected AND, OR or ']' to close the observation expression, found 's'");
  CHECK(ErrorOf(R"([file:name = 'a\"b'])") ==
        R"(column 16: expected \' or \\ after a backslash in a string constant, found '\"')");
  CHECK(ErrorOf("[file:created = t'2014-01-13T07:03:17+00:00']") ==
        "column 17: expected a UTC timestamp such as t'2016-06-01T00:00:00Z', found "
        "\"t'2014-01-13T07:03:17+00:00'\"");
  CHECK(ErrorOf("[file:magic_number_hex = h'ffd']") ==
        "column 26: expected an even number of hexadecimal digits in a hex constant, found "
        "\"h'ffd'\"");
  CHECK(ErrorOf("[artifact:payload_bin = b'abc']") ==
        "column 25: expected base64 padded to a multiple of 4 characters in a binary constant, "
        "found \"b'abc'\"");
  CHECK(ErrorOf("[file:name = 'a'] WITHIN 5 MINUTES") ==
        "column 28: expected SECONDS after 'WITHIN 5', found 'MINUTES'");
  CHECK(ErrorOf("[file:size = 10] WITHIN -5 SECONDS") ==
        "column 25: expected a positive number of seconds after WITHIN, found '-5'");
  CHECK(ErrorOf("[file:name = 'a'] START t'2016-06-01T00:00:00Z'") ==
        "column 48: expected STOP after the START timestamp, found end of pattern");
  CHECK(ErrorOf("[file:name = 'a'] and [file:name = 'b']") ==
        "column 19: expected AND, OR, FOLLOWEDBY, a qualifier or the end of the pattern, found "
        "'and' (keywords are upper case)");
  CHECK(ErrorOf("[file:name = 'a'] FOLLOWEDBY") ==
        "column 29: expected '[' or '(' to start an observation expression, found end of "
        "pattern");
  CHECK(ErrorOf("[]") == "column 2: expected an object path, EXISTS or '(', found ']'");
}

TEST_CASE("parser: more syntax errors say what was expected and found", "[stix][pattern]") {
  CHECK(ErrorOf("[file:size = ]") == "column 14: expected a constant after '=', found ']'");
  CHECK(ErrorOf("[file.size = 1280]") ==
        "column 6: expected ':' after the object type 'file', found '.'");
  CHECK(ErrorOf("[file:name MATCHES /.*dll/]") ==
        "column 20: expected a string constant after MATCHES, found '/'");
  CHECK(ErrorOf("[a:b > true]") ==
        "column 8: expected a constant other than a boolean after '>', found 'true'");
  CHECK(ErrorOf("[a:b IN ('x' 'y')]") ==
        "column 14: expected ',' or ')' in the set after IN, found \"'y'\"");
  CHECK(ErrorOf("[a:b[x] = 1]") == "column 6: expected a list index or '*' after '[', found 'x'");
  CHECK(ErrorOf("[a:b = 1] REPEATS 1.5 TIMES") ==
        "column 19: expected a positive integer after REPEATS, found '1.5'");
  CHECK(ErrorOf("([a:b = 1]") ==
        "column 11: expected AND, OR, FOLLOWEDBY, a qualifier or ')', found end of pattern");
  CHECK(ErrorOf("[a:b = 1]\n AND [a:c = x]") ==
        "line 2, column 13: expected a constant after '=', found 'x'");
}

TEST_CASE("parser: a comment may not open the pattern, as in the reference", "[stix][pattern]") {
  CHECK(ErrorOf("/* c */ [a:b = 1]") ==
        "column 1: expected '[' or '(' at the start of the pattern, found '/'");
  CHECK(ParsePattern("[a:b = 1] /* ok */ // ok").ok());
  CHECK(ParsePattern(" ( [a:b = 1] )").ok());
}

TEST_CASE("parser: the grammar's leniencies are accepted", "[stix][pattern]") {
  absl::StatusOr<Pattern> pattern =
      ParsePattern("[a:b == 1 AND a:c <> +2 AND a:d[-1] = 1 AND a:e IN () AND a:f = 01.5]");
  REQUIRE(pattern.ok());
  const ComparisonExpr& and_node = pattern->root.comparison;
  REQUIRE(and_node.operands.size() == 5);
  CHECK(and_node.operands[0].comparison.op == ComparisonOp::kEqual);
  CHECK(and_node.operands[1].comparison.op == ComparisonOp::kNotEqual);
  CHECK(and_node.operands[1].comparison.values[0].value == "2");
  CHECK(and_node.operands[1].comparison.values[0].text == "+2");
  CHECK(and_node.operands[2].comparison.path.steps[1].index == "-1");
  CHECK(and_node.operands[3].comparison.values.empty());
}

TEST_CASE("parser: AND binds tighter than OR, and OR tighter than FOLLOWEDBY", "[stix][pattern]") {
  absl::StatusOr<Pattern> pattern =
      ParsePattern("[a:b = 1] AND [a:b = 2] OR [a:b = 3] FOLLOWEDBY [a:b = 4]");
  REQUIRE(pattern.ok());
  const ObservationExpr& root = pattern->root;
  REQUIRE(root.kind == OK::kFollowedBy);
  REQUIRE(root.operands.size() == 2);
  CHECK(root.operands[0].kind == OK::kOr);
  CHECK(root.operands[0].operands[0].kind == OK::kAnd);
  CHECK(root.operands[1].kind == OK::kObservation);
}

TEST_CASE("parser: chains of one operator are flattened", "[stix][pattern]") {
  absl::StatusOr<Pattern> pattern = ParsePattern("[a:b = 1 OR a:b = 2 OR a:b = 3 AND a:c = 4]");
  REQUIRE(pattern.ok());
  const ComparisonExpr& root = pattern->root.comparison;
  CHECK(root.kind == CK::kOr);
  REQUIRE(root.operands.size() == 3);
  CHECK(root.operands[2].kind == CK::kAnd);
}

TEST_CASE("parser: qualifiers attach to the nearest observation or group", "[stix][pattern]") {
  absl::StatusOr<Pattern> pattern =
      ParsePattern("[a:b = 1] FOLLOWEDBY ([a:b = 2]) REPEATS 5 TIMES WITHIN 1.5 SECONDS");
  REQUIRE(pattern.ok());
  const ObservationExpr& root = pattern->root;
  REQUIRE(root.operands.size() == 2);
  CHECK(root.operands[0].qualifiers.empty());
  const ObservationExpr& group = root.operands[1];
  CHECK(group.kind == OK::kGroup);
  REQUIRE(group.qualifiers.size() == 2);
  CHECK(group.qualifiers[0].kind == Qualifier::Kind::kRepeats);
  CHECK(group.qualifiers[0].number == "5");
  CHECK(group.qualifiers[1].kind == Qualifier::Kind::kWithin);
  CHECK(group.qualifiers[1].number == "1.5");
  CHECK(group.qualifiers[1].offset == 49);
}

TEST_CASE("parser: START and STOP keep their timestamps", "[stix][pattern]") {
  absl::StatusOr<Pattern> pattern =
      ParsePattern("[a:b = 1] START t'2016-06-01T00:00:00Z' STOP t'2016-07-01T00:00:00.5Z'");
  REQUIRE(pattern.ok());
  REQUIRE(pattern->root.qualifiers.size() == 1);
  CHECK(pattern->root.qualifiers[0].start == "2016-06-01T00:00:00Z");
  CHECK(pattern->root.qualifiers[0].stop == "2016-07-01T00:00:00.5Z");
}

TEST_CASE("parser: object paths keep keys unquoted and indexes as written", "[stix][pattern]") {
  absl::StatusOr<Pattern> pattern = ParsePattern(
      R"([file:extensions.'windows-pebinary-ext'.sections[*].entropy > 7.0 OR x-a:'k\'1'[0] = 1])");
  REQUIRE(pattern.ok());
  const ObjectPath& path = pattern->root.comparison.operands[0].comparison.path;
  CHECK(path.object_type == "file");
  REQUIRE(path.steps.size() == 5);
  CHECK(path.steps[0].key == "extensions");
  CHECK(path.steps[1].key == "windows-pebinary-ext");
  CHECK(path.steps[2].key == "sections");
  CHECK(path.steps[3].kind == PathStep::Kind::kAnyIndex);
  CHECK(path.steps[4].key == "entropy");
  const ObjectPath& second = pattern->root.comparison.operands[1].comparison.path;
  CHECK(second.object_type == "x-a");
  CHECK(second.steps[0].key == "k'1");
  CHECK(second.steps[1].kind == PathStep::Kind::kIndex);
  CHECK(second.steps[1].index == "0");
}

TEST_CASE("parser: constants keep their kind, value and source text", "[stix][pattern]") {
  absl::StatusOr<Pattern> pattern =
      ParsePattern(R"([a:b IN ('x\\y', -3, 2.5, true, t'2016-06-01T00:00:00Z', h'ff', b'AA==')])");
  REQUIRE(pattern.ok());
  const std::vector<Constant>& values = pattern->root.comparison.comparison.values;
  REQUIRE(values.size() == 7);
  CHECK(values[0].kind == ConstantKind::kString);
  CHECK(values[0].value == R"(x\y)");
  CHECK(values[0].text == R"('x\\y')");
  CHECK(values[1].kind == ConstantKind::kInteger);
  CHECK(values[1].value == "-3");
  CHECK(values[2].kind == ConstantKind::kFloat);
  CHECK(values[3].kind == ConstantKind::kBoolean);
  CHECK(values[4].kind == ConstantKind::kTimestamp);
  CHECK(values[4].value == "2016-06-01T00:00:00Z");
  CHECK(values[5].value == "ff");
  CHECK(values[6].value == "AA==");
  CHECK(values[6].offset == 64);
}

TEST_CASE("parser: NOT negates the comparison operator", "[stix][pattern]") {
  absl::StatusOr<Pattern> pattern = ParsePattern("[ipv4-addr:value NOT ISSUBSET '10.0.0.0/8']");
  REQUIRE(pattern.ok());
  CHECK(pattern->root.comparison.comparison.negated);
  CHECK(pattern->root.comparison.comparison.op == ComparisonOp::kIsSubset);
}

TEST_CASE("parser: nesting deeper than the limit is refused without exhausting the stack",
          "[stix][pattern]") {
  const std::string ok =
      std::string(kMaxNestingDepth - 1, '(') + "[a:b = 1]" + std::string(kMaxNestingDepth - 1, ')');
  CHECK(ParsePattern(ok).ok());
  const std::string deep = std::string(300, '(') + "[a:b = 1]" + std::string(300, ')');
  CHECK(ErrorOf(deep) ==
        "column 257: expected at most 256 nested parentheses and brackets, "
        "found more");
  const std::string very_deep = "[" + std::string(100000, '(') + "a:b = 1";
  CHECK(ErrorOf(very_deep) ==
        "column 257: expected at most 256 nested parentheses and "
        "brackets, found more");
}

TEST_CASE("parser: a long chain of observations parses into one flat node", "[stix][pattern]") {
  std::string text = "[a:b = 1]";
  for (int i = 0; i < 20000; ++i) text += " AND [a:b = 1]";
  absl::StatusOr<Pattern> pattern = ParsePattern(text);
  REQUIRE(pattern.ok());
  CHECK(pattern->root.operands.size() == 20001);
}

TEST_CASE("parser: patterns longer than the limit are refused", "[stix][pattern]") {
  CHECK(ErrorOf(std::string(kMaxPatternBytes + 1, ' ')) ==
        "expected a pattern of at most 1048576 bytes, found 1048577 bytes");
}

TEST_CASE("parser: the pattern keeps its source text", "[stix][pattern]") {
  absl::StatusOr<Pattern> pattern = ParsePattern(" [a:b = 1] ");
  REQUIRE(pattern.ok());
  CHECK(pattern->text == " [a:b = 1] ");
}

}  // namespace
}  // namespace stixkit::stix::pattern
