#include "converters/map/evaluation_metrics.h"

#include <algorithm>

#include "absl/container/flat_hash_map.h"

namespace stixkit::convert {

EvaluationMetrics ComputeMetrics(absl::Span<const HeldOutPrediction> predictions,
                                 absl::Span<const std::string> label_set, float threshold) {
  EvaluationMetrics m;
  m.sentences = predictions.size();
  m.labels = label_set.size();
  if (predictions.empty()) return m;
  struct Counts {
    size_t true_positive = 0, predicted = 0, gold = 0;
  };
  absl::flat_hash_map<std::string, Counts> counts;
  for (const std::string& label : label_set) counts[label];
  size_t top1 = 0, top3 = 0, open_predicted = 0, open_right = 0;
  for (const HeldOutPrediction& p : predictions) {
    const std::string first = p.closed_top3.empty() ? "" : p.closed_top3[0];
    ++counts[p.gold].gold;
    if (!first.empty()) ++counts[first].predicted;
    if (first == p.gold) ++top1, ++counts[p.gold].true_positive;
    if (std::find(p.closed_top3.begin(), p.closed_top3.end(), p.gold) != p.closed_top3.end()) {
      ++top3;
    }
    if (p.open_score >= threshold) {
      ++open_predicted;
      if (p.open_top == p.gold) ++open_right;
    }
  }
  double f1_sum = 0;
  for (const std::string& label : label_set) {
    const Counts& c = counts[label];
    const double denominator = c.predicted + c.gold;
    f1_sum += denominator == 0 ? 0 : 2.0 * c.true_positive / denominator;
  }
  const double n = predictions.size();
  m.micro_f1 = top1 / n;
  m.macro_f1 = label_set.empty() ? 0 : f1_sum / label_set.size();
  m.top3_accuracy = top3 / n;
  m.open_set_coverage = open_predicted / n;
  m.open_set_precision = open_predicted == 0 ? 0 : static_cast<double>(open_right) / open_predicted;
  return m;
}

}  // namespace stixkit::convert
