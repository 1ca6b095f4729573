#include "converters/build/summary_text.h"

#include <vector>

#include "absl/strings/ascii.h"
#include "absl/strings/match.h"
#include "absl/strings/str_join.h"
#include "stix/base/strings.h"

namespace stixkit::convert {
namespace {

std::vector<std::string> Paragraphs(const Section& s) {
  std::vector<std::string> out;
  for (const Block& b : s.blocks) {
    if (b.kind == BlockKind::kParagraph && !b.text.empty()) out.push_back(b.text);
  }
  return out;
}

}  // namespace

std::string SummaryText(const Document& doc, const SectionRouter& router) {
  // An explicit summary heading first; the preamble ("Full Report") is often a
  // truncated teaser ("In a March…"), so it comes second.
  for (int pass = 0; pass < 2; ++pass) {
    for (size_t i = 0; i < doc.sections.size(); ++i) {
      const Section& s = doc.sections[i];
      if (router.kind(i) != SectionKind::kSummary) continue;
      if ((pass == 0) != (s.level > 0)) continue;
      std::vector<std::string> p = Paragraphs(s);
      if (!p.empty()) return absl::StrJoin(p, "\n\n");
    }
  }
  for (const Section& s : doc.sections) {
    std::vector<std::string> p = Paragraphs(s);
    if (!p.empty()) return p.front();
  }
  return "";
}

std::string SourceLabel(const Document& doc) {
  if (doc.source_name == "-") return "standard input";
  const size_t slash = doc.source_name.find_last_of('/');
  return slash == std::string::npos ? doc.source_name : doc.source_name.substr(slash + 1);
}

std::string ReportTitle(const Document& doc) {
  // An advisory's "Title:" field beats a heading such as "SUMMARY".
  for (const Section& s : doc.sections) {
    for (const Block& b : s.blocks) {
      if (b.kind == BlockKind::kField && absl::AsciiStrToLower(b.key) == "title" &&
          !b.text.empty()) {
        return b.text;
      }
    }
  }
  return doc.title;
}

std::string IncidentTitle(const Document& doc) {
  std::string title = ReportTitle(doc);
  for (std::string_view prefix : {"incident report:", "incident report -", "incident summary:",
                                  "security incident report:", "incident:", "report:"}) {
    if (absl::StartsWithIgnoreCase(Av(title), Av(prefix))) {
      title = std::string(absl::StripAsciiWhitespace(Av(title).substr(prefix.size())));
      break;
    }
  }
  return title;
}

}  // namespace stixkit::convert
