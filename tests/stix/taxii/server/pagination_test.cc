#include "stix/taxii/server/pagination.h"

#include <catch2/catch.hpp>

#include "absl/strings/escaping.h"

namespace stixkit::taxii {
namespace {

TEST_CASE("pagination: a cursor round-trips through its token", "[stix][taxii]") {
  const PageCursor at{1704067200123456, 42};
  const std::string token = EncodeCursor(at);
  CHECK(token.find_first_of("+/=&?") == std::string::npos);  // safe in a query string
  absl::StatusOr<PageCursor> back = DecodeCursor(token);
  REQUIRE(back.ok());
  CHECK(*back == at);
}

TEST_CASE("pagination: tokens that no response gave are refused", "[stix][taxii]") {
  CHECK_FALSE(DecodeCursor("").ok());
  CHECK_FALSE(DecodeCursor("not a token").ok());
  CHECK_FALSE(DecodeCursor(absl::WebSafeBase64Escape("c1.5")).ok());
  CHECK_FALSE(DecodeCursor(absl::WebSafeBase64Escape("c9.5.6")).ok());
  CHECK_FALSE(DecodeCursor(absl::WebSafeBase64Escape("c1.5.-6")).ok());
  CHECK(DecodeCursor("!").status().message() ==
        "next: expected a token from a previous response's \"next\", got \"!\"");
}

}  // namespace
}  // namespace stixkit::taxii
