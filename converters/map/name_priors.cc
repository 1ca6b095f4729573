#include "converters/map/name_priors.h"

#include <algorithm>
#include <map>
#include <set>

#include "absl/container/flat_hash_map.h"
#include "converters/map/text_features.h"
#include "converters/map/tokenizer.h"

namespace stixkit::convert {
namespace {

// A word is common when it is written in lowercase in at least this many sentences...
constexpr int kMinLowercaseSentences = 3;
// ...and in at least this share of the sentences that contain it at all.
constexpr double kMinLowercaseShare = 0.5;

// Beta(1, 1) smoothing: a name seen once in a right sentence gets 2/3, not 1.
constexpr float kPriorHits = 1;
constexpr float kPriorMisses = 1;

bool Alphabetic(std::string_view w) {
  return std::all_of(w.begin(), w.end(),
                     [](char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); });
}

}  // namespace

std::vector<uint64_t> MeasureCommonWords(absl::Span<const LabelledSentence> sentences) {
  struct Count {
    int lowercase = 0, any = 0;
  };
  absl::flat_hash_map<uint64_t, Count> counts;
  std::vector<Token> tokens;
  for (const LabelledSentence& s : sentences) {
    absl::flat_hash_map<uint64_t, bool> in_sentence;  // hash -> seen in lowercase
    Tokenize(s.text, &tokens);
    for (const Token& t : tokens) {
      const std::string_view word = std::string_view(s.text).substr(t.begin, t.size());
      if (word.size() < 2 || !Alphabetic(word)) continue;
      const bool lower = LowerToken(s.text, t) == word;
      in_sentence[WordHash(LowerToken(s.text, t))] |= lower;
    }
    for (const auto& [hash, lower] : in_sentence) {
      Count& c = counts[hash];
      ++c.any;
      c.lowercase += lower;
    }
  }
  std::vector<uint64_t> common;
  for (const auto& [hash, c] : counts) {
    if (c.lowercase >= kMinLowercaseSentences && c.lowercase >= kMinLowercaseShare * c.any) {
      common.push_back(hash);
    }
  }
  std::sort(common.begin(), common.end());
  return common;
}

std::vector<NamePrior> MeasureNamePriors(const NameIndex& index,
                                         absl::Span<const LabelledSentence> sentences) {
  // std::map keeps the output ordered without a separate sort.
  std::map<std::pair<std::string, std::string>, std::pair<int, int>> counts;  // hits, seen
  std::vector<NameMatch> matches;
  for (const LabelledSentence& s : sentences) {
    matches.clear();
    index.Find(s.text, &matches);
    std::set<std::pair<std::string, std::string>> in_sentence;
    for (const NameMatch& m : matches) {
      if (m.kind == NameKind::kTechnique) in_sentence.emplace(m.technique->id, m.name);
    }
    for (const auto& key : in_sentence) {
      auto& [hits, seen] = counts[key];
      ++seen;
      const std::string& id = key.first;
      hits += s.label == id || (s.label.size() > id.size() && s.label.starts_with(id + "."));
    }
  }
  std::vector<NamePrior> priors;
  for (const auto& [key, c] : counts) {
    priors.push_back(NamePrior{key.first, key.second,
                               (c.first + kPriorHits) / (c.second + kPriorHits + kPriorMisses)});
  }
  return priors;
}

}  // namespace stixkit::convert
