#include "stix/model/uuid.h"

#include <openssl/rand.h>
#include <openssl/evp.h>

#include <cstdlib>
#include <iostream>

namespace stixkit::stix {
namespace {

int HexValue(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

bool IsDashPosition(size_t i) { return i == 8 || i == 13 || i == 18 || i == 23; }

}  // namespace

std::string Uuid::ToString() const {
  static constexpr char kHex[] = "0123456789abcdef";
  std::string out;
  out.reserve(36);
  for (size_t i = 0; i < bytes.size(); ++i) {
    if (i == 4 || i == 6 || i == 8 || i == 10) out += '-';
    out += kHex[bytes[i] >> 4];
    out += kHex[bytes[i] & 0xf];
  }
  return out;
}

std::optional<Uuid> ParseUuid(std::string_view text) {
  if (text.size() != 36) return std::nullopt;
  Uuid uuid;
  size_t nibble = 0;
  for (size_t i = 0; i < text.size(); ++i) {
    if (IsDashPosition(i)) {
      if (text[i] != '-') return std::nullopt;
      continue;
    }
    const int v = HexValue(text[i]);
    if (v < 0) return std::nullopt;
    uuid.bytes[nibble / 2] |= static_cast<uint8_t>(nibble % 2 == 0 ? v << 4 : v);
    ++nibble;
  }
  return uuid;
}

Uuid UuidV5(const Uuid& name_space, std::string_view name) {
  // RFC 4122 §4.3: SHA-1 over the namespace bytes then the name; keep 16 bytes.
  uint8_t digest[EVP_MAX_MD_SIZE];
  unsigned int digest_size = 0;
  EVP_MD_CTX* ctx = EVP_MD_CTX_new();
  EVP_DigestInit_ex(ctx, EVP_sha1(), nullptr);
  EVP_DigestUpdate(ctx, name_space.bytes.data(), name_space.bytes.size());
  EVP_DigestUpdate(ctx, name.data(), name.size());
  EVP_DigestFinal_ex(ctx, digest, &digest_size);
  EVP_MD_CTX_free(ctx);
  Uuid uuid;
  std::copy(digest, digest + 16, uuid.bytes.begin());
  uuid.bytes[6] = static_cast<uint8_t>((uuid.bytes[6] & 0x0f) | 0x50);
  uuid.bytes[8] = static_cast<uint8_t>((uuid.bytes[8] & 0x3f) | 0x80);
  return uuid;
}

Uuid UuidV5(std::string_view name_space, std::string_view name) {
  const std::optional<Uuid> ns = ParseUuid(name_space);
  if (!ns) {
    // Callers pass compile-time constants; a bad one is a programming error.
    std::cerr << "stixkit: invalid UUID namespace '" << name_space << "'\n";
    std::abort();
  }
  return UuidV5(*ns, name);
}

RandomBytes SystemRandom() {
  return [](uint8_t* out, size_t n) {
    if (RAND_bytes(out, static_cast<int>(n)) != 1) {
      std::cerr << "stixkit: the system random source failed\n";
      std::abort();
    }
  };
}

Uuid UuidV4(const RandomBytes& random) {
  Uuid uuid;
  random(uuid.bytes.data(), uuid.bytes.size());
  uuid.bytes[6] = static_cast<uint8_t>((uuid.bytes[6] & 0x0f) | 0x40);
  uuid.bytes[8] = static_cast<uint8_t>((uuid.bytes[8] & 0x3f) | 0x80);
  return uuid;
}

}  // namespace stixkit::stix
