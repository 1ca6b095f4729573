#include "stix/validate/best_practice/internal/name_patterns.h"

#include <catch2/catch.hpp>

namespace stixkit::stix::best_practice {
namespace {

TEST_CASE("name patterns: custom type prefixes follow the reference's regexes",
          "[stix][validate]") {
  CHECK(MatchesCustomTypePrefix("x-acme-thing", PrefixStyle::kStrict));
  CHECK(MatchesCustomTypePrefix("x-x-foo", PrefixStyle::kStrict));
  CHECK_FALSE(MatchesCustomTypePrefix("x-corporation", PrefixStyle::kStrict));
  CHECK(MatchesCustomTypePrefix("x-corporation", PrefixStyle::kLax));
  CHECK_FALSE(MatchesCustomTypePrefix("x-", PrefixStyle::kLax));
  CHECK_FALSE(MatchesCustomTypePrefix("corporation", PrefixStyle::kLax));
  CHECK_FALSE(MatchesCustomTypePrefix("x-acme-\n", PrefixStyle::kStrict));
}

TEST_CASE("name patterns: custom property and extension prefixes", "[stix][validate]") {
  CHECK(MatchesCustomPropertyPrefix("x_acme_score", PrefixStyle::kStrict));
  CHECK_FALSE(MatchesCustomPropertyPrefix("x_score", PrefixStyle::kStrict));
  CHECK_FALSE(MatchesCustomPropertyPrefix("x_score_", PrefixStyle::kStrict));
  CHECK(MatchesCustomPropertyPrefix("x_score", PrefixStyle::kLax));
  CHECK_FALSE(MatchesCustomPropertyPrefix("x-something", PrefixStyle::kLax));
  CHECK(MatchesCustomExtensionPrefix("x-acme-foo-ext", PrefixStyle::kStrict));
  CHECK_FALSE(MatchesCustomExtensionPrefix("x-foobar-ext", PrefixStyle::kStrict));
  CHECK(MatchesCustomExtensionPrefix("x-foobar-ext", PrefixStyle::kLax));
  CHECK_FALSE(MatchesCustomExtensionPrefix("foobar-ext", PrefixStyle::kLax));
}

TEST_CASE("name patterns: Python's islower and the small format matchers", "[stix][validate]") {
  CHECK(IsPythonLower("c++"));
  CHECK_FALSE(IsPythonLower("123"));
  CHECK_FALSE(IsPythonLower("Abc"));
  CHECK(IsLowerHyphenated("x86-64"));
  CHECK_FALSE(IsLowerHyphenated("some thing"));
  CHECK_FALSE(IsLowerHyphenated("some_thing"));
  CHECK(IsAllDigits("12"));
  CHECK_FALSE(IsAllDigits(""));
  CHECK(HasNoUpperAscii("foo-bar"));
  CHECK_FALSE(HasNoUpperAscii(""));
  CHECK(EndsInClassSuffix("HIGH_PRIORITY_CLASS"));
  CHECK_FALSE(EndsInClassSuffix("_CLASS"));
  CHECK(LooksLikeProtocolName("tcp"));
  CHECK_FALSE(LooksLikeProtocolName("foo_bar"));
  CHECK(LooksLikeIpfixName("octetDeltaCount"));
  CHECK_FALSE(LooksLikeIpfixName("Foo"));
  CHECK(CodePointCount("h\xc3\xa9") == 2);
}

}  // namespace
}  // namespace stixkit::stix::best_practice
