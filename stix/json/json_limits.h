// Limits that keep hostile JSON from exhausting the stack, memory or time. Each has a
// command-line flag of `stixkit validate` (docs/limits.md); exceeding one is a clear input
// error, never a crash.
//
//   stix::ValidatorSettings settings;
//   settings.limits.max_objects = 1000;  // --max-objects 1000
//   auto validator = stix::Validator::Create({}, settings);  // refuses max_depth > 1000
//
// Plain data; thread-safe to share once set.
#ifndef STIXKIT_STIX_JSON_JSON_LIMITS_H_
#define STIXKIT_STIX_JSON_JSON_LIMITS_H_

#include <cstddef>

namespace stixkit::stix {

// The most --max-depth may be raised to. The parser and scanner are iterative, but the
// checks that walk a parsed object (duplicate members, schemas, pointers) recurse once
// per level; 1000 levels stay well inside a worker thread's stack, also under
// AddressSanitizer, where 100,000 overflowed it.
inline constexpr size_t kMaxDepthCeiling = 1000;

struct JsonLimits {
  // Arrays and objects nested deeper than this are rejected. STIX objects are shallow;
  // 100 levels leaves room for deep extensions. At most kMaxDepthCeiling.
  size_t max_depth = 100;
  // A single string longer than this many bytes is rejected (artifact payloads are the
  // longest legitimate strings).
  size_t max_string_bytes = size_t{256} << 20;
  // A bundle's "objects" (or a top-level array) with more elements than this is
  // rejected at the first one over, before it is parsed. Ten million is ten times the
  // largest public feed we know of (the full ATT&CK Enterprise bundle has ~25,000).
  size_t max_objects = 10'000'000;
  // A file larger than this many bytes is rejected before it is scanned; 0 means no
  // limit (the default: files are streamed in bounded memory, so size costs only time).
  size_t max_input_bytes = 0;
};

}  // namespace stixkit::stix

#endif  // STIXKIT_STIX_JSON_JSON_LIMITS_H_
