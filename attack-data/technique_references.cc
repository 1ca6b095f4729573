// One pass over the bundle collects the ATT&CK attack-patterns and every reference to
// an attack-pattern; the references are resolved after the pass, because a
// relationship may come before the objects it joins.
#include "attack-data/technique_references.h"

#include <algorithm>
#include <map>
#include <utility>

#include "absl/container/flat_hash_map.h"
#include "absl/strings/ascii.h"
#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "rapidjson/document.h"
#include "stix/base/status.h"
#include "stix/base/strings.h"
#include "stix/json/json_parser.h"
#include "stix/json/top_level_scanner.h"

namespace stixkit::attack {
namespace {

constexpr std::string_view kPatternPrefix = "attack-pattern--";

std::string_view Str(const rapidjson::Value& v) { return {v.GetString(), v.GetStringLength()}; }

std::string_view MemberString(const rapidjson::Value& object, const char* name) {
  const auto it = object.FindMember(name);
  return it != object.MemberEnd() && it->value.IsString() ? Str(it->value) : std::string_view();
}

bool IsAttackSource(std::string_view name) {
  return name == "mitre-attack" || name == "mitre-mobile-attack" || name == "mitre-ics-attack";
}

// The ATT&CK technique id of an attack-pattern, upper-cased; "" if it has none.
std::string TechniqueId(const rapidjson::Value& object) {
  const auto refs = object.FindMember("external_references");
  if (refs == object.MemberEnd() || !refs->value.IsArray()) return "";
  for (const rapidjson::Value& ref : refs->value.GetArray()) {
    if (!ref.IsObject() || !IsAttackSource(MemberString(ref, "source_name"))) continue;
    const std::string id = absl::AsciiStrToUpper(Av(MemberString(ref, "external_id")));
    if (absl::StartsWith(id, "T")) return id;
  }
  return "";
}

std::vector<std::string> Tactics(const rapidjson::Value& object) {
  std::vector<std::string> tactics;
  const auto phases = object.FindMember("kill_chain_phases");
  if (phases == object.MemberEnd() || !phases->value.IsArray()) return tactics;
  for (const rapidjson::Value& phase : phases->value.GetArray()) {
    if (!phase.IsObject() || !IsAttackSource(MemberString(phase, "kill_chain_name"))) continue;
    const std::string_view name = MemberString(phase, "phase_name");
    if (!name.empty()) tactics.emplace_back(name);
  }
  return tactics;
}

// Who made or marked an object says nothing about what it describes.
bool IsDescriptiveRef(std::string_view key) {
  if (key == "created_by_ref" || key == "object_marking_refs") return false;
  if (absl::StartsWith(Av(key), "x_mitre_")) return false;
  return absl::EndsWith(Av(key), "_ref") || absl::EndsWith(Av(key), "_refs");
}

// A bundle object that points at attack-patterns, remembered until the pass is done.
struct Pointer {
  std::string id;
  std::string type;
  std::string relationship_type, source_ref, target_ref;  // relationships only
  std::vector<std::string> patterns;                      // attack-pattern ids it names
};

class Collector {
 public:
  void Add(const rapidjson::Value& object);
  BundleTechniques Finish() const;

 private:
  std::string Label(const std::string& id) const;
  std::string Describe(const Pointer& p, const std::string& pattern) const;

