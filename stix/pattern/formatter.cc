#include "stix/pattern/formatter.h"

#include <initializer_list>
#include <utility>

#include "absl/strings/str_cat.h"
#include "stix/base/status.h"
#include "stix/base/strings.h"
#include "stix/pattern/internal/syntax_error.h"
#include "stix/pattern/lexer.h"
#include "stix/pattern/parser.h"

namespace stixkit::stix::pattern {
namespace {

using internal::QuoteForMessage;

// Whether `text` is exactly one token of one of `kinds`, with nothing around it.
bool LexesAsOne(std::string_view text, std::initializer_list<TokenKind> kinds) {
  absl::StatusOr<std::vector<Token>> tokens = Tokenize(text);
  if (!tokens.ok() || tokens->size() != 2) return false;
  const Token& token = tokens->front();
  if (token.offset != 0 || token.text.size() != text.size()) return false;
  for (TokenKind kind : kinds) {
    if (token.kind == kind) return true;
  }
  return false;
}

absl::Status Invalid(std::string_view what, std::string_view found) {
  return absl::InvalidArgumentError(
      absl::StrCat("expected ", Av(what), ", found ", QuoteForMessage(found)));
}

std::string_view OperatorText(ComparisonOp op) {
  switch (op) {
    case ComparisonOp::kEqual:
      return "=";
    case ComparisonOp::kNotEqual:
      return "!=";
    case ComparisonOp::kLess:
      return "<";
    case ComparisonOp::kLessOrEqual:
      return "<=";
    case ComparisonOp::kGreater:
      return ">";
    case ComparisonOp::kGreaterOrEqual:
      return ">=";
    case ComparisonOp::kIn:
      return "IN";
    case ComparisonOp::kLike:
      return "LIKE";
    case ComparisonOp::kMatches:
      return "MATCHES";
    case ComparisonOp::kIsSubset:
      return "ISSUBSET";
    case ComparisonOp::kIsSuperset:
      return "ISSUPERSET";
    case ComparisonOp::kExists:
      return "EXISTS";
  }
  return "?";
}

absl::StatusOr<std::string> FormatQualifier(const Qualifier& qualifier) {
  switch (qualifier.kind) {
    case Qualifier::Kind::kWithin:
      if (!LexesAsOne(qualifier.number, {TokenKind::kInteger, TokenKind::kFloat}) ||
          qualifier.number[0] == '+') {
        return Invalid("a number of seconds after WITHIN", qualifier.number);
      }
      return absl::StrCat(" WITHIN ", qualifier.number, " SECONDS");
    case Qualifier::Kind::kRepeats:
      if (!LexesAsOne(qualifier.number, {TokenKind::kInteger}) || qualifier.number[0] == '+') {
        return Invalid("an integer after REPEATS", qualifier.number);
      }
      return absl::StrCat(" REPEATS ", qualifier.number, " TIMES");
    case Qualifier::Kind::kStartStop: {
      STIXKIT_ASSIGN_OR_RETURN(std::string start,
                               FormatConstant({ConstantKind::kTimestamp, qualifier.start, "", 0}));
      STIXKIT_ASSIGN_OR_RETURN(std::string stop,
                               FormatConstant({ConstantKind::kTimestamp, qualifier.stop, "", 0}));
      return absl::StrCat(" START ", start, " STOP ", stop);
    }
  }
  return absl::InvalidArgumentError("expected a known qualifier kind");
}

// Precedence inside one level of brackets (STIX 2.1 §9.5.3): a chain operand with a
// looser operator than its parent must be parenthesized.
int Precedence(ObservationExpr::Kind kind) {
  switch (kind) {
    case ObservationExpr::Kind::kFollowedBy:
      return 1;
    case ObservationExpr::Kind::kOr:
      return 2;
    case ObservationExpr::Kind::kAnd:
      return 3;
    default:
      return 4;
  }
}

// Bounds recursion on hand-built trees the way the parser bounds parsed ones: a parsed
// tree has at most four node levels per level of parentheses.
class Writer {
 public:
  absl::StatusOr<std::string> Comparisons(const ComparisonExpr& node);
  absl::StatusOr<std::string> Observations(const ObservationExpr& node);

 private:
  absl::Status Descend() {
    if (++levels_ > 4 * (kMaxNestingDepth + 1)) {
      return absl::InvalidArgumentError(absl::StrCat(
          "expected at most ", kMaxNestingDepth, " nested parentheses and brackets, found more"));
    }
    return absl::OkStatus();
  }
  absl::StatusOr<std::string> Join(const std::vector<ObservationExpr>& operands,
                                   std::string_view separator, int parent_precedence);

