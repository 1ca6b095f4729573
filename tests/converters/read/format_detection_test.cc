#include "converters/read/format_detection.h"

#include <catch2/catch.hpp>

namespace stixkit::convert {
namespace {

TEST_CASE("format detection: markdown content wins over a .txt extension", "[converters][read]") {
  CHECK(DetectFormat("report.txt", "Full Report\n# Incident\n- **Date:** today\n") ==
        Format::kMarkdown);
  CHECK(DetectFormat("report.txt", "| a | b |\n|---|---|\n| 1 | 2 |\nSee [x](https://x).\n") ==
        Format::kMarkdown);
}

TEST_CASE("format detection: a doctype or html tag means HTML whatever the name",
          "[converters][read]") {
  CHECK(DetectFormat("report.md", "\xEF\xBB\xBF  <!DOCTYPE html>\n<p>x</p>") == Format::kHtml);
  CHECK(DetectFormat("-", "<HTML><body>x</body></HTML>") == Format::kHtml);
  CHECK(DetectFormat("page", "<div>\n<p>one</p>\n<p>two</p>\n</div>\n") == Format::kHtml);
}

TEST_CASE("format detection: plain prose falls back to the extension, then to text",
          "[converters][read]") {
  const std::string prose = "EXECUTIVE SUMMARY\n\nThe actor used phishing.\n- one bullet\n";
  CHECK(DetectFormat("r.txt", prose) == Format::kText);
  CHECK(DetectFormat("r.md", prose) == Format::kMarkdown);
  CHECK(DetectFormat("r.MARKDOWN", prose) == Format::kMarkdown);
  CHECK(DetectFormat("r.htm", prose) == Format::kHtml);
  CHECK(DetectFormat("-", prose) == Format::kText);
  CHECK(DetectFormat("dir.md/report", prose) == Format::kText);
  // Underlined headings are plain-text style as much as markdown.
  CHECK(DetectFormat("r.txt", "Title\n=====\n\nSummary\n-------\ntext\n") == Format::kText);
}

TEST_CASE("format detection: --format names parse, others do not", "[converters][read]") {
  CHECK(ParseFormatName("md") == Format::kMarkdown);
  CHECK(ParseFormatName("markdown") == Format::kMarkdown);
  CHECK(ParseFormatName("text") == Format::kText);
  CHECK(ParseFormatName("txt") == Format::kText);
  CHECK(ParseFormatName("html") == Format::kHtml);
  CHECK(ParseFormatName("HTML") == Format::kHtml);
  CHECK_FALSE(ParseFormatName("pdf").has_value());
  CHECK_FALSE(ParseFormatName("").has_value());
  CHECK(FormatName(Format::kMarkdown) == "markdown");
}

}  // namespace
}  // namespace stixkit::convert
