// Named adversaries and their software: "a group known as X" becomes an intrusion-set,
// "threat actor X" a threat-actor, and ATT&CK software the text names (Mimikatz,
// Cobalt Strike) a malware or tool carrying its ATT&CK id.
#include <string>

#include "absl/strings/ascii.h"
#include "absl/strings/str_cat.h"
#include "attack-data/catalog.h"
#include "converters/build/attack_reference.h"
#include "converters/build/builders.h"
#include "converters/extract/actors.h"
#include "converters/extract/malware_names.h"
#include "stix/base/strings.h"

namespace stixkit::convert {
namespace {

std::string ActorKey(std::string_view name) {
  return absl::StrCat("actor:", absl::AsciiStrToLower(Av(name)));
}

void AddNamedActors(const SectionRouter& router, BuildContext& ctx) {
  const Document& doc = ctx.document();
  for (size_t i = 0; i < doc.sections.size(); ++i) {
    const SectionKind kind = router.kind(i);
    if (kind == SectionKind::kReferences || kind == SectionKind::kLegitimate) continue;
    for (const Block& b : doc.sections[i].blocks) {
      for (const ActorHit& hit : FindActors(b.text)) {
        const char* type =
            hit.kind == ActorKind::kThreatActor ? "threat-actor" : "intrusion-set";
        StixObject& o = ctx.AddSdo(type, ActorKey(hit.name), ctx.Origin(doc.sections[i], &b));
        if (o.Has("name")) continue;
        o.Set("name", hit.name);
        if (!hit.aliases.empty()) o.SetList("aliases", hit.aliases);
        ctx.Found(absl::StrCat(type, " ", hit.name));
      }
    }
  }
}

bool AlreadyNamed(BuildContext& ctx, std::string_view name) {
  const std::string lower = absl::AsciiStrToLower(Av(name));
  for (std::string_view type : {"intrusion-set", "threat-actor"}) {
    for (StixObject* o : ctx.OfType(type)) {
      if (absl::AsciiStrToLower(Av(o->Get("name"))) == lower) return true;
      auto aliases = o->json().FindMember("aliases");
      if (aliases == o->json().MemberEnd()) continue;
      for (const auto& alias : aliases->value.GetArray()) {
        if (absl::AsciiStrToLower(alias.GetString()) == lower) return true;
      }
    }
  }
  return false;
}

bool AlreadySoftware(BuildContext& ctx, std::string_view name) {
  const std::string lower = absl::AsciiStrToLower(Av(name));
  for (std::string_view type : {"malware", "tool"}) {
    for (StixObject* o : ctx.OfType(type)) {
      if (absl::AsciiStrToLower(Av(o->Get("name"))) == lower) return true;
    }
  }
  return AlreadyNamed(ctx, name);
}

void AddCatalogEntities(const std::vector<MappedBlock>& mapped, BuildContext& ctx) {
  const attack::Catalog& catalog = attack::Catalog::Embedded();
  const Document& doc = ctx.document();
  for (const MappedBlock& m : mapped) {
    const Section& s = doc.sections[m.section];
    const std::string origin = ctx.Origin(s, &s.blocks[m.block]);
    for (const EntityHit& g : m.result.groups) {
      if (AlreadyNamed(ctx, g.name)) continue;
      StixObject& o = ctx.AddSdo("intrusion-set", ActorKey(g.name), origin);
      if (o.Has("name")) continue;
      o.Set("name", g.name);
      if (const attack::Entity* e = catalog.FindGroup(g.id); e && !e->aliases.empty()) {
        o.SetList("aliases", e->aliases);
      }
      SetAttackReference(o, g.id);
      ctx.Found(absl::StrCat("intrusion-set ", g.name, " (", g.id, ")"));
    }
    for (const EntityHit& sw : m.result.software) {
      const bool malware = sw.type == "malware";
      StixObject& o = ctx.AddSdo(malware ? "malware" : "tool",
                                 absl::StrCat("software:", sw.id), origin);
      if (o.Has("name")) continue;
      o.Set("name", sw.name);
      // ATT&CK software entries describe families, not single samples (STIX 2.1 §4.7).
      if (malware) o.SetBool("is_family", true);
      SetAttackReference(o, sw.id);
      ctx.Found(absl::StrCat(malware ? "malware " : "tool ", sw.name, " (", sw.id, ")"));
    }
  }
}

// Families the catalog does not know yet ("ransomware calling itself Pyrelock").
void AddNamedMalware(const SectionRouter& router, BuildContext& ctx) {
  const Document& doc = ctx.document();
  for (size_t i = 0; i < doc.sections.size(); ++i) {
    const SectionKind kind = router.kind(i);
    if (kind == SectionKind::kReferences || kind == SectionKind::kLegitimate) continue;
    const Section& s = doc.sections[i];
    auto scan = [&](std::string_view text, const Block* b) {
      for (const MalwareMention& m : FindMalwareNames(text)) {
        if (AlreadySoftware(ctx, m.name)) continue;
        StixObject& o = ctx.AddSdo("malware", absl::StrCat("malware:", absl::AsciiStrToLower(m.name)),
                                   ctx.Origin(s, b));
        if (o.Has("name")) continue;
        o.Set("name", m.name);
        o.SetList("malware_types", {m.malware_type});
        o.SetBool("is_family", true);
        ctx.Found(absl::StrCat("malware ", m.name, " (", m.malware_type, ", not in ATT&CK)"));
      }
    };
    scan(s.title, nullptr);
    for (const Block& b : s.blocks) scan(b.text, &b);
  }
}

}  // namespace

absl::Status BuildActorsAndSoftware(const SectionRouter& router,
                                    const std::vector<MappedBlock>& mapped, BuildContext& ctx) {
  AddNamedActors(router, ctx);
  AddCatalogEntities(mapped, ctx);
  AddNamedMalware(router, ctx);
  return absl::OkStatus();
}

}  // namespace stixkit::convert
