#include "converters/read/internal/document_builder.h"

#include <catch2/catch.hpp>

namespace stixkit::convert::read_internal {
namespace {

Block Para(std::string text) {
  Block b;
  b.text = std::move(text);
  return b;
}

TEST_CASE("document builder: blocks before a heading open an untitled preamble",
          "[converters][read]") {
  DocumentBuilder b;
  b.Add(Para("TLP:AMBER"));
  b.StartSection("Report", 1, 3);
  const Document doc = std::move(b).Finish();
  REQUIRE(doc.sections.size() == 2);
  CHECK(doc.sections[0].title.empty());
  CHECK(doc.sections[0].level == 0);
  CHECK(doc.sections[0].line == 1);
  CHECK(doc.sections[0].path.empty());
  CHECK(doc.title == "Report");
}

TEST_CASE("document builder: paths follow heading levels and skip preamble labels",
          "[converters][read]") {
  DocumentBuilder b;
  b.StartSection("Full Report", 0, 1);
  b.StartSection("Analysis Summary", 0, 3);
  b.StartSection("Report", 1, 4);
  b.StartSection("Timeline", 2, 5);
  b.StartSection("Day 1", 4, 6);
  b.StartSection("Day 2", 3, 7);
  b.StartSection("Impact", 2, 8);
  b.StartSection("Appendix", 1, 9);
  const Document doc = std::move(b).Finish();
  CHECK(doc.sections[1].path == std::vector<std::string>{"Analysis Summary"});
  CHECK(doc.sections[2].path == std::vector<std::string>{"Report"});
  CHECK(doc.sections[4].path == std::vector<std::string>{"Report", "Timeline", "Day 1"});
  CHECK(doc.sections[5].path == std::vector<std::string>{"Report", "Timeline", "Day 2"});
  CHECK(doc.sections[6].path == std::vector<std::string>{"Report", "Impact"});
  CHECK(doc.sections[7].path == std::vector<std::string>{"Appendix"});
  CHECK(doc.title == "Report");
}

}  // namespace
}  // namespace stixkit::convert::read_internal
