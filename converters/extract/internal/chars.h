// Byte classes shared by the refanger and the IOC scanners of converters/extract.
// ASCII classes are exact; non-ASCII text is judged per UTF-8 code point with a coarse
// rule (punctuation, symbol and space blocks separate, everything else is a letter),
// which is enough to keep "“evil.com”" and "evil.com’s" apart from the quote marks
// without Unicode tables.
//
// Pure inline functions; thread-safe. Internal to converters/extract.
#ifndef STIXKIT_CONVERTERS_EXTRACT_INTERNAL_CHARS_H_
#define STIXKIT_CONVERTERS_EXTRACT_INTERNAL_CHARS_H_

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

namespace stixkit::convert::internal {

inline bool IsDigit(char c) { return c >= '0' && c <= '9'; }
inline bool IsAsciiAlpha(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }
inline bool IsAsciiAlnum(char c) { return IsDigit(c) || IsAsciiAlpha(c); }
inline bool IsHexDigit(char c) {
  return IsDigit(c) || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
}
inline bool IsNonAscii(char c) { return static_cast<unsigned char>(c) >= 0x80; }
inline bool IsHorizontalSpace(char c) { return c == ' ' || c == '\t'; }
inline char AsciiLower(char c) { return (c >= 'A' && c <= 'Z') ? static_cast<char>(c + 32) : c; }
inline char AsciiUpper(char c) { return (c >= 'a' && c <= 'z') ? static_cast<char>(c - 32) : c; }

// Letters, digits, '_', '-' and any non-ASCII byte: what may stand next to a defang
// marker or inside a host label.
inline bool IsWordByte(char c) { return IsAsciiAlnum(c) || c == '_' || c == '-' || IsNonAscii(c); }

inline std::string AsciiLowered(std::string_view s) {
  std::string out(s);
  for (char& c : out) c = AsciiLower(c);
  return out;
}

inline bool EqualsIgnoreCase(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  for (std::size_t i = 0; i < a.size(); ++i) {
    if (AsciiLower(a[i]) != AsciiLower(b[i])) return false;
  }
  return true;
}

inline bool StartsWithIgnoreCase(std::string_view s, std::string_view prefix) {
  return s.size() >= prefix.size() && EqualsIgnoreCase(s.substr(0, prefix.size()), prefix);
}

// The byte length of the UTF-8 sequence at text[i] when it encodes a letter-like code
// point, else 0 (punctuation, symbols, spaces, emoji, invalid UTF-8). text[i] must be
// non-ASCII.
inline std::size_t Utf8LetterLength(std::string_view text, std::size_t i) {
  const auto b0 = static_cast<unsigned char>(text[i]);
  std::size_t len = 0;
  std::uint32_t cp = 0;
  if (b0 >= 0xC2 && b0 <= 0xDF) {
    len = 2, cp = b0 & 0x1F;
  } else if (b0 >= 0xE0 && b0 <= 0xEF) {
    len = 3, cp = b0 & 0x0F;
  } else if (b0 >= 0xF0 && b0 <= 0xF4) {
    len = 4, cp = b0 & 0x07;
  } else {
    return 0;
  }
  if (i + len > text.size()) return 0;
  for (std::size_t k = 1; k < len; ++k) {
    const auto b = static_cast<unsigned char>(text[i + k]);
    if ((b & 0xC0) != 0x80) return 0;
    cp = (cp << 6) | (b & 0x3F);
  }
  // Latin-1 punctuation (NBSP, guillemets, ©, °), × and ÷; General Punctuation through
  // Miscellaneous Symbols and Arrows; Supplemental Punctuation; CJK punctuation; the
  // small, fullwidth and special forms; emoji and pictographs.
  const bool separator = (cp >= 0x80 && cp <= 0xBF) || cp == 0xD7 || cp == 0xF7 ||
                         (cp >= 0x2000 && cp <= 0x2BFF) || (cp >= 0x2E00 && cp <= 0x2E7F) ||
                         (cp >= 0x3000 && cp <= 0x303F) || (cp >= 0xFE10 && cp <= 0xFE6F) ||
                         cp == 0xFEFF || (cp >= 0xFF00 && cp <= 0xFF0F) ||
                         (cp >= 0xFF1A && cp <= 0xFF20) || (cp >= 0xFF3B && cp <= 0xFF40) ||
                         (cp >= 0xFF5B && cp <= 0xFF65) || (cp >= 0xFFF0 && cp <= 0xFFFF) ||
                         (cp >= 0x1F000 && cp <= 0x1FAFF) || cp >= 0xE0000;
  return separator ? 0 : len;
}

}  // namespace stixkit::convert::internal

#endif  // STIXKIT_CONVERTERS_EXTRACT_INTERNAL_CHARS_H_
