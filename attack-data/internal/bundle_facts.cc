// One ATT&CK bundle → BundleFacts. The bundle is read with the project's streaming
// scanner, one object at a time, so the 45 MB Enterprise bundle never becomes one DOM.
#include "attack-data/internal/bundle_facts.h"

#include <algorithm>
#include <array>

#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "rapidjson/document.h"
#include "stix/json/json_access.h"
#include "stix/base/source_location.h"
#include "stix/base/status.h"
#include "stix/base/strings.h"
#include "stix/json/json_parser.h"
#include "stix/json/top_level_scanner.h"

namespace stixkit::attack::internal {
namespace {

// External-reference source names that carry ATT&CK ids. Current objects use
// "mitre-attack"; some Mobile and ICS objects still carry the older per-domain names
// (e.g. ICS T0850 and S0017 in v18.1), and dropping them would lose entries.
constexpr std::array<std::string_view, 3> kAttackSources = {"mitre-attack", "mitre-mobile-attack",
                                                            "mitre-ics-attack"};

bool IsCatalogType(std::string_view type) {
  return type == "attack-pattern" || type == "x-mitre-tactic" || type == "intrusion-set" ||
         type == "malware" || type == "tool" || type == "course-of-action";
}

// MITRE's kill chains are "mitre-attack", "mitre-mobile-attack" and "mitre-ics-attack";
// a bundle may also carry other kill chains (Lockheed's), whose phases are not tactics.
bool IsAttackKillChain(std::string_view name) {
  return std::find(kAttackSources.begin(), kAttackSources.end(), name) != kAttackSources.end();
}

std::string_view Str(const rapidjson::Value& v) { return {v.GetString(), v.GetStringLength()}; }

// Typed access to the members of one bundle object, with errors in the form
// "path: objects[i] (id): /member: ...".
class ObjectFields {
 public:
  ObjectFields(const rapidjson::Value& object, std::string_view path, size_t index)
      : object_(object), path_(path), index_(index) {}

  std::string_view String(const char* name) const {
    const rapidjson::Value* v = Get(name);
    return v != nullptr && v->IsString() ? Str(*v) : std::string_view();
  }

  absl::Status Error(std::string_view pointer, std::string_view message) const {
    return absl::InvalidArgumentError(absl::StrCat(Av(path_), ": objects[", index_, "] (",
                                                   Av(String("id")), "): ", Av(pointer), ": ",
                                                   Av(message)));
  }

  absl::Status RequiredString(const char* name, std::string* out) const {
    const rapidjson::Value* v = Get(name);
    if (v == nullptr) return Error(absl::StrCat("/", name), "missing; expected a string");
    if (!v->IsString()) return Mismatch(absl::StrCat("/", name), "a string", *v);
    out->assign(Str(*v));
    return absl::OkStatus();
  }

  absl::Status Bool(const char* name, bool* out) const {
    const rapidjson::Value* v = Get(name);
    if (v == nullptr) return absl::OkStatus();
    if (!v->IsBool()) return Mismatch(absl::StrCat("/", name), "true or false", *v);
    *out = v->GetBool();
    return absl::OkStatus();
  }

  // Appends the strings of the optional array `name`, skipping ones already in *out.
  absl::Status Strings(const char* name, std::vector<std::string>* out) const {
    const rapidjson::Value* v = Get(name);
    if (v == nullptr) return absl::OkStatus();
    if (!v->IsArray()) return Mismatch(absl::StrCat("/", name), "an array of strings", *v);
    for (rapidjson::SizeType i = 0; i < v->Size(); ++i) {
      const rapidjson::Value& item = (*v)[i];
      if (!item.IsString()) return Mismatch(absl::StrCat("/", name, "/", i), "a string", item);
      const bool seen = std::find(out->begin(), out->end(), Str(item)) != out->end();
      if (!seen) out->emplace_back(Str(item));
    }
    return absl::OkStatus();
  }

