#include "stix/pattern/internal/syntax_error.h"

#include <catch2/catch.hpp>
#include <string>

namespace stixkit::stix::pattern::internal {
namespace {

TEST_CASE("syntax error: single-line patterns report a 1-based column", "[stix][pattern]") {
  const absl::Status status = SyntaxError("[a:b = ]", 7, "expected a constant, found ']'");
  CHECK(status.code() == absl::StatusCode::kInvalidArgument);
  CHECK(status.message() == "column 8: expected a constant, found ']'");
}

TEST_CASE("syntax error: multi-line patterns report line and column", "[stix][pattern]") {
  CHECK(DescribePosition("[a:b = 1]\nAND x", 14) == "line 2, column 5");
  CHECK(DescribePosition("[a:b = 1]\nAND x", 3) == "line 1, column 4");
}

TEST_CASE("syntax error: quoted text is cut without splitting characters", "[stix][pattern]") {
  CHECK(QuoteForMessage("abc") == "'abc'");
  CHECK(QuoteForMessage("a'b") == "\"a'b\"");
  const std::string long_text = std::string(39, 'a') + "éé";
  CHECK(QuoteForMessage(long_text) == "'" + std::string(39, 'a') + "...'");
}

}  // namespace
}  // namespace stixkit::stix::pattern::internal
