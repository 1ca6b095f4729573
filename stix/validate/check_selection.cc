#include "stix/validate/check_selection.h"

#include <cstdio>
#include <cstdlib>

#include "absl/container/flat_hash_map.h"
#include "absl/container/flat_hash_set.h"
#include "absl/status/status.h"
#include "absl/strings/ascii.h"
#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_split.h"
#include "rapidjson/document.h"
#include "stix/base/embedded_files.h"
#include "stix/base/strings.h"

namespace stixkit::stix {
namespace {

constexpr const char* kPath = "stix/data/check-codes.json";

// The group codes select every leaf code in their range; "all" (a name only) is the
// reference's default run.
struct Group {
  std::string_view code;
  int first;
  int last;
};
constexpr Group kGroups[] = {
    {"1", 100, 199}, {"2", 200, 299}, {"210", 211, 269}, {"270", 271, 279}};

// 101 and 102 only stand in for 401 when it is disabled, so the default run omits them.
bool InDefaultRun(std::string_view code) { return code != "101" && code != "102"; }

// Quirk of the reference's list_shoulds (3.2.1): its --disable branch never appends
// these checks, so any non-empty disable list turns them off.
bool DroppedByAnyDisable(std::string_view code) {
  for (std::string_view c : {"103", "225", "226", "227", "228", "230", "231", "305", "306"}) {
    if (code == c) return true;
  }
  return false;
}

[[noreturn]] void Die(const char* what) {
  std::fprintf(stderr, "stixkit: embedded %s: %s\n", kPath, what);
  std::abort();
}

std::vector<CheckCode>* LoadCodes() {
  const auto text = FindEmbeddedFile(kPath);
  if (!text) Die("not embedded");
  rapidjson::Document doc;
  doc.Parse(text->data(), text->size());
  if (doc.HasParseError() || !doc.IsObject() || !doc.HasMember("codes") ||
      !doc["codes"].IsArray()) {
    Die("not valid JSON or no 'codes' list");
  }
  auto* codes = new std::vector<CheckCode>();
  for (const auto& row : doc["codes"].GetArray()) {
    if (!row.IsObject() || !row.HasMember("code") || !row.HasMember("name") ||
        !row.HasMember("description")) {
      Die("a code row lacks code, name or description");
    }
    codes->push_back(
        {row["code"].GetString(), row["name"].GetString(), row["description"].GetString()});
  }
  return codes;
}

const Group* GroupOf(std::string_view code) {
  for (const Group& g : kGroups) {
    if (g.code == code) return &g;
  }
  return nullptr;
}

int Number(std::string_view code) {
  int n = 0;
  return absl::SimpleAtoi(Av(code), &n) ? n : -1;
}

bool IsLeaf(const CheckCode& c) { return GroupOf(c.code) == nullptr; }

bool InGroup(const CheckCode& c, const Group& g) {
  const int n = Number(c.code);
  return IsLeaf(c) && n >= g.first && n <= g.last;
}

// Codes and names both resolve to codes; "all" resolves to itself.
absl::StatusOr<std::vector<std::string>> Resolve(const std::vector<std::string>& entries,
                                                 std::string_view flag) {
  static const auto* const by_key = [] {
    auto* map = new absl::flat_hash_map<std::string, std::string>();
    for (const CheckCode& c : AllCheckCodes()) {
      (*map)[c.code] = c.code;
      (*map)[c.name] = c.code;
    }
    (*map)["all"] = "all";
    return map;
  }();
  std::vector<std::string> codes;
  for (const std::string& entry : entries) {
    // Accept the reference's comma-separated form ("101,202") as well.
    for (absl::string_view part : absl::StrSplit(entry, ',', absl::SkipWhitespace())) {
      part = absl::StripAsciiWhitespace(part);
      const auto it = by_key->find(part);
      if (it == by_key->end()) {
        return absl::InvalidArgumentError(absl::StrCat("unknown check '", part, "' in ", Av(flag),
                                                       "; see 'stixkit validate --help'"));
      }
      codes.push_back(it->second);
    }
  }
  return codes;
}

bool Contains(const std::vector<std::string>& list, std::string_view code) {
  for (const std::string& c : list) {
    if (c == code) return true;
  }
  return false;
}

// What --enable X adds: a group's leaf codes, every default check for "all", or X.
void AddEnabled(std::string_view code, absl::flat_hash_set<std::string>* running) {
  const Group* group = GroupOf(code);
  for (const CheckCode& c : AllCheckCodes()) {
    const bool wanted = code == "all" ? IsLeaf(c) && InDefaultRun(c.code)
                        : group       ? InGroup(c, *group)
                                      : c.code == code;
    if (wanted) running->insert(c.code);
  }
}

// The reference's --disable branch: every check not disabled by its own code or by a
// group code, minus the quirk list; 101/102 stand in for a disabled 401.
void AddAllButDisabled(const std::vector<std::string>& disabled,
                       absl::flat_hash_set<std::string>* running) {
  if (Contains(disabled, "all")) return;
  auto off = [&](std::string_view code) { return Contains(disabled, code); };
  for (const CheckCode& c : AllCheckCodes()) {
    if (!IsLeaf(c) || !InDefaultRun(c.code) || off(c.code) || DroppedByAnyDisable(c.code)) {
      continue;
    }
    bool group_off = false;
    for (const Group& g : kGroups) group_off = group_off || (InGroup(c, g) && off(g.code));
    if (!group_off) running->insert(c.code);
  }
  if (off("401") && !off("1")) {
    if (!off("101")) {
      running->insert("101");
    } else if (!off("102")) {
      running->insert("102");
    }
  }
}

}  // namespace

const std::vector<CheckCode>& AllCheckCodes() {
  static const std::vector<CheckCode>* const codes = LoadCodes();
  return *codes;
}

absl::StatusOr<CheckSelection> CheckSelection::FromOptions(const ValidationOptions& options) {
  auto disabled = Resolve(options.disabled, "--disable");
  if (!disabled.ok()) return disabled.status();
  auto enabled = Resolve(options.enabled, "--enable");
  if (!enabled.ok()) return enabled.status();
  CheckSelection selection;
  if (disabled->empty() && enabled->empty()) AddEnabled("all", &selection.running_);
  if (!disabled->empty()) AddAllButDisabled(*disabled, &selection.running_);
  for (const std::string& code : *enabled) AddEnabled(code, &selection.running_);
  return selection;
}

bool CheckSelection::Runs(std::string_view code) const { return running_.contains(Av(code)); }

}  // namespace stixkit::stix
