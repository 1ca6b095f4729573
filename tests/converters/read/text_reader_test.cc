#include "converters/read/text_reader.h"

#include <catch2/catch.hpp>
#include <string>

#include "tests/converters/read/read_test_util.h"

namespace stixkit::convert {
namespace {

using testing::FieldKeyed;
using testing::SectionTitled;
using testing::Texts;
using testing::Titles;

constexpr std::string_view kReport =
    "TLP:AMBER\n"
    "\n"
    "ACME THREAT REPORT\n"
    "\n"
    "Date: 2026-03-20\n"
    "Author: SOC Team\n"
    "\n"
    "EXECUTIVE SUMMARY\n"
    "\n"
    "The attackers gained access through a phishing email\n"
    "that delivered a loader. See hxxp://evil[.]example/x.\n"
    "\n"
    "Indicators of Compromise\n"
    "- 198.51.100.7\n"
    "- evil[.]example\n"
    "  * nested item\n"
    "\u2022 bullet item\n"
    "a) lettered item\n"
    "\n"
    "RECOMMENDATIONS\n"
    "Patch the VPN.\n";

TEST_CASE(
    "text reader: ALL CAPS and Title Case lines after a blank line are "
    "headings",
    "[converters][read]") {
  const Document doc = ReadText(kReport);
  CHECK(Titles(doc) == std::vector<std::string>{"", "ACME THREAT REPORT", "EXECUTIVE SUMMARY",
                                                "Indicators of Compromise", "RECOMMENDATIONS"});
  CHECK(doc.title == "ACME THREAT REPORT");
  CHECK(doc.sections[1].level == 1);
  CHECK(doc.sections[2].level == 2);
  CHECK(doc.sections[2].line == 8);
  // Title Case sits under the ALL CAPS headings when a report has both.
  CHECK(doc.sections[3].level == 3);
  CHECK(doc.sections[3].path == std::vector<std::string>{"ACME THREAT REPORT", "EXECUTIVE SUMMARY",
                                                         "Indicators of Compromise"});
  CHECK(Texts(doc.sections[4]) == std::vector<std::string>{"Patch the VPN."});
}

TEST_CASE("text reader: a TLP banner stays a paragraph of the preamble", "[converters][read]") {
  const Document doc = ReadText(kReport);
  REQUIRE(doc.sections[0].title.empty());
  REQUIRE(doc.sections[0].blocks.size() == 1);
  CHECK(doc.sections[0].blocks[0].kind == BlockKind::kParagraph);
  CHECK(doc.sections[0].blocks[0].text == "TLP:AMBER");
  CHECK(doc.sections[0].blocks[0].line == 1);

  const Document spaced = ReadText("TLP: RED\nCONFIDENTIAL\nReport body text.\n");
  CHECK(Titles(spaced) == std::vector<std::string>{""});
  CHECK(FieldKeyed(spaced.sections[0], "TLP").text == "RED");
  CHECK(Texts(spaced.sections[0]) ==
        std::vector<std::string>{"RED", "CONFIDENTIAL", "Report body text."});
}

TEST_CASE(
    "text reader: Key: value lines are fields and paragraphs fold with "
    "their links",
    "[converters][read]") {
  const Document doc = ReadText(kReport);
  const Section& title = SectionTitled(doc, "ACME THREAT REPORT");
  CHECK(FieldKeyed(title, "Date").text == "2026-03-20");
  CHECK(FieldKeyed(title, "Author").line == 6);
  const Block& p = SectionTitled(doc, "EXECUTIVE SUMMARY").blocks.at(0);
  CHECK(p.text ==
        "The attackers gained access through a phishing email that "
        "delivered a loader. See "
        "hxxp://evil[.]example/x.");
  CHECK(p.line == 10);
  REQUIRE(p.links.size() == 1);
  CHECK(p.links[0].url == "hxxp://evil[.]example/x");
  CHECK(p.links[0].line == 11);
}

TEST_CASE("text reader: bulleted, lettered and nested lists keep their depth",
          "[converters][read]") {
  const Document doc = ReadText(kReport);
  const Section& iocs = SectionTitled(doc, "Indicators of Compromise");
  CHECK(Texts(iocs) == std::vector<std::string>{"198.51.100.7", "evil[.]example", "nested item",
                                                "bullet item", "lettered item"});
  std::vector<int> depths;
  for (const Block& b : iocs.blocks) {
    CHECK(b.kind == BlockKind::kListItem);
    depths.push_back(b.depth);
  }
  CHECK(depths == std::vector<int>{0, 0, 1, 0, 0});
  CHECK(iocs.blocks[2].line == 16);
}

TEST_CASE("text reader: indented lines under a line ending in ':' are list items",
          "[converters][read]") {
  const Document doc = ReadText("Affected hosts:\n  host-a\n  host-b\n    host-b-child\nDone.\n");
  const Section& s = doc.sections[0];
  CHECK(Texts(s) ==
        std::vector<std::string>{"Affected hosts:", "host-a", "host-b", "host-b-child", "Done."});
  CHECK(s.blocks[1].kind == BlockKind::kListItem);
  CHECK(s.blocks[3].depth == 1);
  CHECK(s.blocks[4].kind == BlockKind::kParagraph);
}

TEST_CASE("text reader: underlined and numbered headings", "[converters][read]") {
  const Document doc = ReadText(
      "Incident Report\n"
      "===============\n"
      "\n"
      "1. Summary\n"
      "\n"
      "Text one.\n"
      "\n"
      "1.1 Scope\n"
      "Text two.\n"
      "\n"
      "Response\n"
      "--------\n"
      "\n"
      "1. Isolate Hosts\n"
      "2. Reset Passwords\n");
  CHECK(Titles(doc) == std::vector<std::string>{"Incident Report", "Summary", "Scope", "Response"});
  std::vector<int> levels;
  for (const Section& s : doc.sections) levels.push_back(s.level);
  CHECK(levels == std::vector<int>{1, 2, 3, 2});
  CHECK(doc.sections[2].path == std::vector<std::string>{"Incident Report", "Summary", "Scope"});
  // A numbered line followed by another numbered line is a list.
  const Section& response = doc.sections[3];
  CHECK(Texts(response) == std::vector<std::string>{"Isolate Hosts", "Reset Passwords"});
  CHECK(response.blocks[0].kind == BlockKind::kListItem);
}

TEST_CASE(
    "text reader: indicators and sentences on a line of their own are "
    "not headings",
    "[converters][read]") {
  const Document doc = ReadText(
      "We saw these:\n"
      "\n"
      "198.51.100.7\n"
      "\n"
      "D41D8CD98F00B204E9800998ECF8427E\n"
      "\n"
      "The Actor Left.\n"
      "\n"
      "Final words\n");
  CHECK(Titles(doc) == std::vector<std::string>{""});
}

TEST_CASE("text reader: a list item with a short key is a field at its depth",
          "[converters][read]") {
  const Document doc = ReadText("- Vector: phishing\n  - Sender: a@example.com\n");
  const Section& s = doc.sections[0];
  REQUIRE(s.blocks.size() == 2);
  CHECK(s.blocks[0].kind == BlockKind::kField);
  CHECK(s.blocks[0].key == "Vector");
  CHECK(s.blocks[1].key == "Sender");
  CHECK(s.blocks[1].depth == 1);
}

}  // namespace
}  // namespace stixkit::convert
