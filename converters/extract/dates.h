// Calendar dates written in prose, the way incident reports give them, each with its
// byte span in the scanned text. Times of day are not returned (an ISO timestamp yields
// its date, and its span covers the whole timestamp).
//
//   for (const DateHit& hit : FindDates("Detected on March 16, 2026; filed March 27."))
//     // 2026-03-16 at [12, 26), then 2026-03-27 (year inherited) at [34, 42)
//
// Forms recognised (month names in Title case or upper case, so "may have" is no date):
//   "March 16, 2026"  "Mar. 16 2026"  "March 16th, 2026"  "16 March 2026"  "16th of March 2026"
//   "2026-03-16"  "2026/03/16"  "2026-03-16T10:00:00Z"  "16.03.2026" (always day.month)
//   "03/16/2026" and "03-16-2026": month first (US order) when both numbers could be a
//     month; day first only when the first number is above 12 ("16/03/2026")
//   "March 2026", "March, 2026", "March of 2026": day 1, approximate
//   "early March 2026" (day 1), "mid-March 2026" (15), "late March 2026" (25): approximate;
//     "beginning of" / "start of" / "middle of" / "end of" likewise
//   "Approximately March 16, 2026", "around", "about", "circa", "roughly", "on or about",
//     "~": the date after the qualifier, approximate; the span includes the qualifier
//   "March 16-17, 2026" and "16-17 March 2026": two hits, one per day; the first spans the
//     whole range, the second only its second day ("17")
// A date written without a year ("March 27", "on March 16", "mid-March") takes:
// - at the start of a range whose end has a year ("March 1 to March 3, 2026", "between
//   December 28 and January 3, 2026"; connectors '-', en/em dash, to, through, until,
//   till, and), the end's year, or the year before when its month is later;
// - otherwise the year of the closest preceding date in the same text that had one;
// - with none before it, the `default_year` (when non-zero), else it is skipped. Bare months ("in
// March") and two-digit years ("03/16/26") are not dates here. Impossible dates (February 30, month
// 13) yield no hit.
//
// Stateless and thread-safe; hits hold offsets, not views.
#ifndef STIXKIT_CONVERTERS_EXTRACT_DATES_H_
#define STIXKIT_CONVERTERS_EXTRACT_DATES_H_

#include <cstddef>
#include <optional>
#include <string_view>
#include <vector>

#include "absl/time/civil_time.h"

namespace stixkit::convert {

struct DateHit {
  absl::CivilDay day;
  std::size_t offset = 0;    // byte offset of the date expression in the scanned text
  std::size_t length = 0;    // its byte length
  bool approximate = false;  // a qualifier, a period ("mid-March") or a month without day
};

// Every date in `text`, in text order; yearless dates without a preceding full date are
// skipped. Empty when there is none.
std::vector<DateHit> FindDates(std::string_view text);

// As above; yearless dates with no preceding full date get `default_year` (skipped when
// `default_year` is 0).
std::vector<DateHit> FindDates(std::string_view text, int default_year);

// The first date in `text` (FindDates(text) order), or nullopt when there is none.
std::optional<absl::CivilDay> ParseDate(std::string_view text);

}  // namespace stixkit::convert

#endif  // STIXKIT_CONVERTERS_EXTRACT_DATES_H_
