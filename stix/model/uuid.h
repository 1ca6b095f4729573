// RFC 4122 UUIDs as STIX uses them: parsing and formatting (lowercase), the version
// nibble, random version 4 ids, and name-based version 5 ids (SHA-1 from OpenSSL).
//
//   Uuid id = UuidV5(kStixScoNamespace, R"({"value":"198.51.100.3"})");
//   id.ToString();  // "28bb3599-77cd-5a82-a950-b5bc3caf07c4"
//
// Value type; thread-safe. UuidV4 takes its randomness from the caller so that tests
// can be deterministic.
#ifndef STIXKIT_STIX_MODEL_UUID_H_
#define STIXKIT_STIX_MODEL_UUID_H_

#include <array>
#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <string_view>

namespace stixkit::stix {

struct Uuid {
  std::array<uint8_t, 16> bytes{};

  // 8-4-4-4-12 lowercase hex.
  std::string ToString() const;
  // The version nibble (1-5 for RFC 4122 UUIDs).
  int version() const { return bytes[6] >> 4; }
  // True if the variant bits are RFC 4122's "10".
  bool IsRfc4122Variant() const { return (bytes[8] & 0xc0) == 0x80; }

  friend bool operator==(const Uuid&, const Uuid&) = default;
};

// Parses 8-4-4-4-12 hex (either case). Nullopt for anything else.
std::optional<Uuid> ParseUuid(std::string_view text);

// STIX 2.1 §2.9: the namespace for deterministic SCO identifiers.
inline constexpr std::string_view kStixScoNamespace = "00abedb4-aa42-466c-9c01-fed23315a9b7";

// A version 5 UUID of `name` (its bytes as given, normally UTF-8) in `name_space`.
Uuid UuidV5(const Uuid& name_space, std::string_view name);
Uuid UuidV5(std::string_view name_space, std::string_view name);

// A random source: fills the buffer with unpredictable bytes.
using RandomBytes = std::function<void(uint8_t* out, size_t n)>;

// The system's cryptographic random source (OpenSSL RAND_bytes).
RandomBytes SystemRandom();

// A version 4 UUID from `random`.
Uuid UuidV4(const RandomBytes& random);

}  // namespace stixkit::stix

#endif  // STIXKIT_STIX_MODEL_UUID_H_
