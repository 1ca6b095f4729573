#include "converters/map/name_priors.h"

#include <algorithm>
#include <catch2/catch.hpp>

#include "converters/map/text_features.h"
#include "tests/converters/map/test_catalog.h"

namespace stixkit::convert {
namespace {

bool Contains(const std::vector<uint64_t>& words, std::string_view w) {
  return std::binary_search(words.begin(), words.end(), WordHash(w));
}

TEST_CASE("name priors: common words are those written in lowercase most of the time",
          "[converters]") {
  std::vector<LabelledSentence> s;
  for (int i = 0; i < 4; ++i) s.push_back({"ran it at night with Mimikatz", "T1", ""});
  s.push_back({"mimikatz again", "T1", ""});
  const std::vector<uint64_t> common = MeasureCommonWords(s);
  CHECK(Contains(common, "at"));
  CHECK(Contains(common, "night"));
  CHECK_FALSE(Contains(common, "mimikatz"));  // 1 of 5 sentences in lowercase
  CHECK(std::is_sorted(common.begin(), common.end()));
}

TEST_CASE("name priors: a technique name's share of sentences with its label", "[converters]") {
  const auto catalog = testing::TestCatalog();
  const NameIndex index(*catalog, [](std::string_view) { return false; });
  const std::vector<LabelledSentence> s = {
      {"ran PowerShell", "T1059.001", ""},
      {"PowerShell again", "T1059.001", ""},
      {"PowerShell, but labelled otherwise", "T1003.001", ""},
      {"a phishing email", "T1566.001", ""},  // a sub-technique of the named one counts
  };
  const std::vector<NamePrior> priors = MeasureNamePriors(index, s);
  REQUIRE(priors.size() == 3);
  CHECK(priors[0].technique == "T1059.001");
  CHECK(priors[0].name == "powershell");
  CHECK(priors[0].precision == Approx(3.0 / 5));  // (2 + 1) / (3 + 2)
  CHECK(priors[1].technique == "T1566");
  CHECK(priors[1].precision == Approx(2.0 / 3));
  CHECK(priors[2].technique == "T1660");
  CHECK(priors[2].precision == Approx(1.0 / 3));
}

}  // namespace
}  // namespace stixkit::convert
