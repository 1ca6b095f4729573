// Replays the reference validator's recorded calls (../shared/conformance/
// validator-cases-v21.jsonl) through RunMustChecks alone and measures agreement:
// - a call the reference found valid must get no MUST finding (asserted);
// - for invalid calls, each reference error that is a MUST error (or a "format" error
//   of its schema stage, which formats.cc reproduces) is looked up among our findings;
//   the hits, misses and our extra findings are printed.
// Our messages follow house style (lower-case start, no final period), so both sides
// are compared in that form; format findings get the reference's path prefix.
#include <catch2/catch.hpp>
#include <fstream>
#include <iostream>
#include <string>
#include <vector>

#include "rapidjson/document.h"
#include "stix/validate/must_checks.h"
#include "tests/support/paths.h"

namespace stixkit::stix {
namespace {

// Text that only MUST errors (and format errors) of the reference contain. --enforce-refs
// errors belong to bundle_checks.cc; pattern errors come from pattern_check.cc, which
// RunMustChecks calls.
constexpr std::string_view kMustSignatures[] = {
    "Pattern failed to validate",
    "is not a valid timestamp",
    "must be later than",
    "cannot contain any references to this marking definition object",
    "is not a valid selector because",
    "in observable object",
    "must be an IANA registered",
    "is not a valid RFC 5646 language code",
    "contains an invalid language code",
    "is not CPE v2.3 compliant",
    "in 'contents' property must be an RFC 5646 code",
    "of the 'contents' property is invalid",
    "must use UUIDv4 for its id",
    "a UUIDv4 must be used",
    "is not one of those defined in the specification",
    "is not a 'uri'",
    "is not a 'email'",
};

bool HasCheckCode(std::string_view error) {
  for (size_t at = error.find('{'); at != std::string_view::npos; at = error.find('{', at + 1)) {
    size_t end = at + 1;
    while (end < error.size() && error[end] >= '0' && error[end] <= '9') ++end;
    if (end > at + 1 && end < error.size() && error[end] == '}') return true;
  }
  return false;
}

bool LooksLikeMust(std::string_view error) {
  if (HasCheckCode(error)) return false;
  for (std::string_view signature : kMustSignatures) {
    if (error.find(signature) != std::string_view::npos) return true;
  }
  return false;
}

// "<id>: <message>" with the message in house style: first letter lower-case, no
// final period.
std::string Normalize(std::string text) {
  if (!text.empty() && text.back() == '.') text.pop_back();
  const size_t colon = text.find(": ");
  if (colon != std::string::npos && colon + 2 < text.size()) {
    char& first = text[colon + 2];
    if (first >= 'A' && first <= 'Z') first = static_cast<char>(first - 'A' + 'a');
  }
  return text;
}

// jsonschema's error path: "external_references[0].url", "objects" entries as
// "object '0': value" (the reference validates them separately).
std::string ReferencePath(const std::string& pointer) {
  std::string path;
  std::vector<std::string> tokens;
  for (size_t at = 1; at <= pointer.size() && !pointer.empty();) {
    const size_t next = pointer.find('/', at);
    tokens.push_back(pointer.substr(at, next == std::string::npos ? std::string::npos : next - at));
    if (next == std::string::npos) break;
    at = next + 1;
  }
  size_t first = 0;
  if (tokens.size() > 2 && tokens[0] == "objects") {
    path = "object '" + tokens[1] + "': ";
    first = 2;
  }
  for (size_t i = first; i < tokens.size(); ++i) {
    const bool index =
        !tokens[i].empty() && tokens[i].find_first_not_of("0123456789") == std::string::npos;
    if (index) {
      path += "[" + tokens[i] + "]";
    } else {
      if (i > first) path += ".";
      path += tokens[i];
    }
  }
  return path;
}

std::vector<std::string> Rendered(const Finding& f) {
  std::vector<std::string> forms = {f.object_id + ": " + f.message};
  if (!f.pointer.empty())
    forms.push_back(f.object_id + ": " + ReferencePath(f.pointer) + ": " + f.message);
  return forms;
}

std::vector<std::string> Strings(const rapidjson::Value* list) {
  std::vector<std::string> out;
  if (list == nullptr || !list->IsArray()) return out;
  for (const auto& v : list->GetArray()) {
    if (v.IsString()) out.emplace_back(v.GetString(), v.GetStringLength());
  }
  return out;
}

ValidationOptions OptionsOf(const rapidjson::Value& o) {
  const auto flag = [&](const char* name) {
    return o.HasMember(name) && o[name].IsBool() && o[name].GetBool();
  };
  ValidationOptions options;
  options.strict = flag("strict");
  options.strict_types = flag("strict_types");
  options.strict_properties = flag("strict_properties");
  options.enforce_refs = flag("enforce_refs");
  options.interop = flag("interop");
  if (o.HasMember("version") && o["version"].IsString()) options.version = o["version"].GetString();
  options.disabled = Strings(o.HasMember("disabled") ? &o["disabled"] : nullptr);
  options.enabled = Strings(o.HasMember("enabled") ? &o["enabled"] : nullptr);
  return options;
}

// The reference runs its MUST checks on the instance and, recursively, on every
// STIX-looking object (with "id" and "type") inside a list property.
void RunOnTree(const rapidjson::Value& value, const CheckContext& ctx, Findings* out) {
  if (value.IsArray()) {
    for (const auto& item : value.GetArray()) RunOnTree(item, ctx, out);
    return;
  }
  if (!value.IsObject()) return;
  RunMustChecks(value, ctx, out);
  for (const auto& m : value.GetObject()) {
    if (!m.value.IsArray()) continue;
    for (const auto& item : m.value.GetArray()) {
      if (item.IsObject() && item.HasMember("id") && item.HasMember("type"))
        RunOnTree(item, ctx, out);
    }
  }
}

struct Tally {
  int valid_cases = 0;
  int invalid_cases = 0;
  int reference_must_errors = 0;
  int caught = 0;
  int caught_reworded = 0;
  std::vector<std::string> misses;
  std::vector<std::string> extras;
};

// pattern_check.cc words its findings its own way (house style, with a column); a
// pattern error counts as caught when the same object gets an unused /pattern finding.
bool CaughtInOwnWords(std::string_view error, const Findings& findings, std::vector<bool>* used) {
  if (error.find("Pattern failed to validate") == std::string_view::npos) return false;
  const std::string_view id = error.substr(0, error.find(": "));
  for (size_t i = 0; i < findings.size(); ++i) {
    if (!(*used)[i] && findings[i].object_id == id && findings[i].pointer == "/pattern") {
      (*used)[i] = true;
      return true;
    }
  }
  return false;
}

void Measure(int line, const rapidjson::Document& c, Tally* tally) {
  const CheckSelection selection;
  const ValidationOptions options = OptionsOf(c["options"]);
  const CheckContext ctx{options, selection};
  Findings findings;
  RunOnTree(c["instance"], ctx, &findings);
  const std::string test = c.HasMember("test") ? c["test"].GetString() : "";
  const std::string where =
      "line " + std::to_string(line) + " (" + test.substr(test.rfind(':') + 1) + ")";

  if (c["valid"].GetBool()) {
    ++tally->valid_cases;
    std::string unexpected;
    for (const Finding& f : findings) unexpected += "\n  " + Rendered(f).back();
    INFO(where << ": valid for the reference, yet MUST findings:" << unexpected);
    CHECK(findings.empty());
    return;
  }
  ++tally->invalid_cases;
  std::vector<bool> used(findings.size(), false);
  for (const std::string& error : Strings(&c["errors"])) {
    if (!LooksLikeMust(error)) continue;
    ++tally->reference_must_errors;
    const std::string want = Normalize(error);
    bool hit = false;
    for (size_t i = 0; i < findings.size() && !hit; ++i) {
      for (const std::string& form : Rendered(findings[i])) {
        if (form == want) hit = used[i] = true;
      }
    }
    if (hit) {
      ++tally->caught;
    } else if (CaughtInOwnWords(error, findings, &used)) {
      ++tally->caught_reworded;
    } else {
      tally->misses.push_back(where + ": " + error);
    }
  }
  for (size_t i = 0; i < findings.size(); ++i) {
    if (!used[i]) tally->extras.push_back(where + ": " + Rendered(findings[i]).back());
  }
}

TEST_CASE("reference cases: MUST findings agree with the recorded reference verdicts",
          "[stix][validate][conformance]") {
  const std::optional<std::string> shared = stixkit::testing::SharedDir();
  if (!shared) {
    WARN("skipped: ../shared is absent, so the recorded reference cases cannot be replayed");
    return;
  }
  std::ifstream in(*shared + "/conformance/validator-cases-v21.jsonl");
  if (!in) {
    WARN("skipped: conformance/validator-cases-v21.jsonl is absent from " << *shared);
    return;
  }
  Tally tally;
  int line_number = 0;
  int skipped = 0;
  for (std::string line; std::getline(in, line);) {
    ++line_number;
    rapidjson::Document c;
    c.Parse(line.data(), line.size());
    REQUIRE_FALSE(c.HasParseError());
    const rapidjson::Value& options = c["options"];
    if (options.HasMember("schema_dir") && !options["schema_dir"].IsNull()) {
      ++skipped;  // custom schemas that are not recorded
      continue;
    }
    Measure(line_number, c, &tally);
  }
  std::cout << "MUST checks vs reference cases: " << tally.valid_cases << " valid cases, "
            << tally.invalid_cases << " invalid cases, " << skipped << " skipped (schema_dir)\n"
            << "  reference MUST/format errors in invalid cases: " << tally.reference_must_errors
            << ", caught word for word: " << tally.caught
            << ", caught in other words (patterns): " << tally.caught_reworded
            << ", missed: " << tally.misses.size() << "\n";
  for (const std::string& miss : tally.misses) std::cout << "  miss:  " << miss << "\n";
  std::cout << "  our findings on invalid cases that the reference does not report: "
            << tally.extras.size() << "\n";
  for (const std::string& extra : tally.extras) std::cout << "  extra: " << extra << "\n";
}

}  // namespace
}  // namespace stixkit::stix
