// Hostile input, truncated files: every prefix of a sample is either a clean result or a
// clean error that names the file, never a crash, a hang or an internal error.
#include <catch2/catch.hpp>

#include "absl/strings/str_cat.h"
#include "tests/hardening/hostile_input.h"

namespace stixkit::testing {
namespace {

TEST_CASE("truncation: every prefix of a bundle is validated or refused with its location",
          "[hardening]") {
  const std::string bundle = Sample("bundles/phishing-campaign.json");
  const size_t last_brace = bundle.rfind('}');
  for (size_t n = 0; n <= bundle.size(); ++n) {
    const stix::FileReport report = ValidateForTest(std::string_view(bundle).substr(0, n));
    CAPTURE(n, report.fatal);
    if (n == 0) {
      CHECK(report.fatal.message() ==
            "in.json:1:1: the file is empty; expected a STIX bundle, object or array of objects");
    } else if (n <= last_brace) {
      // Cut before the closing brace: input that ends early is data loss, located.
      REQUIRE(report.fatal.code() == absl::StatusCode::kDataLoss);
      REQUIRE(IsCleanInputError(report.fatal, "in.json"));
    } else {
      REQUIRE(report.fatal.ok());
      CHECK(report.valid());
    }
  }
}

TEST_CASE("truncation: a bundle cut in the middle names the line and column where it ends",
          "[hardening]") {
  const std::string bundle = Sample("bundles/phishing-campaign.json");
  CHECK(ValidateForTest(bundle.substr(0, 1)).fatal.message() ==
        "in.json:1:2: unexpected end of input, expected a member name");
  const size_t objects = bundle.find("\"objects\":") + 10;
  CHECK(ValidateForTest(bundle.substr(0, objects)).fatal.message() ==
        "in.json:4:13: unexpected end of input, expected an array of STIX objects");
  CHECK(ValidateForTest(bundle.substr(0, objects + 3)).fatal.message() ==
        "in.json:5:1: unexpected end of input, expected a STIX object");
  const size_t inside = bundle.find("\"name\": \"Example Health ISAC\"") + 12;
  CHECK(ValidateForTest(bundle.substr(0, inside)).fatal.message() ==
        "in.json:11:15: unexpected end of input inside the string that starts here");
  const size_t between = bundle.find("\"organization\",") + 15;
  CHECK(ValidateForTest(bundle.substr(0, between)).fatal.message() ==
        "in.json:5:5: unexpected end of input: this value is never closed");
}

TEST_CASE("truncation: every prefix of a report converts to a valid bundle or a clean error",
          "[hardening]") {
  const std::string report = Sample("reports/02-full-disclosure.md");
  // Every offset up to kEvery, then every kStride-th: a conversion costs about a
  // millisecond, and all 7,000 offsets would take too long under the sanitizers.
  const size_t kEvery = kSanitized ? 400 : 2000;
  const size_t kStride = kSanitized ? 97 : 7;
  size_t converted = 0;
  for (size_t n = 0; n <= report.size(); n += n < kEvery ? 1 : kStride) {
    const std::string_view prefix = std::string_view(report).substr(0, n);
    auto conversion = ConvertForTest("02-full-disclosure.md", prefix);
    CAPTURE(n);
    if (!conversion.ok()) {
      CAPTURE(conversion.status());
      // Only an empty or blank prefix is refused; an Internal status would be an invalid
      // bundle, a converter bug.
      REQUIRE(prefix.find_first_not_of(" \t\r\n") == std::string_view::npos);
      REQUIRE(conversion.status().message() == "02-full-disclosure.md: the file is empty");
      continue;
    }
    ++converted;
    REQUIRE_FALSE(conversion->bundle_json.empty());
    REQUIRE(ValidateForTest(conversion->bundle_json, "out.json").valid());
  }
  CHECK(converted > 0);
}

TEST_CASE("truncation: every prefix of an HTML and a text report reads cleanly", "[hardening]") {
  for (const char* name : {"reports/06-web-advisory.html", "reports/05-advisory-tlp-amber.txt"}) {
    const std::string report = Sample(name);
    for (size_t n = 1; n <= report.size(); n += kSanitized ? 13 : 1) {
      auto doc = convert::ReadDocument(name, std::string_view(report).substr(0, n), std::nullopt);
      CAPTURE(name, n);
      if (!doc.ok()) {
        CAPTURE(doc.status());
        REQUIRE(doc.status().message() == absl::StrCat(name, ": the file is empty"));
      }
    }
  }
}

}  // namespace
}  // namespace stixkit::testing
