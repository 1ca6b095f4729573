// The tokens of the STIX 2.1 patterning language, as the reference grammar
// (oasis-open/cti-stix2-json-schemas pattern_grammar/STIXPattern.g4, 2.1) defines them.
// A Token is a view into the pattern text; the Lexer (lexer.h) produces them.
//
//   Token t = ...;
//   if (t.kind == TokenKind::kString) { ...t.text is 'it\'s' with quotes... }
//
// Plain value type. A Token's `text` points into the pattern string it was read from and
// is valid only while that string lives.
#ifndef STIXKIT_STIX_PATTERN_TOKEN_H_
#define STIXKIT_STIX_PATTERN_TOKEN_H_

#include <cstddef>
#include <string>
#include <string_view>

namespace stixkit::stix::pattern {

enum class TokenKind {
  kEnd,  // end of the pattern
  // Names. Object types may contain '-', property names may not (STIX 2.1 §9.7).
  kIdentifier,            // [a-zA-Z_][a-zA-Z0-9_]*
  kHyphenatedIdentifier,  // [a-zA-Z_][a-zA-Z0-9_-]* with at least one '-'
  // Constants (STIX 2.1 §9.2); `text` keeps the prefix and quotes.
  kString,           // 'a\'b'
  kInteger,          // 12, +12 (the grammar tolerates '+')
  kNegativeInteger,  // -12
  kFloat,            // 1.5, .5, +1.5
  kNegativeFloat,    // -1.5
  kBoolean,          // true, false
  kTimestamp,        // t'2016-06-01T00:00:00Z'
  kHex,              // h'ffd8'
  kBinary,           // b'AAEC'
  // Keywords: upper case and case-sensitive.
  kAnd,
  kOr,
  kNot,
  kFollowedBy,
  kLike,
  kMatches,
  kIsSuperset,
  kIsSubset,
  kExists,
  kLast,  // reserved by the grammar, used by no rule
  kIn,
  kStart,
  kStop,
  kSeconds,
  kWithin,
  kRepeats,
  kTimes,
  // Operators and punctuation.
  kEqual,     // = or ==
  kNotEqual,  // != or <>
  kLess,
  kLessOrEqual,
  kGreater,
  kGreaterOrEqual,
  kColon,
  kDot,
  kComma,
  kLeftParen,
  kRightParen,
  kLeftBracket,
  kRightBracket,
  kAsterisk,
  kStray,  // + - ^ / alone: tokens of the grammar that no rule accepts
};

struct Token {
  TokenKind kind = TokenKind::kEnd;
  size_t offset = 0;      // byte offset of the first character in the pattern
  std::string_view text;  // the characters as written
};

// For messages: the token's text in quotes ("']'"), or "end of pattern".
std::string DescribeToken(const Token& token);

// Whether `kind` is one of the upper-case keywords (kAnd ... kTimes).
bool IsKeyword(TokenKind kind);

}  // namespace stixkit::stix::pattern

#endif  // STIXKIT_STIX_PATTERN_TOKEN_H_
