// The hash value formats the reference pattern validator enforces on comparisons with a
// `hashes` path (stix2-patterns 2.1.2, v21/object_validator.py HASHES_REGEX), with its
// exact matching rules, including its quirks: the algorithm name is compared upper-cased
// with '-' and "'" removed ("sha-256" is SHA-256), a value may end in one "\n" (Python's
// `$`), and MD6 accepts any value that starts with 32 hex digits (its regex lacks
// grouping around the alternation).
//
//   if (const HashFormat* format = FindHashFormat("SHA-256")) {
//     if (!format->Matches(value)) ...  // "expected 64 hexadecimal digits"
//   }
//
// The table is static data; lookups are thread-safe.
#ifndef STIXKIT_STIX_PATTERN_HASH_FORMAT_H_
#define STIXKIT_STIX_PATTERN_HASH_FORMAT_H_

#include <cstddef>
#include <string_view>

namespace stixkit::stix::pattern {

struct HashFormat {
  enum class Shape { kHex, kSsdeep, kMd6 };
  std::string_view normalized_name;  // "SHA256"
  Shape shape = Shape::kHex;
  size_t hex_digits = 0;      // kHex
  std::string_view expected;  // for messages: "64 hexadecimal digits"

  // Whether the reference accepts `value` for this algorithm.
  bool Matches(std::string_view value) const;
};

// The format for a hash key as written in the path ("SHA-256", "sha256", "MD5"), or
// nullptr when the reference knows no format for it (then it checks nothing).
const HashFormat* FindHashFormat(std::string_view hash_key);

}  // namespace stixkit::stix::pattern

#endif  // STIXKIT_STIX_PATTERN_HASH_FORMAT_H_
