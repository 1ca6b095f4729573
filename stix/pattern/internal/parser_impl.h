// The recursive-descent parser behind ParsePattern (parser.h), shared by the two files
// that define it: parser.cc (observation expressions and qualifiers) and
// internal/comparison_parser.cc (what is inside [ ... ]). Internal to stix/pattern.
//
//   Parser parser(text);
//   STIXKIT_ASSIGN_OR_RETURN(ObservationExpr root, parser.ParseAll());
//
// One Parser parses one text once; it keeps a view of the text, which must outlive it.
// Not thread-safe.
#ifndef STIXKIT_STIX_PATTERN_INTERNAL_PARSER_IMPL_H_
#define STIXKIT_STIX_PATTERN_INTERNAL_PARSER_IMPL_H_

#include <string>
#include <string_view>
#include <utility>

#include "absl/status/statusor.h"
#include "stix/base/status.h"
#include "stix/pattern/ast.h"
#include "stix/pattern/lexer.h"
#include "stix/pattern/token.h"

namespace stixkit::stix::pattern::internal {

// The value of a constant token: quotes and prefix removed, escapes undone, '+' dropped.
std::string ConstantValue(const Token& token);

class Parser {
 public:
  explicit Parser(std::string_view text) : text_(text), lexer_(text) {}

  // The whole pattern up to its end, or the first syntax error.
  absl::StatusOr<ObservationExpr> ParseAll();

 private:
  absl::Status Advance();
  // "<expected>, found <current token><hint>", at the current token, with a hint for a
  // lower-case keyword.
  absl::Status Error(std::string_view expected, std::string_view hint = "") const;
  // Error() where a property name or key was expected: names with '-' must be quoted
  // there (STIX 2.1 §9.7), a common slip ("hashes.SHA-256").
  absl::Status PropertyError(std::string_view expected) const;
  absl::Status Expect(TokenKind kind, std::string_view expected);
  // Steps into '(' or '['; bounds the recursion (kMaxNestingDepth).
  absl::Status Enter();

  // One chain of a left-associative operator, flattened into one node.
  template <typename Node, typename SubParser>
  absl::StatusOr<Node> ParseChain(TokenKind op, typename Node::Kind kind, SubParser sub) {
    STIXKIT_ASSIGN_OR_RETURN(Node first, (this->*sub)());
    if (current_.kind != op) return first;
    Node chain;
    chain.kind = kind;
    chain.offset = first.offset;
    chain.operands.push_back(std::move(first));
    while (current_.kind == op) {
      STIXKIT_RETURN_IF_ERROR(Advance());
      STIXKIT_ASSIGN_OR_RETURN(Node operand, (this->*sub)());
      chain.operands.push_back(std::move(operand));
    }
    return chain;
  }

  // Observation level (parser.cc). STIX 2.1 §9.5.3: FOLLOWEDBY binds loosest, then OR,
  // then AND, then qualifiers.
  absl::StatusOr<ObservationExpr> ParseFollowedBy() {
    return ParseChain<ObservationExpr>(TokenKind::kFollowedBy, ObservationExpr::Kind::kFollowedBy,
                                       &Parser::ParseObservationOr);
  }
  absl::StatusOr<ObservationExpr> ParseObservationOr() {
    return ParseChain<ObservationExpr>(TokenKind::kOr, ObservationExpr::Kind::kOr,
                                       &Parser::ParseObservationAnd);
  }
  absl::StatusOr<ObservationExpr> ParseObservationAnd() {
    return ParseChain<ObservationExpr>(TokenKind::kAnd, ObservationExpr::Kind::kAnd,
                                       &Parser::ParseQualified);
  }
  absl::StatusOr<ObservationExpr> ParseQualified();
  absl::StatusOr<ObservationExpr> ParseObservationPrimary();
  absl::StatusOr<Qualifier> ParseQualifier();
  absl::StatusOr<std::string> ParseQualifierNumber(TokenKind unit, std::string_view keyword,
                                                   bool allow_float);

  // Comparison level (comparison_parser.cc): AND binds tighter than OR.
  absl::StatusOr<ComparisonExpr> ParseComparisonOr() {
    return ParseChain<ComparisonExpr>(TokenKind::kOr, ComparisonExpr::Kind::kOr,
                                      &Parser::ParseComparisonAnd);
  }
  absl::StatusOr<ComparisonExpr> ParseComparisonAnd() {
    return ParseChain<ComparisonExpr>(TokenKind::kAnd, ComparisonExpr::Kind::kAnd,
                                      &Parser::ParsePropTest);
  }
  absl::StatusOr<ComparisonExpr> ParsePropTest();
  absl::StatusOr<Comparison> ParseComparison();
  absl::Status ParseOperand(const Token& op_token, Comparison* comparison);
  absl::StatusOr<Constant> ParseConstant(std::string_view after, bool allow_boolean);
  absl::Status ParseSet(Comparison* comparison);
  absl::StatusOr<ObjectPath> ParseObjectPath();
  absl::StatusOr<PathStep> ParsePathStep();

  std::string_view text_;
  Lexer lexer_;
  Token current_;
  int depth_ = 0;
};

}  // namespace stixkit::stix::pattern::internal

#endif  // STIXKIT_STIX_PATTERN_INTERNAL_PARSER_IMPL_H_
