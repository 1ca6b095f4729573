#include "converters/map/model_builder.h"

#include <catch2/catch.hpp>

#include "converters/map/model_file.h"
#include "converters/map/training_data.h"
#include "tests/converters/map/test_catalog.h"
#include "tests/support/paths.h"

namespace stixkit::convert {
namespace {

TEST_CASE("model builder: adds the name layer's word statistics to the classifier",
          "[converters]") {
  const auto catalog = testing::TestCatalog();
  const auto model = BuildMappingModel(testing::TestSentences(), TrainOptions{}, catalog.get());
  REQUIRE(model.ok());
  CHECK_FALSE(model->data().common_words.empty());
  bool powershell = false;
  for (const NamePrior& p : model->data().name_priors) {
    powershell |= p.technique == "T1059.001" && p.name == "powershell";
  }
  CHECK(powershell);
  const auto without = BuildMappingModel(testing::TestSentences(), TrainOptions{}, nullptr);
  CHECK(without->data().name_priors.empty());
}

TEST_CASE("model builder: training on real ATT&CK and TRAM data is deterministic", "[converters]") {
  const std::optional<std::string> shared = testing::SharedDir();
  if (!shared) {
    WARN("skipped: ../shared (ATT&CK bundles, TRAM sentences) is not present");
    return;
  }
  // A subset keeps the test fast: the ICS procedure examples and 600 TRAM sentences.
  TrainingData data;
  REQUIRE(AddAttackBundle(testing::ReadTestFile(*shared + "/attack-data/ics-attack.json"),
                          "ics-attack.json", &data)
              .ok());
  TrainingData tram;
  REQUIRE(AddTramSentences(testing::ReadTestFile(*shared + "/eval/tram2-single-label-dev.json"),
                           "tram2-single-label-dev.json", &tram)
              .ok());
  data.sentences.insert(data.sentences.end(), tram.sentences.begin(), tram.sentences.begin() + 600);
  NormalizeLabels(&data);
  TrainOptions options;
  options.epochs = 4;
  options.confusion_epoch = 2;
  const auto a = BuildMappingModel(data.sentences, options, nullptr);
  const auto b = BuildMappingModel(data.sentences, options, nullptr);
  REQUIRE(a.ok());
  REQUIRE(b.ok());
  CHECK(a->labels().size() > 50);
  CHECK(SerializeSentenceModel(*a) == SerializeSentenceModel(*b));
}

}  // namespace
}  // namespace stixkit::convert
