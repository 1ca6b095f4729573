#include "stix/pattern/lexer.h"

#include <optional>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "stix/base/status.h"
#include "stix/base/strings.h"
#include "stix/pattern/internal/syntax_error.h"
#include "stix/pattern/internal/unicode.h"

namespace stixkit::stix::pattern {
namespace {

using internal::QuoteForMessage;
using internal::SyntaxError;

bool IsDigit(char c) { return c >= '0' && c <= '9'; }
bool IsAsciiLetter(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }
bool IsIdentStart(char c) { return IsAsciiLetter(c) || c == '_'; }
bool IsIdentChar(char c) { return IsIdentStart(c) || IsDigit(c) || c == '-'; }
bool IsHexDigit(char c) { return IsDigit(c) || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F'); }
bool IsBase64Char(char c) { return IsAsciiLetter(c) || IsDigit(c) || c == '+' || c == '/'; }

// Keywords are case-sensitive (STIXPattern.g4 for 2.1); "true"/"false" are BoolLiteral.
std::optional<TokenKind> KeywordKind(std::string_view word) {
  static constexpr struct {
    std::string_view text;
    TokenKind kind;
  } kKeywords[] = {
      {"AND", TokenKind::kAnd},
      {"OR", TokenKind::kOr},
      {"NOT", TokenKind::kNot},
      {"FOLLOWEDBY", TokenKind::kFollowedBy},
      {"LIKE", TokenKind::kLike},
      {"MATCHES", TokenKind::kMatches},
      {"ISSUPERSET", TokenKind::kIsSuperset},
      {"ISSUBSET", TokenKind::kIsSubset},
      {"EXISTS", TokenKind::kExists},
      {"LAST", TokenKind::kLast},
      {"IN", TokenKind::kIn},
      {"START", TokenKind::kStart},
      {"STOP", TokenKind::kStop},
      {"SECONDS", TokenKind::kSeconds},
      {"WITHIN", TokenKind::kWithin},
      {"REPEATS", TokenKind::kRepeats},
      {"TIMES", TokenKind::kTimes},
      {"true", TokenKind::kBoolean},
      {"false", TokenKind::kBoolean},
  };
  for (const auto& keyword : kKeywords) {
    if (keyword.text == word) return keyword.kind;
  }
  return std::nullopt;
}

bool InRange(std::string_view s, size_t i, char low, char high) {
  return i < s.size() && s[i] >= low && s[i] <= high;
}

// Two-character field that the grammar's TimestampLiteral accepts: `first` in
// [first_low, first_high] and then a digit limited by `second_high` when first is at
// its top ('1' '2' for months, '3' '1' for days, '2' '3' for hours).
bool TwoDigitField(std::string_view s, size_t i, char first_high, char second_high_at_top,
                   bool zero_zero_allowed) {
  if (!InRange(s, i, '0', first_high) || !InRange(s, i + 1, '0', '9')) return false;
  if (s[i] == first_high && s[i + 1] > second_high_at_top) return false;
  return zero_zero_allowed || s[i] != '0' || s[i + 1] != '0';
}

// Length of "YYYY-MM-DDTHH:MM:SS[.fff]Z" at the start of `s`, or 0. Field ranges follow
// the grammar (month 01-12, day 01-31, hour 00-23, minute 00-59, second 00-60); it does
// not check days per month, and neither does the reference.
size_t MatchTimestamp(std::string_view s) {
  if (s.size() < 20) return 0;
  for (size_t i : {0, 1, 2, 3}) {
    if (!InRange(s, i, '0', '9')) return 0;
  }
  const bool seconds_ok =
      (InRange(s, 17, '0', '5') && InRange(s, 18, '0', '9')) || s.substr(17, 2) == "60";
  if (s[4] != '-' || !TwoDigitField(s, 5, '1', '2', false) || s[7] != '-' ||
      !TwoDigitField(s, 8, '3', '1', false) || s[10] != 'T' ||
      !TwoDigitField(s, 11, '2', '3', true) || s[13] != ':' || !InRange(s, 14, '0', '5') ||
      !InRange(s, 15, '0', '9') || s[16] != ':' || !seconds_ok) {
    return 0;
  }
  size_t i = 19;
  if (s[i] == '.') {
    const size_t digits_start = ++i;
    while (InRange(s, i, '0', '9')) ++i;
    if (i == digits_start) return 0;
  }
  return (i < s.size() && s[i] == 'Z') ? i + 1 : 0;
}

bool IsEvenHex(std::string_view body) {
  for (char c : body) {
    if (!IsHexDigit(c)) return false;
  }
  return body.size() % 2 == 0;
}

// The grammar's BinaryLiteral: whole groups of four base64 characters, the last group
// possibly ending in '=' or '=='; at least one group.
bool IsPaddedBase64(std::string_view body) {
  if (body.empty() || body.size() % 4 != 0) return false;
  size_t padding = 0;
  while (padding < 2 && body[body.size() - 1 - padding] == '=') ++padding;
  for (size_t i = 0; i + padding < body.size(); ++i) {
    if (!IsBase64Char(body[i])) return false;
  }
  return true;
}

}  // namespace

Token Lexer::Make(TokenKind kind, size_t begin) const {
  return Token{kind, begin, text_.substr(begin, pos_ - begin)};
}

absl::StatusOr<Token> Lexer::Next() {
  STIXKIT_RETURN_IF_ERROR(SkipSpaceAndComments());
  if (pos_ >= text_.size()) return Token{TokenKind::kEnd, text_.size(), {}};
  const char c = text_[pos_];
  if (IsIdentStart(c)) return LexWord();
  if (c == '\'') return LexString(pos_);
  if (IsDigit(c) || c == '+' || c == '-' || c == '.') return LexNumberOrSign();
  return LexPunctuation();
}

absl::Status Lexer::SkipSpaceAndComments() {
  while (pos_ < text_.size()) {
    const auto c = static_cast<unsigned char>(text_[pos_]);
    const char next = pos_ + 1 < text_.size() ? text_[pos_ + 1] : '\0';
    if (c == '/' && next == '*') {
      const size_t close = text_.find("*/", pos_ + 2);
      if (close == std::string_view::npos) {
        return SyntaxError(text_, pos_,
                           "expected '*/' to close this comment, found end of pattern");
      }
      pos_ = close + 2;
    } else if (c == '/' && next == '/') {
      pos_ = std::min(text_.find_first_of("\r\n", pos_), text_.size());
    } else if (c < 0x80) {
      if (!internal::IsPatternSpace(c)) return absl::OkStatus();
      ++pos_;
    } else {
      char32_t code_point;
      const size_t length = internal::DecodeUtf8(text_, pos_, &code_point);
      if (length == 0) {
        return SyntaxError(text_, pos_,
                           absl::StrFormat("expected UTF-8 text, found byte 0x%02x", c));
      }
      if (!internal::IsPatternSpace(code_point)) return absl::OkStatus();
      pos_ += length;
    }
  }
  return absl::OkStatus();
}

absl::StatusOr<Token> Lexer::LexWord() {
  const size_t begin = pos_;
  size_t end = pos_ + 1;
  bool hyphen = false;
  while (end < text_.size() && IsIdentChar(text_[end])) hyphen |= text_[end++] == '-';
  const char first = text_[begin];
  if (end == begin + 1 && end < text_.size() && text_[end] == '\'' &&
      (first == 'h' || first == 'b' || first == 't')) {
    return LexPrefixedConstant(begin);
  }
  pos_ = end;
  if (hyphen) return Make(TokenKind::kHyphenatedIdentifier, begin);
  if (auto kind = KeywordKind(text_.substr(begin, end - begin))) return Make(*kind, begin);
  return Make(TokenKind::kIdentifier, begin);
}

absl::StatusOr<Token> Lexer::LexPrefixedConstant(size_t begin) {
  const char prefix = text_[begin];
  const std::string_view name = prefix == 'h' ? "hex" : prefix == 'b' ? "binary" : "timestamp";
  const size_t close = text_.find('\'', begin + 2);
  if (close == std::string_view::npos) {
    return SyntaxError(text_, begin,
                       absl::StrCat("expected a closing ' for this ", Av(name),
                                    " constant, found end of pattern"));
  }
  const std::string_view body = text_.substr(begin + 2, close - begin - 2);
  const std::string found = QuoteForMessage(text_.substr(begin, close + 1 - begin));
  if (prefix == 'h' && !IsEvenHex(body)) {
    return SyntaxError(text_, begin,
                       absl::StrCat("expected an even number of hexadecimal "
                                    "digits in a hex constant, found ",
                                    found));
  }
  if (prefix == 'b' && !IsPaddedBase64(body)) {
    return SyntaxError(text_, begin,
                       absl::StrCat("expected base64 padded to a multiple of 4 "
                                    "characters in a binary constant, found ",
                                    found));
  }
  if (prefix == 't' && MatchTimestamp(body) != body.size()) {
    return SyntaxError(text_, begin,
                       absl::StrCat("expected a UTC timestamp such as "
                                    "t'2016-06-01T00:00:00Z', found ",
                                    found));
  }
  pos_ = close + 1;
  const TokenKind kind = prefix == 'h'   ? TokenKind::kHex
                         : prefix == 'b' ? TokenKind::kBinary
                                         : TokenKind::kTimestamp;
  return Make(kind, begin);
}

absl::StatusOr<Token> Lexer::LexString(size_t begin) {
  size_t i = begin + 1;
  while (i < text_.size()) {
    const char c = text_[i];
    if (c == '\'') {
      pos_ = i + 1;
      return Make(TokenKind::kString, begin);
    }
    char32_t code_point;
    const size_t next = c == '\\' ? i + 1 : i;
    const size_t length = internal::DecodeUtf8(text_, next, &code_point);
    if (length == 0 && next < text_.size()) {
      return SyntaxError(text_, next,
                         absl::StrFormat("expected UTF-8 text, found byte 0x%02x",
                                         static_cast<unsigned char>(text_[next])));
    }
    if (c != '\\') {
      i += length;
      continue;
    }
    // STIX 2.1 §9.2: only an apostrophe or a backslash may follow the escape character.
    if (next < text_.size() && (text_[next] == '\'' || text_[next] == '\\')) {
      i += 2;
      continue;
    }
    const std::string found = next < text_.size() ? QuoteForMessage(text_.substr(i, 1 + length))
                                                  : std::string("end of pattern");
    return SyntaxError(text_, i,
                       absl::StrCat(R"(expected \' or \\ after a backslash in a )",
                                    "string constant, found ", found));
  }
  return SyntaxError(text_, begin,
                     "expected a closing ' for this string constant, found end of pattern");
}

// Numbers follow the grammar's longest match: "01.5" is one float, "007" is three
// integers (0, 0, 7), and a sign not followed by a number is a stray '+' or '-'.
Token Lexer::LexNumberOrSign() {
  const size_t begin = pos_;
  const char sign = text_[pos_];
  const bool has_sign = sign == '+' || sign == '-';
  size_t i = has_sign ? pos_ + 1 : pos_;
  const size_t digits_begin = i;
  while (i < text_.size() && IsDigit(text_[i])) ++i;
  if (i + 1 < text_.size() && text_[i] == '.' && IsDigit(text_[i + 1])) {
    i += 2;
    while (i < text_.size() && IsDigit(text_[i])) ++i;
    pos_ = i;
    return Make(sign == '-' ? TokenKind::kNegativeFloat : TokenKind::kFloat, begin);
  }
  if (i > digits_begin) {
    pos_ = text_[digits_begin] == '0' ? digits_begin + 1 : i;
    return Make(sign == '-' ? TokenKind::kNegativeInteger : TokenKind::kInteger, begin);
  }
  pos_ = begin + 1;
  return Make(has_sign ? TokenKind::kStray : TokenKind::kDot, begin);
}

absl::StatusOr<Token> Lexer::LexPunctuation() {
  // STIXPattern.g4's operator and punctuation tokens, two-character ones first so that
  // the longest match wins.
  static constexpr struct {
    std::string_view text;
    TokenKind kind;
  } kPunctuation[] = {
      {"==", TokenKind::kEqual},
      {"!=", TokenKind::kNotEqual},
      {"<>", TokenKind::kNotEqual},
      {"<=", TokenKind::kLessOrEqual},
      {">=", TokenKind::kGreaterOrEqual},
      {"=", TokenKind::kEqual},
      {"<", TokenKind::kLess},
      {">", TokenKind::kGreater},
      {":", TokenKind::kColon},
      {",", TokenKind::kComma},
      {"(", TokenKind::kLeftParen},
      {")", TokenKind::kRightParen},
      {"[", TokenKind::kLeftBracket},
      {"]", TokenKind::kRightBracket},
      {"*", TokenKind::kAsterisk},
      {"^", TokenKind::kStray},
      {"/", TokenKind::kStray},
  };
  const size_t begin = pos_;
  const std::string_view rest = text_.substr(pos_);
  for (const auto& punctuation : kPunctuation) {
    if (rest.substr(0, punctuation.text.size()) == punctuation.text) {
      pos_ += punctuation.text.size();
      return Make(punctuation.kind, begin);
    }
  }
  char32_t code_point;
  const size_t length = internal::DecodeUtf8(text_, pos_, &code_point);
  if (length == 0) {
    return SyntaxError(text_, pos_,
                       absl::StrFormat("expected UTF-8 text, found byte 0x%02x",
                                       static_cast<unsigned char>(rest[0])));
  }
  std::string message =
      absl::StrCat("expected a pattern token, found ", QuoteForMessage(text_.substr(pos_, length)));
  if (rest[0] == '"') absl::StrAppend(&message, " (string constants take single quotes)");
  return SyntaxError(text_, pos_, message);
}

absl::StatusOr<std::vector<Token>> Tokenize(std::string_view text) {
  Lexer lexer(text);
  std::vector<Token> tokens;
  do {
    STIXKIT_ASSIGN_OR_RETURN(Token token, lexer.Next());
    tokens.push_back(token);
  } while (tokens.back().kind != TokenKind::kEnd);
  return tokens;
}

}  // namespace stixkit::stix::pattern
