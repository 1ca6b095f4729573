// The two word statistics the name layer takes from training text (name_index.h):
//  - common words: words written in lowercase in most of their occurrences, in at least
//    a few sentences ("at", "ping", "page"). A software name equal to one needs case or
//    context to count.
//  - name priors: for each technique name found in training sentences, the smoothed
//    share of those sentences labelled with that technique or one of its
//    sub-techniques. "PowerShell" is a strong hint of T1059.001; "Valid Accounts" much
//    less of T1078, because reports mention accounts in many contexts.
//
//   std::vector<uint64_t> common = MeasureCommonWords(sentences);
//   std::vector<NamePrior> priors = MeasureNamePriors(index, sentences);
//
// Pure functions; thread-safe.
#ifndef STIXKIT_CONVERTERS_MAP_NAME_PRIORS_H_
#define STIXKIT_CONVERTERS_MAP_NAME_PRIORS_H_

#include <cstdint>
#include <vector>

#include "absl/types/span.h"
#include "converters/map/name_index.h"
#include "converters/map/sentence_model.h"
#include "converters/map/training_data.h"

namespace stixkit::convert {

// WordHash values of the common words, sorted.
std::vector<uint64_t> MeasureCommonWords(absl::Span<const LabelledSentence> sentences);

// One prior per (technique, name) seen at least once, sorted by technique then name.
std::vector<NamePrior> MeasureNamePriors(const NameIndex& index,
                                         absl::Span<const LabelledSentence> sentences);

}  // namespace stixkit::convert

#endif  // STIXKIT_CONVERTERS_MAP_NAME_PRIORS_H_
