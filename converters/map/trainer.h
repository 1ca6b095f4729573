// Training the sentence classifier: multinomial logistic regression over hashed word and
// word-pair features, fitted with AdaGrad. To keep the model small and training cheap,
// weights exist only for (feature, technique) pairs that matter: pairs seen together in
// a training sentence, plus pairs where the model confused a sentence's feature with a
// wrong technique during a first pass (the "confusion pairs" that carry negative
// evidence). Tiny weights are pruned at the end.
//
//   STIXKIT_ASSIGN_OR_RETURN(SentenceModel model, TrainSentenceModel(data.sentences, {}));
//
// Deterministic: the same sentences in the same order and the same options give the
// same model, bit for bit, on the same build. Single-threaded; thread-safe.
#ifndef STIXKIT_CONVERTERS_MAP_TRAINER_H_
#define STIXKIT_CONVERTERS_MAP_TRAINER_H_

#include <cstdint>

#include "absl/status/statusor.h"
#include "absl/types/span.h"
#include "converters/map/sentence_model.h"
#include "converters/map/training_data.h"

namespace stixkit::convert {

// Chosen by 5-fold cross-validation on TRAM (docs/mapping-model.md records the runs).
struct TrainOptions {
  FeatureOptions features;
  int epochs = 12;
  float learning_rate = 0.5f;
  float l2 = 1e-5f;
  // Weight of a report sentence (one with a document) relative to a procedure example:
  // report prose is what the mapper sees at run time.
  float document_weight = 2.0f;
  // After this many epochs, confusion pairs are added (0: never).
  int confusion_epoch = 4;
  // A wrong technique with at least this probability on a training sentence gets pairs.
  float confusion_probability = 0.005f;
  // Step size of the per-technique biases relative to learning_rate. Biases learn how
  // common a technique is in the training data; a sentence the model does not
  // understand falls back on them, so large ones make ordinary text look like the most
  // common technique.
  float bias_rate = 0.0f;
  // Weights smaller than this in magnitude are dropped from the model.
  float prune_below = 0.01f;
  uint64_t seed = 20250101;
};

// Trains on `sentences` (labels already normalised). InvalidArgument when there are no
// sentences or more techniques than the model format holds (65,535).
absl::StatusOr<SentenceModel> TrainSentenceModel(absl::Span<const LabelledSentence> sentences,
                                                 const TrainOptions& options);

}  // namespace stixkit::convert

#endif  // STIXKIT_CONVERTERS_MAP_TRAINER_H_
