#include "converters/map/model_file.h"

#include <catch2/catch.hpp>

#include "converters/map/trainer.h"
#include "tests/converters/map/test_catalog.h"

namespace stixkit::convert {
namespace {

SentenceModel SmallModel() {
  SentenceModelData d = TrainSentenceModel(testing::TestSentences(), TrainOptions{})->data();
  d.temperature = 0.8f;
  d.common_words = {1, 5, 9};
  d.name_priors = {{"T1059.001", "powershell", 0.75f}};
  d.provenance = "test";
  return SentenceModel(std::move(d));
}

TEST_CASE("model file: a model survives writing and reading", "[converters]") {
  const SentenceModel model = SmallModel();
  const std::string bytes = SerializeSentenceModel(model);
  const auto parsed = ParseSentenceModel(bytes, "m.bin");
  REQUIRE(parsed.ok());
  CHECK(parsed->labels() == model.labels());
  CHECK(parsed->data().temperature == 0.8f);
  CHECK(parsed->data().provenance == "test");
  CHECK(parsed->IsCommonWord(5));
  REQUIRE(parsed->data().name_priors.size() == 1);
  CHECK(parsed->data().name_priors[0].precision == 0.75f);
  std::vector<float> a, b;
  model.Probabilities("dumped lsass memory", &a);
  parsed->Probabilities("dumped lsass memory", &b);
  for (size_t i = 0; i < a.size(); ++i) CHECK(a[i] == Approx(b[i]).margin(1e-4));
  CHECK(SerializeSentenceModel(*parsed) == bytes);
}

TEST_CASE("model file: damaged files are refused with the reason", "[converters]") {
  const std::string bytes = SerializeSentenceModel(SmallModel());
  CHECK(ParseSentenceModel("{\"type\": \"bundle\"}", "m.bin").status().message() ==
        "m.bin: not a stixkit mapping model (bad magic)");
  const auto truncated = ParseSentenceModel(bytes.substr(0, bytes.size() / 2), "m.bin");
  CHECK(truncated.status().code() == absl::StatusCode::kDataLoss);
  CHECK(truncated.status().message() ==
        "m.bin: mapping model checksum mismatch: the file is corrupt or truncated");
  std::string flipped = bytes;
  flipped[bytes.size() / 2] ^= 0x40;
  CHECK(ParseSentenceModel(flipped, "m.bin").status().message() ==
        "m.bin: mapping model checksum mismatch: the file is corrupt or truncated");
  CHECK(ParseSentenceModel("STXKMAP1", "m.bin").status().message() ==
        "m.bin: truncated mapping model");
}

}  // namespace
}  // namespace stixkit::convert
