// The sentence classifier's view of a text: hashed word and word-pair features.
// Words are ASCII-lowercased, digit runs fold to one shape, and an optional light
// suffix stripping ("credentials" ~ "credential") helps the small training set
// generalise. Each feature is a 32-bit hash, so the model stores no vocabulary.
//
//   std::vector<uint32_t> f;
//   ExtractFeatures("used Mimikatz to dump credentials", FeatureOptions{}, &f);
//
// The options used at training time travel in the model file, so a model is always
// scored with the features it was trained on. Pure functions; thread-safe.
#ifndef STIXKIT_CONVERTERS_MAP_TEXT_FEATURES_H_
#define STIXKIT_CONVERTERS_MAP_TEXT_FEATURES_H_

#include <cstdint>
#include <string_view>
#include <vector>

namespace stixkit::convert {

struct FeatureOptions {
  bool bigrams = true;      // adjacent word pairs
  bool fold_digits = true;  // "2017" and "0144" become the same word
  bool stem = true;         // strip common English suffixes ("-s", "-ed", "-ing")
  // Weigh each feature by its inverse document frequency, so that words every sentence
  // has ("we", "was") carry little, and unknown words dilute the known ones.
  bool idf = true;
  // Every sentence's norm counts this many extra unseen features, so that one or two
  // known words ("## Commands") cannot carry a sentence to full confidence.
  uint8_t norm_padding = 3;
};

// The distinct features of `text`, sorted, in *out (cleared first).
void ExtractFeatures(std::string_view text, const FeatureOptions& options,
                     std::vector<uint32_t>* out);

// The hash of one lowercased word as ExtractFeatures computes it (before folding and
// stemming); used to key word lists stored in the model.
uint64_t WordHash(std::string_view lowercase_word);

}  // namespace stixkit::convert

#endif  // STIXKIT_CONVERTERS_MAP_TEXT_FEATURES_H_
