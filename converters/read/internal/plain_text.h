// Line-level scanning shared by the three readers: splitting lines, folding white space,
// recognising list markers, `Key: value` lines and bare (possibly defanged) URLs. Internal to
// converters/read/.
//
//   for (std::string_view line : SplitLines(text)) {
//     if (auto field = SplitKeyValue(line)) Add(field->key, field->value);
//   }
//
// Pure functions; thread-safe. Returned views point into the argument.
#ifndef STIXKIT_CONVERTERS_READ_INTERNAL_PLAIN_TEXT_H_
#define STIXKIT_CONVERTERS_READ_INTERNAL_PLAIN_TEXT_H_

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "converters/read/document.h"

namespace stixkit::convert::read_internal {

// The lines of `text` without their '\n'; line i is 1-based line i + 1. A final '\n' does not start
// an empty line.
std::vector<std::string_view> SplitLines(std::string_view text);

inline bool IsSpace(char c) {
  return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v';
}

bool IsBlank(std::string_view line);
std::string_view Trim(std::string_view s);

// Runs of white space (ASCII, and U+00A0 which HTML's &nbsp; becomes) folded to one space; leading
// and trailing white space removed.
std::string FoldWhitespace(std::string_view s);

// The indentation of `line` in columns (a tab advances to the next multiple of 4) and the byte
// where the content starts.
struct Indent {
  int columns = 0;
  size_t content = 0;
};
Indent MeasureIndent(std::string_view line);

// The length of a list marker and the space after it at the start of `content` ("- ", "* ", "+ ",
// "12. ", "3) "), or 0. With `plain_text`, also "•", "◦", "▪", "‣" bullets and single-letter "a) "
// / "(a) " markers. A marker may also end the line.
size_t ListMarkerLength(std::string_view content, bool plain_text);

// "Key: value" with a short key: 1 to 5 words, starting with an ASCII capital letter, no markup
// characters, a colon followed by white space, and a non-empty value.
struct KeyValue {
  std::string_view key;
  std::string_view value;
};
std::optional<KeyValue> SplitKeyValue(std::string_view line);

// The number of space-separated words in `s`.
int CountWords(std::string_view s);

// Every word starts with a capital letter or digit, except short joining words ("of", "and", "the",
// ...) after the first: "Indicators of Compromise".
// Non-ASCII initials count as capitals.
bool IsTitleCase(std::string_view s);

// At least two ASCII capitals and no ASCII lower-case letter: "EXECUTIVE SUMMARY".
bool IsAllCaps(std::string_view s);

// The length of a bare URL starting at `pos` ("https://x", "hxxps[:]//x[.]com", ...), or 0. `pos`
// must start a word. Trailing punctuation and unbalanced closing brackets are left out, so "(see
// hxxp://a[.]b)." yields "hxxp://a[.]b".
size_t MatchBareUrl(std::string_view text, size_t pos);

// Appends a Link{url, url, line} for every bare URL in `text`.
void AppendBareUrls(std::string_view text, int line, std::vector<Link>* links);

}  // namespace stixkit::convert::read_internal

#endif  // STIXKIT_CONVERTERS_READ_INTERNAL_PLAIN_TEXT_H_
