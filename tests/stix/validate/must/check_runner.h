// Test helper for the MUST checks: parses a JSON object and runs all MUST checks, or
// one of them, with the given options.
//
//   const Findings findings = RunMust(R"({"type": "software", ...})");
//   CHECK(Messages(findings) == std::vector<std::string>{"provided CPE value ..."});
//
// Header-only; each call owns its document.
#ifndef STIXKIT_TESTS_STIX_VALIDATE_MUST_CHECK_RUNNER_H_
#define STIXKIT_TESTS_STIX_VALIDATE_MUST_CHECK_RUNNER_H_

#include <catch2/catch.hpp>
#include <string>
#include <string_view>
#include <vector>

#include "rapidjson/document.h"
#include "stix/validate/check_context.h"
#include "stix/validate/must_checks.h"

namespace stixkit::stix::testing {

using MustCheck = void (*)(const rapidjson::Value&, const CheckContext&, Findings*);

inline Findings RunMustCheck(MustCheck check, std::string_view json,
                             const ValidationOptions& options = {}) {
  rapidjson::Document doc;
  doc.Parse(json.data(), json.size());
  REQUIRE_FALSE(doc.HasParseError());
  const CheckSelection selection;
  const CheckContext ctx{options, selection};
  Findings findings;
  check(doc, ctx, &findings);
  return findings;
}

inline Findings RunMust(std::string_view json, const ValidationOptions& options = {}) {
  return RunMustCheck(RunMustChecks, json, options);
}

inline std::vector<std::string> Messages(const Findings& findings) {
  std::vector<std::string> out;
  for (const Finding& f : findings) out.push_back(f.message);
  return out;
}

inline std::vector<std::string> Pointers(const Findings& findings) {
  std::vector<std::string> out;
  for (const Finding& f : findings) out.push_back(f.pointer);
  return out;
}

}  // namespace stixkit::stix::testing

#endif  // STIXKIT_TESTS_STIX_VALIDATE_MUST_CHECK_RUNNER_H_
