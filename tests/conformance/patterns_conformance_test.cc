// Replays the reference validators' recorded verdicts on STIX patterns:
//  - ../shared/conformance/patterns-v21.jsonl: the 87 patterns of stix2-patterns' own
//    v21 tests, each with the reference verdict; stixkit must agree on every one at the
//    reference level (PatternRules::kReference).
//  - ../shared/conformance/validator-cases-v21.jsonl: the stix2-validator 3.2.1 calls on
//    indicators; the number of pattern findings must equal the number of the reference's
//    "Pattern failed to validate" messages.
// Both skip with a warning when ../shared is absent.
#include <catch2/catch.hpp>
#include <fstream>
#include <string>

#include "rapidjson/document.h"
#include "stix/pattern/checked_pattern.h"
#include "stix/validate/pattern_check.h"
#include "tests/support/paths.h"

namespace stixkit::stix {
namespace {

std::optional<std::string> SharedFile(const std::string& name) {
  const std::optional<std::string> shared = testing::SharedDir();
  if (!shared) return std::nullopt;
  const std::string path = *shared + "/conformance/" + name;
  if (!std::ifstream(path)) return std::nullopt;
  return path;
}

TEST_CASE("conformance: pattern verdicts agree with stix2-patterns on all 87 patterns",
          "[stix][pattern][conformance]") {
  const std::optional<std::string> path = SharedFile("patterns-v21.jsonl");
  if (!path) {
    WARN("skipped: ../shared/conformance/patterns-v21.jsonl not found (set STIXKIT_SHARED_DIR)");
    return;
  }
  std::ifstream in(*path);
  std::string line;
  int total = 0;
  int agreed = 0;
  while (std::getline(in, line)) {
    if (line.empty()) continue;
    rapidjson::Document record;
    record.Parse(line.c_str(), line.size());
    REQUIRE_FALSE(record.HasParseError());
    const std::string text(record["pattern"].GetString(), record["pattern"].GetStringLength());
    const bool reference_valid = record["valid"].GetBool();
    const absl::StatusOr<pattern::Pattern> parsed =
        pattern::ParseCheckedPattern(text, pattern::PatternRules::kReference);
    ++total;
    CAPTURE(text, parsed.status().message());
    CHECK(parsed.ok() == reference_valid);
    if (parsed.ok() == reference_valid) ++agreed;
  }
  WARN("pattern verdicts agreeing with the reference: " << agreed << "/" << total);
  CHECK(total == 87);
  CHECK(agreed == total);
}

ValidationOptions OptionsOf(const rapidjson::Value& options) {
  ValidationOptions result;
  const auto flag = [&](const char* name) {
    return options.HasMember(name) && options[name].IsBool() && options[name].GetBool();
  };
  result.strict = flag("strict");
  result.strict_types = flag("strict_types");
  result.strict_properties = flag("strict_properties");
  if (options.HasMember("disabled") && options["disabled"].IsArray()) {
    for (const auto& entry : options["disabled"].GetArray()) {
      result.disabled.emplace_back(entry.GetString());
    }
  }
  return result;
}

int ReferencePatternMessages(const rapidjson::Value& record) {
  int count = 0;
  for (const char* list : {"errors", "warnings"}) {
    for (const auto& message : record[list].GetArray()) {
      if (std::string(message.GetString()).find("Pattern failed to validate") !=
          std::string::npos) {
        ++count;
      }
    }
  }
  return count;
}

TEST_CASE("conformance: indicator pattern findings match stix2-validator's count",
          "[stix][pattern][conformance]") {
  const std::optional<std::string> path = SharedFile("validator-cases-v21.jsonl");
  if (!path) {
    WARN("skipped: ../shared/conformance/validator-cases-v21.jsonl not found");
    return;
  }
  std::ifstream in(*path);
  std::string line;
  int compared = 0;
  while (std::getline(in, line)) {
    rapidjson::Document record;
    record.Parse(line.c_str(), line.size());
    REQUIRE_FALSE(record.HasParseError());
    const rapidjson::Value& instance = record["instance"];
    // Only single indicators; custom-schema runs are out of scope (conformance/README.md).
    if (!instance.IsObject() || !instance.HasMember("type") ||
        std::string(instance["type"].GetString()) != "indicator" ||
        (record["options"].HasMember("schema_dir") && record["options"]["schema_dir"].IsString())) {
      continue;
    }
    const ValidationOptions options = OptionsOf(record["options"]);
    Findings findings;
    CheckIndicatorPattern(instance, options, &findings);
    CheckIndicatorPatternStrict(instance, options, &findings);
    CAPTURE(record["test"].GetString(), line);
    CHECK(static_cast<int>(findings.size()) == ReferencePatternMessages(record));
    ++compared;
  }
  CHECK(compared > 0);
}

}  // namespace
}  // namespace stixkit::stix
