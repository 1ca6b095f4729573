#include "converters/read/reader.h"

#include <catch2/catch.hpp>
#include <string>

#include "tests/converters/read/read_test_util.h"
#include "tests/support/paths.h"

namespace stixkit::convert {
namespace {

using testing::FieldKeyed;
using testing::ReadOk;
using testing::SectionTitled;
using testing::Titles;

TEST_CASE("reader: the CareCloud seed report reads as markdown, section by section",
          "[converters][read]") {
  const std::optional<std::string> shared = stixkit::testing::SharedDir();
  if (!shared) {
    WARN("../shared is absent: skipping the CareCloud seed report");
    return;
  }
  const std::string path = *shared + "/seeds/carecloud-incident-report.txt";
  const Document doc = ReadOk(path, stixkit::testing::ReadTestFile(path), std::nullopt);

  CHECK(doc.format == Format::kMarkdown);
  CHECK(doc.source_name == path);
  CHECK(doc.warnings.empty());
  CHECK(doc.title ==
        "Incident Report: CareCloud Network Disruption and "
        "Potential Data Breach");
  CHECK(Titles(doc) == std::vector<std::string>{
                           "Full Report", "Analysis Summary", doc.title, "Executive Summary",
                           "Incident Details", "Timeline of Events", "Initial Access",
                           "Lateral Movement", "Data Exfiltration/Impact", "Detection & Response",
                           "Attack Methodology", "Impact Assessment", "Indicators of Compromise",
                           "Response Actions", "Lessons Learned", "Recommendations"});

  // The front matter pasted from the web page: labels become level-0 sections.
  const Section& full = SectionTitled(doc, "Full Report");
  CHECK(full.level == 0);
  CHECK(full.line == 1);
  CHECK(full.path == std::vector<std::string>{"Full Report"});
  REQUIRE(full.blocks.size() == 1);
  CHECK(full.blocks[0].kind == BlockKind::kParagraph);
  CHECK(full.blocks[0].line == 2);
  CHECK(full.blocks[0].text.rfind("Healthcare technology solutions provider CareCloud", 0) == 0);
  CHECK(SectionTitled(doc, "Analysis Summary").blocks.empty());

  const Section& details = SectionTitled(doc, "Incident Details");
  CHECK(details.level == 2);
  CHECK(details.line == 7);
  REQUIRE(details.blocks.size() == 5);
  const Block& org = FieldKeyed(details, "Affected Organization");
  CHECK(org.text == "CareCloud (Nasdaq: CCLD)");
  CHECK(org.line == 10);
  CHECK(org.depth == 0);
  CHECK(FieldKeyed(details, "Discovery Date").text ==
        "March 16, 2026 (Initial disruption identified)");
  CHECK(FieldKeyed(details, "Geography").text == "New Jersey, USA / Global (Cloud-based services)");

  const Section& access = SectionTitled(doc, "Initial Access");
  CHECK(access.level == 3);
  CHECK(access.path == std::vector<std::string>{doc.title, "Timeline of Events", "Initial Access"});
  CHECK(FieldKeyed(access, "Date/Time").text == "Approximately March 16, 2026");

  // "*Note: ...*" is emphasis around a sentence, not a field.
  const Section& method = SectionTitled(doc, "Attack Methodology");
  CHECK(method.blocks[0].kind == BlockKind::kParagraph);
  CHECK(method.blocks[0].text ==
        "Note: Specific technical markers were not "
        "provided in the initial disclosure.");
  CHECK(FieldKeyed(method, "Initial Access").text == "[Unknown/Investigation Pending]");

  const Block& recovery = FieldKeyed(SectionTitled(doc, "Response Actions"), "Recovery actions");
  const std::string url =
      "hXXps[:]//www[.]sec[.]gov/Archives/edgar/data/"
      "1582982/000149315226013239/form8-k[.]htm";
  CHECK(recovery.text ==
        "Restoration of disrupted cloud services and filing "
        "of mandatory SEC disclosures (" +
            url + ").");
  CHECK(recovery.line == 49);
  REQUIRE(recovery.links.size() == 1);
  CHECK(recovery.links[0].url == url);
  CHECK(recovery.links[0].text == url);
  CHECK(recovery.links[0].line == 49);
}

TEST_CASE("reader: an explicit format overrides detection", "[converters][read]") {
  const std::string bytes = "# Title\n\n- **Key:** value\n";
  CHECK(ReadOk("r.txt", bytes).format == Format::kMarkdown);
  const Document as_text = ReadOk("r.txt", bytes, Format::kText);
  CHECK(as_text.format == Format::kText);
  CHECK(as_text.sections[0].blocks[0].text == "# Title");
}

TEST_CASE("reader: CRLF line ends and a byte-order mark keep line numbers", "[converters][read]") {
  const Document doc =
      ReadOk("win.md", "\xEF\xBB\xBF# Report\r\n\r\n## Details\r\n- **Host:** web01\r\n");
  REQUIRE(doc.sections.size() == 2);
  CHECK(doc.title == "Report");
  CHECK(doc.sections[1].line == 3);
  REQUIRE(doc.sections[1].blocks.size() == 1);
  CHECK(doc.sections[1].blocks[0].key == "Host");
  CHECK(doc.sections[1].blocks[0].text == "web01");
  CHECK(doc.sections[1].blocks[0].line == 4);
  CHECK(doc.warnings.empty());
}

TEST_CASE("reader: cleanup warnings reach the document", "[converters][read]") {
  const Document doc = ReadOk("r.md", "# T\n\nbad \xFF byte\n");
  CHECK(doc.warnings == std::vector<std::string>{"line 3: invalid UTF-8 replaced with U+FFFD"});
  CHECK(doc.sections[0].blocks[0].text == "bad \xEF\xBF\xBD byte");
}

TEST_CASE("reader: a file over the input limit is refused before it is read",
          "[converters][read]") {
  ReadLimits limits;
  limits.max_input_bytes = 10;
  const absl::StatusOr<Document> doc =
      ReadDocument("big.md", "# 12345678901", std::nullopt, limits);
  REQUIRE_FALSE(doc.ok());
  CHECK(doc.status().code() == absl::StatusCode::kInvalidArgument);
  CHECK(doc.status().message() ==
        "big.md: the file is 13 bytes, more than the 10-byte limit for a report");
}

TEST_CASE("reader: a line over the line limit is refused with its line number",
          "[converters][read]") {
  ReadLimits limits;
  limits.max_line_bytes = 8;
  const absl::StatusOr<Document> doc =
      ReadDocument("r.txt", "short\nmuch too long\n", Format::kText, limits);
  REQUIRE_FALSE(doc.ok());
  CHECK(doc.status().message() ==
        "r.txt:2: line is 13 bytes long, more than the 8-byte limit for "
        "markdown or text; is this "
        "really a report?");
  // HTML is often minified onto one line; the limit does not apply to it.
  CHECK(ReadDocument("r.html", "<p>much too long</p>", Format::kHtml, limits).ok());
}

TEST_CASE("reader: a 100 MB single line is refused, by size and by line length",
          "[converters][read]") {
  const std::string line(100u << 20, 'a');
  const absl::StatusOr<Document> by_size = ReadDocument("one-line.txt", line, std::nullopt);
  REQUIRE_FALSE(by_size.ok());
  CHECK(by_size.status().message() ==
        "one-line.txt: the file is 104857600 bytes, more than the "
        "67108864-byte limit for a "
        "report");

  ReadLimits roomy;
  roomy.max_input_bytes = 128u << 20;
  const absl::StatusOr<Document> by_line = ReadDocument("one-line.txt", line, std::nullopt, roomy);
  REQUIRE_FALSE(by_line.ok());
  CHECK(by_line.status().message() ==
        "one-line.txt:1: line is 104857600 bytes long, more than the "
        "1048576-byte limit for "
        "markdown or text; is this really a report?");
}

TEST_CASE("reader: cleanup errors pass through unchanged", "[converters][read]") {
  const absl::StatusOr<Document> empty = ReadDocument("empty.md", " \n\t\n", std::nullopt);
  REQUIRE_FALSE(empty.ok());
  CHECK(empty.status().message() == "empty.md: the file is empty");
}

TEST_CASE("reader: the HTML depth limit comes from the read limits", "[converters][read]") {
  ReadLimits limits;
  limits.max_html_depth = 4;
  const absl::StatusOr<Document> doc =
      ReadDocument("deep.html", "<html><body>\n<div><div><div>x</div></div></div></body></html>",
                   Format::kHtml, limits);
  REQUIRE_FALSE(doc.ok());
  CHECK(doc.status().message() ==
        "deep.html:2: HTML elements are nested deeper than the 4-level limit");
}

}  // namespace
}  // namespace stixkit::convert
