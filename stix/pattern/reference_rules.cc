#include "stix/pattern/reference_rules.h"

#include <string>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_replace.h"
#include "stix/base/strings.h"
#include "stix/pattern/comparisons.h"
#include "stix/pattern/formatter.h"
#include "stix/pattern/hash_format.h"
#include "stix/pattern/internal/qualifier_names.h"
#include "stix/pattern/internal/syntax_error.h"

namespace stixkit::stix::pattern {
namespace {

using internal::QuoteForMessage;
using internal::SyntaxError;

// The reference's ValidationListener: a fresh set of qualifier types after each [ ... ],
// none after a ( ... ) group; the first duplicate raises and ends the check.
const Qualifier* FirstDuplicateOnObservation(const ObservationExpr& node) {
  if (node.kind == ObservationExpr::Kind::kObservation) {
    return internal::FirstDuplicateQualifier(node.qualifiers);
  }
  for (const ObservationExpr& operand : node.operands) {
    if (const Qualifier* duplicate = FirstDuplicateOnObservation(operand)) return duplicate;
  }
  return nullptr;
}

std::string SourceText(const Constant& constant) {
  if (!constant.text.empty()) return constant.text;
  absl::StatusOr<std::string> text = FormatConstant(constant);
  return text.ok() ? *text : constant.value;
}

// What the reference tests: ANTLR's getText() of the literal (for IN, the whole set
// without whitespace), with every apostrophe removed, escapes left as written.
std::string ReferenceValueText(const Comparison& comparison) {
  std::string text;
  if (comparison.op == ComparisonOp::kIn) {
    text = "(";
    for (size_t i = 0; i < comparison.values.size(); ++i) {
      absl::StrAppend(&text, i == 0 ? "" : ",", SourceText(comparison.values[i]));
    }
    text += ")";
  } else {
    text = SourceText(comparison.values.front());
  }
  return absl::StrReplaceAll(text, {{"'", ""}});
}

bool HasHashesStep(const ObjectPath& path) {
  for (const PathStep& step : path.steps) {
    if (step.kind == PathStep::Kind::kKey && step.key == "hashes") return true;
  }
  return false;
}

void CheckHashValues(const Pattern& pattern, std::vector<absl::Status>* out) {
  for (const Comparison* comparison : ListComparisons(pattern)) {
    const ObjectPath& path = comparison->path;
    if (comparison->op == ComparisonOp::kExists || path.steps.empty() || !HasHashesStep(path)) {
      continue;
    }
    if (comparison->op != ComparisonOp::kIn && comparison->values.empty()) continue;
    // The reference reads the last step as the algorithm; [*] is skipped, and [n] would
    // crash it (an int has no upper()), so nothing is reported for either.
    const PathStep& last = path.steps.back();
    if (last.kind != PathStep::Kind::kKey) continue;
    const HashFormat* format = FindHashFormat(last.key);
    if (format == nullptr) continue;
    const std::string value = ReferenceValueText(*comparison);
    if (format->Matches(value)) continue;
    const size_t offset =
        comparison->op == ComparisonOp::kIn ? comparison->offset : comparison->values[0].offset;
    out->push_back(SyntaxError(pattern.text, offset,
                               absl::StrCat("expected ", Av(format->expected), " for the ",
                                            last.key, " hash, found ", QuoteForMessage(value))));
  }
}

}  // namespace

std::vector<absl::Status> ReferenceRuleViolations(const Pattern& pattern) {
  std::vector<absl::Status> violations;
  if (const Qualifier* duplicate = FirstDuplicateOnObservation(pattern.root)) {
    violations.push_back(SyntaxError(
        pattern.text, duplicate->offset,
        absl::StrCat("expected at most one ", Av(internal::QualifierName(duplicate->kind)),
                     " qualifier on this observation expression, found a second")));
  }
  CheckHashValues(pattern, &violations);
  return violations;
}

absl::Status CheckReferenceRules(const Pattern& pattern) {
  std::vector<absl::Status> violations = ReferenceRuleViolations(pattern);
  return violations.empty() ? absl::OkStatus() : violations.front();
}

}  // namespace stixkit::stix::pattern
