#include "converters/build/block_mapping.h"

#include <algorithm>

#include "attack-data/catalog.h"
#include "converters/extract/undisclosed.h"

namespace stixkit::convert {
namespace {

bool Skipped(SectionKind kind) {
  return kind == SectionKind::kIndicators || kind == SectionKind::kReferences ||
         kind == SectionKind::kLegitimate || kind == SectionKind::kRecommendations;
}

bool TechniqueKind(SectionKind kind) {
  return kind == SectionKind::kMethodology || kind == SectionKind::kTimeline;
}

// Response and lessons text describes the defence ("isolated the network"), which the
// classifier would read as attacker behaviour; only names of software count there.
bool NarrativeKind(SectionKind kind) {
  return kind != SectionKind::kResponse && kind != SectionKind::kLessons;
}

// Mobile and ICS techniques from the classifier alone are usually a near-synonym of an
// Enterprise one ("loss of availability" for an office outage); they count only with
// an explicit id or near-certain evidence.
void DropOffDomainGuesses(const attack::Catalog& catalog, MapResult& result) {
  std::erase_if(result.techniques, [&](const TechniqueHit& hit) {
    const attack::Technique* t = catalog.FindTechnique(hit.id);
    if (t == nullptr || hit.score >= kNarrativeThreshold) return false;
    return std::find(t->domains.begin(), t->domains.end(), "enterprise-attack") ==
           t->domains.end();
  });
}

}  // namespace

std::vector<MappedBlock> MapBlocks(const Document& document, const SectionRouter& router,
                                   const TechniqueMapper& mapper) {
  std::vector<MappedBlock> out;
  for (size_t i = 0; i < document.sections.size(); ++i) {
    const SectionKind kind = router.kind(i);
    if (Skipped(kind)) continue;
    const Section& s = document.sections[i];
    for (size_t j = 0; j < s.blocks.size(); ++j) {
      const Block& b = s.blocks[j];
      if (b.kind == BlockKind::kCode || b.kind == BlockKind::kTableRow) continue;
      if (b.text.empty() || IsUndisclosed(b.text)) continue;
      MappedBlock m;
      m.section = i;
      m.block = j;
      m.tactic = router.tactic(i);
      // "Discovery: detected via ..." under Detection & Response is not the tactic.
      if (b.kind == BlockKind::kField && TechniqueKind(kind)) {
        const std::string field_tactic = SectionRouter::TacticOf(b.key);
        if (!field_tactic.empty()) {
          m.tactic = field_tactic;
          m.tactic_field = true;
        }
      }
      MapOptions options;
      options.tactic = m.tactic;
      if (TechniqueKind(kind) || m.tactic_field) {
        m.techniques_allowed = true;
      } else if (NarrativeKind(kind)) {
        m.techniques_allowed = true;
        options.threshold = kNarrativeThreshold;
      }
      // Details (dates, sector, geography) and defence narrative name things at most;
      // the classifier, most of the mapper's cost, has nothing to read there.
      options.classifier = m.techniques_allowed && kind != SectionKind::kDetails;
      m.result = mapper.Map(b.text, options);
      if (!m.techniques_allowed) m.result.techniques.clear();
      DropOffDomainGuesses(mapper.catalog(), m.result);
      out.push_back(std::move(m));
    }
  }
  return out;
}

}  // namespace stixkit::convert
