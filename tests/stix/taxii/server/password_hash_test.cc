#include "stix/taxii/server/password_hash.h"

#include <catch2/catch.hpp>

namespace stixkit::taxii {
namespace {

TEST_CASE("password hash: a hashed password verifies and a wrong one does not",
          "[stix][taxii]") {
  const std::string stored = HashPassword("s3cret");  // default iterations, once
  CHECK(stored.rfind("pbkdf2-sha256$600000$", 0) == 0);
  CHECK(CheckPasswordHash(stored).ok());
  CHECK(*VerifyPassword("s3cret", stored));
  CHECK_FALSE(*VerifyPassword("s3cret ", stored));
  CHECK_FALSE(*VerifyPassword("", stored));
}

TEST_CASE("password hash: each hash has its own salt", "[stix][taxii]") {
  const PasswordHashOptions fast{1000, nullptr};
  const std::string a = HashPassword("same", fast);
  const std::string b = HashPassword("same", fast);
  CHECK(a != b);
  CHECK(*VerifyPassword("same", a));
  CHECK(*VerifyPassword("same", b));
}

TEST_CASE("password hash: an injected salt source makes the hash reproducible",
          "[stix][taxii]") {
  const PasswordHashOptions fixed{1000, [](uint8_t* out, size_t n) {
                                    for (size_t i = 0; i < n; ++i) out[i] = uint8_t(i);
                                  }};
  CHECK(HashPassword("pw", fixed) == HashPassword("pw", fixed));
  CHECK(HashPassword("pw", fixed).rfind("pbkdf2-sha256$1000$AAECAwQFBgcICQoLDA0ODw==$", 0) == 0);
}

TEST_CASE("password hash: malformed stored hashes are refused with the reason",
          "[stix][taxii]") {
  auto message = [](const std::string& stored) {
    absl::StatusOr<bool> r = VerifyPassword("pw", stored);
    REQUIRE_FALSE(r.ok());
    return std::string(r.status().message());
  };
  const std::string prefix =
      "expected a password hash like pbkdf2-sha256$600000$SALT$KEY (from 'stixkit taxii serve "
      "--hash-password'), but ";
  CHECK(message("hunter2") == prefix + "it does not have four '$'-separated fields");
  CHECK(message("md5$1$a$b") == prefix + "its scheme is not pbkdf2-sha256");
  CHECK(message("pbkdf2-sha256$0$AAAA$AAAA") ==
        prefix + "its iteration count is not a number from 1 to 10000000");
  CHECK(message("pbkdf2-sha256$1000$!!$AAAA") == prefix + "its salt is not base64");
  CHECK(message("pbkdf2-sha256$1000$AAAA$AAAA") == prefix + "its key is not 32 bytes of base64");
}

}  // namespace
}  // namespace stixkit::taxii
