#include "stix/pattern/formatter.h"

#include <catch2/catch.hpp>
#include <string>

#include "stix/pattern/parser.h"

namespace stixkit::stix::pattern {
namespace {

PathStep Key(std::string key) { return {PathStep::Kind::kKey, std::move(key), ""}; }

Comparison Equals(std::string type, std::vector<PathStep> steps, Constant value) {
  Comparison comparison;
  comparison.path = ObjectPath{std::move(type), std::move(steps), 0};
  comparison.op = ComparisonOp::kEqual;
  comparison.values.push_back(std::move(value));
  return comparison;
}

Constant String(std::string value) { return {ConstantKind::kString, std::move(value), "", 0}; }

ObservationExpr Observe(std::vector<Comparison> comparisons, ComparisonExpr::Kind joiner) {
  ObservationExpr observation;
  observation.kind = ObservationExpr::Kind::kObservation;
  if (comparisons.size() == 1) {
    observation.comparison.comparison = std::move(comparisons[0]);
    return observation;
  }
  observation.comparison.kind = joiner;
  for (Comparison& comparison : comparisons) {
    ComparisonExpr leaf;
    leaf.comparison = std::move(comparison);
    observation.comparison.operands.push_back(std::move(leaf));
  }
  return observation;
}

TEST_CASE("formatter: Quote escapes apostrophes and backslashes", "[stix][pattern]") {
  CHECK(Quote("it's") == R"('it\'s')");
  CHECK(Quote(R"(C:\Temp)") == R"('C:\\Temp')");
  CHECK(Quote("") == "''");
  CHECK(Quote("line\nbreak é") == "'line\nbreak é'");
}

TEST_CASE("formatter: path keys are quoted only when they must be", "[stix][pattern]") {
  CHECK(FormatPathKey("MD5") == "MD5");
  CHECK(FormatPathKey("_x1") == "_x1");
  CHECK(FormatPathKey("SHA-256") == "'SHA-256'");
  CHECK(FormatPathKey("a.b") == "'a.b'");
  CHECK(FormatPathKey("1abc") == "'1abc'");
  CHECK(FormatPathKey("AND") == "'AND'");
  CHECK(FormatPathKey("true") == "'true'");
  CHECK(FormatPathKey("it's") == R"('it\'s')");
  CHECK(FormatPathKey("") == "''");
}

TEST_CASE("formatter: an object path is built from its steps", "[stix][pattern]") {
  ObjectPath path{"file",
                  {Key("extensions"),
                   Key("windows-pebinary-ext"),
                   Key("sections"),
                   {PathStep::Kind::kAnyIndex, "", ""},
                   Key("entropy")},
                  0};
  CHECK(FormatObjectPath(path).value() ==
        "file:extensions.'windows-pebinary-ext'.sections[*].entropy");
  path.steps = {Key("protocols"), {PathStep::Kind::kIndex, "", "0"}};
  CHECK(FormatObjectPath(path).value() == "file:protocols[0]");
}

TEST_CASE("formatter: a malformed object path is refused", "[stix][pattern]") {
  CHECK(FormatObjectPath({"bad type", {Key("a")}, 0}).status().message() ==
        "expected an object type name such as 'ipv4-addr', found 'bad type'");
  CHECK(FormatObjectPath({"AND", {Key("a")}, 0}).status().code() ==
        absl::StatusCode::kInvalidArgument);
  CHECK(FormatObjectPath({"file", {}, 0}).status().message() ==
        "expected a property name as the first step of the path of 'file', found no steps");
  CHECK(FormatObjectPath({"file", {Key("a"), {PathStep::Kind::kIndex, "", "x"}}, 0})
            .status()
            .message() == "expected a list index such as 0, found 'x'");
}

TEST_CASE("formatter: constants are written in their syntax", "[stix][pattern]") {
  CHECK(FormatConstant(String("a'b")).value() == R"('a\'b')");
  CHECK(FormatConstant({ConstantKind::kInteger, "-7", "", 0}).value() == "-7");
  CHECK(FormatConstant({ConstantKind::kFloat, "7.0", "", 0}).value() == "7.0");
  CHECK(FormatConstant({ConstantKind::kBoolean, "true", "", 0}).value() == "true");
  CHECK(FormatConstant({ConstantKind::kTimestamp, "2014-01-13T07:03:17Z", "", 0}).value() ==
        "t'2014-01-13T07:03:17Z'");
  CHECK(FormatConstant({ConstantKind::kHex, "ffd8", "", 0}).value() == "h'ffd8'");
  CHECK(FormatConstant({ConstantKind::kBinary, "AA==", "", 0}).value() == "b'AA=='");
}

TEST_CASE("formatter: invalid constant values are refused", "[stix][pattern]") {
  CHECK(FormatConstant({ConstantKind::kTimestamp, "2014-01-13", "", 0}).status().message() ==
        "expected a timestamp constant value such as 2016-06-01T00:00:00Z, found '2014-01-13'");
  CHECK(FormatConstant({ConstantKind::kInteger, "+5", "", 0}).status().message() ==
        "expected an integer constant value such as 42 or -7, found '+5'");
  CHECK_FALSE(FormatConstant({ConstantKind::kInteger, "007", "", 0}).ok());
  CHECK_FALSE(FormatConstant({ConstantKind::kInteger, "1 OR 1", "", 0}).ok());
  CHECK_FALSE(FormatConstant({ConstantKind::kFloat, "1", "", 0}).ok());
  CHECK_FALSE(FormatConstant({ConstantKind::kBoolean, "TRUE", "", 0}).ok());
  CHECK_FALSE(FormatConstant({ConstantKind::kHex, "fff", "", 0}).ok());
  CHECK_FALSE(FormatConstant({ConstantKind::kHex, "ff' OR '", "", 0}).ok());
  CHECK_FALSE(FormatConstant({ConstantKind::kBinary, "abc", "", 0}).ok());
}

TEST_CASE("formatter: a hand-built indicator pattern is safe to parse back", "[stix][pattern]") {
  Pattern pattern;
  pattern.root =
      Observe({Equals("file", {Key("hashes"), Key("SHA-256")}, String(std::string(64, 'a'))),
               Equals("file", {Key("name")}, String("evil'] OR [a:b = 'x"))},
              ComparisonExpr::Kind::kOr);
  absl::StatusOr<std::string> text = FormatPattern(pattern);
  REQUIRE(text.ok());
  CHECK(*text == "[file:hashes.'SHA-256' = '" + std::string(64, 'a') +
                     R"(' OR file:name = 'evil\'] OR [a:b = \'x'])");
  absl::StatusOr<Pattern> parsed = ParsePattern(*text);
  REQUIRE(parsed.ok());
  CHECK(parsed->root.comparison.operands[1].comparison.values[0].value == "evil'] OR [a:b = 'x");
}

TEST_CASE("formatter: parentheses are added where precedence needs them", "[stix][pattern]") {
  ComparisonExpr inner_or;
  inner_or.kind = ComparisonExpr::Kind::kOr;
  for (const char* name : {"a", "b"}) {
    ComparisonExpr leaf;
    leaf.comparison = Equals("file", {Key("name")}, String(name));
    inner_or.operands.push_back(leaf);
  }
  ComparisonExpr outer_and;
  outer_and.kind = ComparisonExpr::Kind::kAnd;
  outer_and.operands = {inner_or, inner_or.operands[0]};
  CHECK(FormatComparisonExpr(outer_and).value() ==
        "(file:name = 'a' OR file:name = 'b') AND file:name = 'a'");

  ObservationExpr followed;
  followed.kind = ObservationExpr::Kind::kFollowedBy;
  followed.operands = {Observe({inner_or.operands[0].comparison}, ComparisonExpr::Kind::kAnd),
                       Observe({inner_or.operands[1].comparison}, ComparisonExpr::Kind::kAnd)};
  followed.qualifiers.push_back({Qualifier::Kind::kWithin, "300", "", "", 0});
  ObservationExpr both;
  both.kind = ObservationExpr::Kind::kAnd;
  both.operands = {followed, followed.operands[0]};
  CHECK(FormatObservationExpr(both).value() ==
        "([file:name = 'a'] FOLLOWEDBY [file:name = 'b']) WITHIN 300 SECONDS AND "
        "[file:name = 'a']");
}

TEST_CASE("formatter: operators that do not fit their constants are refused", "[stix][pattern]") {
  Comparison like = Equals("file", {Key("name")}, {ConstantKind::kInteger, "1", "", 0});
  like.op = ComparisonOp::kLike;
  CHECK(FormatComparison(like).status().message() ==
        "expected a string constant after LIKE, found another kind");
  Comparison exists = Equals("file", {Key("name")}, String("x"));
  exists.op = ComparisonOp::kExists;
  CHECK(FormatComparison(exists).value() == "EXISTS file:name");
  exists.negated = true;
  CHECK(FormatComparison(exists).status().message() ==
        "expected EXISTS without NOT, found NOT EXISTS");
  ObservationExpr empty;
  empty.kind = ObservationExpr::Kind::kAnd;
  CHECK_FALSE(FormatObservationExpr(empty).ok());
}

TEST_CASE("formatter: parsed patterns print canonically and parse back to the same text",
          "[stix][pattern]") {
  const char* cases[][2] = {
      {"[a:b == 1 AND a:c <> +2 AND a:d[-1] = 1 AND a:e IN ()]",
       "[a:b = 1 AND a:c != 2 AND a:d[-1] = 1 AND a:e IN ()]"},
      {"( [(network-traffic:dst_port IN(443,6443,8443) AND network-traffic:src_packets != 0) ])",
       "([(network-traffic:dst_port IN (443, 6443, 8443) AND network-traffic:src_packets != 0)])"},
      {"[a:b = 1] /* c */ REPEATS +2 TIMES START t'2016-06-01T00:00:00Z' STOP "
       "t'2016-06-02T00:00:00Z'",
       "[a:b = 1] REPEATS 2 TIMES START t'2016-06-01T00:00:00Z' STOP t'2016-06-02T00:00:00Z'"},
      {"[x:'k\\'ey'.MD5 NOT MATCHES '^a\\\\b']", "[x:'k\\'ey'.MD5 NOT MATCHES '^a\\\\b']"},
      {"[EXISTS a:b] FOLLOWEDBY [a:b = true]", "[EXISTS a:b] FOLLOWEDBY [a:b = true]"},
  };
  for (const auto& [input, expected] : cases) {
    CAPTURE(input);
    absl::StatusOr<Pattern> pattern = ParsePattern(input);
    REQUIRE(pattern.ok());
    absl::StatusOr<std::string> text = FormatPattern(*pattern);
    REQUIRE(text.ok());
    CHECK(*text == expected);
    absl::StatusOr<Pattern> again = ParsePattern(*text);
    REQUIRE(again.ok());
    CHECK(FormatPattern(*again).value() == *text);
  }
}

}  // namespace
}  // namespace stixkit::stix::pattern
