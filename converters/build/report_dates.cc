#include "converters/build/report_dates.h"

#include <vector>

#include "absl/strings/ascii.h"
#include "absl/strings/match.h"
#include "absl/strings/str_format.h"
#include "converters/extract/dates.h"
#include "stix/base/strings.h"

namespace stixkit::convert {
namespace {

bool IsPublishedKey(std::string_view key) {
  const std::string k = absl::AsciiStrToLower(Av(key));
  return absl::StrContains(k, "report date") || absl::StrContains(k, "published") ||
         absl::StrContains(k, "date of report") || absl::StrContains(k, "publication") ||
         absl::StrContains(k, "release date") || absl::StrContains(k, "issued");
}

// Where incident dates come from, best first. The summary often also gives the
// disclosure date, so it is used only when the structured sections give none.
bool IsActivityKind(SectionKind kind) {
  return kind == SectionKind::kDetails || kind == SectionKind::kTimeline ||
         kind == SectionKind::kMethodology || kind == SectionKind::kImpact;
}

std::string BlockText(const Block& b) {
  if (b.kind != BlockKind::kTableRow) return b.text;
  std::string all;
  for (const std::string& c : b.cells) (all += c) += " | ";
  return all;
}

}  // namespace

std::string DayTimestamp(absl::CivilDay day) {
  return absl::StrFormat("%04d-%02d-%02dT00:00:00.000Z", day.year(), day.month(), day.day());
}

ReportDates FindReportDates(const Document& document, const SectionRouter& router,
                            absl::CivilDay today) {
  ReportDates out;
  std::vector<absl::CivilDay> activity, summary, approximate;
  int year = 0;  // the year of the last full date, for "March 27"
  for (size_t i = 0; i < document.sections.size(); ++i) {
    const Section& s = document.sections[i];
    const SectionKind kind = router.kind(i);
    for (const Block& b : s.blocks) {
      for (const DateHit& d : FindDates(BlockText(b), year)) {
        if (d.day > today) continue;
        year = static_cast<int>(d.day.year());
        if (b.kind == BlockKind::kField && IsPublishedKey(b.key)) {
          if (!out.published) out.published = d.day;
          continue;
        }
        if (d.approximate) {
          approximate.push_back(d.day);
        } else if (IsActivityKind(kind)) {
          activity.push_back(d.day);
        } else if (kind == SectionKind::kSummary || kind == SectionKind::kOther) {
          summary.push_back(d.day);
        }
      }
    }
  }
  const std::vector<absl::CivilDay>& use =
      !activity.empty() ? activity : (!summary.empty() ? summary : approximate);
  for (absl::CivilDay d : use) {
    if (!out.first || d < *out.first) out.first = d;
    if (!out.last || d > *out.last) out.last = d;
  }
  return out;
}

}  // namespace stixkit::convert
