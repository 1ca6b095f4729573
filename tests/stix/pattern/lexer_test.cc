#include "stix/pattern/lexer.h"

#include <catch2/catch.hpp>
#include <string>
#include <vector>

namespace stixkit::stix::pattern {
namespace {

std::vector<TokenKind> Kinds(std::string_view text) {
  absl::StatusOr<std::vector<Token>> tokens = Tokenize(text);
  REQUIRE(tokens.ok());
  std::vector<TokenKind> kinds;
  for (const Token& token : *tokens) kinds.push_back(token.kind);
  return kinds;
}

std::vector<std::string> Texts(std::string_view text) {
  absl::StatusOr<std::vector<Token>> tokens = Tokenize(text);
  REQUIRE(tokens.ok());
  std::vector<std::string> texts;
  for (const Token& token : *tokens) texts.emplace_back(token.text);
  return texts;
}

std::string ErrorOf(std::string_view text) {
  absl::StatusOr<std::vector<Token>> tokens = Tokenize(text);
  REQUIRE_FALSE(tokens.ok());
  CHECK(tokens.status().code() == absl::StatusCode::kInvalidArgument);
  return std::string(tokens.status().message());
}

using K = TokenKind;

TEST_CASE("lexer: a simple comparison becomes bracket, names, operator and string",
          "[stix][pattern]") {
  CHECK(Kinds("[ipv4-addr:value = '198.51.100.3']") ==
        std::vector<K>{K::kLeftBracket, K::kHyphenatedIdentifier, K::kColon, K::kIdentifier,
                       K::kEqual, K::kString, K::kRightBracket, K::kEnd});
}

TEST_CASE("lexer: tokens keep their byte offsets and text", "[stix][pattern]") {
  absl::StatusOr<std::vector<Token>> tokens = Tokenize("[a:b  = 'x']");
  REQUIRE(tokens.ok());
  CHECK((*tokens)[4].offset == 6);
  CHECK((*tokens)[5].text == "'x'");
  CHECK(tokens->back().offset == 12);
}

TEST_CASE("lexer: keywords are upper case and case-sensitive", "[stix][pattern]") {
  CHECK(Kinds("AND OR NOT FOLLOWEDBY LIKE MATCHES ISSUPERSET ISSUBSET EXISTS LAST IN START STOP "
              "SECONDS WITHIN REPEATS TIMES") ==
        std::vector<K>{K::kAnd, K::kOr, K::kNot, K::kFollowedBy, K::kLike, K::kMatches,
                       K::kIsSuperset, K::kIsSubset, K::kExists, K::kLast, K::kIn, K::kStart,
                       K::kStop, K::kSeconds, K::kWithin, K::kRepeats, K::kTimes, K::kEnd});
  CHECK(Kinds("and within ANDROID") ==
        std::vector<K>{K::kIdentifier, K::kIdentifier, K::kIdentifier, K::kEnd});
}

TEST_CASE("lexer: booleans are lower case only", "[stix][pattern]") {
  CHECK(Kinds("true false True") ==
        std::vector<K>{K::kBoolean, K::kBoolean, K::kIdentifier, K::kEnd});
}

TEST_CASE("lexer: numbers follow the grammar's longest match", "[stix][pattern]") {
  CHECK(Texts("007") == std::vector<std::string>{"0", "0", "7", ""});
  CHECK(Kinds("01.5 -3 +4 -0.5 .5 1") == std::vector<K>{K::kFloat, K::kNegativeInteger, K::kInteger,
                                                        K::kNegativeFloat, K::kFloat, K::kInteger,
                                                        K::kEnd});
  CHECK(Kinds("1. - +") == std::vector<K>{K::kInteger, K::kDot, K::kStray, K::kStray, K::kEnd});
}

TEST_CASE("lexer: operators include the grammar's == and <> spellings", "[stix][pattern]") {
  CHECK(Kinds("= == != <> < <= > >=") == std::vector<K>{K::kEqual, K::kEqual, K::kNotEqual,
                                                        K::kNotEqual, K::kLess, K::kLessOrEqual,
                                                        K::kGreater, K::kGreaterOrEqual, K::kEnd});
}

TEST_CASE("lexer: strings allow only the \\' and \\\\ escapes", "[stix][pattern]") {
  CHECK(Texts(R"('it\'s' 'C:\\dir')") ==
        std::vector<std::string>{R"('it\'s')", R"('C:\\dir')", ""});
  CHECK(ErrorOf(R"([a:b = 'a\nb'])") ==
        R"(column 10: expected \' or \\ after a backslash in a string constant, found '\n')");
  CHECK(
      ErrorOf(R"('a\)") ==
      R"(column 3: expected \' or \\ after a backslash in a string constant, found end of pattern)");
}

TEST_CASE("lexer: an unterminated string is reported at its opening quote", "[stix][pattern]") {
  CHECK(ErrorOf("[a:b = 'abc]") ==
        "column 8: expected a closing ' for this string constant, found end of pattern");
}

TEST_CASE("lexer: strings may hold any UTF-8 text, including newlines", "[stix][pattern]") {
  CHECK(Kinds("'é\n漢'") == std::vector<K>{K::kString, K::kEnd});
  CHECK(ErrorOf("'\xff'") == "column 2: expected UTF-8 text, found byte 0xff");
}

TEST_CASE("lexer: timestamps need valid field ranges, a T and a literal Z", "[stix][pattern]") {
  CHECK(Kinds("t'2014-01-13T07:03:17Z' t'2024-02-30T23:59:60.123456Z'") ==
        std::vector<K>{K::kTimestamp, K::kTimestamp, K::kEnd});
  CHECK(ErrorOf("[file:created = t'2014-01-13 07:03:17Z']") ==
        "column 17: expected a UTC timestamp such as t'2016-06-01T00:00:00Z', found "
        "\"t'2014-01-13 07:03:17Z'\"");
  for (const char* bad :
       {"t'2014-13-01T00:00:00Z'", "t'2014-00-01T00:00:00Z'", "t'2014-01-32T00:00:00Z'",
        "t'2014-01-00T00:00:00Z'", "t'2014-01-01T24:00:00Z'", "t'2014-01-01T00:60:00Z'",
        "t'2014-01-01T00:00:61Z'", "t'2014-01-01T00:00:00.Z'", "t'2014-01-01T00:00:00+00:00'",
        "t'2014-01-01T00:00:00'"}) {
    CAPTURE(bad);
    CHECK_FALSE(Tokenize(bad).ok());
  }
}

TEST_CASE("lexer: hex constants need an even number of hex digits", "[stix][pattern]") {
  CHECK(Kinds("h'ffD8' h''") == std::vector<K>{K::kHex, K::kHex, K::kEnd});
  CHECK(ErrorOf("[file:magic_number_hex = h'ffd']") ==
        "column 26: expected an even number of hexadecimal digits in a hex constant, found "
        "\"h'ffd'\"");
}

TEST_CASE("lexer: binary constants need base64 padded to whole groups of four", "[stix][pattern]") {
  CHECK(Kinds("b'dGhpcyBpcyBhIHRlc3Q=' b'AA==' b'AAAA'") ==
        std::vector<K>{K::kBinary, K::kBinary, K::kBinary, K::kEnd});
  for (const char* bad : {"b'abc'", "b'===='", "b''", "b'A==='", "b'AA=A'"}) {
    CAPTURE(bad);
    CHECK_FALSE(Tokenize(bad).ok());
  }
  CHECK(ErrorOf("b'abc'") ==
        "column 1: expected base64 padded to a multiple of 4 characters in a binary constant, "
        "found \"b'abc'\"");
}

TEST_CASE("lexer: h, b and t are names unless a quote follows", "[stix][pattern]") {
  CHECK(Kinds("h b t ht''") == std::vector<K>{K::kIdentifier, K::kIdentifier, K::kIdentifier,
                                              K::kIdentifier, K::kString, K::kEnd});
}

TEST_CASE("lexer: Unicode whitespace separates tokens", "[stix][pattern]") {
  CHECK(Kinds("a\u00a0b\u2028c\u3000d\t\r\n") ==
        std::vector<K>{K::kIdentifier, K::kIdentifier, K::kIdentifier, K::kIdentifier, K::kEnd});
}

TEST_CASE("lexer: comments are skipped like whitespace", "[stix][pattern]") {
  CHECK(Kinds("a /* x */ b // rest\nc") ==
        std::vector<K>{K::kIdentifier, K::kIdentifier, K::kIdentifier, K::kEnd});
  CHECK(ErrorOf("a /* x") == "column 3: expected '*/' to close this comment, found end of pattern");
}

TEST_CASE("lexer: characters outside the grammar are errors with their column", "[stix][pattern]") {
  CHECK(ErrorOf("[file:hashes.MD5 =? 'x']") == "column 19: expected a pattern token, found '?'");
  CHECK(ErrorOf("[a:b = \"x\"]") ==
        "column 8: expected a pattern token, found '\"' (string constants take single quotes)");
  CHECK(ErrorOf("[a:b = é]") == "column 8: expected a pattern token, found 'é'");
}

TEST_CASE("lexer: the end token repeats after the end", "[stix][pattern]") {
  Lexer lexer("a");
  CHECK(lexer.Next()->kind == K::kIdentifier);
  CHECK(lexer.Next()->kind == K::kEnd);
  CHECK(lexer.Next()->kind == K::kEnd);
}

}  // namespace
}  // namespace stixkit::stix::pattern
