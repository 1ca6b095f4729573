#include "stix/pattern/spec_rules.h"

#include <algorithm>
#include <iterator>
#include <string>

#include "absl/strings/str_cat.h"
#include "stix/base/strings.h"
#include "stix/pattern/internal/qualifier_names.h"
#include "stix/pattern/internal/syntax_error.h"

namespace stixkit::stix::pattern {
namespace {

using internal::SyntaxError;
using TypeSet = std::vector<std::string>;  // sorted, unique

class SpecChecker {
 public:
  explicit SpecChecker(const Pattern& pattern) : text_(pattern.text) {}

  std::vector<absl::Status> Run(const ObservationExpr& root) {
    Observation(root);
    return std::move(violations_);
  }

 private:
  void Observation(const ObservationExpr& node);
  void Qualifiers(const ObservationExpr& node);
  // The root object types `node` can match; empty once a violation was reported inside.
  TypeSet Types(const ComparisonExpr& node);
  TypeSet AndTypes(const ComparisonExpr& node);

  std::string_view text_;
  std::vector<absl::Status> violations_;
};

// Digits of a number as written, all zero ("0", "0.0", ".00").
bool IsZero(std::string_view number) {
  return std::all_of(number.begin(), number.end(), [](char c) { return c == '0' || c == '.'; });
}

void SpecChecker::Observation(const ObservationExpr& node) {
  if (node.kind == ObservationExpr::Kind::kObservation) Types(node.comparison);
  for (const ObservationExpr& operand : node.operands) Observation(operand);
  Qualifiers(node);
}

void SpecChecker::Qualifiers(const ObservationExpr& node) {
  for (const Qualifier& qualifier : node.qualifiers) {
    if (qualifier.kind != Qualifier::Kind::kStartStop && IsZero(qualifier.number)) {
      const bool within = qualifier.kind == Qualifier::Kind::kWithin;
      violations_.push_back(SyntaxError(
          text_, qualifier.offset,
          absl::StrCat("expected a positive ",
                       within ? "number of seconds after WITHIN" : "count after REPEATS",
                       ", found ", qualifier.number)));
    }
  }
  // On [ ... ] the reference already reports duplicates (reference_rules.h).
  if (node.kind == ObservationExpr::Kind::kObservation) return;
  if (const Qualifier* duplicate = internal::FirstDuplicateQualifier(node.qualifiers)) {
    violations_.push_back(SyntaxError(
        text_, duplicate->offset,
        absl::StrCat("expected at most one ", Av(internal::QualifierName(duplicate->kind)),
                     " qualifier on this parenthesized expression, found a second")));
  }
}

TypeSet SpecChecker::Types(const ComparisonExpr& node) {
  switch (node.kind) {
    case ComparisonExpr::Kind::kComparison:
      return {node.comparison.path.object_type};
    case ComparisonExpr::Kind::kGroup:
      return node.operands.empty() ? TypeSet{} : Types(node.operands.front());
    case ComparisonExpr::Kind::kOr: {
      TypeSet all;
      for (const ComparisonExpr& operand : node.operands) {
        TypeSet types = Types(operand);
        TypeSet merged;
        std::set_union(all.begin(), all.end(), types.begin(), types.end(),
                       std::back_inserter(merged));
        all = std::move(merged);
      }
      return all;
    }
    case ComparisonExpr::Kind::kAnd:
      return AndTypes(node);
  }
  return {};
}

// STIX 2.1 §9.5: "All operands of AND in an Observation Expression MUST be satisfiable
// with the same object", so the operands' possible root types must intersect.
TypeSet SpecChecker::AndTypes(const ComparisonExpr& node) {
  TypeSet common;
  bool first = true;
  bool failed = false;
  for (const ComparisonExpr& operand : node.operands) {
    TypeSet types = Types(operand);
    if (types.empty()) failed = true;  // reported inside the operand
    if (failed) continue;
    if (first) {
      common = std::move(types);
      first = false;
      continue;
    }
    TypeSet shared;
    std::set_intersection(common.begin(), common.end(), types.begin(), types.end(),
                          std::back_inserter(shared));
    if (shared.empty()) {
      violations_.push_back(SyntaxError(
          text_, operand.offset,
          absl::StrCat("expected comparisons joined by AND to share one object type, found '",
                       common.front(), "' and '", types.front(),
                       "'; join different types with OR")));
      failed = true;
      continue;
    }
    common = std::move(shared);
  }
  return failed ? TypeSet{} : common;
}

}  // namespace

std::vector<absl::Status> SpecRuleViolations(const Pattern& pattern) {
  return SpecChecker(pattern).Run(pattern.root);
}

absl::Status CheckSpecRules(const Pattern& pattern) {
  std::vector<absl::Status> violations = SpecRuleViolations(pattern);
  return violations.empty() ? absl::OkStatus() : violations.front();
}

}  // namespace stixkit::stix::pattern
