#include "stix/validate/pattern_check.h"

#include <catch2/catch.hpp>
#include <string>
#include <vector>

#include "rapidjson/document.h"
#include "rapidjson/stringbuffer.h"
#include "rapidjson/writer.h"

namespace stixkit::stix {
namespace {

constexpr char kId[] = "indicator--8e2e2d2b-17d4-4cbf-938f-98ee46b3cd3f";

std::string IndicatorJson(const std::string& pattern, const std::string& pattern_type = "stix") {
  rapidjson::Document doc(rapidjson::kObjectType);
  auto& a = doc.GetAllocator();
  doc.AddMember("type", "indicator", a);
  doc.AddMember("id", rapidjson::StringRef(kId), a);
  doc.AddMember("pattern", rapidjson::Value(pattern.c_str(), a), a);
  doc.AddMember("pattern_type", rapidjson::Value(pattern_type.c_str(), a), a);
  rapidjson::StringBuffer buffer;
  rapidjson::Writer<rapidjson::StringBuffer> writer(buffer);
  doc.Accept(writer);
  return buffer.GetString();
}

std::vector<std::string> Messages(const std::string& json, const ValidationOptions& options = {},
                                  bool strict_part = false) {
  rapidjson::Document doc;
  doc.Parse(json.c_str());
  REQUIRE_FALSE(doc.HasParseError());
  Findings findings;
  if (strict_part) {
    CheckIndicatorPatternStrict(doc, options, &findings);
  } else {
    CheckIndicatorPattern(doc, options, &findings);
  }
  std::vector<std::string> messages;
  for (const Finding& finding : findings) {
    CHECK(finding.code.empty());
    CHECK(finding.severity == Severity::kError);
    CHECK(finding.object_id == kId);
    CHECK(finding.pointer == "/pattern");
    messages.push_back(finding.message);
  }
  return messages;
}

std::vector<std::string> PatternMessages(const std::string& pattern,
                                         const ValidationOptions& options = {}) {
  return Messages(IndicatorJson(pattern), options);
}

ValidationOptions Disabled(std::vector<std::string> disabled) {
  ValidationOptions options;
  options.disabled = std::move(disabled);
  return options;
}

TEST_CASE("pattern check: a valid pattern yields no finding", "[stix][pattern][validate]") {
  CHECK(PatternMessages("[file:hashes.'SHA-256' = "
                        "'aec070645fe53ee3b3763059376134f058cc337247c978add178b6ccdfb0019f']")
            .empty());
}

TEST_CASE("pattern check: only STIX-language indicator patterns are checked",
          "[stix][pattern][validate]") {
  CHECK(Messages(IndicatorJson("alert tcp any any", "snort")).empty());
  CHECK(Messages(R"({"type": "indicator", "id": "x", "pattern_type": "stix", "pattern": 5})")
            .empty());
  CHECK(Messages(R"({"type": "indicator", "id": "x", "pattern_type": "stix"})").empty());
  CHECK(Messages(R"({"type": "malware", "pattern_type": "stix", "pattern": "]"})").empty());
  CHECK(Messages(R"(["not", "an", "object"])").empty());
}

TEST_CASE("pattern check: a syntax error is one finding with its column",
          "[stix][pattern][validate]") {
  CHECK(PatternMessages("[file:hashes.\"SHA-256\" = 'aec0']") ==
        std::vector<std::string>{"pattern is not valid: column 14: expected a pattern token, "
                                 "found '\"' (string constants take single quotes)"});
}

TEST_CASE("pattern check: every reference rule violation is a finding",
          "[stix][pattern][validate]") {
  CHECK(PatternMessages("[file:hashes.MD5 = 'a' OR file:hashes.'SHA-1' = 'b']") ==
        std::vector<std::string>{
            "pattern is not valid: column 20: expected 32 hexadecimal digits for the MD5 hash, "
            "found 'a'",
            "pattern is not valid: column 49: expected 40 hexadecimal digits for the SHA-1 hash, "
            "found 'b'"});
}

TEST_CASE("pattern check: spec rules the reference misses are not findings",
          "[stix][pattern][validate]") {
  CHECK(PatternMessages("[ipv4-addr:value = '1.2.3.4' AND domain-name:value = 'example.com']")
            .empty());
  CHECK(PatternMessages("[file:name = 'x'] REPEATS 0 TIMES").empty());
}

TEST_CASE("pattern check: malformed type and property names are findings",
          "[stix][pattern][validate]") {
  CHECK(PatternMessages("[ab:yz = 'something']") ==
        std::vector<std::string>{
            "pattern object type 'ab' is not a valid observable type name: expected 3 to 250 "
            "characters of a-z, 0-9 and '-'",
            "pattern property 'yz' of 'ab' is not a valid observable property name: expected 3 "
            "to 250 characters of a-z, 0-9 and '_'"});
  CHECK(PatternMessages("[f:name = 'something']").size() == 1);
  CHECK(PatternMessages("[file:n = 'something']") ==
        std::vector<std::string>{
            "pattern property 'n' of 'file' is not a valid observable property name: expected 3 "
            "to 250 characters of a-z, 0-9 and '_'"});
  CHECK(PatternMessages("[File:name = 'a']").size() == 1);
}

TEST_CASE("pattern check: custom names pass while extensions-use runs",
          "[stix][pattern][validate]") {
  CHECK(PatternMessages("[foo:name = 'something']").empty());
  CHECK(PatternMessages("[file:foo = 'something']").empty());
  CHECK(PatternMessages("[x-foo-bar:bizz MATCHES 'buzz']").empty());
}

TEST_CASE("pattern check: with extensions-use disabled custom names need a prefix",
          "[stix][pattern][validate]") {
  CHECK(PatternMessages("[foo:name = 'something']", Disabled({"extensions-use"})) ==
        std::vector<std::string>{
            "custom observable object type 'foo' in the pattern should start with 'x-' followed "
            "by a source unique identifier (like a domain name with dots replaced by hyphens), "
            "a hyphen and then the name"});
  CHECK(PatternMessages("[foo:name = 'something']", Disabled({"custom-prefix", "401"})) ==
        std::vector<std::string>{
            "custom observable object type 'foo' in the pattern should start with 'x-'"});
  CHECK(PatternMessages("[foo:name = 'something']",
                        Disabled({"custom-prefix", "custom-prefix-lax", "extensions-use"}))
            .empty());
  CHECK(
      PatternMessages("[x-foo:x_name = 'something']", Disabled({"custom-prefix", "extensions-use"}))
          .empty());
  CHECK(PatternMessages("[x-x-foo:x_x_name = 'something']", Disabled({"extensions-use"})).empty());
}

TEST_CASE("pattern check: with extensions-use disabled custom SCO properties need a prefix",
          "[stix][pattern][validate]") {
  CHECK(PatternMessages("[file:foo = 'x']", Disabled({"extensions-use"})) ==
        std::vector<std::string>{
            "custom property 'foo' of 'file' in the pattern should start with 'x_' followed by a "
            "source unique identifier (like a domain name with dots replaced by underscores), an "
            "underscore and then the name"});
  CHECK(PatternMessages("[file:x_foo = 'x']", Disabled({"101", "extensions-use"})).empty());
  CHECK(PatternMessages("[file:x_x_name = 'x']", Disabled({"extensions-use"})).empty());
  CHECK(PatternMessages("[x-foo:foo = 'x']", Disabled({"extensions-use"})).size() == 1);
  CHECK(PatternMessages("[file:foo = 'x']", Disabled({"format-checks", "extensions-use"})).empty());
}

TEST_CASE("pattern check: strict types accept only spec-defined observable types",
          "[stix][pattern][validate]") {
  ValidationOptions options;
  options.strict_types = true;
  CHECK(Messages(IndicatorJson("[x-x-foo:x_x_name = 'something']"), options, true) ==
        std::vector<std::string>{"pattern object type 'x-x-foo' is not one of the observable "
                                 "types defined in the specification"});
  CHECK(
      Messages(IndicatorJson("[file:name = 'a' OR ipv4-addr:value = 'b']"), options, true).empty());
  CHECK(Messages(IndicatorJson("[x-x-foo:x_x_name = 'something']"), {}, true).empty());
}

TEST_CASE("pattern check: strict properties accept only spec-defined SCO properties",
          "[stix][pattern][validate]") {
  ValidationOptions options;
  options.strict_properties = true;
  CHECK(Messages(IndicatorJson("[file:x_x_name = 'something']"), options, true) ==
        std::vector<std::string>{"pattern property 'x_x_name' is not one of those defined in "
                                 "the specification for file objects"});
  CHECK(Messages(IndicatorJson("[x-foo-bar:bizz MATCHES 'buzz']"), options, true).empty());
  CHECK(Messages(IndicatorJson("[windows-registry-key:values[*].data = 'x']"), options, true)
            .empty());
  CHECK(Messages(IndicatorJson("[file:name = ]"), options, true).empty());
}

}  // namespace
}  // namespace stixkit::stix
