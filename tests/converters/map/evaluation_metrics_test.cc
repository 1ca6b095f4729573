#include "converters/map/evaluation_metrics.h"

#include <catch2/catch.hpp>

namespace stixkit::convert {
namespace {

TEST_CASE("evaluation metrics: accuracy, macro-F1, top-3 and open-set precision", "[converters]") {
  const std::vector<HeldOutPrediction> p = {
      {"A", {"A", "B", "C"}, "A", 0.9f},
      {"A", {"B", "A", "C"}, "B", 0.6f},
      {"B", {"B", "C", "A"}, "Z", 0.2f},
      {"C", {"A", "B", "D"}, "C", 0.7f},
  };
  const std::vector<std::string> labels = {"A", "B", "C"};
  const EvaluationMetrics m = ComputeMetrics(p, labels, 0.5f);
  CHECK(m.sentences == 4);
  CHECK(m.micro_f1 == Approx(0.5));
  // F1: A 2*1/(2+2)=0.5, B 2*1/(2+1)=0.667, C 0.
  CHECK(m.macro_f1 == Approx((0.5 + 2.0 / 3) / 3));
  CHECK(m.top3_accuracy == Approx(0.75));
  CHECK(m.open_set_coverage == Approx(0.75));
  CHECK(m.open_set_precision == Approx(2.0 / 3));
}

TEST_CASE("evaluation metrics: no predictions give zeros", "[converters]") {
  const EvaluationMetrics m = ComputeMetrics({}, {}, 0.5f);
  CHECK(m.sentences == 0);
  CHECK(m.micro_f1 == 0);
}

}  // namespace
}  // namespace stixkit::convert
