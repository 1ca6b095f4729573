// Hostile input, random byte flips: thousands of copies of a sample bundle, report and
// pattern, each with 1-8 bytes XOR-ed with random values from a fixed-seed PRNG (so a
// failure names a mutant that can be rebuilt). Every copy gets a result or a clean error.
#include <catch2/catch.hpp>

#include "stix/pattern/checked_pattern.h"
#include "tests/hardening/hostile_input.h"

namespace stixkit::testing {
namespace {

constexpr size_t kFlipped = kSanitized ? 500 : 3000;

std::string Flip(std::string s, Prng& prng) {
  const size_t flips = 1 + prng.Below(8);
  for (size_t i = 0; i < flips && !s.empty(); ++i) {
    s[prng.Below(s.size())] ^= static_cast<char>(1 + prng.Below(255));
  }
  return s;
}

TEST_CASE("byte flips: 3,000 flipped bundles are validated or refused with a location",
          "[hardening]") {
  const std::string bundle = Sample("bundles/phishing-campaign.json");
  Prng prng(101);
  size_t fatal = 0;
  for (size_t i = 0; i < kFlipped; ++i) {
    const std::string flipped = Flip(bundle, prng);
    const stix::FileReport report = ValidateForTest(flipped);
    if (report.fatal.ok()) continue;
    ++fatal;
    CAPTURE(i, flipped, report.fatal);
    REQUIRE(IsCleanInputError(report.fatal, "in.json"));
  }
  // Most flips break the JSON; some only change a value and leave findings.
  CHECK(fatal > 0);
  CHECK(fatal < kFlipped);
}

TEST_CASE("byte flips: 3,000 flipped reports convert to valid bundles or clean errors",
          "[hardening]") {
  const std::vector<std::string> reports = {Sample("reports/02-full-disclosure.md"),
                                            Sample("reports/06-web-advisory.html"),
                                            Sample("reports/05-advisory-tlp-amber.txt")};
  Prng prng(102);
  for (size_t i = 0; i < kFlipped; ++i) {
    const std::string flipped = Flip(reports[i % reports.size()], prng);
    const auto conversion = ConvertForTest("r.in", flipped);
    if (conversion.ok()) continue;
    CAPTURE(i, flipped, conversion.status());
    REQUIRE(IsCleanInputError(conversion.status(), "r.in"));
  }
}

TEST_CASE("byte flips: 3,000 flipped patterns parse or fail with InvalidArgument",
          "[hardening]") {
  const std::string pattern =
      "([ipv4-addr:value = '198.51.100.1/32' OR file:hashes.'SHA-256' = "
      "'aec070645fe53ee3b3763059376134f058cc337247c978add178b6ccdfb0019f'] FOLLOWEDBY "
      "[url:value LIKE 'http://%']) WITHIN 60 SECONDS START t'2016-06-01T00:00:00Z' STOP "
      "t'2016-07-01T00:00:00Z'";
  Prng prng(103);
  for (size_t i = 0; i < kFlipped; ++i) {
    const std::string flipped = Flip(pattern, prng);
    const auto parsed =
        stix::pattern::ParseCheckedPattern(flipped, stix::pattern::PatternRules::kSpec);
    if (parsed.ok()) continue;
    CAPTURE(i, flipped, parsed.status());
    REQUIRE(parsed.status().code() == absl::StatusCode::kInvalidArgument);
    const std::string message(parsed.status().message());
    REQUIRE((message.rfind("column ", 0) == 0 || message.rfind("line ", 0) == 0));
  }
}

}  // namespace
}  // namespace stixkit::testing