  // The elements of the optional array of objects `name`, checked to be objects.
  absl::StatusOr<std::vector<const rapidjson::Value*>> ObjectList(const char* name) const {
    std::vector<const rapidjson::Value*> items;
    const rapidjson::Value* v = Get(name);
    if (v == nullptr) return items;
    if (!v->IsArray()) return Mismatch(absl::StrCat("/", name), "an array of objects", *v);
    for (rapidjson::SizeType i = 0; i < v->Size(); ++i) {
      if (!(*v)[i].IsObject()) {
        return Mismatch(absl::StrCat("/", name, "/", i), "an object", (*v)[i]);
      }
      items.push_back(&(*v)[i]);
    }
    return items;
  }

  absl::Status Mismatch(std::string_view pointer, std::string_view expected,
                        const rapidjson::Value& found) const {
    return Error(pointer, absl::StrCat("expected ", Av(expected), ", found ", Av(stix::JsonKindName(found))));
  }

  const rapidjson::Value* Get(const char* name) const {
    const auto it = object_.FindMember(name);
    return it == object_.MemberEnd() ? nullptr : &it->value;
  }

 private:
  const rapidjson::Value& object_;
  std::string_view path_;
  size_t index_;
};

std::string_view MemberString(const rapidjson::Value& object, const char* name) {
  const auto it = object.FindMember(name);
  return it != object.MemberEnd() && it->value.IsString() ? Str(it->value) : std::string_view();
}

// The ATT&CK id from external_references; "mitre-attack" wins over the older names.
absl::StatusOr<std::string> AttackId(const ObjectFields& f) {
  STIXKIT_ASSIGN_OR_RETURN(const auto refs, f.ObjectList("external_references"));
  std::string id;
  for (const rapidjson::Value* ref : refs) {
    const std::string_view source = MemberString(*ref, "source_name");
    const std::string_view external_id = MemberString(*ref, "external_id");
    if (external_id.empty() || !IsAttackKillChain(source)) continue;
    if (source == kAttackSources[0]) return std::string(external_id);
    if (id.empty()) id = external_id;
  }
  return id;
}

absl::Status ReadTactics(const ObjectFields& f, AttackObject* object) {
  STIXKIT_ASSIGN_OR_RETURN(const auto phases, f.ObjectList("kill_chain_phases"));
  for (const rapidjson::Value* phase : phases) {
    const std::string_view phase_name = MemberString(*phase, "phase_name");
    if (!IsAttackKillChain(MemberString(*phase, "kill_chain_name")) || phase_name.empty()) continue;
    if (std::find(object->tactics.begin(), object->tactics.end(), phase_name) ==
        object->tactics.end()) {
      object->tactics.emplace_back(phase_name);
    }
  }
  return absl::OkStatus();
}

// Fills *object from a catalog-type object; leaves attack_id empty if it has none.
absl::Status ReadAttackObject(const ObjectFields& f, std::string_view type, AttackObject* object) {
  STIXKIT_ASSIGN_OR_RETURN(object->attack_id, AttackId(f));
  if (object->attack_id.empty()) return absl::OkStatus();
  object->type = type;
  STIXKIT_RETURN_IF_ERROR(f.RequiredString("id", &object->stix_id));
  STIXKIT_RETURN_IF_ERROR(f.RequiredString("name", &object->name));
  STIXKIT_RETURN_IF_ERROR(f.Bool("revoked", &object->revoked));
  STIXKIT_RETURN_IF_ERROR(f.Bool("x_mitre_deprecated", &object->deprecated));
  STIXKIT_RETURN_IF_ERROR(f.Strings("x_mitre_platforms", &object->platforms));
  STIXKIT_RETURN_IF_ERROR(f.Strings("x_mitre_aliases", &object->aliases));
  STIXKIT_RETURN_IF_ERROR(f.Strings("aliases", &object->aliases));
  if (type == "x-mitre-tactic") {
    STIXKIT_RETURN_IF_ERROR(f.RequiredString("x_mitre_shortname", &object->shortname));
  }
  return ReadTactics(f, object);
}

absl::Status ReadMatrixDomain(const ObjectFields& f, BundleFacts* facts) {
  STIXKIT_ASSIGN_OR_RETURN(const std::string domain, AttackId(f));
  if (domain.empty()) return absl::OkStatus();
  if (!facts->domain.empty() && facts->domain != domain) {
    return f.Error("/external_references",
                   absl::StrCat("this matrix is for \"", domain, "\" but an earlier one is for \"",
                                facts->domain, "\"; import one domain per bundle"));
  }
  facts->domain = domain;
  return absl::OkStatus();
}

void ReadStatement(const rapidjson::Value& object, BundleFacts* facts) {
  const auto definition = object.FindMember("definition");
  if (definition == object.MemberEnd() || !definition->value.IsObject()) return;
  const std::string_view statement = MemberString(definition->value, "statement");
  if (statement.empty()) return;
  auto& all = facts->copyright;
  if (std::find(all.begin(), all.end(), statement) == all.end()) all.emplace_back(statement);
}

void ReadRelationship(const rapidjson::Value& object, BundleFacts* facts) {
  const std::string_view type = MemberString(object, "relationship_type");
  Link link{std::string(MemberString(object, "source_ref")),
            std::string(MemberString(object, "target_ref"))};
  if (type == "revoked-by") facts->revoked_by.push_back(std::move(link));
  if (type == "subtechnique-of") facts->subtechnique_of.push_back(std::move(link));
}

absl::Status ReadObject(const rapidjson::Value& object, std::string_view path, size_t index,
                        BundleFacts* facts) {
  const ObjectFields f(object, path, index);
  const std::string_view type = f.String("type");
  if (IsCatalogType(type)) {
    AttackObject attack;
    STIXKIT_RETURN_IF_ERROR(ReadAttackObject(f, type, &attack));
    if (!attack.attack_id.empty()) facts->objects.push_back(std::move(attack));
  } else if (type == "relationship") {
    ReadRelationship(object, facts);
  } else if (type == "x-mitre-matrix") {
    STIXKIT_RETURN_IF_ERROR(ReadMatrixDomain(f, facts));
  } else if (type == "x-mitre-collection") {
    facts->version = f.String("x_mitre_version");
  } else if (type == "marking-definition") {
    ReadStatement(object, facts);
  }
  return absl::OkStatus();
}

constexpr std::string_view kExpectedBundle =
    "expected a STIX bundle ({\"type\": \"bundle\", \"objects\": [...]}), found ";

// Where the top-level value starts: after a byte order mark and whitespace.
size_t TopLevelStart(std::string_view text) {
  size_t pos = text.substr(0, 3) == "\xEF\xBB\xBF" ? 3 : 0;
  while (pos < text.size() &&
         std::string_view(" \t\r\n").find(text[pos]) != std::string_view::npos) {
    ++pos;
  }
  return pos;
}

// The error for a single object at the top level, naming its type when it has one.
absl::Status NotABundle(const stix::JsonSpan& whole, std::string_view text, std::string_view path) {
  rapidjson::Document doc;
  STIXKIT_RETURN_IF_ERROR(stix::ParseJson(whole, path, stix::JsonLimits{}, &doc));
  const std::string_view type = MemberString(doc, "type");
  const std::string found = type.empty() ? "an object without \"type\""
                                         : absl::StrCat("a single \"", Av(type), "\" object");
  return InputError(path, text, whole.offset, absl::StrCat(Av(kExpectedBundle), found));
}

}  // namespace

absl::StatusOr<BundleFacts> ReadBundleFacts(std::string_view text, std::string_view path) {
  // An array of objects is a valid STIX input elsewhere, but not how MITRE publishes
  // ATT&CK; refuse it before the scanner hands its elements to us.
  if (const size_t start = TopLevelStart(text); start < text.size() && text[start] == '[') {
    return InputError(path, text, start, absl::StrCat(Av(kExpectedBundle), "a JSON array"));
  }
  BundleFacts facts;
  const stix::JsonLimits limits;
  auto on_object = [&](const stix::JsonSpan& span, size_t index) -> absl::Status {
    rapidjson::Document doc;
    STIXKIT_RETURN_IF_ERROR(stix::ParseJson(span, path, limits, &doc));
    return ReadObject(doc, path, index, &facts);
  };
  STIXKIT_ASSIGN_OR_RETURN(const stix::TopLevel top,
                           stix::ScanTopLevel(text, path, limits, on_object));
  if (top.kind != stix::TopLevelKind::kBundle) return NotABundle(top.whole, text, path);
  return facts;
}

}  // namespace stixkit::attack::internal
