#include "converters/map/trainer.h"

#include <algorithm>
#include <catch2/catch.hpp>

#include "converters/map/model_file.h"
#include "tests/converters/map/test_catalog.h"

namespace stixkit::convert {
namespace {

std::string Best(const SentenceModel& model, std::string_view text) {
  std::vector<float> p;
  model.Probabilities(text, &p);
  return model.labels()[std::max_element(p.begin(), p.end()) - p.begin()];
}

TEST_CASE("trainer: learns the techniques of a few sentences", "[converters]") {
  const auto model = TrainSentenceModel(testing::TestSentences(), TrainOptions{});
  REQUIRE(model.ok());
  CHECK(model->labels().size() == 5);
  CHECK(Best(*model, "they dumped lsass memory") == "T1003.001");
  CHECK(Best(*model, "a phishing email with an attachment") == "T1566.001");
  CHECK(Best(*model, "encoded powershell") == "T1059.001");
}

TEST_CASE("trainer: the same input gives the same model, byte for byte", "[converters]") {
  const auto a = TrainSentenceModel(testing::TestSentences(), TrainOptions{});
  const auto b = TrainSentenceModel(testing::TestSentences(), TrainOptions{});
  REQUIRE(a.ok());
  REQUIRE(b.ok());
  CHECK(SerializeSentenceModel(*a) == SerializeSentenceModel(*b));
  TrainOptions other;
  other.seed = 7;
  CHECK(SerializeSentenceModel(*TrainSentenceModel(testing::TestSentences(), other)) !=
        SerializeSentenceModel(*a));
}

TEST_CASE("trainer: no sentences is an error", "[converters]") {
  const auto model = TrainSentenceModel({}, TrainOptions{});
  CHECK(model.status().code() == absl::StatusCode::kInvalidArgument);
  CHECK(model.status().message() == "no training sentences");
}

}  // namespace
}  // namespace stixkit::convert
