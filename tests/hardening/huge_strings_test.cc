// Hostile input, huge strings: a 100 MB JSON string value, a 50 MB markdown line and
// paragraph, 1 MB patterns, and long hostile runs for the IOC extractor. Each is read in
// time linear in its size or refused at its limit with the whole message.
#include <catch2/catch.hpp>

#include "converters/extract/ioc_extractor.h"
#include "stix/pattern/checked_pattern.h"
#include "stix/pattern/parser.h"
#include "tests/hardening/hostile_input.h"

namespace stixkit::testing {
namespace {

constexpr char kIdentityHead[] =
    R"({"type": "identity", "spec_version": "2.1", "id": "identity--8c6af861-7b20-41ef-9b59-6344fd872a8f", "created": "2016-08-08T15:50:10.983Z", "modified": "2016-08-08T15:50:10.983Z", "name": "Franistan Intelligence", "identity_class": "organization", "description": ")";

TEST_CASE("huge strings: a 100 MB JSON string value validates", "[hardening][slow]") {
  const std::string text = kIdentityHead + std::string(100u << 20, 'a') + "\"}";
  const stix::FileReport report = ValidateForTest(text);
  CHECK(report.fatal.ok());
  CHECK(report.valid());
}

TEST_CASE("huge strings: a JSON string over --max-string-bytes is refused where it starts",
          "[hardening]") {
  stix::ValidatorSettings settings;
  settings.jobs = 1;
  settings.limits.max_string_bytes = 1 << 20;
  auto validator = stix::Validator::Create({}, settings);
  REQUIRE(validator.ok());
  const std::string text = kIdentityHead + std::string((1 << 20) + 1, 'a') + "\"}";
  CHECK(validator->ValidateText(text, "in.json").fatal.message() ==
        "in.json:1:263: string longer than 1048576 bytes (limit: --max-string-bytes)");
  // One byte less is fine.
  const std::string fits = kIdentityHead + std::string(1 << 20, 'a') + "\"}";
  CHECK(validator->ValidateText(fits, "in.json").fatal.ok());
}

TEST_CASE("huge strings: a 50 MB markdown line is refused at the line limit", "[hardening]") {
  const std::string text = "# Big\n" + std::string(50u << 20, 'a') + "\n";
  CHECK(ConvertForTest("big.md", text).status().message() ==
        "big.md:2: line is 52428800 bytes long, more than the 1048576-byte limit for markdown "
        "or text; is this really a report?");
  CHECK(ConvertForTest("big.txt", text, convert::Format::kText).status().message() ==
        "big.txt:2: line is 52428800 bytes long, more than the 1048576-byte limit for markdown "
        "or text; is this really a report?");
}

TEST_CASE("huge strings: a 50 MB markdown paragraph reads as one paragraph", "[hardening][slow]") {
  const std::string line = "the actor moved laterally with stolen credentials and more words\n";
  const std::string text = "# Big\n\n" + Repeat(line, (50u << 20) / line.size());
  auto doc = convert::ReadDocument("big.md", text, convert::Format::kMarkdown);
  REQUIRE(doc.ok());
  auto conversion = ConvertForTest("big.md", text);
  REQUIRE(conversion.ok());
}

TEST_CASE("huge strings: a report over the input limit is refused before it is read",
          "[hardening]") {
  const std::string text = std::string(65u << 20, 'a');
  CHECK(ConvertForTest("big.md", text).status().message() ==
        "big.md: the file is 68157440 bytes, more than the 67108864-byte limit for a report");
}

TEST_CASE("huge strings: a pattern over 1 MiB is refused with its size", "[hardening]") {
  const std::string head = "[file:name = '";
  const std::string over = head + std::string(stix::pattern::kMaxPatternBytes - head.size() - 1,
                                              'a') + "']";
  REQUIRE(over.size() == stix::pattern::kMaxPatternBytes + 1);
  for (auto rules : {stix::pattern::PatternRules::kReference, stix::pattern::PatternRules::kSpec}) {
    CHECK(stix::pattern::ParseCheckedPattern(over, rules).status().message() ==
          "expected a pattern of at most 1048576 bytes, found 1048577 bytes");
  }
  const std::string fits = over.substr(0, over.size() - 3) + "']";
  CHECK(stix::pattern::ParseCheckedPattern(fits, stix::pattern::PatternRules::kSpec).ok());
}

TEST_CASE("huge strings: a 1 MB chain of comparisons and observations parses flat",
          "[hardening]") {
  const std::string comparisons =
      "[" + Repeat("file:name = 'a' OR ", 50000) + "file:name = 'b']";
  REQUIRE(comparisons.size() < stix::pattern::kMaxPatternBytes);
  CHECK(stix::pattern::ParseCheckedPattern(comparisons, stix::pattern::PatternRules::kSpec).ok());
  const std::string observations = Repeat("[file:name = 'a'] FOLLOWEDBY ", 30000) +
                                   "[file:name = 'b']";
  REQUIRE(observations.size() < stix::pattern::kMaxPatternBytes);
  CHECK(stix::pattern::ParseCheckedPattern(observations, stix::pattern::PatternRules::kSpec)
            .ok());
}

TEST_CASE("huge strings: an indicator with a 2 MB pattern is a finding, not a crash",
          "[hardening]") {
  const std::string indicator =
      R"({"type": "indicator", "spec_version": "2.1", "id": "indicator--8c6af861-7b20-41ef-9b59-6344fd872a8f", "created": "2016-08-08T15:50:10.983Z", "modified": "2016-08-08T15:50:10.983Z", "name": "x", "description": "y", "pattern_type": "stix", "valid_from": "2016-08-08T15:50:10.983Z", "pattern": "[file:name = ')" +
      std::string(2 << 20, 'a') + "']\"}";
  const stix::FileReport report = ValidateForTest(indicator);
  REQUIRE(report.fatal.ok());
  REQUIRE(report.findings.size() == 1);
  CHECK(report.findings[0].finding.message ==
        "pattern is not valid: expected a pattern of at most 1048576 bytes, found 2097168 bytes");
}

TEST_CASE("huge strings: the IOC extractor stays linear on 4 MB hostile runs", "[hardening]") {
  const size_t n = kSanitized ? (1u << 20) : (4u << 20);
  for (std::string_view unit : {"1.", "::", "@a", "a[.]", "http://", "hxxp[:]//a", "ab",
                                "AS1 ", "C:\\", "HKLM\\", "a.b.", "0123456789abcdef"}) {
    const std::string text = Repeat(unit, n / unit.size());
    CAPTURE(unit);
    const std::vector<convert::Ioc> iocs = convert::ExtractIocs(text);
    CHECK(iocs.size() <= text.size());
  }
}

}  // namespace
}  // namespace stixkit::testing
