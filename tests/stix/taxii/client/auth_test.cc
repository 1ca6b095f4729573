#include "stix/taxii/client/auth.h"

#include <catch2/catch.hpp>
#include <filesystem>
#include <fstream>

#include "tests/support/paths.h"

namespace stixkit::taxii {
namespace {

TEST_CASE("auth: Basic credentials become one Authorization header", "[stix][taxii]") {
  const auto h = AuthHeaders({.user = "alice", .password = "s3cret"});
  REQUIRE(h.ok());
  REQUIRE(h->size() == 1);
  CHECK((*h)[0].name == "Authorization");
  CHECK((*h)[0].value == "Basic YWxpY2U6czNjcmV0");
}

TEST_CASE("auth: a token is a bearer token unless another header is named", "[stix][taxii]") {
  const auto bearer = AuthHeaders({.token = "tok"});
  REQUIRE(bearer.ok());
  CHECK((*bearer)[0].value == "Bearer tok");
  const auto custom =
      AuthHeaders({.user = "a", .password = "b", .token = "tok", .token_header = "X-API-Key"});
  REQUIRE(custom.ok());
  REQUIRE(custom->size() == 2);
  CHECK((*custom)[1].name == "X-API-Key");
  CHECK((*custom)[1].value == "tok");
}

TEST_CASE("auth: wrong combinations are explained", "[stix][taxii]") {
  CHECK(AuthHeaders({.user = "alice"}).status().message() ==
        "--user alice needs a password: use --password-file FILE or set "
        "STIXKIT_TAXII_PASSWORD");
  CHECK(AuthHeaders({.user = "a:b", .password = "x"}).status().message() ==
        "the user name contains ':', which HTTP Basic authentication cannot carry");
  CHECK(AuthHeaders({.user = "a", .password = "x", .token = "t"}).status().message() ==
        "both --user and a bearer token need the Authorization header; use one, or send the "
        "token in another header with --token-header NAME");
  CHECK(AuthHeaders({.token = "t\r\nX-Evil: 1"}).status().message() ==
        "the token contains a line break");
}

TEST_CASE("auth: a secret file gives its first line without the line ending", "[stix][taxii]") {
  const std::string dir = testing::MakeTempDir();
  std::ofstream(dir + "/pw") << "s3cret\r\nignored\n";
  CHECK(*ReadSecretFile(dir + "/pw") == "s3cret");
  std::ofstream(dir + "/empty") << "";
  CHECK(ReadSecretFile(dir + "/empty").status().message() ==
        "secret file '" + dir + "/empty' is empty; its first line should hold the secret");
  CHECK(ReadSecretFile(dir + "/missing").status().code() == absl::StatusCode::kNotFound);
  std::filesystem::remove_all(dir);
}

}  // namespace
}  // namespace stixkit::taxii
