// Measuring the mapper the way issue 3 asks: k-fold cross-validation over the report
// sentences, split by document so that no report has sentences on both sides, with
// every sentence that has no document (the ATT&CK procedure examples) always in
// training. Predictions are restricted to the labels of the report sentences.
// It also fits the softmax temperature on the out-of-fold logits (calibration.h).
//
//   STIXKIT_ASSIGN_OR_RETURN(CrossValidationReport r,
//                            CrossValidate(data.sentences, TrainOptions{}, {}));
//   r.classifier.micro_f1;
//
// Trains `folds` models; thread-safe.
#ifndef STIXKIT_CONVERTERS_MAP_CROSS_VALIDATION_H_
#define STIXKIT_CONVERTERS_MAP_CROSS_VALIDATION_H_

#include <vector>

#include "absl/status/statusor.h"
#include "absl/types/span.h"
#include "attack-data/catalog.h"
#include "converters/map/evaluation_metrics.h"
#include "converters/map/map_options.h"
#include "converters/map/sentence_model.h"
#include "converters/map/trainer.h"

namespace stixkit::convert {

struct CrossValidationOptions {
  int folds = 5;
  float threshold = kDefaultThreshold;
  // With a catalog, each fold's model also gets name priors and is evaluated as the
  // whole mapper (ids, names and classifier); without, as the classifier alone.
  const attack::Catalog* catalog = nullptr;
};

struct CrossValidationReport {
  EvaluationMetrics classifier;  // the sentence classifier alone
  EvaluationMetrics mapper;      // all layers (only with a catalog)
  // The held-out predictions behind them, for figures at other thresholds.
  std::vector<HeldOutPrediction> classifier_predictions, mapper_predictions;
  std::vector<std::string> label_set;  // the report sentences' labels
  size_t documents = 0;
  size_t always_in_training = 0;  // sentences without a document
  float temperature = 1;          // fitted on the out-of-fold logits
};

// InvalidArgument when there are fewer documents than folds or folds < 2.
absl::StatusOr<CrossValidationReport> CrossValidate(absl::Span<const LabelledSentence> sentences,
                                                    const TrainOptions& train,
                                                    const CrossValidationOptions& options);

// The fold (0..folds-1) of each sentence; -1 for sentences without a document. Documents
// are dealt largest first to the fold with fewest sentences, ties by title.
std::vector<int> AssignFolds(absl::Span<const LabelledSentence> sentences, int folds);

}  // namespace stixkit::convert

#endif  // STIXKIT_CONVERTERS_MAP_CROSS_VALIDATION_H_
