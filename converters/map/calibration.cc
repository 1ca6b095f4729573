#include "converters/map/calibration.h"

#include <algorithm>
#include <cmath>

namespace stixkit::convert {
namespace {

double MeanLogLoss(absl::Span<const HeldOutLogits> held_out, double t) {
  double loss = 0;
  size_t n = 0;
  for (const HeldOutLogits& h : held_out) {
    if (h.gold < 0) continue;
    const float top = *std::max_element(h.logits.begin(), h.logits.end());
    double sum = 0;
    for (float x : h.logits) sum += std::exp((x - top) / t);
    loss += std::log(sum) - (h.logits[h.gold] - top) / t;
    ++n;
  }
  return n == 0 ? 0 : loss / n;
}

}  // namespace

float FitTemperature(absl::Span<const HeldOutLogits> held_out) {
  // The loss is unimodal in log T, so a golden-section search over log T converges
  // without derivatives.
  double lo = std::log(0.05), hi = std::log(20.0);
  const double ratio = (std::sqrt(5.0) - 1) / 2;
  double a = hi - ratio * (hi - lo), b = lo + ratio * (hi - lo);
  double fa = MeanLogLoss(held_out, std::exp(a)), fb = MeanLogLoss(held_out, std::exp(b));
  if (fa == 0 && fb == 0) return 1;
  for (int i = 0; i < 60; ++i) {
    if (fa < fb) {
      hi = b, b = a, fb = fa;
      a = hi - ratio * (hi - lo);
      fa = MeanLogLoss(held_out, std::exp(a));
    } else {
      lo = a, a = b, fa = fb;
      b = lo + ratio * (hi - lo);
      fb = MeanLogLoss(held_out, std::exp(b));
    }
  }
  return static_cast<float>(std::exp((lo + hi) / 2));
}

}  // namespace stixkit::convert
