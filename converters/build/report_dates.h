// The dates a report gives: when the incident began and when it was last active, and
// the report's own date when it states one. They become observed-data's
// first_observed/last_observed, indicators' valid_from and the report's published.
//
// Plain data plus one function; pure.
#ifndef STIXKIT_CONVERTERS_BUILD_REPORT_DATES_H_
#define STIXKIT_CONVERTERS_BUILD_REPORT_DATES_H_

#include <optional>
#include <string>

#include "absl/time/civil_time.h"
#include "converters/build/section_router.h"
#include "converters/read/document.h"

namespace stixkit::convert {

struct ReportDates {
  std::optional<absl::CivilDay> first;      // earliest incident date
  std::optional<absl::CivilDay> last;       // latest incident date
  std::optional<absl::CivilDay> published;  // "Report date:", "Published:"
};

// Dates from the details, timeline, methodology, impact and summary sections (not from
// references or recommendations), ignoring any after `today`.
ReportDates FindReportDates(const Document& document, const SectionRouter& router,
                            absl::CivilDay today);

// "2026-03-16T00:00:00.000Z".
std::string DayTimestamp(absl::CivilDay day);

}  // namespace stixkit::convert

#endif  // STIXKIT_CONVERTERS_BUILD_REPORT_DATES_H_
