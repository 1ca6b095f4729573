// Inputs that the libFuzzer targets (tests/fuzz/, docs/fuzzing.md) found crashing, hanging,
// leaking or tripping a sanitizer, each replayed through the entry point that failed, to
// show it now gives a clean result or a clean error. Long inputs live under
// tests/regressions/inputs/, named after the target and the bug.
#include <string>
#include <vector>

#include "absl/time/time.h"
#include "catch2/catch.hpp"
#include "converters/convert.h"
#include "converters/extract/ioc_extractor.h"
#include "stix/validate/validator.h"
#include "tests/support/paths.h"

namespace stixkit {
namespace {

const stix::Validator& TestValidator() {
  static const stix::Validator* validator = [] {
    stix::ValidatorSettings settings;
    settings.jobs = 1;
    return new stix::Validator(*stix::Validator::Create({}, settings));
  }();
  return *validator;
}

// What convert_fuzz does with each input: auto-detected format, fixed time.
absl::StatusOr<convert::Conversion> ConvertLikeTheFuzzer(const std::string& bytes) {
  convert::ConvertOptions options;
  options.now = absl::FromUnixSeconds(1735689600);
  return convert::ConvertReport("fuzz-report", bytes, std::nullopt, options, TestValidator());
}

TEST_CASE("fuzz regressions: an email whose domain has '_' is not an email IOC",
          "[regressions]") {
  // convert_fuzz crash-ee1c60e5: "hr.notice[at]start_timetal-auth[.]com" became an
  // email-addr SCO whose value the validator's 'email' format refuses, so ConvertReport
  // answered Internal ("the bundle built from ... is invalid").
  for (const convert::Ioc& ioc : convert::ExtractIocs("hr.notice[at]start_timetal-auth[.]com")) {
    CHECK(ioc.type != convert::IocType::kEmail);
  }
  for (const convert::Ioc& ioc : convert::ExtractIocs("a@x_y.example.com")) {
    CHECK(ioc.type != convert::IocType::kEmail);
  }
  // Underscores stay fine in the local part.
  const std::vector<convert::Ioc> ok = convert::ExtractIocs("hr_notice@evil-auth.com");
  REQUIRE(ok.size() == 1);
  CHECK(ok[0].type == convert::IocType::kEmail);
  CHECK(ok[0].value == "hr_notice@evil-auth.com");
}

TEST_CASE("fuzz regressions: the defang-zoo report with an '_' email domain converts",
          "[regressions]") {
  const std::string bytes = testing::ReadTestFile(
      testing::SourceDir() + "/tests/regressions/inputs/convert-email-underscore-domain.md");
  const absl::StatusOr<convert::Conversion> result = ConvertLikeTheFuzzer(bytes);
  INFO(result.status().ToString());
  REQUIRE(result.ok());
}

}  // namespace
}  // namespace stixkit
