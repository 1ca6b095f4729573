#include "stix/validate/best_practice/internal/name_patterns.h"

namespace stixkit::stix::best_practice {
namespace {

// Python's '.' matches anything but a newline.
bool NoNewline(std::string_view s) { return s.find('\n') == std::string_view::npos; }

bool IsAsciiUpper(char c) { return c >= 'A' && c <= 'Z'; }
bool IsAsciiLower(char c) { return c >= 'a' && c <= 'z'; }
bool IsAsciiDigit(char c) { return c >= '0' && c <= '9'; }

// `rest` matches .+<sep>.+ : some separator has at least one character on each side.
bool HasInnerSeparator(std::string_view rest, char sep) {
  if (rest.size() < 3) return false;
  return rest.substr(1, rest.size() - 2).find(sep) != std::string_view::npos;
}

bool MatchesPrefix(std::string_view name, std::string_view prefix, char sep, PrefixStyle style) {
  if (!NoNewline(name) || name.size() <= prefix.size()) return false;
  if (name.substr(0, prefix.size()) != prefix) return false;
  const std::string_view rest = name.substr(prefix.size());
  return style == PrefixStyle::kLax || HasInnerSeparator(rest, sep);
}

}  // namespace

bool MatchesCustomTypePrefix(std::string_view name, PrefixStyle style) {
  return MatchesPrefix(name, "x-", '-', style);
}

bool MatchesCustomPropertyPrefix(std::string_view name, PrefixStyle style) {
  return MatchesPrefix(name, "x_", '_', style);
}

bool MatchesCustomExtensionPrefix(std::string_view name, PrefixStyle style) {
  constexpr std::string_view kSuffix = "-ext";
  if (!NoNewline(name) || name.size() < kSuffix.size()) return false;
  if (name.substr(name.size() - kSuffix.size()) != kSuffix) return false;
  // What precedes "-ext" must match the type pattern: lax ^x\-.+ , strict ^x\-.+\-.+ .
  return MatchesCustomTypePrefix(name.substr(0, name.size() - kSuffix.size()), style);
}

bool IsPythonLower(std::string_view s) {
  bool cased = false;
  for (char c : s) {
    if (IsAsciiUpper(c)) return false;
    if (IsAsciiLower(c)) cased = true;
  }
  return cased;
}

bool IsLowerHyphenated(std::string_view s) {
  return IsPythonLower(s) && s.find_first_of("_ ") == std::string_view::npos;
}

bool IsLowerAlnumHyphen(std::string_view s) {
  if (s.empty()) return false;
  for (char c : s) {
    if (!IsAsciiLower(c) && !IsAsciiDigit(c) && c != '-') return false;
  }
  return true;
}

bool IsAllDigits(std::string_view s) {
  if (s.empty()) return false;
  for (char c : s) {
    if (!IsAsciiDigit(c)) return false;
  }
  return true;
}

bool HasNoUpperAscii(std::string_view s) {
  if (s.empty()) return false;
  for (char c : s) {
    if (IsAsciiUpper(c)) return false;
  }
  return true;
}

bool EndsInClassSuffix(std::string_view s) {
  constexpr std::string_view kSuffix = "_CLASS";
  return NoNewline(s) && s.size() > kSuffix.size() &&
         s.substr(s.size() - kSuffix.size()) == kSuffix;
}

bool LooksLikeProtocolName(std::string_view s) {
  if (s.empty() || s.size() > 15) return false;
  for (char c : s) {
    if (!IsAsciiLower(c) && !IsAsciiUpper(c) && !IsAsciiDigit(c) && c != '-') return false;
  }
  return true;
}

bool LooksLikeIpfixName(std::string_view s) {
  if (s.size() < 2 || !IsAsciiLower(s[0])) return false;
  const char c = s[1];
  return IsAsciiLower(c) || IsAsciiUpper(c) || IsAsciiDigit(c);
}

size_t CodePointCount(std::string_view s) {
  size_t count = 0;
  for (char c : s) {
    // Continuation bytes (10xxxxxx) do not start a code point.
    if ((static_cast<unsigned char>(c) & 0xC0) != 0x80) ++count;
  }
  return count;
}

}  // namespace stixkit::stix::best_practice
