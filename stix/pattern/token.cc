#include "stix/pattern/token.h"

#include "stix/pattern/internal/syntax_error.h"

namespace stixkit::stix::pattern {

std::string DescribeToken(const Token& token) {
  if (token.kind == TokenKind::kEnd) return "end of pattern";
  return internal::QuoteForMessage(token.text);
}

bool IsKeyword(TokenKind kind) {
  return static_cast<int>(kind) >= static_cast<int>(TokenKind::kAnd) &&
         static_cast<int>(kind) <= static_cast<int>(TokenKind::kTimes);
}

}  // namespace stixkit::stix::pattern
