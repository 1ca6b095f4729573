// UTF-8 decoding and the two whitespace sets the pattern code needs: the grammar's
// (Unicode White_Space, STIX 2.1 §9.4) and Python's str.isspace(), which the reference
// validator's bracket pre-check uses. Internal to stix/pattern.
//
//   char32_t c;
//   size_t n = DecodeUtf8(text, pos, &c);  // 0: not UTF-8
//
// Pure functions; thread-safe.
#ifndef STIXKIT_STIX_PATTERN_INTERNAL_UNICODE_H_
#define STIXKIT_STIX_PATTERN_INTERNAL_UNICODE_H_

#include <cstddef>
#include <string_view>

namespace stixkit::stix::pattern::internal {

// Decodes the code point starting at text[pos] into *code_point and returns its length
// in bytes (1 to 4). Returns 0 for an invalid, overlong or truncated sequence, a
// surrogate, or pos past the end; *code_point is then unspecified.
size_t DecodeUtf8(std::string_view text, size_t pos, char32_t* code_point);

// The grammar's WS set (STIXPattern.g4), which equals Unicode White_Space.
bool IsPatternSpace(char32_t c);

// Python's str.isspace(): the set above plus U+001C..U+001F.
bool IsPythonSpace(char32_t c);

}  // namespace stixkit::stix::pattern::internal

#endif  // STIXKIT_STIX_PATTERN_INTERNAL_UNICODE_H_
