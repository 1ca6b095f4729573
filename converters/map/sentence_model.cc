#include "converters/map/sentence_model.h"

#include <algorithm>
#include <cmath>

namespace stixkit::convert {

SentenceModel::SentenceModel(SentenceModelData data) : data_(std::move(data)) {}

void SentenceModel::Logits(absl::Span<const uint32_t> features, std::vector<float>* logits) const {
  logits->assign(data_.bias.begin(), data_.bias.end());
  thread_local std::vector<std::pair<uint32_t, float>> known;  // row, idf
  known.clear();
  // Unknown features count in the norm: a sentence of mostly unknown words is mostly
  // unexplained, and its known words should not speak for all of it.
  float norm2 = data_.features.norm_padding * data_.unknown_idf * data_.unknown_idf;
  for (const uint32_t f : features) {
    const auto it = std::lower_bound(data_.keys.begin(), data_.keys.end(), f);
    if (it == data_.keys.end() || *it != f) {
      norm2 += data_.unknown_idf * data_.unknown_idf;
      continue;
    }
    const uint32_t row = static_cast<uint32_t>(it - data_.keys.begin());
    known.emplace_back(row, data_.idf[row]);
    norm2 += data_.idf[row] * data_.idf[row];
  }
  if (known.empty()) return;
  const float inverse_norm = 1.0f / std::sqrt(norm2);
  for (const auto& [row, idf] : known) {
    const float value = idf * inverse_norm;
    for (uint32_t k = data_.offsets[row]; k < data_.offsets[row + 1]; ++k) {
      (*logits)[data_.classes[k]] += value * data_.weights[k];
    }
  }
}

void SentenceModel::Softmax(std::vector<float>* logits) const {
  if (logits->empty()) return;
  const float inverse_t = 1.0f / data_.temperature;
  const float top = *std::max_element(logits->begin(), logits->end());
  // Labels more than 20 nats below the best contribute under 2e-9 each: they are set to
  // zero instead of paying for an exp, which was most of the classifier's time.
  constexpr float kNegligible = -20.0f;
  float sum = 0;
  for (float& x : *logits) {
    const float z = (x - top) * inverse_t;
    x = z < kNegligible ? 0.0f : std::exp(z);
    sum += x;
  }
  for (float& x : *logits) x /= sum;
}

void SentenceModel::Probabilities(std::string_view text, std::vector<float>* probabilities) const {
  thread_local std::vector<uint32_t> features;
  ExtractFeatures(text, data_.features, &features);
  Logits(features, probabilities);
  Softmax(probabilities);
}

int SentenceModel::LabelIndex(std::string_view technique) const {
  const auto it = std::lower_bound(data_.labels.begin(), data_.labels.end(), technique);
  if (it == data_.labels.end() || *it != technique) return -1;
  return static_cast<int>(it - data_.labels.begin());
}

bool SentenceModel::IsCommonWord(uint64_t word_hash) const {
  return std::binary_search(data_.common_words.begin(), data_.common_words.end(), word_hash);
}

}  // namespace stixkit::convert
