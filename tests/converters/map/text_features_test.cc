#include "converters/map/text_features.h"

#include <algorithm>
#include <catch2/catch.hpp>

namespace stixkit::convert {
namespace {

std::vector<uint32_t> Features(std::string_view text, FeatureOptions o = {}) {
  std::vector<uint32_t> f;
  ExtractFeatures(text, o, &f);
  return f;
}

TEST_CASE("text features: words and word pairs, sorted and distinct", "[converters]") {
  const std::vector<uint32_t> f = Features("dump dump credentials");
  CHECK(std::is_sorted(f.begin(), f.end()));
  CHECK(std::adjacent_find(f.begin(), f.end()) == f.end());
  CHECK(f.size() == 4);  // dump, credential, "dump dump", "dump credential"
  CHECK(Features("dump dump credentials", FeatureOptions{.bigrams = false}).size() == 2);
}

TEST_CASE("text features: case, inflection and digits do not change the features", "[converters]") {
  CHECK(Features("Dumped Credentials") == Features("dump credential"));
  CHECK(Features("CVE-2017-0144") == Features("cve-2021-44228"));
  CHECK(Features("dumped", FeatureOptions{.stem = false}) != Features("dump"));
}

TEST_CASE("text features: empty text has none", "[converters]") {
  CHECK(Features("").empty());
  CHECK(Features("(!)").empty());
}

}  // namespace
}  // namespace stixkit::convert
