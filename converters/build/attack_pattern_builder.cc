// ATT&CK techniques the text supports become attack-patterns with the ATT&CK id, page
// and kill-chain phases. A tactic field with disclosed activity but no technique the
// text supports ("Collection: Potential access to ... databases") is kept for the
// incident's description instead: a technique is never invented to carry a tactic.
#include <string>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "attack-data/catalog.h"
#include "converters/build/attack_reference.h"
#include "converters/build/builders.h"
#include "converters/build/excerpt.h"
#include "stix/base/strings.h"

namespace stixkit::convert {
namespace {

// ATT&CK's kill chain names, one per domain (as MITRE's own bundles spell them).
std::string_view KillChainName(const attack::Technique& t) {
  for (const std::string& d : t.domains) {
    if (d == "mobile-attack") return "mitre-mobile-attack";
    if (d == "ics-attack") return "mitre-ics-attack";
  }
  return "mitre-attack";
}

void SetKillChainPhases(StixObject& o, const attack::Technique& t) {
  auto& a = o.allocator();
  rapidjson::Value phases(rapidjson::kArrayType);
  const std::string_view chain = KillChainName(t);
  for (const std::string& tactic : t.tactics) {
    rapidjson::Value phase(rapidjson::kObjectType);
    phase.AddMember("kill_chain_name", rapidjson::Value(chain.data(), chain.size(), a), a);
    phase.AddMember("phase_name", rapidjson::Value(tactic.c_str(), tactic.size(), a), a);
    phases.PushBack(phase, a);
  }
  if (!phases.Empty()) o.SetValue("kill_chain_phases", phases);
}

}  // namespace

absl::Status BuildAttackPatterns(const SectionRouter&, const std::vector<MappedBlock>& mapped,
                                 BuildContext& ctx) {
  const attack::Catalog& catalog = attack::Catalog::Embedded();
  const Document& doc = ctx.document();
  for (const MappedBlock& m : mapped) {
    const Section& s = doc.sections[m.section];
    const Block& b = s.blocks[m.block];
    const std::string origin = ctx.Origin(s, &b);
    if (m.tactic_field && m.result.techniques.empty()) {
      ctx.tactic_notes.push_back(absl::StrCat(b.key, ": ", b.text));
      ctx.Ignored(absl::StrCat(origin, ": tactic ", m.tactic,
                               " has activity but no technique the text supports; named in "
                               "the incident's description"));
      continue;
    }
    for (const TechniqueHit& hit : m.result.techniques) {
      const attack::Technique* t = catalog.CurrentTechnique(hit.id);
      if (t == nullptr) t = catalog.FindTechnique(hit.id);
      if (t == nullptr || t->deprecated) {
        ctx.Ignored(absl::StrCat(origin, ": ", hit.id, " is deprecated in ATT&CK ",
                                 catalog.version()));
        continue;
      }
      StixObject& o = ctx.AddSdo("attack-pattern", absl::StrCat("technique:", t->id), origin);
      if (o.Has("name")) continue;
      o.Set("name", t->name);
      o.Set("description", absl::StrCat("Reported: \"", Excerpt(b.text, 400), "\""));
      SetKillChainPhases(o, *t);
      SetAttackReference(o, t->id);
      ctx.Found(absl::StrCat("attack-pattern ", t->id, " ", t->name, " (",
                             absl::StrFormat("%.2f", hit.score), ")"));
    }
  }
  return absl::OkStatus();
}

}  // namespace stixkit::convert
