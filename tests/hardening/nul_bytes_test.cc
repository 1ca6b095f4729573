// Hostile input, NUL bytes: escaped (\u0000) and raw in JSON strings, in patterns, and in
// reports. An escaped NUL is valid JSON and must survive every check that reads strings
// (no C-string truncation); a raw one is refused with its position; a report drops a few
// with a warning and refuses a binary file.
#include <catch2/catch.hpp>

#include "stix/pattern/checked_pattern.h"
#include "tests/hardening/hostile_input.h"

namespace stixkit::testing {
namespace {

constexpr char kIndicatorHead[] =
    R"({"type": "indicator", "spec_version": "2.1", "id": "indicator--8c6af861-7b20-41ef-9b59-6344fd872a8f", "created": "2016-08-08T15:50:10.983Z", "modified": "2016-08-08T15:50:10.983Z", "name": "a)";

std::string Indicator(const std::string& name, const std::string& pattern) {
  return kIndicatorHead + name +
         R"(", "description": "d", "pattern_type": "stix", "valid_from": "2016-08-08T15:50:10.983Z", "pattern": ")" +
         pattern + "\"}";
}

TEST_CASE("nul bytes: an escaped NUL in JSON strings is read whole", "[hardening]") {
  const stix::FileReport report =
      ValidateForTest(Indicator("\\u0000b", "[file:name = 'a\\u0000b']"));
  REQUIRE(report.fatal.ok());
  CHECK(report.valid());
  // In an id, the NUL makes it invalid rather than silently shortening it.
  const stix::FileReport id = ValidateForTest(
      R"({"type": "identity", "spec_version": "2.1", "id": "identity--8c6af861-7b20-41ef-9b59-6344fd872a8f\u0000x", "created": "2016-08-08T15:50:10.983Z", "modified": "2016-08-08T15:50:10.983Z", "name": "n"})");
  REQUIRE(id.fatal.ok());
  CHECK_FALSE(id.valid());
}

TEST_CASE("nul bytes: a raw NUL in a JSON string is refused with its position", "[hardening]") {
  // Early in the file, the binary-file check catches it.
  CHECK(ValidateForTest(Indicator(std::string("\0b", 2), "[file:name = 'a']")).fatal.message() ==
        "in.json:1:1: this is a binary file, not JSON text");
  // Later, the parser does.
  const std::string late = std::string(5000, ' ') + Indicator(std::string("\0b", 2), "[x:y = 1]");
  CHECK(ValidateForTest(late).fatal.message() ==
        "in.json:1:5192: found a NUL byte, which JSON text cannot hold (in a string, write "
        "\\u0000)");
  // Outside strings too, and on a later line.
  const std::string between =
      std::string(5000, ' ') + std::string("\n\n{\"type\": \"x\",\0 \"id\": 1}", 25);
  CHECK(ValidateForTest(between).fatal.message() ==
        "in.json:3:14: found a NUL byte, which JSON text cannot hold (in a string, write "
        "\\u0000)");
}

TEST_CASE("nul bytes: a NUL is a character inside a pattern string, an error outside",
          "[hardening]") {
  const std::string pattern("[file:name = 'a\0b']", 19);
  CHECK(stix::pattern::ParseCheckedPattern(pattern, stix::pattern::PatternRules::kSpec).ok());
  const std::string outside("[file:name\0 = 'a']", 18);
  CHECK(stix::pattern::ParseCheckedPattern(outside, stix::pattern::PatternRules::kSpec)
            .status()
            .message() == "column 11: expected a pattern token, found '\\x00'");
}

TEST_CASE("nul bytes: a few NULs in a report are dropped with a warning", "[hardening]") {
  const std::string text =
      "# Incident\n\nThe actor sent phishing mail to the finance team and then moved on to "
      "the file servers over the following two weeks, as described below.\n\n## IOCs\n\n" +
      std::string("- 198.51.\0""100.7\n", 16);
  for (auto format : {convert::Format::kMarkdown, convert::Format::kText, convert::Format::kHtml}) {
    auto conversion = ConvertForTest("nul.md", text, format);
    CAPTURE(conversion.status());
    REQUIRE(conversion.ok());
    CHECK(conversion->warnings.at(0) == "line 7: NUL bytes removed");
  }
}

TEST_CASE("nul bytes: a report that is mostly NULs is refused as binary", "[hardening]") {
  const std::string text = "# Incident\n" + std::string(1000, '\0');
  CHECK(ConvertForTest("nul.md", text).status().message() ==
        "nul.md: looks like a binary file, not a report (found NUL bytes at offset 11)");
}

}  // namespace
}  // namespace stixkit::testing
