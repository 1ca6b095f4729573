// The figures issue 3 asks for, computed from predictions on held-out sentences:
// top-1 accuracy (= micro-F1 when every sentence gets exactly one label), macro-F1 over
// the label set, top-3 accuracy, and open-set precision (of the sentences whose best
// technique over all of ATT&CK scores at or above the threshold, the share where it is
// right) with its coverage.
//
// Pure functions; thread-safe.
#ifndef STIXKIT_CONVERTERS_MAP_EVALUATION_METRICS_H_
#define STIXKIT_CONVERTERS_MAP_EVALUATION_METRICS_H_

#include <string>
#include <vector>

#include "absl/types/span.h"

namespace stixkit::convert {

struct HeldOutPrediction {
  std::string gold;
  std::vector<std::string> closed_top3;  // best three within the label set, best first
  std::string open_top;                  // best over every technique the model knows
  float open_score = 0;
};

struct EvaluationMetrics {
  size_t sentences = 0;
  size_t labels = 0;
  double micro_f1 = 0;  // top-1 accuracy
  double macro_f1 = 0;
  double top3_accuracy = 0;
  double open_set_precision = 0;
  double open_set_coverage = 0;  // share of sentences with a technique above threshold
};

EvaluationMetrics ComputeMetrics(absl::Span<const HeldOutPrediction> predictions,
                                 absl::Span<const std::string> label_set, float threshold);

}  // namespace stixkit::convert

#endif  // STIXKIT_CONVERTERS_MAP_EVALUATION_METRICS_H_
