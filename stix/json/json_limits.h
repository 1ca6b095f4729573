// Limits that keep hostile JSON from exhausting the stack, memory or time. Each has a
// command-line flag (docs/limits.md); exceeding one is a clear input error, never a
// crash.
#ifndef STIXKIT_STIX_JSON_JSON_LIMITS_H_
#define STIXKIT_STIX_JSON_JSON_LIMITS_H_

#include <cstddef>

namespace stixkit::stix {

struct JsonLimits {
  // Arrays and objects nested deeper than this are rejected. STIX objects are shallow;
  // 100 levels leaves room for deep extensions.
  size_t max_depth = 100;
  // A single string longer than this many bytes is rejected (artifact payloads are the
  // longest legitimate strings).
  size_t max_string_bytes = size_t{256} << 20;
};

}  // namespace stixkit::stix

#endif  // STIXKIT_STIX_JSON_JSON_LIMITS_H_
