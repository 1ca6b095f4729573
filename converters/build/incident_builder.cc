// The incident: name and description (all core STIX 2.1 gives it), plus the Incident
// Core Extension where the report states what it covers. Its vocabularies and the
// phrases that select them are data: converters/data/incident-core.json. Tactics
// reach STIX through the attack-patterns' kill_chain_phases, never as a custom
// kill_chain_phases on the incident (check 401); tactics with activity but no
// technique are named in the description.
#include <string>
#include <utility>
#include <vector>

#include "absl/strings/ascii.h"
#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "converters/build/builders.h"
#include "converters/build/summary_text.h"
#include "rapidjson/document.h"
#include "stix/base/embedded_files.h"
#include "stix/base/strings.h"

namespace stixkit::convert {
namespace {

struct PhraseRule {
  std::string value;
  std::vector<std::string> phrases;
};

struct IncidentCore {
  std::string extension_id;
  std::string determination;
  std::string default_status;
  std::vector<PhraseRule> status;     // closed before open: "ongoing" loses to "resolved"
  std::vector<PhraseRule> detection;
  std::vector<std::pair<std::string, int>> criticality;
};

std::vector<PhraseRule> Rules(const rapidjson::Value& object) {
  std::vector<PhraseRule> rules;
  for (const auto& m : object.GetObject()) {
    if (!m.value.IsArray()) continue;
    PhraseRule r{m.name.GetString(), {}};
    for (const auto& p : m.value.GetArray()) r.phrases.push_back(p.GetString());
    rules.push_back(std::move(r));
  }
  return rules;
}

const IncidentCore& Core() {
  static const IncidentCore* core = [] {
    auto* c = new IncidentCore;
    rapidjson::Document d;
    const auto text = FindEmbeddedFile("converters/data/incident-core.json");
    if (!text) return c;
    d.Parse(text->data(), text->size());
    if (!d.IsObject()) return c;
    c->extension_id = d["extension_id"].GetString();
    c->determination = d["determination"].GetString();
    c->default_status = d["investigation_status"]["default"].GetString();
    c->status = Rules(d["investigation_status"]);
    c->detection = Rules(d["detection_methods"]);
    for (const auto& m : d["criticality"].GetObject()) {
      c->criticality.emplace_back(m.name.GetString(), m.value.GetInt());
    }
    return c;
  }();
  return *core;
}

bool Mentions(const std::string& lower, const PhraseRule& rule) {
  for (const std::string& p : rule.phrases) {
    if (absl::StrContains(lower, p)) return true;
  }
  return false;
}

struct Evidence {
  std::string all;        // lower-cased narrative text
  std::string detection;  // lower-cased text of detection/discovery fields
  std::string severity;   // lower-cased value of a severity/criticality field
};

Evidence Collect(const Document& doc, const SectionRouter& router) {
  Evidence e;
  for (size_t i = 0; i < doc.sections.size(); ++i) {
    const SectionKind kind = router.kind(i);
    if (kind == SectionKind::kReferences || kind == SectionKind::kRecommendations ||
        kind == SectionKind::kLessons || kind == SectionKind::kLegitimate) {
      continue;
    }
    const Section& s = doc.sections[i];
    const std::string title = absl::AsciiStrToLower(s.title);
    for (const Block& b : s.blocks) {
      const std::string key = absl::AsciiStrToLower(b.key);
      const std::string text = absl::AsciiStrToLower(b.text);
      absl::StrAppend(&e.all, " ", text);
      if (absl::StrContains(key, "detect") || absl::StrContains(key, "discover") ||
          absl::StrContains(title, "detect") || absl::StrContains(key, "identified")) {
        absl::StrAppend(&e.detection, " ", text);
      }
      if (absl::StrContains(key, "severity") || absl::StrContains(key, "criticality") ||
          absl::StrContains(key, "priority")) {
        e.severity = text;
      }
    }
  }
  return e;
}

void SetExtension(StixObject& incident, const Evidence& e) {
  const IncidentCore& core = Core();
  if (core.extension_id.empty()) return;
  auto& a = incident.allocator();
  rapidjson::Value ext(rapidjson::kObjectType);
  ext.AddMember("extension_type", "property-extension", a);
  ext.AddMember("determination", rapidjson::Value(core.determination.c_str(), a), a);
  std::string status = core.default_status;
  for (const PhraseRule& r : core.status) {
    if (Mentions(e.all, r)) {
      status = r.value;
      break;
    }
  }
  ext.AddMember("investigation_status", rapidjson::Value(status.c_str(), a), a);
  for (const auto& [word, value] : core.criticality) {
    if (absl::StrContains(e.severity, word)) {
      ext.AddMember("criticality", value, a);
      break;
    }
  }
  rapidjson::Value methods(rapidjson::kArrayType);
  for (const PhraseRule& r : core.detection) {
    if (Mentions(e.detection, r)) methods.PushBack(rapidjson::Value(r.value.c_str(), a), a);
  }
  if (!methods.Empty()) ext.AddMember("detection_methods", methods, a);
  rapidjson::Value extensions(rapidjson::kObjectType);
  extensions.AddMember(rapidjson::Value(core.extension_id.c_str(), a), ext, a);
  incident.SetValue("extensions", extensions);
}

std::string IncidentName(const Document& doc, BuildContext& ctx) {
  std::string title = IncidentTitle(doc);
  if (!title.empty()) return title;
  std::vector<StixObject*> identities = ctx.OfType("identity");
  for (StixObject* o : identities) {
    if (o->id() != ctx.author_id()) return absl::StrCat("Incident at ", Av(o->Get("name")));
  }
  return absl::StrCat("Incident reported in ", SourceLabel(doc));
}

}  // namespace

absl::Status BuildIncident(const SectionRouter& router, BuildContext& ctx) {
  const Document& doc = ctx.document();
  StixObject& incident = ctx.AddSdo("incident", "incident", ctx.Origin(doc.sections.empty()
                                                                             ? Section{}
                                                                             : doc.sections[0],
                                                                         nullptr));
  incident.Set("name", IncidentName(doc, ctx));
  std::string description = SummaryText(doc, router);
  if (!ctx.tactic_notes.empty()) {
    absl::StrAppend(&description, description.empty() ? "" : "\n\n",
                    "Tactics with disclosed activity but no identified ATT&CK technique:\n- ",
                    absl::StrJoin(ctx.tactic_notes, "\n- "));
  }
  if (!description.empty()) incident.Set("description", description);
  SetExtension(incident, Collect(doc, router));
  ctx.Found(absl::StrCat("incident \"", Av(incident.Get("name")), "\""));
  return absl::OkStatus();
}

}  // namespace stixkit::convert
