#include "converters/extract/internal/entity_text.h"

namespace stixkit::convert::internal::entity {

std::vector<Word> SplitWords(std::string_view text) {
  std::vector<Word> words;
  std::size_t i = 0;
  while (i < text.size()) {
    if (!IsWordByte(text[i])) {
      ++i;
      continue;
    }
    Word word{i, i};
    while (i < text.size()) {
      if (IsWordByte(text[i])) {
        ++i;
      } else if (text[i] == '\'' && i + 1 < text.size() && IsWordByte(text[i + 1])) {
        i += 2;
      } else {
        break;
      }
    }
    word.end = i;
    words.push_back(word);
  }
  return words;
}

std::string LowerAscii(std::string_view text) {
  std::string out(text);
  for (char& c : out) c = LowerChar(c);
  return out;
}

bool StartsWithNoCase(std::string_view text, std::string_view lower_prefix) {
  if (text.size() < lower_prefix.size()) return false;
  for (std::size_t i = 0; i < lower_prefix.size(); ++i) {
    if (LowerChar(text[i]) != lower_prefix[i]) return false;
  }
  return true;
}

bool EqualsNoCase(std::string_view text, std::string_view lower_word) {
  return text.size() == lower_word.size() && StartsWithNoCase(text, lower_word);
}

bool IsWordBoundedSpan(std::string_view text, std::size_t pos, std::size_t end) {
  return (pos == 0 || !IsWordByte(text[pos - 1])) && (end >= text.size() || !IsWordByte(text[end]));
}

std::string_view TrimSpace(std::string_view text) {
  while (!text.empty() && IsSpace(text.front())) text.remove_prefix(1);
  while (!text.empty() && IsSpace(text.back())) text.remove_suffix(1);
  return text;
}

}  // namespace stixkit::convert::internal::entity