  absl::flat_hash_map<std::string, std::string> names_;        // object id → name
  std::vector<std::pair<std::string, std::string>> patterns_;  // (STIX id, technique id)
  std::map<std::string, TechniqueReference> techniques_;       // by technique id
  std::vector<Pointer> pointers_;
};

void Collector::Add(const rapidjson::Value& object) {
  const std::string id(MemberString(object, "id"));
  const std::string_view name = MemberString(object, "name");
  if (!name.empty()) names_[id] = name;
  if (MemberString(object, "type") == "attack-pattern") {
    if (std::string technique = TechniqueId(object); !technique.empty()) {
      TechniqueReference& ref = techniques_[technique];
      ref.technique_id = technique;
      for (std::string& tactic : Tactics(object)) {
        if (std::find(ref.tactics.begin(), ref.tactics.end(), tactic) == ref.tactics.end()) {
          ref.tactics.push_back(std::move(tactic));
        }
      }
      patterns_.emplace_back(id, std::move(technique));
    }
  }
  Pointer p;
  p.id = id;
  p.type = MemberString(object, "type");
  for (const auto& member : object.GetObject()) {
    const std::string_view key = Str(member.name);
    if (!IsDescriptiveRef(key)) continue;
    auto note = [&](const rapidjson::Value& v) {
      if (v.IsString() && absl::StartsWith(Av(Str(v)), Av(kPatternPrefix)) && Str(v) != id) {
        p.patterns.emplace_back(Str(v));
      }
    };
    if (member.value.IsArray()) {
      for (const rapidjson::Value& v : member.value.GetArray()) note(v);
    } else {
      note(member.value);
    }
  }
  if (p.patterns.empty()) return;
  if (p.type == "relationship") {
    p.relationship_type = MemberString(object, "relationship_type");
    p.source_ref = MemberString(object, "source_ref");
    p.target_ref = MemberString(object, "target_ref");
  }
  pointers_.push_back(std::move(p));
}

std::string Collector::Label(const std::string& id) const {
  const auto it = names_.find(id);
  return it == names_.end() ? id : absl::StrCat(id, " \"", it->second, "\"");
}

// "relationship--R: intrusion-set--G "APT29" uses" when the technique is the target,
// "relationship--R: uses tool--T "Net"" when it is the source, "report--X "Q3"" else.
std::string Collector::Describe(const Pointer& p, const std::string& pattern) const {
  if (p.type != "relationship") return Label(p.id);
  if (p.target_ref == pattern) {
    return absl::StrCat(p.id, ": ", Label(p.source_ref), " ", p.relationship_type);
  }
  return absl::StrCat(p.id, ": ", p.relationship_type, " ", Label(p.target_ref));
}

BundleTechniques Collector::Finish() const {
  std::map<std::string, TechniqueReference> techniques = techniques_;
  absl::flat_hash_map<std::string, std::string> technique_of;  // pattern STIX id → T id
  for (const auto& [stix_id, technique] : patterns_) {
    technique_of[stix_id] = technique;
    techniques[technique].referrers.push_back({stix_id, Label(stix_id)});
  }
  for (const Pointer& p : pointers_) {
    for (const std::string& pattern : p.patterns) {
      const auto it = technique_of.find(pattern);
      if (it == technique_of.end()) continue;
      std::vector<Referrer>& referrers = techniques[it->second].referrers;
      const bool seen = std::any_of(referrers.begin(), referrers.end(),
                                    [&](const Referrer& r) { return r.id == p.id; });
      if (!seen) referrers.push_back({p.id, Describe(p, pattern)});
    }
  }
  BundleTechniques out;
  for (auto& [id, ref] : techniques) out.techniques.push_back(std::move(ref));
  return out;
}

}  // namespace

absl::StatusOr<BundleTechniques> FindTechniqueReferences(std::string_view text,
                                                         std::string_view path) {
  Collector collector;
  const stix::JsonLimits limits;
  auto parse_and_add = [&](const stix::JsonSpan& span) -> absl::Status {
    rapidjson::Document doc;
    STIXKIT_RETURN_IF_ERROR(stix::ParseJson(span, path, limits, &doc));
    if (doc.IsObject()) collector.Add(doc);
    return absl::OkStatus();
  };
  STIXKIT_ASSIGN_OR_RETURN(
      const stix::TopLevel top,
      stix::ScanTopLevel(text, path, limits,
                         [&](const stix::JsonSpan& span, size_t) { return parse_and_add(span); }));
  if (top.kind == stix::TopLevelKind::kSingleObject) {
    STIXKIT_RETURN_IF_ERROR(parse_and_add(top.whole));
  }
  BundleTechniques out = collector.Finish();
  if (top.kind == stix::TopLevelKind::kBundle) {
    rapidjson::Document shell;
    shell.Parse(top.bundle_shell.data(), top.bundle_shell.size());
    if (!shell.HasParseError() && shell.IsObject()) out.bundle_id = MemberString(shell, "id");
  }
  return out;
}

}  // namespace stixkit::attack
