#include "stix/pattern/token.h"

#include <catch2/catch.hpp>
#include <string>

namespace stixkit::stix::pattern {
namespace {

TEST_CASE("token: a token is described by its quoted text", "[stix][pattern]") {
  CHECK(DescribeToken(Token{TokenKind::kRightBracket, 3, "]"}) == "']'");
  CHECK(DescribeToken(Token{TokenKind::kString, 0, "'it\\'s'"}) == "\"'it\\'s'\"");
}

TEST_CASE("token: the end token is described as the end of the pattern", "[stix][pattern]") {
  CHECK(DescribeToken(Token{}) == "end of pattern");
}

TEST_CASE("token: long token text is cut in the description", "[stix][pattern]") {
  const std::string text(100, 'a');
  CHECK(DescribeToken(Token{TokenKind::kIdentifier, 0, text}) ==
        "'" + std::string(40, 'a') + "...'");
}

TEST_CASE("token: only the upper-case keywords are keywords", "[stix][pattern]") {
  CHECK(IsKeyword(TokenKind::kAnd));
  CHECK(IsKeyword(TokenKind::kTimes));
  CHECK(IsKeyword(TokenKind::kLast));
  CHECK_FALSE(IsKeyword(TokenKind::kBoolean));
  CHECK_FALSE(IsKeyword(TokenKind::kIdentifier));
  CHECK_FALSE(IsKeyword(TokenKind::kEqual));
}

}  // namespace
}  // namespace stixkit::stix::pattern
