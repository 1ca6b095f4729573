#include "stix/pattern/parser.h"

#include <utility>

#include "absl/strings/ascii.h"
#include "absl/strings/str_cat.h"
#include "stix/base/status.h"
#include "stix/base/strings.h"
#include "stix/pattern/internal/parser_impl.h"
#include "stix/pattern/internal/syntax_error.h"
#include "stix/pattern/internal/unicode.h"

namespace stixkit::stix::pattern {
namespace internal {
namespace {

// The reference's bracket pre-check (stix2patterns helpers.brackets_check): after any
// whitespace (Python's str.isspace) and '(' characters, the pattern must go on with '['.
// A parse that succeeded fails it only when a comment comes first.
absl::Status CheckLeadingBracket(std::string_view text) {
  size_t pos = 0;
  char32_t c = 0;
  size_t length = 0;
  while ((length = internal::DecodeUtf8(text, pos, &c)) != 0 &&
         (c == '(' || internal::IsPythonSpace(c))) {
    pos += length;
  }
  if (length != 0 && c == '[') return absl::OkStatus();
  return SyntaxError(text, pos,
                     absl::StrCat("expected '[' or '(' at the start of the pattern, "
                                  "found ",
                                  internal::QuoteForMessage(text.substr(pos, length))));
}

}  // namespace

absl::StatusOr<ObservationExpr> Parser::ParseAll() {
  STIXKIT_RETURN_IF_ERROR(Advance());
  STIXKIT_ASSIGN_OR_RETURN(ObservationExpr root, ParseFollowedBy());
  if (current_.kind != TokenKind::kEnd) {
    return Error("expected AND, OR, FOLLOWEDBY, a qualifier or the end of the pattern");
  }
  STIXKIT_RETURN_IF_ERROR(CheckLeadingBracket(text_));
  return root;
}

absl::Status Parser::Advance() {
  STIXKIT_ASSIGN_OR_RETURN(current_, lexer_.Next());
  return absl::OkStatus();
}

absl::Status Parser::Error(std::string_view expected, std::string_view hint) const {
  std::string message = absl::StrCat(Av(expected), ", found ", DescribeToken(current_), Av(hint));
  if (current_.kind == TokenKind::kIdentifier) {
    const std::string upper_text = absl::AsciiStrToUpper(Av(current_.text));
    Lexer probe(upper_text);
    absl::StatusOr<Token> upper = probe.Next();
    if (upper.ok() && IsKeyword(upper->kind))
      absl::StrAppend(&message, " (keywords are upper case)");
  }
  return SyntaxError(text_, current_.offset, message);
}

absl::Status Parser::PropertyError(std::string_view expected) const {
  if (current_.kind != TokenKind::kHyphenatedIdentifier) return Error(expected);
  return Error(expected, " (a name with '-' must be quoted, as in 'SHA-256')");
}

absl::Status Parser::Expect(TokenKind kind, std::string_view expected) {
  if (current_.kind != kind) return Error(expected);
  return Advance();
}

absl::Status Parser::Enter() {
  if (++depth_ > kMaxNestingDepth) {
    return SyntaxError(text_, current_.offset,
                       absl::StrCat("expected at most ", kMaxNestingDepth,
                                    " nested parentheses and brackets, found more"));
  }
  return Advance();
}

absl::StatusOr<ObservationExpr> Parser::ParseQualified() {
  STIXKIT_ASSIGN_OR_RETURN(ObservationExpr node, ParseObservationPrimary());
  while (current_.kind == TokenKind::kWithin || current_.kind == TokenKind::kRepeats ||
         current_.kind == TokenKind::kStart) {
    STIXKIT_ASSIGN_OR_RETURN(Qualifier qualifier, ParseQualifier());
    node.qualifiers.push_back(std::move(qualifier));
  }
  return node;
}

absl::StatusOr<ObservationExpr> Parser::ParseObservationPrimary() {
  ObservationExpr node;
  node.offset = current_.offset;
  if (current_.kind == TokenKind::kLeftBracket) {
    STIXKIT_RETURN_IF_ERROR(Enter());
    node.kind = ObservationExpr::Kind::kObservation;
    STIXKIT_ASSIGN_OR_RETURN(node.comparison, ParseComparisonOr());
    STIXKIT_RETURN_IF_ERROR(Expect(TokenKind::kRightBracket,
                                   "expected AND, OR or ']' to close the observation expression"));
  } else if (current_.kind == TokenKind::kLeftParen) {
    STIXKIT_RETURN_IF_ERROR(Enter());
    node.kind = ObservationExpr::Kind::kGroup;
    STIXKIT_ASSIGN_OR_RETURN(ObservationExpr inner, ParseFollowedBy());
    node.operands.push_back(std::move(inner));
    STIXKIT_RETURN_IF_ERROR(
        Expect(TokenKind::kRightParen, "expected AND, OR, FOLLOWEDBY, a qualifier or ')'"));
  } else {
    return Error("expected '[' or '(' to start an observation expression");
  }
  --depth_;
  return node;
}

absl::StatusOr<Qualifier> Parser::ParseQualifier() {
  Qualifier qualifier;
  qualifier.offset = current_.offset;
  const TokenKind keyword = current_.kind;
  STIXKIT_RETURN_IF_ERROR(Advance());
  if (keyword == TokenKind::kWithin) {
    qualifier.kind = Qualifier::Kind::kWithin;
    STIXKIT_ASSIGN_OR_RETURN(qualifier.number,
                             ParseQualifierNumber(TokenKind::kSeconds, "WITHIN", true));
  } else if (keyword == TokenKind::kRepeats) {
    qualifier.kind = Qualifier::Kind::kRepeats;
    STIXKIT_ASSIGN_OR_RETURN(qualifier.number,
                             ParseQualifierNumber(TokenKind::kTimes, "REPEATS", false));
  } else {
    qualifier.kind = Qualifier::Kind::kStartStop;
    if (current_.kind != TokenKind::kTimestamp) {
      return Error("expected a timestamp such as t'2016-06-01T00:00:00Z' after START");
    }
    qualifier.start = ConstantValue(current_);
    STIXKIT_RETURN_IF_ERROR(Advance());
    STIXKIT_RETURN_IF_ERROR(Expect(TokenKind::kStop, "expected STOP after the START timestamp"));
    if (current_.kind != TokenKind::kTimestamp) {
      return Error("expected a timestamp such as t'2016-07-01T00:00:00Z' after STOP");
    }
    qualifier.stop = ConstantValue(current_);
    STIXKIT_RETURN_IF_ERROR(Advance());
  }
  return qualifier;
}

// WITHIN takes a non-negative integer or float and SECONDS; REPEATS a non-negative
// integer and TIMES (the grammar's IntPosLiteral/FloatPosLiteral, which include 0).
absl::StatusOr<std::string> Parser::ParseQualifierNumber(TokenKind unit, std::string_view keyword,
                                                         bool allow_float) {
  const bool is_number =
      current_.kind == TokenKind::kInteger || (allow_float && current_.kind == TokenKind::kFloat);
  if (!is_number) {
    return Error(allow_float ? "expected a positive number of seconds after WITHIN"
                             : "expected a positive integer after REPEATS");
  }
  std::string number = ConstantValue(current_);
  STIXKIT_RETURN_IF_ERROR(Advance());
  const std::string_view unit_name = unit == TokenKind::kSeconds ? "SECONDS" : "TIMES";
  STIXKIT_RETURN_IF_ERROR(Expect(
      unit, absl::StrCat("expected ", Av(unit_name), " after '", Av(keyword), " ", number, "'")));
  return number;
}

}  // namespace internal

absl::StatusOr<Pattern> ParsePattern(std::string_view text) {
  if (text.size() > kMaxPatternBytes) {
    return absl::InvalidArgumentError(absl::StrCat("expected a pattern of at most ",
                                                   kMaxPatternBytes, " bytes, found ", text.size(),
                                                   " bytes"));
  }
  internal::Parser parser(text);
  STIXKIT_ASSIGN_OR_RETURN(ObservationExpr root, parser.ParseAll());
  return Pattern{std::string(text), std::move(root)};
}

}  // namespace stixkit::stix::pattern
