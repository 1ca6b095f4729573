// Hostile input, invalid UTF-8: overlong encodings (C0 80, E0 80 80, F0 80 80 80),
// surrogates (ED A0 80), code points above U+10FFFF (F4 90 80 80), and bytes that never
// start a sequence (F8, FF), in bundles, reports and patterns. Bundles refuse them with
// their position; reports replace them with U+FFFD and say so; patterns refuse them.

#include <catch2/catch.hpp>

#include "absl/strings/str_format.h"
#include "converters/extract/ioc_extractor.h"
#include "stix/pattern/checked_pattern.h"
#include "tests/hardening/hostile_input.h"

namespace stixkit::testing {
namespace {

struct BadSequence {
  const char* what;
  std::string bytes;
};

const std::vector<BadSequence>& BadSequences() {
  static const std::vector<BadSequence> kAll = {
      {"overlong NUL", std::string("\xC0\x80", 2)},
      {"overlong 3-byte", "\xE0\x80\x80"},
      {"overlong 4-byte", "\xF0\x80\x80\x80"},
      {"surrogate", "\xED\xA0\x80"},
      {"above U+10FFFF", "\xF4\x90\x80\x80"},
      {"5-byte form", "\xF8\x88\x80\x80\x80"},
      {"FF byte", "\xFF"},
      {"lone continuation", "\x80"},
      {"truncated sequence", "\xE2\x82"},
  };
  return kAll;
}

constexpr char kIdentityHead[] =
    R"({"type": "identity", "spec_version": "2.1", "id": "identity--8c6af861-7b20-41ef-9b59-6344fd872a8f", "created": "2016-08-08T15:50:10.983Z", "modified": "2016-08-08T15:50:10.983Z", "identity_class": "organization", "name": "a)";

TEST_CASE("invalid utf-8: a bundle with an invalid sequence is refused at its position",
          "[hardening]") {
  for (const BadSequence& bad : BadSequences()) {
    CAPTURE(bad.what);
    const std::string object = kIdentityHead + bad.bytes + "b\"}";
    const std::string bundle =
        "{\"type\": \"bundle\", \"id\": \"bundle--44af6c39-c09b-49c5-9de2-394224b04982\",\n"
        "\"objects\": [\n" + object + "\n]}";
    // Located at the string that holds it.
    CHECK(ValidateForTest(bundle).fatal.message() ==
          "in.json:3:224: invalid UTF-8; STIX JSON must be UTF-8 (RFC 8259 \u00a78.1)");
  }
}

TEST_CASE("invalid utf-8: an invalid sequence in a member name is refused too", "[hardening]") {
  for (const BadSequence& bad : BadSequences()) {
    CAPTURE(bad.what);
    const std::string object = "{\"type\": \"identity\", \"x_" + bad.bytes + "\": 1}";
    CHECK(ValidateForTest(object).fatal.message() ==
          "in.json:1:25: invalid UTF-8; STIX JSON must be UTF-8 (RFC 8259 \u00a78.1)");
  }
}

TEST_CASE("invalid utf-8: a report's invalid sequences become U+FFFD with a warning",
          "[hardening]") {
  for (const BadSequence& bad : BadSequences()) {
    CAPTURE(bad.what);
    for (auto format : {convert::Format::kMarkdown, convert::Format::kText,
                        convert::Format::kHtml}) {
      const std::string text = "# Incident " + bad.bytes +
                               "\n\n## Indicators of Compromise\n\n- evil" + bad.bytes +
                               ".example.com\n- 198.51.100.7" + bad.bytes + "\n";
      auto conversion = ConvertForTest("bad.md", text, format);
      REQUIRE(conversion.ok());
      // One warning per affected line, in line order.
      std::vector<std::string> repairs;
      for (const std::string& w : conversion->warnings) {
        if (w.find("invalid UTF-8") != std::string::npos) repairs.push_back(w);
      }
      CHECK(repairs == std::vector<std::string>{"line 1: invalid UTF-8 replaced with U+FFFD",
                                                "line 5: invalid UTF-8 replaced with U+FFFD",
                                                "line 6: invalid UTF-8 replaced with U+FFFD"});
      // The bundle is valid UTF-8 and valid STIX.
      CHECK(ValidateForTest(conversion->bundle_json, "out.json").valid());
    }
  }
}

TEST_CASE("invalid utf-8: a pattern with an invalid sequence is refused with its column",
          "[hardening]") {
  for (const BadSequence& bad : BadSequences()) {
    CAPTURE(bad.what);
    const std::string expected =
        absl::StrFormat("expected UTF-8 text, found byte 0x%02x",
                        static_cast<unsigned char>(bad.bytes[0]));
    const std::string in_string = "[file:name = 'a" + bad.bytes + "']";
    CHECK(stix::pattern::ParseCheckedPattern(in_string, stix::pattern::PatternRules::kSpec)
              .status()
              .message() == "column 16: " + expected);
    const std::string in_path = "[file:na" + bad.bytes + "me = 'a']";
    CHECK(stix::pattern::ParseCheckedPattern(in_path, stix::pattern::PatternRules::kReference)
              .status()
              .message() == "column 9: " + expected);
  }
}

TEST_CASE("invalid utf-8: the IOC extractor reads through invalid sequences", "[hardening]") {
  // The convert pipeline cleans text first (text_cleanup.h); the extractor alone must
  // still not trip over raw invalid bytes.
  for (const BadSequence& bad : BadSequences()) {
    CAPTURE(bad.what);
    const std::vector<convert::Ioc> iocs = convert::ExtractIocs(
        "C2 198.51.100.7 " + bad.bytes + " and hxxp://evil[.]com/a " + bad.bytes + "x");
    REQUIRE(iocs.size() == 2);
    CHECK(iocs[0].value == "198.51.100.7");
    CHECK(iocs[1].value == "http://evil.com/a");
  }
}

}  // namespace
}  // namespace stixkit::testing
