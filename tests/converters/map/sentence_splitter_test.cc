#include "converters/map/sentence_splitter.h"

#include <catch2/catch.hpp>

namespace stixkit::convert {
namespace {

std::vector<std::string> Sentences(const std::string& text) {
  std::vector<std::string> out;
  for (const TextSpan& s : SplitSentences(text)) out.push_back(text.substr(s.begin, s.size()));
  return out;
}

TEST_CASE("sentence splitter: stops and line breaks end sentences, spaces are trimmed",
          "[converters]") {
  CHECK(Sentences("  They used lsass.exe. Then they left!\n- item one\n\nWhy? ") ==
        std::vector<std::string>{"They used lsass.exe.", "Then they left!", "- item one", "Why?"});
}

TEST_CASE("sentence splitter: wrapped lines join; headings and list items stand alone",
          "[converters]") {
  CHECK(Sentences("# Summary\nThe actor used\na wrapped line\n1. first\n2) second\n| a | b |") ==
        std::vector<std::string>{"# Summary", "The actor used\na wrapped line", "1. first",
                                 "2) second", "| a | b |"});
}

TEST_CASE("sentence splitter: empty text has no sentences", "[converters]") {
  CHECK(Sentences("").empty());
  CHECK(Sentences(" \n\n ").empty());
}

}  // namespace
}  // namespace stixkit::convert
