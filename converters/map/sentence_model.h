// The learned layer of the mapper: a sparse linear classifier over hashed word and
// word-pair features (text_features.h), one class per ATT&CK technique, with a softmax
// whose temperature was fitted on held-out sentences so that scores read as
// probabilities. `stixkit attack train` builds it (trainer.h); model_file.h reads and
// writes it.
//
//   std::vector<float> p;
//   model.Probabilities("used Mimikatz to dump credentials", &p);
//   model.labels()[argmax(p)];  // "T1003.001"
//
// Immutable after construction; Probabilities is const and thread-safe.
#ifndef STIXKIT_CONVERTERS_MAP_SENTENCE_MODEL_H_
#define STIXKIT_CONVERTERS_MAP_SENTENCE_MODEL_H_

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "absl/types/span.h"
#include "converters/map/text_features.h"

namespace stixkit::convert {

// How far a technique's name can be trusted when it appears in a sentence, measured on
// the training sentences (name_priors.h).
struct NamePrior {
  std::string technique;  // "T1059.001"
  std::string name;       // lowercased name or alias as matched: "powershell"
  float precision = 0;    // smoothed share of sentences naming it that carry its label
};

// Everything a model file holds. Weights are stored per feature (compressed sparse
// rows): the entries of keys[i] are [offsets[i], offsets[i+1]) in classes/weights.
// A sentence's feature values are idf / (L2 norm of the idf of all its features).
struct SentenceModelData {
  FeatureOptions features;
  std::vector<std::string> labels;  // technique ids, sorted
  std::vector<float> bias;          // one per label
  std::vector<uint32_t> keys;       // feature hashes, sorted, distinct
  std::vector<uint32_t> offsets;    // keys.size() + 1
  std::vector<uint16_t> classes;    // label index of each entry
  std::vector<float> weights;       // weight of each entry
  // Inverse document frequency of each feature (features.idf), and of a feature the
  // model has never seen; all 1 without idf.
  std::vector<float> idf;  // one per key
  float unknown_idf = 1;
  float temperature = 1;  // logits are divided by this before the softmax
  // Words seen in lowercase running text often enough to be ordinary English
  // ("at", "page", "net"): a software or group name equal to one needs case or context.
  std::vector<uint64_t> common_words;  // WordHash values, sorted
  std::vector<NamePrior> name_priors;
  std::string provenance;  // how it was trained: sources, sizes, options
};

class SentenceModel {
 public:
  SentenceModel() = default;
  explicit SentenceModel(SentenceModelData data);

  const SentenceModelData& data() const { return data_; }
  const std::vector<std::string>& labels() const { return data_.labels; }
  bool empty() const { return data_.labels.empty(); }

  // Raw scores, one per label, for already-extracted features.
  void Logits(absl::Span<const uint32_t> features, std::vector<float>* logits) const;
  // Calibrated probabilities (softmax of logits / temperature), one per label.
  void Probabilities(std::string_view text, std::vector<float>* probabilities) const;
  // Softmax of logits / temperature, in place.
  void Softmax(std::vector<float>* logits) const;

  // The label index of a technique id, or -1.
  int LabelIndex(std::string_view technique) const;
  bool IsCommonWord(uint64_t word_hash) const;

  // For calibration after training; not thread-safe with concurrent readers.
  void set_temperature(float t) { data_.temperature = t; }

 private:
  SentenceModelData data_;
};

}  // namespace stixkit::convert

#endif  // STIXKIT_CONVERTERS_MAP_SENTENCE_MODEL_H_
