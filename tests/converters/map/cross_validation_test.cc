#include "converters/map/cross_validation.h"

#include <catch2/catch.hpp>

#include "tests/converters/map/test_catalog.h"

namespace stixkit::convert {
namespace {

TEST_CASE("cross-validation: a document's sentences share a fold; procedure examples have none",
          "[converters]") {
  const std::vector<LabelledSentence> s = {{"a", "T1", "doc1"}, {"b", "T1", "doc2"},
                                           {"c", "T2", "doc1"}, {"d", "T2", ""},
                                           {"e", "T1", "doc3"}, {"f", "T1", "doc3"}};
  const std::vector<int> folds = AssignFolds(s, 2);
  CHECK(folds[0] == folds[2]);
  CHECK(folds[4] == folds[5]);
  CHECK(folds[3] == -1);
  CHECK(folds[0] != folds[4]);  // doc1 and doc3 (2 sentences each) fill different folds
  CHECK(folds[1] == 0);         // then doc2 goes to the first of two equal folds
}

TEST_CASE("cross-validation: measures held-out documents and fits a temperature", "[converters]") {
  const auto catalog = testing::TestCatalog();
  CrossValidationOptions options;
  options.folds = 2;
  options.catalog = catalog.get();
  const auto report = CrossValidate(testing::TestSentences(), TrainOptions{}, options);
  REQUIRE(report.ok());
  CHECK(report->documents == 2);
  CHECK(report->always_in_training == 4);
  CHECK(report->classifier.sentences == 7);
  CHECK(report->mapper.sentences == 7);
  CHECK(report->temperature > 0);
}

TEST_CASE("cross-validation: fewer documents than folds is an error", "[converters]") {
  CrossValidationOptions options;
  options.folds = 5;
  const auto report = CrossValidate(testing::TestSentences(), TrainOptions{}, options);
  CHECK(report.status().message() ==
        "cross-validation needs at least 2 folds and a document per fold; got 5 folds and 2 "
        "documents");
}

}  // namespace
}  // namespace stixkit::convert