  int levels_ = 0;
};

absl::StatusOr<std::string> Writer::Comparisons(const ComparisonExpr& node) {
  STIXKIT_RETURN_IF_ERROR(Descend());
  std::string text;
  if (node.kind == ComparisonExpr::Kind::kComparison) {
    STIXKIT_ASSIGN_OR_RETURN(text, FormatComparison(node.comparison));
  } else if (node.operands.empty()) {
    return absl::InvalidArgumentError("expected operands in an AND, OR or group node, found none");
  } else if (node.kind == ComparisonExpr::Kind::kGroup) {
    STIXKIT_ASSIGN_OR_RETURN(std::string inner, Comparisons(node.operands.front()));
    text = absl::StrCat("(", inner, ")");
  } else {
    const bool is_and = node.kind == ComparisonExpr::Kind::kAnd;
    for (const ComparisonExpr& operand : node.operands) {
      STIXKIT_ASSIGN_OR_RETURN(std::string part, Comparisons(operand));
      if (is_and && operand.kind == ComparisonExpr::Kind::kOr) part = absl::StrCat("(", part, ")");
      absl::StrAppend(&text, text.empty() ? "" : (is_and ? " AND " : " OR "), part);
    }
  }
  --levels_;
  return text;
}

absl::StatusOr<std::string> Writer::Join(const std::vector<ObservationExpr>& operands,
                                         std::string_view separator, int parent_precedence) {
  std::string text;
  for (const ObservationExpr& operand : operands) {
    STIXKIT_ASSIGN_OR_RETURN(std::string part, Observations(operand));
    // A qualified chain already carries its own parentheses (see Observations).
    if (Precedence(operand.kind) < parent_precedence && operand.qualifiers.empty()) {
      part = absl::StrCat("(", part, ")");
    }
    absl::StrAppend(&text, text.empty() ? "" : Av(separator), part);
  }
  return text;
}

absl::StatusOr<std::string> Writer::Observations(const ObservationExpr& node) {
  STIXKIT_RETURN_IF_ERROR(Descend());
  std::string text;
  if (node.kind == ObservationExpr::Kind::kObservation) {
    STIXKIT_ASSIGN_OR_RETURN(std::string inner, Comparisons(node.comparison));
    text = absl::StrCat("[", inner, "]");
  } else if (node.operands.empty()) {
    return absl::InvalidArgumentError(
        "expected operands in an AND, OR, FOLLOWEDBY or group node, found none");
  } else if (node.kind == ObservationExpr::Kind::kGroup) {
    STIXKIT_ASSIGN_OR_RETURN(std::string inner, Observations(node.operands.front()));
    text = absl::StrCat("(", inner, ")");
  } else {
    const std::string_view separator = node.kind == ObservationExpr::Kind::kAnd  ? " AND "
                                       : node.kind == ObservationExpr::Kind::kOr ? " OR "
                                                                                 : " FOLLOWEDBY ";
    STIXKIT_ASSIGN_OR_RETURN(text, Join(node.operands, separator, Precedence(node.kind)));
    // Qualifiers on an operator node apply to the whole chain, which needs parentheses.
    if (!node.qualifiers.empty()) text = absl::StrCat("(", text, ")");
  }
  for (const Qualifier& qualifier : node.qualifiers) {
    STIXKIT_ASSIGN_OR_RETURN(std::string part, FormatQualifier(qualifier));
    text += part;
  }
  --levels_;
  return text;
}

}  // namespace

std::string Quote(std::string_view value) {
  std::string quoted = "'";
  for (char c : value) {
    if (c == '\'' || c == '\\') quoted.push_back('\\');
    quoted.push_back(c);
  }
  quoted.push_back('\'');
  return quoted;
}

std::string FormatPathKey(std::string_view key) {
  return LexesAsOne(key, {TokenKind::kIdentifier}) ? std::string(key) : Quote(key);
}

absl::StatusOr<std::string> FormatConstant(const Constant& constant) {
  const std::string& value = constant.value;
  switch (constant.kind) {
    case ConstantKind::kString:
      return Quote(value);
    case ConstantKind::kInteger:
      if (value.empty() || value[0] == '+' ||
          !LexesAsOne(value, {TokenKind::kInteger, TokenKind::kNegativeInteger})) {
        return Invalid("an integer constant value such as 42 or -7", value);
      }
      return value;
    case ConstantKind::kFloat:
      if (value.empty() || value[0] == '+' ||
          !LexesAsOne(value, {TokenKind::kFloat, TokenKind::kNegativeFloat})) {
        return Invalid("a float constant value such as 7.0 or -0.5", value);
      }
      return value;
    case ConstantKind::kBoolean:
      if (value != "true" && value != "false") return Invalid("true or false", value);
      return value;
    case ConstantKind::kTimestamp: {
      std::string text = absl::StrCat("t'", value, "'");
      if (!LexesAsOne(text, {TokenKind::kTimestamp})) {
        return Invalid("a timestamp constant value such as 2016-06-01T00:00:00Z", value);
      }
      return text;
    }
    case ConstantKind::kHex:
    case ConstantKind::kBinary: {
      const bool hex = constant.kind == ConstantKind::kHex;
      std::string text = absl::StrCat(hex ? "h'" : "b'", value, "'");
      if (!LexesAsOne(text, {hex ? TokenKind::kHex : TokenKind::kBinary})) {
        return Invalid(hex ? "an even number of hexadecimal digits" : "padded base64", value);
      }
      return text;
    }
  }
  return absl::InvalidArgumentError("expected a known constant kind");
}

absl::StatusOr<std::string> FormatObjectPath(const ObjectPath& path) {
  if (!LexesAsOne(path.object_type, {TokenKind::kIdentifier, TokenKind::kHyphenatedIdentifier})) {
    return Invalid("an object type name such as 'ipv4-addr'", path.object_type);
  }
  if (path.steps.empty() || path.steps.front().kind != PathStep::Kind::kKey) {
    return absl::InvalidArgumentError(absl::StrCat(
        "expected a property name as the first step of the path of '", path.object_type,
        "', found ", path.steps.empty() ? "no steps" : "a list index"));
  }
  std::string text = absl::StrCat(path.object_type, ":");
  for (size_t i = 0; i < path.steps.size(); ++i) {
    const PathStep& step = path.steps[i];
    if (step.kind == PathStep::Kind::kKey) {
      absl::StrAppend(&text, i == 0 ? "" : ".", FormatPathKey(step.key));
    } else if (step.kind == PathStep::Kind::kAnyIndex) {
      text += "[*]";
    } else if (LexesAsOne(step.index, {TokenKind::kInteger, TokenKind::kNegativeInteger})) {
      absl::StrAppend(&text, "[", step.index, "]");
    } else {
      return Invalid("a list index such as 0", step.index);
    }
  }
  return text;
}

absl::StatusOr<std::string> FormatComparison(const Comparison& comparison) {
  STIXKIT_ASSIGN_OR_RETURN(std::string path, FormatObjectPath(comparison.path));
  const ComparisonOp op = comparison.op;
  if (op == ComparisonOp::kExists) {
    if (comparison.negated) {
      return absl::InvalidArgumentError("expected EXISTS without NOT, found NOT EXISTS");
    }
    return absl::StrCat("EXISTS ", path);
  }
  std::string text = absl::StrCat(path, comparison.negated ? " NOT " : " ", Av(OperatorText(op)));
  if (op == ComparisonOp::kIn) {
    std::string members;
    for (const Constant& member : comparison.values) {
      STIXKIT_ASSIGN_OR_RETURN(std::string part, FormatConstant(member));
      absl::StrAppend(&members, members.empty() ? "" : ", ", part);
    }
    return absl::StrCat(text, " (", members, ")");
  }
  if (comparison.values.size() != 1) {
    return absl::InvalidArgumentError(absl::StrCat("expected one constant after ",
                                                   Av(OperatorText(op)), ", found ",
                                                   comparison.values.size()));
  }
  const Constant& value = comparison.values.front();
  const bool wants_string = op >= ComparisonOp::kLike && op <= ComparisonOp::kIsSuperset;
  const bool is_ordering = op >= ComparisonOp::kLess && op <= ComparisonOp::kGreaterOrEqual;
  if ((wants_string && value.kind != ConstantKind::kString) ||
      (is_ordering && value.kind == ConstantKind::kBoolean)) {
    return absl::InvalidArgumentError(absl::StrCat(
        "expected ", wants_string ? "a string constant" : "a constant other than a boolean",
        " after ", Av(OperatorText(op)), ", found ",
        value.kind == ConstantKind::kBoolean ? "a boolean" : "another kind"));
  }
  STIXKIT_ASSIGN_OR_RETURN(std::string constant, FormatConstant(value));
  return absl::StrCat(text, " ", constant);
}

absl::StatusOr<std::string> FormatComparisonExpr(const ComparisonExpr& node) {
  return Writer().Comparisons(node);
}

absl::StatusOr<std::string> FormatObservationExpr(const ObservationExpr& node) {
  return Writer().Observations(node);
}

absl::StatusOr<std::string> FormatPattern(const Pattern& pattern) {
  return FormatObservationExpr(pattern.root);
}

}  // namespace stixkit::stix::pattern
