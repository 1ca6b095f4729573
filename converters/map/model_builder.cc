#include "converters/map/model_builder.h"

#include "converters/map/name_index.h"
#include "converters/map/name_priors.h"
#include "converters/map/text_features.h"

namespace stixkit::convert {

std::function<bool(std::string_view)> CommonWordPredicate(const SentenceModel& model) {
  return [&model](std::string_view word) { return model.IsCommonWord(WordHash(word)); };
}

absl::StatusOr<SentenceModel> BuildMappingModel(absl::Span<const LabelledSentence> sentences,
                                                const TrainOptions& options,
                                                const attack::Catalog* catalog) {
  absl::StatusOr<SentenceModel> classifier = TrainSentenceModel(sentences, options);
  if (!classifier.ok()) return classifier.status();
  SentenceModelData data = classifier->data();
  data.common_words = MeasureCommonWords(sentences);
  SentenceModel with_words(data);
  if (catalog != nullptr) {
    const NameIndex index(*catalog, CommonWordPredicate(with_words));
    data.name_priors = MeasureNamePriors(index, sentences);
  }
  return SentenceModel(std::move(data));
}

}  // namespace stixkit::convert
