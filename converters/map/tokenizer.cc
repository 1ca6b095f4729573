#include "converters/map/tokenizer.h"

namespace stixkit::convert {

void Tokenize(std::string_view text, std::vector<Token>* out) {
  out->clear();
  size_t i = 0;
  while (i < text.size()) {
    if (!IsWordByte(static_cast<unsigned char>(text[i]))) {
      ++i;
      continue;
    }
    const size_t begin = i;
    while (i < text.size() && IsWordByte(static_cast<unsigned char>(text[i]))) ++i;
    out->push_back(Token{begin, i});
  }
}

std::vector<Token> Tokenize(std::string_view text) {
  std::vector<Token> tokens;
  Tokenize(text, &tokens);
  return tokens;
}

std::string LowerToken(std::string_view text, const Token& token) {
  std::string out(text.substr(token.begin, token.size()));
  for (char& c : out) c = AsciiLower(c);
  return out;
}

}  // namespace stixkit::convert
