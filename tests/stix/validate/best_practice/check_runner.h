// Test helper for the best-practice check tests: parses one STIX object, runs
// RunBestPracticeChecks under the given options and returns the findings.
//
//   const Findings f = RunChecks(R"({"type": "indicator", ...})");
//   CHECK(CodesOf(f) == std::set<std::string>{"303"});
#ifndef STIXKIT_TESTS_STIX_VALIDATE_BEST_PRACTICE_CHECK_RUNNER_H_
#define STIXKIT_TESTS_STIX_VALIDATE_BEST_PRACTICE_CHECK_RUNNER_H_

#include <catch2/catch.hpp>
#include <set>
#include <string>
#include <string_view>

#include "rapidjson/document.h"
#include "stix/validate/best_practice_checks.h"
#include "stix/validate/check_selection.h"

namespace stixkit::stix::testing {

inline Findings RunChecks(std::string_view json, const ValidationOptions& options = {}) {
  rapidjson::Document doc;
  doc.Parse(json.data(), json.size());
  REQUIRE_FALSE(doc.HasParseError());
  auto selection = CheckSelection::FromOptions(options);
  REQUIRE(selection.ok());
  const CheckContext ctx{options, *selection};
  Findings findings;
  RunBestPracticeChecks(doc, ctx, &findings);
  for (const Finding& f : findings) CHECK(f.severity == Severity::kWarning);
  return findings;
}

inline std::set<std::string> CodesOf(const Findings& findings) {
  std::set<std::string> codes;
  for (const Finding& f : findings) codes.insert(f.code);
  return codes;
}

inline ValidationOptions Disabling(std::initializer_list<std::string> names) {
  ValidationOptions options;
  options.disabled = names;
  return options;
}

inline ValidationOptions Enabling(std::initializer_list<std::string> names) {
  ValidationOptions options;
  options.enabled = names;
  return options;
}

}  // namespace stixkit::stix::testing

#endif  // STIXKIT_TESTS_STIX_VALIDATE_BEST_PRACTICE_CHECK_RUNNER_H_
