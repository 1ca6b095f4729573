#include "stix/pattern/hash_format.h"

#include <string>

namespace stixkit::stix::pattern {
namespace {

// stix2-patterns 2.1.2, stix2patterns/v21/object_validator.py HASHES_REGEX, keyed by
// the reference's normalized name.
constexpr HashFormat kHashFormats[] = {
    {"MD5", HashFormat::Shape::kHex, 32, "32 hexadecimal digits"},
    {"MD6", HashFormat::Shape::kMd6, 0, "32, 40, 56, 64, 96 or 128 hexadecimal digits"},
    {"RIPEMD160", HashFormat::Shape::kHex, 40, "40 hexadecimal digits"},
    {"SHA1", HashFormat::Shape::kHex, 40, "40 hexadecimal digits"},
    {"SHA224", HashFormat::Shape::kHex, 56, "56 hexadecimal digits"},
    {"SHA256", HashFormat::Shape::kHex, 64, "64 hexadecimal digits"},
    {"SHA384", HashFormat::Shape::kHex, 96, "96 hexadecimal digits"},
    {"SHA512", HashFormat::Shape::kHex, 128, "128 hexadecimal digits"},
    {"SHA3224", HashFormat::Shape::kHex, 56, "56 hexadecimal digits"},
    {"SHA3256", HashFormat::Shape::kHex, 64, "64 hexadecimal digits"},
    {"SHA3384", HashFormat::Shape::kHex, 96, "96 hexadecimal digits"},
    {"SHA3512", HashFormat::Shape::kHex, 128, "128 hexadecimal digits"},
    {"SSDEEP", HashFormat::Shape::kSsdeep, 0, "1 to 128 letters, digits, '/', '+', ':' or '.'"},
    {"WHIRLPOOL", HashFormat::Shape::kHex, 128, "128 hexadecimal digits"},
};

bool IsHexDigit(char c) {
  return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
}

bool IsSsdeepChar(char c) {
  return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '/' ||
         c == '+' || c == ':' || c == '.';
}

size_t CountLeading(std::string_view s, bool (*predicate)(char)) {
  size_t n = 0;
  while (n < s.size() && predicate(s[n])) ++n;
  return n;
}

// Python's `$` also matches just before a final "\n".
std::string_view WithoutFinalNewline(std::string_view s) {
  return (!s.empty() && s.back() == '\n') ? s.substr(0, s.size() - 1) : s;
}

// The MD6 regex is ^A|B|C|\<newline>    D|E|F$ run with re.match: the first branch
// needs only a 32-digit prefix, and the line continuation put a newline and four spaces
// in front of the 64-digit branch.
bool MatchesMd6(std::string_view value) {
  if (CountLeading(value, IsHexDigit) >= 32) return true;
  constexpr std::string_view kContinuation = "\n    ";
  if (value.substr(0, kContinuation.size()) != kContinuation) return false;
  return CountLeading(value.substr(kContinuation.size()), IsHexDigit) >= 64;
}

}  // namespace

bool HashFormat::Matches(std::string_view value) const {
  switch (shape) {
    case Shape::kHex: {
      const std::string_view body = WithoutFinalNewline(value);
      return body.size() == hex_digits && CountLeading(body, IsHexDigit) == hex_digits;
    }
    case Shape::kSsdeep: {
      const std::string_view body = WithoutFinalNewline(value);
      return !body.empty() && body.size() <= 128 && CountLeading(body, IsSsdeepChar) == body.size();
    }
    case Shape::kMd6:
      return MatchesMd6(value);
  }
  return false;
}

const HashFormat* FindHashFormat(std::string_view hash_key) {
  std::string normalized;
  for (char c : hash_key) {
    if (c == '-' || c == '\'') continue;
    normalized.push_back((c >= 'a' && c <= 'z') ? static_cast<char>(c - 'a' + 'A') : c);
  }
  for (const HashFormat& format : kHashFormats) {
    if (format.normalized_name == normalized) return &format;
  }
  return nullptr;
}

}  // namespace stixkit::stix::pattern
