#include "stix/taxii/server/password_hash.h"

#include <openssl/crypto.h>
#include <openssl/evp.h>

#include <cstdint>
#include <vector>

#include "absl/strings/escaping.h"
#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_split.h"
#include "stix/base/strings.h"

namespace stixkit::taxii {
namespace {

constexpr std::string_view kScheme = "pbkdf2-sha256";
constexpr size_t kSaltBytes = 16;
constexpr size_t kKeyBytes = 32;

struct ParsedHash {
  int iterations = 0;
  std::string salt;
  std::string key;
};

std::string Derive(std::string_view password, std::string_view salt, int iterations) {
  std::string key(kKeyBytes, '\0');
  // PKCS5_PBKDF2_HMAC fails only on allocation failure or bad lengths; an empty key
  // then never matches, which fails closed.
  if (PKCS5_PBKDF2_HMAC(password.data(), static_cast<int>(password.size()),
                        reinterpret_cast<const unsigned char*>(salt.data()),
                        static_cast<int>(salt.size()), iterations, EVP_sha256(),
                        static_cast<int>(key.size()),
                        reinterpret_cast<unsigned char*>(key.data())) != 1) {
    return std::string();
  }
  return key;
}

absl::StatusOr<ParsedHash> Parse(std::string_view stored) {
  const std::vector<absl::string_view> parts = absl::StrSplit(Av(stored), '$');
  auto bad = [](std::string_view what) {
    return absl::InvalidArgumentError(absl::StrCat(
        "expected a password hash like pbkdf2-sha256$600000$SALT$KEY (from 'stixkit taxii "
        "serve --hash-password'), but ",
        Av(what)));
  };
  if (parts.size() != 4) return bad("it does not have four '$'-separated fields");
  if (Sv(parts[0]) != kScheme) return bad("its scheme is not pbkdf2-sha256");
  ParsedHash out;
  if (!absl::SimpleAtoi(parts[1], &out.iterations) || out.iterations < 1 ||
      out.iterations > kMaxPasswordIterations) {
    return bad("its iteration count is not a number from 1 to 10000000");
  }
  if (!absl::Base64Unescape(parts[2], &out.salt) || out.salt.empty()) {
    return bad("its salt is not base64");
  }
  if (!absl::Base64Unescape(parts[3], &out.key) || out.key.size() != kKeyBytes) {
    return bad("its key is not 32 bytes of base64");
  }
  return out;
}

}  // namespace

std::string HashPassword(std::string_view password) {
  return HashPassword(password, PasswordHashOptions{});
}

std::string HashPassword(std::string_view password, const PasswordHashOptions& options) {
  const stix::RandomBytes random = options.random ? options.random : stix::SystemRandom();
  std::string salt(kSaltBytes, '\0');
  random(reinterpret_cast<uint8_t*>(salt.data()), salt.size());
  const std::string key = Derive(password, salt, options.iterations);
  return absl::StrCat(Av(kScheme), "$", options.iterations, "$", absl::Base64Escape(salt), "$",
                      absl::Base64Escape(key));
}

absl::Status CheckPasswordHash(std::string_view stored) { return Parse(stored).status(); }

absl::StatusOr<bool> VerifyPassword(std::string_view password, std::string_view stored) {
  absl::StatusOr<ParsedHash> parsed = Parse(stored);
  if (!parsed.ok()) return parsed.status();
  const std::string key = Derive(password, parsed->salt, parsed->iterations);
  return key.size() == parsed->key.size() &&
         CRYPTO_memcmp(key.data(), parsed->key.data(), key.size()) == 0;
}

}  // namespace stixkit::taxii
