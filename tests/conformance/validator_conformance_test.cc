// Replays the OASIS reference validator's recorded verdicts
// (../shared/conformance/validator-cases-v21.jsonl, stix2-validator 3.2.1) and measures
// how often stixkit agrees. Every disagreement is printed; docs/validation.md explains
// each one.
#include <fstream>
#include <map>
#include <regex>
#include <set>
#include <sstream>

#include <catch2/catch.hpp>

#include "rapidjson/document.h"
#include "rapidjson/stringbuffer.h"
#include "rapidjson/writer.h"
#include "stix/validate/validator.h"
#include "tests/support/paths.h"

namespace stixkit::stix {
namespace {

std::vector<std::string> Strings(const rapidjson::Value& v) {
  std::vector<std::string> out;
  if (v.IsArray()) {
    for (const auto& s : v.GetArray()) {
      if (s.IsString()) out.push_back(s.GetString());
    }
  }
  return out;
}

ValidationOptions OptionsOf(const rapidjson::Value& o) {
  ValidationOptions options;
  auto flag = [&](const char* name) { return o.HasMember(name) && o[name].IsTrue(); };
  options.strict = flag("strict");
  options.strict_types = flag("strict_types");
  options.strict_properties = flag("strict_properties");
  options.enforce_refs = flag("enforce_refs");
  options.interop = flag("interop");
  if (o.HasMember("version") && o["version"].IsString()) options.version = o["version"].GetString();
  options.disabled = Strings(o["disabled"]);
  options.enabled = Strings(o["enabled"]);
  return options;
}

std::set<std::string> ReferenceCodes(const rapidjson::Value& c) {
  // The reference writes "<id>: {code} message"; braces elsewhere (regex quantifiers
  // quoted in schema messages) are not codes.
  static const std::regex kCode(R"((?:^|: )\{(\d+)\} )");
  std::set<std::string> codes;
  for (const char* key : {"errors", "warnings"}) {
    for (const std::string& m : Strings(c[key])) {
      for (std::sregex_iterator it(m.begin(), m.end(), kCode), end; it != end; ++it) {
        codes.insert((*it)[1]);
      }
    }
  }
  return codes;
}

std::string Join(const std::set<std::string>& s) {
  std::string out;
  for (const auto& x : s) out += (out.empty() ? "" : ",") + x;
  return "{" + out + "}";
}

TEST_CASE("conformance: verdicts agree with the reference validator", "[conformance]") {
  const auto shared = testing::SharedDir();
  if (!shared) {
    WARN("../shared/conformance is absent: skipping the reference-validator replay");
    return;
  }
  std::ifstream in(*shared + "/conformance/validator-cases-v21.jsonl");
  REQUIRE(in);
  int cases = 0, verdicts = 0, code_sets = 0, line_no = 0;
  std::ostringstream disagreements;
  for (std::string line; std::getline(in, line);) {
    ++line_no;
    rapidjson::Document c;
    c.Parse(line.c_str());
    REQUIRE_FALSE(c.HasParseError());
    if (c["options"].HasMember("schema_dir") && !c["options"]["schema_dir"].IsNull()) continue;
    ++cases;
    rapidjson::StringBuffer text;
    rapidjson::Writer<rapidjson::StringBuffer> writer(text);
    c["instance"].Accept(writer);
    auto validator = Validator::Create(OptionsOf(c["options"]));
    REQUIRE(validator.ok());
    const FileReport report = validator->ValidateText(text.GetString(), "case.json");
    std::set<std::string> ours;
    for (const auto& f : report.findings) {
      if (!f.finding.code.empty()) ours.insert(f.finding.code);
    }
    const bool same_verdict = report.valid() == c["valid"].GetBool();
    const std::set<std::string> theirs = ReferenceCodes(c);
    verdicts += same_verdict;
    code_sets += ours == theirs;
    if (!same_verdict || ours != theirs) {
      disagreements << "line " << line_no << " " << c["test"].GetString()
                    << ": reference valid=" << c["valid"].GetBool() << " codes=" << Join(theirs)
                    << "; stixkit valid=" << report.valid() << " codes=" << Join(ours);
      if (!report.fatal.ok()) disagreements << " fatal=" << report.fatal.message();
      for (const auto& f : report.findings) {
        if (f.finding.severity == Severity::kError) {
          disagreements << "\n      ours: " << f.finding.code << " " << f.finding.pointer << " "
                        << f.finding.message;
        }
      }
      for (const std::string& m : Strings(c["errors"])) disagreements << "\n      ref: " << m;
      disagreements << "\n";
    }
  }
  const double verdict_rate = 100.0 * verdicts / cases;
  const double code_rate = 100.0 * code_sets / cases;
  WARN("reference replay: " << cases << " cases; verdicts agree " << verdicts << " ("
                            << verdict_rate << "%); best-practice code sets agree " << code_sets
                            << " (" << code_rate << "%)\n"
                            << disagreements.str());
  CHECK(cases == 549);
  CHECK(verdict_rate >= 99.0);
  CHECK(code_rate >= 95.0);
}

TEST_CASE("conformance: the OASIS example bundles are valid with the reference's warnings",
          "[conformance]") {
  const auto shared = testing::SharedDir();
  if (!shared) {
    WARN("../shared/conformance is absent: skipping the example bundles");
    return;
  }
  // The reference warns 103 on infrastructure.json and 302 on the two threat reports.
  const std::map<std::string, std::set<std::string>> expected = {
      {"indicator-to-campaign-relationship.json", {}},
      {"malicious-email-indicator-with-attachment.json", {}},
      {"infrastructure.json", {"103"}},
      {"indicators-for-C2-with-COA.json", {}},
      {"indicator-for-c2-ip-address.json", {}},
      {"interop-objectmarking-test.json", {}},
      {"threat-reports/apt1.json", {"302"}},
      {"threat-reports/poisonivy.json", {"302"}},
  };
  auto validator = Validator::Create({});
  REQUIRE(validator.ok());
  for (const auto& [file, codes] : expected) {
    const FileReport report = validator->ValidateFile(*shared + "/conformance/examples/" + file);
    std::set<std::string> ours;
    for (const auto& f : report.findings) ours.insert(f.finding.code);
    INFO(file);
    CHECK(report.fatal.ok());
    CHECK(report.valid());
    CHECK(Join(ours) == Join(codes));
  }
}

}  // namespace
}  // namespace stixkit::stix
