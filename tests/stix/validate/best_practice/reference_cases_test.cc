// Replays the reference validator's recorded cases (shared/conformance/
// validator-cases-v21.jsonl) through the best-practice checks alone and compares the
// SET of check codes per case with the codes in the reference's errors and warnings.
// Codes the per-object checks cannot produce (203 duplicate-ids, done per bundle) are
// left out of the comparison; every remaining mismatch is printed so it can be
// explained.
#include <catch2/catch.hpp>
#include <fstream>
#include <set>
#include <sstream>
#include <string>

#include "rapidjson/document.h"
#include "stix/validate/best_practice_checks.h"
#include "stix/validate/check_selection.h"
#include "tests/support/paths.h"

namespace stixkit::stix {
namespace {

using CodeSet = std::set<std::string>;

std::vector<std::string> StringList(const rapidjson::Value& v) {
  std::vector<std::string> out;
  if (!v.IsArray()) return out;
  for (const auto& s : v.GetArray()) out.emplace_back(s.GetString());
  return out;
}

ValidationOptions OptionsOf(const rapidjson::Value& o) {
  ValidationOptions options;
  options.strict = o["strict"].GetBool();
  options.strict_types = o["strict_types"].GetBool();
  options.strict_properties = o["strict_properties"].GetBool();
  options.enforce_refs = o["enforce_refs"].GetBool();
  options.interop = o["interop"].GetBool();
  if (o["version"].IsString()) options.version = o["version"].GetString();
  options.disabled = StringList(o["disabled"]);
  options.enabled = StringList(o["enabled"]);
  return options;
}

// "<id>: {202} message" -> "202". Braces elsewhere (regex quantifiers such as {3} in
// schema messages) are not codes: the code always follows the "<id>: " prefix.
void AddCode(const std::string& message, CodeSet* codes) {
  const size_t at = message.find(": {");
  if (at == std::string::npos) return;
  const size_t close = message.find("} ", at + 3);
  if (close == std::string::npos || close == at + 3) return;
  const std::string code = message.substr(at + 3, close - at - 3);
  if (code.find_first_not_of("0123456789") != std::string::npos) return;
  if (code != "203") codes->insert(code);
}

// The reference runs its checks on the instance and on every dictionary with a type
// and an id inside its list properties (so bundle members, recursively).
void RunOnTree(const rapidjson::Value& object, const CheckContext& ctx, Findings* out) {
  RunBestPracticeChecks(object, ctx, out);
  for (const auto& m : object.GetObject()) {
    if (!m.value.IsArray()) continue;
    for (const auto& item : m.value.GetArray()) {
      if (item.IsObject() && item.HasMember("type") && item.HasMember("id")) {
        RunOnTree(item, ctx, out);
      }
    }
  }
}

std::string Join(const CodeSet& codes) {
  std::string out = "{";
  for (const std::string& c : codes) out += (out.size() > 1 ? "," : "") + c;
  return out + "}";
}

TEST_CASE("best practice: code sets agree with the reference validator's recorded cases",
          "[stix][validate][conformance]") {
  const auto shared = testing::SharedDir();
  if (!shared) {
    WARN("shared/ not found: skipping the reference-case replay");
    return;
  }
  std::ifstream in(*shared + "/conformance/validator-cases-v21.jsonl");
  if (!in) {
    WARN("validator-cases-v21.jsonl not found: skipping the reference-case replay");
    return;
  }
  int compared = 0;
  int agreed = 0;
  std::ostringstream report;
  std::string line;
  for (int index = 0; std::getline(in, line); ++index) {
    rapidjson::Document c;
    c.Parse(line.c_str());
    REQUIRE_FALSE(c.HasParseError());
    if (!c["options"]["schema_dir"].IsNull()) continue;
    const ValidationOptions options = OptionsOf(c["options"]);
    auto selection = CheckSelection::FromOptions(options);
    REQUIRE(selection.ok());
    const CheckContext ctx{options, *selection};
    Findings findings;
    const rapidjson::Value& instance = c["instance"];
    if (instance.IsObject()) RunOnTree(instance, ctx, &findings);
    if (instance.IsArray()) {
      for (const auto& item : instance.GetArray()) {
        if (item.IsObject()) RunOnTree(item, ctx, &findings);
      }
    }
    CodeSet expected;
    for (const char* list : {"errors", "warnings"}) {
      for (const auto& m : c[list].GetArray()) AddCode(m.GetString(), &expected);
    }
    CodeSet got;
    for (const Finding& f : findings) got.insert(f.code);
    ++compared;
    if (got == expected) {
      ++agreed;
      continue;
    }
    report << "  case " << index << " " << c["test"].GetString() << ": expected " << Join(expected)
           << ", got " << Join(got) << "\n";
  }
  const double share = compared == 0 ? 1.0 : static_cast<double>(agreed) / compared;
  WARN("best-practice code sets agree on " << agreed << " of " << compared << " cases ("
                                           << share * 100 << "%)\n"
                                           << report.str());
  CHECK(share >= 0.97);
}

TEST_CASE("best practice: the schema repository's examples warn as the reference does",
          "[stix][validate][conformance]") {
  const auto shared = testing::SharedDir();
  if (!shared) {
    WARN("shared/ not found: skipping the example files");
    return;
  }
  // The reference's verdicts on these files (shared/conformance/README.md).
  const std::pair<const char*, CodeSet> kExpected[] = {
      {"indicator-for-c2-ip-address.json", {}},
      {"indicator-to-campaign-relationship.json", {}},
      {"indicators-for-C2-with-COA.json", {}},
      {"infrastructure.json", {"103"}},
      {"interop-objectmarking-test.json", {}},
      {"malicious-email-indicator-with-attachment.json", {}},
      {"threat-reports/apt1.json", {"302"}},
      {"threat-reports/poisonivy.json", {"302"}},
  };
  const ValidationOptions options;
  auto selection = CheckSelection::FromOptions(options);
  REQUIRE(selection.ok());
  const CheckContext ctx{options, *selection};
  for (const auto& [file, expected] : kExpected) {
    std::ifstream in(*shared + "/conformance/examples/" + file);
    if (!in) {
      WARN("example " << file << " not found: skipped");
      continue;
    }
    std::stringstream text;
    text << in.rdbuf();
    rapidjson::Document doc;
    doc.Parse(text.str().c_str());
    REQUIRE_FALSE(doc.HasParseError());
    Findings findings;
    RunOnTree(doc, ctx, &findings);
    CodeSet got;
    for (const Finding& f : findings) got.insert(f.code);
    INFO(file);
    CHECK(Join(got) == Join(expected));
  }
}

}  // namespace
}  // namespace stixkit::stix
