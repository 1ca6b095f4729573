// Hostile input, deep nesting: 100,000 levels of JSON arrays and objects, markdown lists
// and quotes, HTML elements and pattern parentheses. Each is refused at its limit with a
// located message, or read without recursion; none may exhaust the stack.
#include <catch2/catch.hpp>

#include "absl/strings/str_cat.h"
#include "stix/json/json_parser.h"
#include "stix/pattern/checked_pattern.h"
#include "tests/hardening/hostile_input.h"

namespace stixkit::testing {
namespace {

constexpr size_t kDeep = 100000;

TEST_CASE("deep nesting: 100,000 nested JSON arrays stop at the depth limit", "[hardening]") {
  const std::string text = Repeat("[", kDeep) + Repeat("]", kDeep);
  CHECK(ValidateForTest(text).fatal.message() ==
        "in.json:1:2: expected a STIX object ('{'), found '['");
  const std::string in_object = "{\"type\": \"x\", \"a\": " + text + "}";
  CHECK(ValidateForTest(in_object).fatal.message() ==
        "in.json:1:119: nesting deeper than 100 levels (limit: --max-depth)");
}

TEST_CASE("deep nesting: 100,000 nested JSON objects in a bundle stop at the depth limit",
          "[hardening]") {
  const std::string deep = Repeat("{\"a\":", kDeep) + "1" + Repeat("}", kDeep);
  const std::string bundle = "{\"type\": \"bundle\", \"id\": \"bundle--1\", \"objects\": [" +
                             deep + "]}";
  CHECK(ValidateForTest(bundle).fatal.message() ==
        "in.json:1:546: nesting deeper than 100 levels (limit: --max-depth)");
  // The bundle's other members are limited too.
  const std::string shell = "{\"type\": \"bundle\", \"x\": " + deep + "}";
  CHECK(ValidateForTest(shell).fatal.message() ==
        "in.json:1:520: nesting deeper than 100 levels (limit: --max-depth)");
}

TEST_CASE("deep nesting: the JSON parser itself refuses 100,000 levels without recursion",
          "[hardening]") {
  const std::string text = Repeat("[", kDeep) + Repeat("]", kDeep);
  rapidjson::Document doc;
  CHECK(stix::ParseJson(stix::JsonSpan{text, 0, {1, 1}}, "in.json", stix::JsonLimits{}, &doc)
            .message() == "in.json:1:101: nesting deeper than 100 levels (limit: --max-depth)");
}

TEST_CASE("deep nesting: --max-depth cannot be raised past the depth the checks survive",
          "[hardening]") {
  stix::ValidatorSettings settings;
  settings.limits.max_depth = 1000000;
  CHECK(stix::Validator::Create({}, settings).status().message() ==
        "--max-depth: expected at most 1000, got 1000000");
}

TEST_CASE("deep nesting: at the highest --max-depth, 1,000 levels validate without a crash",
          "[hardening]") {
  stix::ValidatorSettings settings;
  settings.jobs = 1;
  settings.limits.max_depth = stix::kMaxDepthCeiling;
  auto validator = stix::Validator::Create({}, settings);
  REQUIRE(validator.ok());
  const std::string head =
      R"({"type": "x-deep", "spec_version": "2.1", "id": "x-deep--8c6af861-7b20-41ef-9b59-6344fd872a8f", "created": "2016-08-08T15:50:10.983Z", "modified": "2016-08-08T15:50:10.983Z", "x_deep": )";
  const std::string fits = head + Repeat("[", 999) + Repeat("]", 999) + "}";
  const stix::FileReport report = validator->ValidateText(fits, "in.json");
  CHECK(report.fatal.ok());
  const std::string deep = head + Repeat("[", kDeep) + Repeat("]", kDeep) + "}";
  CHECK(validator->ValidateText(deep, "in.json").fatal.message() ==
        "in.json:1:1185: nesting deeper than 1000 levels (limit: --max-depth)");
}

TEST_CASE("deep nesting: 100,000 nested markdown lists and quotes read and convert",
          "[hardening]") {
  const std::string lists = "# Deep\n\n" + Repeat("- ", kDeep) + "198.51.100.7\n";
  const std::string quotes = "# Deep\n\n" + Repeat("> ", kDeep) + "198.51.100.7\n";
  const std::string ordered = "# Deep\n\n" + Repeat("1. ", kDeep) + "198.51.100.7\n";
  std::string indented = "# Deep\n\n";
  for (size_t i = 0; i < 2000; ++i) indented += std::string(i, ' ') + "- level\n";
  for (const std::string* text : std::vector<const std::string*>{&lists, &quotes, &ordered, &indented}) {
    auto doc = convert::ReadDocument("deep.md", *text, convert::Format::kMarkdown);
    REQUIRE(doc.ok());
    auto conversion = ConvertForTest("deep.md", *text, convert::Format::kMarkdown);
    REQUIRE(conversion.ok());
  }
}

TEST_CASE("deep nesting: 100,000 nested lists in a text report read and convert",
          "[hardening]") {
  const std::string text = "Indicators:\n" + Repeat("- ", kDeep) + "198.51.100.7\n";
  auto conversion = ConvertForTest("deep.txt", text, convert::Format::kText);
  REQUIRE(conversion.ok());
}

TEST_CASE("deep nesting: 100,000 nested HTML divs are refused at the element limit",
          "[hardening]") {
  const std::string html = "<html><body>" + Repeat("<div>", kDeep) + "x" + Repeat("</div>", kDeep) +
                           "</body></html>";
  auto doc = convert::ReadDocument("deep.html", html, convert::Format::kHtml);
  CHECK(doc.status().message() ==
        "deep.html:1: HTML elements are nested deeper than the 256-level limit");
  auto conversion = ConvertForTest("deep.html", html);
  CHECK(conversion.status().message() ==
        "deep.html:1: HTML elements are nested deeper than the 256-level limit");
  // Unclosed elements nest too.
  const std::string unclosed = "<html><body>" + Repeat("<ul><li>", kDeep) + "x";
  CHECK(convert::ReadDocument("open.html", unclosed, convert::Format::kHtml).status().message() ==
        "open.html:1: HTML elements are nested deeper than the 256-level limit");
}

TEST_CASE("deep nesting: a pattern with 100,000 parentheses is refused at the nesting limit",
          "[hardening]") {
  const std::string pattern = Repeat("(", kDeep) + "[file:name = 'a']" + Repeat(")", kDeep);
  for (auto rules : {stix::pattern::PatternRules::kReference, stix::pattern::PatternRules::kSpec}) {
    CHECK(stix::pattern::ParseCheckedPattern(pattern, rules).status().message() ==
          "column 257: expected at most 256 nested parentheses and brackets, found more");
  }
  const std::string brackets = "[" + Repeat("(", kDeep) + "file:name = 'a'" + Repeat(")", kDeep) + "]";
  CHECK(stix::pattern::ParseCheckedPattern(brackets, stix::pattern::PatternRules::kSpec)
            .status()
            .message() ==
        "column 257: expected at most 256 nested parentheses and brackets, found more");
}

TEST_CASE("deep nesting: an indicator with a 100,000-deep pattern is a finding, not a crash",
          "[hardening]") {
  const std::string pattern = Repeat("(", kDeep) + "[file:name = 'a']" + Repeat(")", kDeep);
  const std::string indicator =
      R"({"type": "indicator", "spec_version": "2.1", "id": "indicator--8c6af861-7b20-41ef-9b59-6344fd872a8f", "created": "2016-08-08T15:50:10.983Z", "modified": "2016-08-08T15:50:10.983Z", "pattern_type": "stix", "valid_from": "2016-08-08T15:50:10.983Z", "pattern": ")" +
      pattern + "\"}";
  const stix::FileReport report = ValidateForTest(indicator);
  REQUIRE(report.fatal.ok());
  std::vector<std::string> messages;
  for (const stix::LocatedFinding& f : report.findings) {
    messages.push_back(f.finding.code + " " + f.finding.message);
  }
  CHECK(messages ==
        std::vector<std::string>{" pattern is not valid: column 257: expected at most 256 nested "
                                 "parentheses and brackets, found more",
                                 "303 an indicator should have both name and description"});
}

}  // namespace
}  // namespace stixkit::testing
