// Hand-written matchers for the name patterns the best-practice checks test, in place
// of the reference validator's Python regular expressions (std::regex is too slow for
// the per-object path). Each function names the pattern it reproduces.
//
//   if (!MatchesCustomPropertyPrefix(name, PrefixStyle::kStrict)) ...
//
// Pure functions; thread-safe.
#ifndef STIXKIT_STIX_VALIDATE_BEST_PRACTICE_INTERNAL_NAME_PATTERNS_H_
#define STIXKIT_STIX_VALIDATE_BEST_PRACTICE_INTERNAL_NAME_PATTERNS_H_

#include <string_view>

namespace stixkit::stix::best_practice {

// kStrict asks for a source identifier after the prefix (checks 101), kLax for the
// prefix only (check 102).
enum class PrefixStyle { kStrict, kLax };

// Custom object types: strict ^x\-.+\-.+$, lax ^x\-.+$.
bool MatchesCustomTypePrefix(std::string_view name, PrefixStyle style);

// Custom property names: strict ^x_.+_.+$, lax ^x_.+$.
bool MatchesCustomPropertyPrefix(std::string_view name, PrefixStyle style);

// Custom SCO extension names: strict ^x\-.+\-.+\-ext$, lax ^x\-.+\-ext$.
bool MatchesCustomExtensionPrefix(std::string_view name, PrefixStyle style);

// Python's str.islower(): at least one cased character and no upper-case one. Only
// ASCII letters count as cased; other bytes are treated as uncased.
bool IsPythonLower(std::string_view s);

// The reference's "lower case, hyphens as separators" test (checks 111 and 121):
// islower() and neither '_' nor ' '.
bool IsLowerHyphenated(std::string_view s);

// ^[a-z0-9-]+$ (check 143).
bool IsLowerAlnumHyphen(std::string_view s);

// ^\d+$ (check 141).
bool IsAllDigits(std::string_view s);

// ^[^A-Z]+$ (check 142): non-empty and without an ASCII upper-case letter.
bool HasNoUpperAscii(std::string_view s);

// .+_CLASS$ as re.match applies it (check 149).
bool EndsInClassSuffix(std::string_view s);

// ^[a-zA-Z0-9-]{1,15}$, the reference's fallback for protocol names (check 272).
bool LooksLikeProtocolName(std::string_view s);

// ^[a-z][a-zA-Z0-9]+ as re.match applies it, the fallback for IPFIX names (check 273).
bool LooksLikeIpfixName(std::string_view s);

// The number of Unicode code points in a UTF-8 string (Python's len()).
size_t CodePointCount(std::string_view s);

}  // namespace stixkit::stix::best_practice

#endif  // STIXKIT_STIX_VALIDATE_BEST_PRACTICE_INTERNAL_NAME_PATTERNS_H_
