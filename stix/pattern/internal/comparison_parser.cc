// The comparison level of the pattern parser: what is inside one [ ... ] (STIX 2.1
// §9.6, §9.7). See parser_impl.h.
#include <utility>

#include "absl/strings/str_cat.h"
#include "stix/base/status.h"
#include "stix/base/strings.h"
#include "stix/pattern/internal/parser_impl.h"

namespace stixkit::stix::pattern::internal {
namespace {

bool IsName(TokenKind kind) {
  return kind == TokenKind::kIdentifier || kind == TokenKind::kHyphenatedIdentifier;
}

}  // namespace

// The value of a constant token: quotes and prefix removed, escapes undone, '+' dropped.
std::string ConstantValue(const Token& token) {
  const std::string_view text = token.text;
  switch (token.kind) {
    case TokenKind::kString: {
      std::string value;
      for (size_t i = 1; i + 1 < text.size(); ++i) {
        if (text[i] == '\\') ++i;  // the lexer allows only \' and \\ here
        value.push_back(text[i]);
      }
      return value;
    }
    case TokenKind::kTimestamp:
    case TokenKind::kHex:
    case TokenKind::kBinary:
      return std::string(text.substr(2, text.size() - 3));
    case TokenKind::kInteger:
    case TokenKind::kFloat:
      return std::string(text[0] == '+' ? text.substr(1) : text);
    default:
      return std::string(text);
  }
}

absl::StatusOr<ComparisonExpr> Parser::ParsePropTest() {
  ComparisonExpr node;
  node.offset = current_.offset;
  if (current_.kind == TokenKind::kLeftParen) {
    STIXKIT_RETURN_IF_ERROR(Enter());
    node.kind = ComparisonExpr::Kind::kGroup;
    STIXKIT_ASSIGN_OR_RETURN(ComparisonExpr inner, ParseComparisonOr());
    node.operands.push_back(std::move(inner));
    STIXKIT_RETURN_IF_ERROR(Expect(TokenKind::kRightParen, "expected AND, OR or ')'"));
    --depth_;
    return node;
  }
  node.kind = ComparisonExpr::Kind::kComparison;
  STIXKIT_ASSIGN_OR_RETURN(node.comparison, ParseComparison());
  return node;
}

absl::StatusOr<Comparison> Parser::ParseComparison() {
  Comparison comparison;
  comparison.offset = current_.offset;
  if (current_.kind == TokenKind::kExists) {
    // The 2.1 grammar has "EXISTS objectPath" with no NOT.
    STIXKIT_RETURN_IF_ERROR(Advance());
    comparison.op = ComparisonOp::kExists;
    STIXKIT_ASSIGN_OR_RETURN(comparison.path, ParseObjectPath());
    return comparison;
  }
  if (!IsName(current_.kind)) {
    return Error(current_.kind == TokenKind::kNot
                     ? "expected an object path, EXISTS or '(' (NOT goes between the object path "
                       "and the operator, and EXISTS takes none)"
                     : "expected an object path, EXISTS or '('");
  }
  STIXKIT_ASSIGN_OR_RETURN(comparison.path, ParseObjectPath());
  if (current_.kind == TokenKind::kNot) {
    comparison.negated = true;
    STIXKIT_RETURN_IF_ERROR(Advance());
  }
  const Token op_token = current_;
  STIXKIT_RETURN_IF_ERROR(ParseOperand(op_token, &comparison));
  return comparison;
}

absl::Status Parser::ParseOperand(const Token& op_token, Comparison* comparison) {
  const std::string after = absl::StrCat("after '", Av(op_token.text), "'");
  ComparisonOp op;
  switch (op_token.kind) {
    case TokenKind::kEqual:
      op = ComparisonOp::kEqual;
      break;
    case TokenKind::kNotEqual:
      op = ComparisonOp::kNotEqual;
      break;
    case TokenKind::kLess:
      op = ComparisonOp::kLess;
      break;
    case TokenKind::kLessOrEqual:
      op = ComparisonOp::kLessOrEqual;
      break;
    case TokenKind::kGreater:
      op = ComparisonOp::kGreater;
      break;
    case TokenKind::kGreaterOrEqual:
      op = ComparisonOp::kGreaterOrEqual;
      break;
    case TokenKind::kIn:
      op = ComparisonOp::kIn;
      break;
    case TokenKind::kLike:
      op = ComparisonOp::kLike;
      break;
    case TokenKind::kMatches:
      op = ComparisonOp::kMatches;
      break;
    case TokenKind::kIsSubset:
      op = ComparisonOp::kIsSubset;
      break;
    case TokenKind::kIsSuperset:
      op = ComparisonOp::kIsSuperset;
      break;
    default:
      return Error(absl::StrCat("expected a comparison operator (=, !=, <, <=, >, >=, IN, LIKE, ",
                                "MATCHES, ISSUBSET or ISSUPERSET)",
                                comparison->negated ? " after NOT" : ""));
  }
  comparison->op = op;
  STIXKIT_RETURN_IF_ERROR(Advance());
  if (op == ComparisonOp::kIn) return ParseSet(comparison);
  if (op == ComparisonOp::kEqual || op == ComparisonOp::kNotEqual ||
      (op >= ComparisonOp::kLess && op <= ComparisonOp::kGreaterOrEqual)) {
    const bool allow_boolean = op == ComparisonOp::kEqual || op == ComparisonOp::kNotEqual;
    STIXKIT_ASSIGN_OR_RETURN(Constant value, ParseConstant(after, allow_boolean));
    comparison->values.push_back(std::move(value));
    return absl::OkStatus();
  }
  // LIKE, MATCHES, ISSUBSET and ISSUPERSET take a string constant only.
  if (current_.kind != TokenKind::kString) {
    return Error(absl::StrCat("expected a string constant after ", Av(op_token.text)));
  }
  STIXKIT_ASSIGN_OR_RETURN(Constant value, ParseConstant(after, false));
  comparison->values.push_back(std::move(value));
  return absl::OkStatus();
}

absl::StatusOr<Constant> Parser::ParseConstant(std::string_view after, bool allow_boolean) {
  ConstantKind kind;
  switch (current_.kind) {
    case TokenKind::kString:
      kind = ConstantKind::kString;
      break;
    case TokenKind::kInteger:
    case TokenKind::kNegativeInteger:
      kind = ConstantKind::kInteger;
      break;
    case TokenKind::kFloat:
    case TokenKind::kNegativeFloat:
      kind = ConstantKind::kFloat;
      break;
    case TokenKind::kTimestamp:
      kind = ConstantKind::kTimestamp;
      break;
    case TokenKind::kHex:
      kind = ConstantKind::kHex;
      break;
    case TokenKind::kBinary:
      kind = ConstantKind::kBinary;
      break;
    case TokenKind::kBoolean:
      if (allow_boolean) {
        kind = ConstantKind::kBoolean;
        break;
      }
      return Error(absl::StrCat("expected a constant other than a boolean ", Av(after)));
    default:
      return Error(absl::StrCat("expected a constant ", Av(after)));
  }
  Constant constant{kind, ConstantValue(current_), std::string(current_.text), current_.offset};
  STIXKIT_RETURN_IF_ERROR(Advance());
  return constant;
}

absl::Status Parser::ParseSet(Comparison* comparison) {
  STIXKIT_RETURN_IF_ERROR(Expect(TokenKind::kLeftParen, "expected '(' to start the set after IN"));
  if (current_.kind == TokenKind::kRightParen) return Advance();  // the grammar allows "()"
  while (true) {
    STIXKIT_ASSIGN_OR_RETURN(Constant member, ParseConstant("in the set after IN", true));
    comparison->values.push_back(std::move(member));
    if (current_.kind == TokenKind::kRightParen) return Advance();
    STIXKIT_RETURN_IF_ERROR(Expect(TokenKind::kComma, "expected ',' or ')' in the set after IN"));
  }
}

absl::StatusOr<ObjectPath> Parser::ParseObjectPath() {
  ObjectPath path;
  path.offset = current_.offset;
  if (!IsName(current_.kind)) return Error("expected an object type such as 'file'");
  path.object_type = std::string(current_.text);
  STIXKIT_RETURN_IF_ERROR(Advance());
  STIXKIT_RETURN_IF_ERROR(
      Expect(TokenKind::kColon,
             absl::StrCat("expected ':' after the object type '", path.object_type, "'")));
  if (current_.kind != TokenKind::kIdentifier && current_.kind != TokenKind::kString) {
    return PropertyError("expected a property name after ':'");
  }
  path.steps.push_back(PathStep{PathStep::Kind::kKey, ConstantValue(current_), ""});
  STIXKIT_RETURN_IF_ERROR(Advance());
  while (current_.kind == TokenKind::kDot || current_.kind == TokenKind::kLeftBracket) {
    STIXKIT_ASSIGN_OR_RETURN(PathStep step, ParsePathStep());
    path.steps.push_back(std::move(step));
  }
  return path;
}

absl::StatusOr<PathStep> Parser::ParsePathStep() {
  PathStep step;
  if (current_.kind == TokenKind::kDot) {
    STIXKIT_RETURN_IF_ERROR(Advance());
    if (current_.kind != TokenKind::kIdentifier && current_.kind != TokenKind::kString) {
      return PropertyError("expected a property name or quoted key after '.'");
    }
    step.key = ConstantValue(current_);
    STIXKIT_RETURN_IF_ERROR(Advance());
    return step;
  }
  STIXKIT_RETURN_IF_ERROR(Advance());  // '['
  if (current_.kind == TokenKind::kInteger || current_.kind == TokenKind::kNegativeInteger) {
    step.kind = PathStep::Kind::kIndex;
    step.index = std::string(current_.text);
  } else if (current_.kind == TokenKind::kAsterisk) {
    step.kind = PathStep::Kind::kAnyIndex;
  } else {
    return Error("expected a list index or '*' after '['");
  }
  STIXKIT_RETURN_IF_ERROR(Advance());
  STIXKIT_RETURN_IF_ERROR(Expect(TokenKind::kRightBracket, "expected ']' after the list index"));
  return step;
}

}  // namespace stixkit::stix::pattern::internal
