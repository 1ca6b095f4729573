// Impact, response and lessons-learned sections have no better STIX object in core
// STIX 2.1 (Incident Core's impact SDO is a draft extension), so each becomes one note
// about the incident, its fields kept as lines.
#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "converters/build/builders.h"
#include "converters/extract/undisclosed.h"

namespace stixkit::convert {
namespace {

struct NoteKind {
  SectionKind kind;
  const char* abstract;
};

constexpr NoteKind kNotes[] = {
    {SectionKind::kImpact, "Impact assessment"},
    {SectionKind::kResponse, "Response actions"},
    {SectionKind::kLessons, "Lessons learned"},
};

std::string BlockLine(const Block& b) {
  if (b.kind == BlockKind::kField) return absl::StrCat(b.key, ": ", b.text);
  if (b.kind == BlockKind::kTableRow) return absl::StrJoin(b.cells, " | ");
  return b.text;
}

}  // namespace

absl::Status BuildNotes(const SectionRouter& router, BuildContext& ctx) {
  const Document& doc = ctx.document();
  std::vector<std::string> about;
  for (StixObject* o : ctx.OfType("incident")) about.push_back(o->id());
  if (about.empty()) return absl::OkStatus();
  for (const NoteKind& note : kNotes) {
    std::vector<std::string> lines;
    std::string origin;
    for (size_t i = 0; i < doc.sections.size(); ++i) {
      if (router.kind(i) != note.kind) continue;
      const Section& s = doc.sections[i];
      if (origin.empty()) origin = ctx.Origin(s, nullptr);
      for (const Block& b : s.blocks) {
        if (b.text.empty() && b.kind != BlockKind::kTableRow) continue;
        if (IsUndisclosed(b.text)) continue;
        lines.push_back(BlockLine(b));
      }
    }
    if (lines.empty()) continue;
    StixObject& n = ctx.AddSdo("note", absl::StrCat("note:", note.abstract), origin);
    n.Set("abstract", note.abstract);
    n.Set("content", absl::StrJoin(lines, "\n"));
    n.SetList("object_refs", about);
    ctx.Found(absl::StrCat("note \"", note.abstract, "\" (", lines.size(), " lines)"));
  }
  return absl::OkStatus();
}

}  // namespace stixkit::convert
