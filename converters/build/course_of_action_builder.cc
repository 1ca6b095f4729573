// Recommendations become courses of action: one per recommendation field or list
// item, named by its first sentence. A recommendation that names a CVE in the bundle
// mitigates that vulnerability.
#include "absl/strings/ascii.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "converters/build/builders.h"
#include "converters/build/excerpt.h"
#include "converters/extract/ioc_extractor.h"
#include "converters/extract/undisclosed.h"

namespace stixkit::convert {

absl::Status BuildCoursesOfAction(const SectionRouter& router, BuildContext& ctx) {
  const Document& doc = ctx.document();
  for (size_t i = 0; i < doc.sections.size(); ++i) {
    if (router.kind(i) != SectionKind::kRecommendations) continue;
    const Section& s = doc.sections[i];
    for (const Block& b : s.blocks) {
      if (b.kind == BlockKind::kCode || b.text.empty() || IsUndisclosed(b.text)) continue;
      // A field with no value heads a nested list; its items are the recommendations.
      const std::string text =
          b.kind == BlockKind::kTableRow ? absl::StrJoin(b.cells, " | ") : b.text;
      const std::string origin = ctx.Origin(s, &b);
      StixObject& coa = ctx.AddSdo(
          "course-of-action", absl::StrCat("recommendation:", absl::AsciiStrToLower(text)),
          origin);
      if (coa.Has("name")) continue;
      coa.Set("name", FirstSentence(text, 120));
      coa.Set("description", b.key.empty() ? text : absl::StrCat(b.key, ": ", text));
      ctx.Found(absl::StrCat("course-of-action \"", FirstSentence(text, 60), "\""));
      for (const Ioc& ioc : ExtractIocs(text)) {
        if (ioc.type != IocType::kCve) continue;
        for (StixObject* v : ctx.OfType("vulnerability")) {
          if (v->Get("name") == ioc.value) ctx.Relate(coa.id(), "mitigates", v->id(), origin);
        }
      }
    }
  }
  return absl::OkStatus();
}

}  // namespace stixkit::convert
