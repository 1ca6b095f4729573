// Temperature scaling (Guo et al., 2017): one scalar T that divides the classifier's
// logits before the softmax, fitted on held-out sentences to minimise their log loss.
// It makes a score of 0.7 mean "right about 70% of the time" without changing which
// technique ranks first, which is what lets one default threshold serve every caller.
//
//   float t = FitTemperature(held_out);  // out-of-fold logits from cross-validation
//
// Pure function; thread-safe.
#ifndef STIXKIT_CONVERTERS_MAP_CALIBRATION_H_
#define STIXKIT_CONVERTERS_MAP_CALIBRATION_H_

#include <vector>

#include "absl/types/span.h"

namespace stixkit::convert {

struct HeldOutLogits {
  std::vector<float> logits;  // one per model label
  int gold = -1;              // index of the right label; -1 if the model lacks it
};

// The temperature in [0.05, 20] with the least mean log loss over `held_out` (sentences
// with gold == -1 are ignored). Returns 1 when there is nothing to fit.
float FitTemperature(absl::Span<const HeldOutLogits> held_out);

}  // namespace stixkit::convert

#endif  // STIXKIT_CONVERTERS_MAP_CALIBRATION_H_
