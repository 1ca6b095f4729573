#include "converters/map/sentence_splitter.h"

namespace stixkit::convert {
namespace {

bool Space(char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == '\f'; }

void AddTrimmed(std::string_view text, size_t begin, size_t end, std::vector<TextSpan>* out) {
  while (begin < end && Space(text[begin])) ++begin;
  while (end > begin && Space(text[end - 1])) --end;
  if (end > begin) out->push_back(TextSpan{begin, end});
}

// A line break at `at` ends the sentence begun at `start` when it ends a heading, or
// comes before a blank line or a list item, table row or quote. Other line breaks are
// the wrapping of a paragraph, and the sentence goes on.
bool LineEndsSentence(std::string_view text, size_t start, size_t at) {
  size_t first = start;
  while (first < at && Space(text[first])) ++first;
  if (first < at && text[first] == '#') return true;
  size_t next = at + 1;
  while (next < text.size() && (text[next] == ' ' || text[next] == '\t' || text[next] == '\r')) {
    ++next;
  }
  if (next >= text.size()) return true;
  const char c = text[next];
  if (c == '\n' || c == '-' || c == '*' || c == '+' || c == '#' || c == '|' || c == '>')
    return true;
  return c >= '0' && c <= '9' && next + 1 < text.size() &&
         (text[next + 1] == '.' || text[next + 1] == ')');
}

// True when the text from `start` to the '.' at `at` is only a number: "1. first" is a
// list item, not a sentence "1." followed by another.
bool ListNumber(std::string_view text, size_t start, size_t at) {
  while (start < at && Space(text[start])) ++start;
  if (start == at) return false;
  for (size_t i = start; i < at; ++i) {
    if (text[i] < '0' || text[i] > '9') return false;
  }
  return true;
}

}  // namespace

std::vector<TextSpan> SplitSentences(std::string_view text) {
  std::vector<TextSpan> out;
  size_t start = 0;
  for (size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    const bool stop =
        (c == '.' || c == '!' || c == '?') && i + 1 < text.size() && Space(text[i + 1]);
    if (stop && !ListNumber(text, start, i)) {
      AddTrimmed(text, start, i + 1, &out);
      start = i + 1;
    } else if (c == '\n' && LineEndsSentence(text, start, i)) {
      AddTrimmed(text, start, i, &out);
      start = i + 1;
    }
  }
  AddTrimmed(text, start, text.size(), &out);
  return out;
}

}  // namespace stixkit::convert
