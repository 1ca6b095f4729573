// Splitting text into words for the mapping layers. A word is a run of ASCII letters,
// digits and '_' or of non-ASCII bytes (so UTF-8 words stay whole); everything else
// separates words. Each token keeps its byte span in the input, so every match can point
// back at the user's text.
//
//   for (const Token& t : Tokenize("used Mimikatz.exe")) text.substr(t.begin, t.size());
//
// Pure functions; thread-safe. Tokens hold offsets, never pointers.
#ifndef STIXKIT_CONVERTERS_MAP_TOKENIZER_H_
#define STIXKIT_CONVERTERS_MAP_TOKENIZER_H_

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace stixkit::convert {

struct Token {
  size_t begin = 0;  // byte offset of the first byte
  size_t end = 0;    // one past the last byte
  size_t size() const { return end - begin; }
};

// True for bytes that belong to a word.
inline bool IsWordByte(unsigned char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_' ||
         c >= 0x80;
}

inline char AsciiLower(char c) { return (c >= 'A' && c <= 'Z') ? static_cast<char>(c + 32) : c; }

// The words of `text`, in order. Appends to *out (cleared first), so callers on a hot
// path can reuse one vector.
void Tokenize(std::string_view text, std::vector<Token>* out);
std::vector<Token> Tokenize(std::string_view text);

// The ASCII-lowercased text of a token.
std::string LowerToken(std::string_view text, const Token& token);

}  // namespace stixkit::convert

#endif  // STIXKIT_CONVERTERS_MAP_TOKENIZER_H_
