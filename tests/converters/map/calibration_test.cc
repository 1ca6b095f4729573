#include "converters/map/calibration.h"

#include <catch2/catch.hpp>
#include <cmath>

namespace stixkit::convert {
namespace {

TEST_CASE("calibration: the fitted temperature undoes overconfident logits", "[converters]") {
  // Logits of 10 for the top label when it is right 3 times in 4: the calibrated
  // probability p must satisfy p = 0.75, i.e. T = 10 / ln(3 * (n - 1)) for n labels.
  std::vector<HeldOutLogits> held;
  for (int i = 0; i < 400; ++i) {
    held.push_back({{10, 0, 0, 0}, i % 4 == 0 ? 1 : 0});
  }
  const float t = FitTemperature(held);
  CHECK(std::fabs(t - 10 / std::log(9.0)) < 0.01);
}

TEST_CASE("calibration: nothing to fit gives temperature 1", "[converters]") {
  CHECK(FitTemperature({}) == 1);
  CHECK(FitTemperature(std::vector<HeldOutLogits>{{{1, 2}, -1}}) == 1);
}

}  // namespace
}  // namespace stixkit::convert
