// Short forms of report text for names and descriptions: the first sentence, cut at a
// word boundary with an ellipsis. Pure functions.
#ifndef STIXKIT_CONVERTERS_BUILD_EXCERPT_H_
#define STIXKIT_CONVERTERS_BUILD_EXCERPT_H_

#include <string>
#include <string_view>

namespace stixkit::convert {

// `text` if it fits in `limit` bytes, else its longest word-bounded prefix plus "…".
// Never splits a UTF-8 sequence.
std::string Excerpt(std::string_view text, size_t limit);

// The first sentence of `text` (up to ". ", "; " or the end), excerpted to `limit`.
std::string FirstSentence(std::string_view text, size_t limit);

}  // namespace stixkit::convert

#endif  // STIXKIT_CONVERTERS_BUILD_EXCERPT_H_
