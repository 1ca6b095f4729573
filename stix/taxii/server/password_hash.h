// Password hashes for the server's HTTP Basic users: PBKDF2-HMAC-SHA256 (RFC 8018) with a
// random 16-byte salt, stored as one printable string that the config file holds:
//
//   pbkdf2-sha256$600000$<salt, base64>$<32-byte key, base64>
//
//   std::string stored = HashPassword("s3cret");           // put this in the config
//   absl::StatusOr<bool> ok = VerifyPassword("s3cret", stored);  // true
//
// `stixkit taxii serve --hash-password` prints HashPassword of a line read from stdin.
// Comparison is constant-time (CRYPTO_memcmp). Pure functions; thread-safe.
#ifndef STIXKIT_STIX_TAXII_SERVER_PASSWORD_HASH_H_
#define STIXKIT_STIX_TAXII_SERVER_PASSWORD_HASH_H_

#include <string>
#include <string_view>

#include "absl/status/statusor.h"
#include "stix/model/uuid.h"

namespace stixkit::taxii {

// OWASP's 2023 recommendation for PBKDF2-HMAC-SHA256; about 0.15 s on one core.
inline constexpr int kDefaultPasswordIterations = 600000;
// Hashes with more iterations are refused: a config file must not be able to make one
// login cost minutes.
inline constexpr int kMaxPasswordIterations = 10000000;

struct PasswordHashOptions {
  int iterations = kDefaultPasswordIterations;
  // The salt's source; null means the system's cryptographic random source.
  stix::RandomBytes random;
};

// The PBKDF2 string for `password` with a fresh salt and default iterations.
std::string HashPassword(std::string_view password);
std::string HashPassword(std::string_view password, const PasswordHashOptions& options);

// Checks that `stored` is a well-formed hash string. InvalidArgument that says what is
// wrong (without echoing the string) otherwise.
absl::Status CheckPasswordHash(std::string_view stored);

// True when `password` matches `stored`, false when it does not; InvalidArgument when
// `stored` is not a well-formed hash string.
absl::StatusOr<bool> VerifyPassword(std::string_view password, std::string_view stored);

}  // namespace stixkit::taxii

#endif  // STIXKIT_STIX_TAXII_SERVER_PASSWORD_HASH_H_
