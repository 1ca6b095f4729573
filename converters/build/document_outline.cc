#include "converters/build/document_outline.h"

#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "converters/build/excerpt.h"
#include "converters/build/section_router.h"
#include "converters/read/reader.h"
#include "stix/base/strings.h"

namespace stixkit::convert {
namespace {

std::string_view BlockKindName(BlockKind kind) {
  switch (kind) {
    case BlockKind::kParagraph: return "paragraph";
    case BlockKind::kField: return "field";
    case BlockKind::kListItem: return "item";
    case BlockKind::kTableRow: return "row";
    case BlockKind::kCode: return "code";
  }
  return "block";
}

}  // namespace

std::string DocumentOutline(const Document& doc) {
  const SectionRouter router(doc);
  std::string out = absl::StrCat(doc.source_name, ": ", Av(FormatName(doc.format)),
                                 ", title \"", doc.title, "\", ", doc.sections.size(),
                                 " sections", router.recognised() ? "" : " (none recognised)",
                                 "\n");
  for (const std::string& w : doc.warnings) absl::StrAppend(&out, "warning: ", w, "\n");
  for (size_t i = 0; i < doc.sections.size(); ++i) {
    const Section& s = doc.sections[i];
    absl::StrAppend(&out, s.line, ": ", (s.level == 0 ? std::string("-") : std::string(s.level, '#')), " ", s.title,
                    "  [", Av(SectionKindName(router.kind(i))),
                    router.tactic(i).empty() ? "" : absl::StrCat(", ", router.tactic(i)), "]\n");
    for (const Block& b : s.blocks) {
      std::string text = b.kind == BlockKind::kTableRow ? absl::StrJoin(b.cells, " | ") : b.text;
      absl::StrAppend(&out, b.line, ":   ", std::string(2 * b.depth, ' '),
                      Av(BlockKindName(b.kind)), b.key.empty() ? "" : absl::StrCat(" ", b.key, ":"),
                      " ", Excerpt(text, 100), b.links.empty() ? "" : absl::StrCat("  (",
                      b.links.size(), " links)"), "\n");
    }
  }
  return out;
}

}  // namespace stixkit::convert
