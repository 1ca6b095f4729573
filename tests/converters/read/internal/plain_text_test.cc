#include "converters/read/internal/plain_text.h"

#include <catch2/catch.hpp>
#include <string>

namespace stixkit::convert::read_internal {
namespace {

std::string Url(std::string_view text, size_t pos = 0) {
  return std::string(text.substr(pos, MatchBareUrl(text, pos)));
}

TEST_CASE("plain text: bare URLs, defanged or not, end before closing punctuation",
          "[converters][read]") {
  CHECK(Url("https://example.com/a?b=1.") == "https://example.com/a?b=1");
  CHECK(Url("hXXps[:]//www[.]sec[.]gov/x[.]htm).") == "hXXps[:]//www[.]sec[.]gov/x[.]htm");
  CHECK(Url("hxxp[://]evil[.]com/path") == "hxxp[://]evil[.]com/path");
  CHECK(Url("http://en.wikipedia.org/wiki/Foo_(bar), x") ==
        "http://en.wikipedia.org/wiki/Foo_(bar)");
  CHECK(Url("fxp://files.example/drop") == "fxp://files.example/drop");
  CHECK(Url("http://") == "");
  CHECK(Url("httpx://a") == "");
  CHECK(Url("mailto:a@b") == "");
}

TEST_CASE("plain text: AppendBareUrls finds each URL at a word start", "[converters][read]") {
  std::vector<Link> links;
  AppendBareUrls("see (hxxp://a[.]b) and xhttp://no and https://c.d/e", 7, &links);
  REQUIRE(links.size() == 2);
  CHECK(links[0].url == "hxxp://a[.]b");
  CHECK(links[0].text == "hxxp://a[.]b");
  CHECK(links[0].line == 7);
  CHECK(links[1].url == "https://c.d/e");
}

TEST_CASE("plain text: Key: value needs a short capitalised key and a value",
          "[converters][read]") {
  const auto kv = SplitKeyValue("Affected Organization: CareCloud (Nasdaq: CCLD)");
  REQUIRE(kv.has_value());
  CHECK(kv->key == "Affected Organization");
  CHECK(kv->value == "CareCloud (Nasdaq: CCLD)");
  CHECK_FALSE(SplitKeyValue("lowercase: no").has_value());
  CHECK_FALSE(SplitKeyValue("One Two Three Four Five Six: too many words").has_value());
  CHECK_FALSE(SplitKeyValue("TLP:AMBER").has_value());
  CHECK_FALSE(SplitKeyValue("Empty:").has_value());
  CHECK_FALSE(SplitKeyValue("https://example.com").has_value());
  CHECK_FALSE(SplitKeyValue("**Bold:** no").has_value());
}

TEST_CASE("plain text: list markers, with plain-text bullets only when asked",
          "[converters][read]") {
  CHECK(ListMarkerLength("- item", false) == 2);
  CHECK(ListMarkerLength("12. item", false) == 4);
  CHECK(ListMarkerLength("3) item", false) == 3);
  CHECK(ListMarkerLength("-", false) == 1);
  CHECK(ListMarkerLength("-5 degrees", false) == 0);
  CHECK(ListMarkerLength("**bold**", false) == 0);
  CHECK(ListMarkerLength("\u2022 item", false) == 0);
  CHECK(ListMarkerLength("\u2022 item", true) == 4);
  CHECK(ListMarkerLength("a) item", true) == 3);
  CHECK(ListMarkerLength("(b) item", true) == 4);
  CHECK(ListMarkerLength("e.g. this", true) == 0);
}

TEST_CASE("plain text: white space folds, non-breaking spaces included", "[converters][read]") {
  CHECK(FoldWhitespace("  a \t\n b\xC2\xA0\xC2\xA0"
                       "c  ") == "a b c");
  CHECK(FoldWhitespace(" \n ").empty());
}

TEST_CASE("plain text: title case and all caps", "[converters][read]") {
  CHECK(IsTitleCase("Indicators of Compromise"));
  CHECK(IsTitleCase("Detection & Response"));
  CHECK_FALSE(IsTitleCase("of Compromise"));
  CHECK_FALSE(IsTitleCase("The breach affected"));
  CHECK(IsAllCaps("EXECUTIVE SUMMARY"));
  CHECK_FALSE(IsAllCaps("A"));
  CHECK_FALSE(IsAllCaps("Mixed CASE"));
}

TEST_CASE("plain text: lines split on newlines without a trailing empty line",
          "[converters][read]") {
  CHECK(SplitLines("a\n\nb\n") == std::vector<std::string_view>{"a", "", "b"});
  CHECK(SplitLines("a").size() == 1);
  CHECK(SplitLines("").empty());
}

}  // namespace
}  // namespace stixkit::convert::read_internal
