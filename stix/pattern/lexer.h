// Splits a STIX 2.1 pattern into tokens (token.h), one at a time, the way the reference
// grammar's lexer does (STIXPattern.g4): whitespace and /* */ and // comments are
// skipped, keywords are upper case, and constants are checked as they are read (a
// timestamp needs valid field ranges, hex an even digit count, base64 correct padding,
// strings only the \' and \\ escapes). The first malformed character ends the scan with
// an error that gives its column.
//
//   Lexer lexer(text);
//   STIXKIT_ASSIGN_OR_RETURN(Token token, lexer.Next());
//   while (token.kind != TokenKind::kEnd) { ...; STIXKIT_ASSIGN_OR_RETURN(token, lexer.Next()); }
//
// A Lexer holds a view of `text`, which must outlive it and every token it returns. Not
// thread-safe; use one per thread.
#ifndef STIXKIT_STIX_PATTERN_LEXER_H_
#define STIXKIT_STIX_PATTERN_LEXER_H_

#include <cstddef>
#include <string_view>
#include <vector>

#include "absl/status/statusor.h"
#include "stix/pattern/token.h"

namespace stixkit::stix::pattern {

class Lexer {
 public:
  explicit Lexer(std::string_view text) : text_(text) {}

  // The next token; kEnd at the end of the text, and again on every later call. Fails
  // with InvalidArgument ("column 19: expected a closing ''' for this string constant,
  // found end of pattern") when no token starts at the next character.
  absl::StatusOr<Token> Next();

 private:
  absl::Status SkipSpaceAndComments();
  absl::StatusOr<Token> LexWord();
  absl::StatusOr<Token> LexPrefixedConstant(size_t begin);
  absl::StatusOr<Token> LexString(size_t begin);
  Token LexNumberOrSign();
  absl::StatusOr<Token> LexPunctuation();
  Token Make(TokenKind kind, size_t begin) const;

  std::string_view text_;
  size_t pos_ = 0;
};

// Every token of `text` up to and including kEnd, or the first lexer error.
absl::StatusOr<std::vector<Token>> Tokenize(std::string_view text);

}  // namespace stixkit::stix::pattern

#endif  // STIXKIT_STIX_PATTERN_LEXER_H_
