#include "converters/map/tokenizer.h"

#include <catch2/catch.hpp>

namespace stixkit::convert {
namespace {

TEST_CASE("tokenizer: words keep their byte spans and punctuation separates them", "[converters]") {
  const std::string text = "used Mimikatz.exe, then T1003.001";
  const std::vector<Token> tokens = Tokenize(text);
  REQUIRE(tokens.size() == 6);
  CHECK(text.substr(tokens[1].begin, tokens[1].size()) == "Mimikatz");
  CHECK(text.substr(tokens[2].begin, tokens[2].size()) == "exe");
  CHECK(LowerToken(text, tokens[1]) == "mimikatz");
  CHECK(text.substr(tokens[5].begin, tokens[5].size()) == "001");
}

TEST_CASE("tokenizer: UTF-8 letters stay inside words", "[converters]") {
  const std::string text = "l'attaquant a utilisé Mimikatz";
  const std::vector<Token> tokens = Tokenize(text);
  REQUIRE(tokens.size() == 5);
  CHECK(text.substr(tokens[3].begin, tokens[3].size()) == "utilisé");
}

TEST_CASE("tokenizer: empty and punctuation-only text have no words", "[converters]") {
  CHECK(Tokenize("").empty());
  CHECK(Tokenize(" ... (!) ").empty());
}

}  // namespace
}  // namespace stixkit::convert
