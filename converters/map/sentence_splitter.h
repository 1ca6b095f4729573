// Cutting a passage into sentences for the classifier, which was trained on single
// sentences: a sentence ends at '.', '!' or '?' followed by white space, at the end of a
// heading line ("# ..."), and at a line break before a blank line or a list item, table
// row or quote; other line breaks only wrap a paragraph. Abbreviations like "e.g. " split
// a sentence in two; for classification that costs little.
//
//   for (const TextSpan& s : SplitSentences(text)) Classify(text.substr(s.begin, s.size()));
//
// Pure function; thread-safe.
#ifndef STIXKIT_CONVERTERS_MAP_SENTENCE_SPLITTER_H_
#define STIXKIT_CONVERTERS_MAP_SENTENCE_SPLITTER_H_

#include <cstddef>
#include <string_view>
#include <vector>

namespace stixkit::convert {

struct TextSpan {
  size_t begin = 0;
  size_t end = 0;  // one past the last byte
  size_t size() const { return end - begin; }
};

// The sentences of `text` with surrounding white space trimmed; empty ones are skipped.
std::vector<TextSpan> SplitSentences(std::string_view text);

}  // namespace stixkit::convert

#endif  // STIXKIT_CONVERTERS_MAP_SENTENCE_SPLITTER_H_
