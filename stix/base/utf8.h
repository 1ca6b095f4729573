// UTF-8 validation (RFC 3629): rejects overlong forms, surrogates (U+D800-U+DFFF) and
// code points above U+10FFFF. ASCII, the bulk of STIX text, is checked eight bytes at a
// time, so validating a whole file costs far less than parsing it.
//
//   if (size_t bad = FindInvalidUtf8(text); bad != std::string_view::npos) ...
//
// Pure function; thread-safe.
#ifndef STIXKIT_STIX_BASE_UTF8_H_
#define STIXKIT_STIX_BASE_UTF8_H_

#include <cstddef>
#include <string_view>

namespace stixkit {

// The byte offset of the first byte that does not start a valid UTF-8 sequence, or
// std::string_view::npos when all of `text` is valid UTF-8.
size_t FindInvalidUtf8(std::string_view text);

}  // namespace stixkit

#endif  // STIXKIT_STIX_BASE_UTF8_H_
