// Building a complete mapping model from labelled sentences: the sentence classifier
// (trainer.h) plus the word statistics the name layer needs (name_priors.h). This is
// what `stixkit attack train` writes and what cross-validation evaluates.
//
//   STIXKIT_ASSIGN_OR_RETURN(SentenceModel m,
//                            BuildMappingModel(data.sentences, TrainOptions{}, &catalog));
//
// Deterministic; thread-safe.
#ifndef STIXKIT_CONVERTERS_MAP_MODEL_BUILDER_H_
#define STIXKIT_CONVERTERS_MAP_MODEL_BUILDER_H_

#include "absl/status/statusor.h"
#include "absl/types/span.h"
#include "attack-data/catalog.h"
#include "converters/map/sentence_model.h"
#include "converters/map/trainer.h"

namespace stixkit::convert {

// Without a catalog (nullptr) the model has no name priors. Fails as TrainSentenceModel.
absl::StatusOr<SentenceModel> BuildMappingModel(absl::Span<const LabelledSentence> sentences,
                                                const TrainOptions& options,
                                                const attack::Catalog* catalog);

// The predicate NameIndex wants, answering from a sorted list of WordHash values.
std::function<bool(std::string_view)> CommonWordPredicate(const SentenceModel& model);

}  // namespace stixkit::convert

#endif  // STIXKIT_CONVERTERS_MAP_MODEL_BUILDER_H_
