#include "converters/read/internal/markdown_inline.h"

#include <catch2/catch.hpp>
#include <string>

namespace stixkit::convert::read_internal {
namespace {

std::string Text(std::string_view raw) { return ParseMarkdownInline(raw, 1).text; }

TEST_CASE("markdown inline: emphasis markers go, intraword underscores stay",
          "[converters][read]") {
  CHECK(Text("**bold** and *it* and ***both*** and ~~gone~~") == "bold and it and both and gone");
  CHECK(Text("_under_ and __strong__") == "under and strong");
  CHECK(Text("snake_case_name and lsass_dump.exe") == "snake_case_name and lsass_dump.exe");
  CHECK(Text("a * b * c and 2*3") == "a * b * c and 2*3");
  CHECK(Text("unclosed **bold") == "unclosed **bold");
}

TEST_CASE("markdown inline: code spans, escapes and <br> become plain text", "[converters][read]") {
  CHECK(Text("run `cmd /c **x**` now") == "run cmd /c **x** now");
  CHECK(Text("``a ` b``") == "a ` b");
  CHECK(Text("\\*not emphasis\\* and C:\\Windows") == "*not emphasis* and C:\\Windows");
  CHECK(Text("one<br>two<br />three") == "one two three");
  CHECK(Text("entities &amp; stay") == "entities &amp; stay");
}

TEST_CASE("markdown inline: links keep their text and record the target", "[converters][read]") {
  const InlineText t = ParseMarkdownInline(
      "see [the *8-K*](<https://sec.gov/x y>) "
      "and\n<https://a.example/b> and ![logo](l.png)",
      4);
  CHECK(t.text == "see the 8-K and https://a.example/b and logo");
  REQUIRE(t.links.size() == 2);
  CHECK(t.links[0].text == "the 8-K");
  CHECK(t.links[0].url == "https://sec.gov/x y");
  CHECK(t.links[0].line == 4);
  CHECK(t.links[1].url == "https://a.example/b");
  CHECK(t.links[1].line == 5);
}

TEST_CASE("markdown inline: bare URLs are copied verbatim, markup and all", "[converters][read]") {
  const InlineText t = ParseMarkdownInline("**hxxp://evil[.]com/a_b_c** end", 1);
  CHECK(t.text == "hxxp://evil[.]com/a_b_c end");
  REQUIRE(t.links.size() == 1);
  CHECK(t.links[0].url == "hxxp://evil[.]com/a_b_c");
}

TEST_CASE("markdown inline: brackets that are not links stay", "[converters][read]") {
  CHECK(Text("[Not Disclosed]") == "[Not Disclosed]");
  CHECK(Text("a [b [c](d) e") == "a [b c e");
}

}  // namespace
}  // namespace stixkit::convert::read_internal
