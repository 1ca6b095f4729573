#include "stix/pattern/comparisons.h"

namespace stixkit::stix::pattern {
namespace {

// Recursion depth is bounded by the parser's nesting limit (parser.h): chains of one
// operator are flat vectors, so only parentheses add depth.
void Collect(const ComparisonExpr& node, std::vector<const Comparison*>* out) {
  if (node.kind == ComparisonExpr::Kind::kComparison) {
    out->push_back(&node.comparison);
    return;
  }
  for (const ComparisonExpr& operand : node.operands) Collect(operand, out);
}

void Collect(const ObservationExpr& node, std::vector<const Comparison*>* out) {
  if (node.kind == ObservationExpr::Kind::kObservation) {
    Collect(node.comparison, out);
    return;
  }
  for (const ObservationExpr& operand : node.operands) Collect(operand, out);
}

}  // namespace

std::vector<const Comparison*> ListComparisons(const Pattern& pattern) {
  std::vector<const Comparison*> comparisons;
  Collect(pattern.root, &comparisons);
  return comparisons;
}

std::vector<const ObjectPath*> ListObjectPaths(const Pattern& pattern) {
  std::vector<const ObjectPath*> paths;
  for (const Comparison* comparison : ListComparisons(pattern)) {
    paths.push_back(&comparison->path);
  }
  return paths;
}

}  // namespace stixkit::stix::pattern
