#include "converters/extract/dates.h"

#include <algorithm>
#include <string>

#include "converters/extract/internal/entity_text.h"

namespace stixkit::convert {
namespace {

using internal::entity::EqualsNoCase;
using internal::entity::IsAlnum;
using internal::entity::IsAlpha;
using internal::entity::IsDigit;
using internal::entity::IsLower;
using internal::entity::IsUpper;
using internal::entity::IsWordByte;
using internal::entity::StartsWithNoCase;

struct MonthName {
  std::string_view name;
  int month;
};

constexpr MonthName kMonthNames[] = {
    {"january", 1},   {"february", 2},  {"march", 3},  {"april", 4},     {"may", 5},
    {"june", 6},      {"july", 7},      {"august", 8}, {"september", 9}, {"october", 10},
    {"november", 11}, {"december", 12}, {"jan", 1},    {"feb", 2},       {"mar", 3},
    {"apr", 4},       {"jun", 6},       {"jul", 7},    {"aug", 8},       {"sep", 9},
    {"sept", 9},      {"oct", 10},      {"nov", 11},   {"dec", 12},
};

// Words naming part of a month, and the day that stands for it: a day inside the period,
// so a first_seen built from it is never earlier than the report says.
struct Period {
  std::string_view words;
  int day;
};

constexpr Period kPeriods[] = {
    {"beginning of", 1}, {"start of", 1}, {"early", 1}, {"middle of", 15},
    {"mid", 15},         {"end of", 25},  {"late", 25},
};

// Longest first: "on or about" before "about".
constexpr std::string_view kQualifiers[] = {
    "on or about", "on or around", "approximately", "approx.", "approx",
    "around",      "about",        "circa",         "roughly", "~",
};

// Years outside this range are counts ("March 16, 2500 records"), not years.
constexpr int kMinYear = 1900;
constexpr int kMaxYear = 2199;

// A date being read; year 0 means the text gave none.
struct Candidate {
  int year = 0, month = 0, day = 0;
  std::size_t begin = 0, end = 0;
  bool approximate = false;
};

// Month, optional day (or day range) and optional year, read from a month name on.
struct MonthPhrase {
  int month = 0;
  int day = 0, day2 = 0;  // 0: not written
  std::size_t day2_begin = 0, day2_end = 0;
  int year = 0;
  std::size_t end = 0;
};

std::size_t SkipBlanks(std::string_view text, std::size_t pos) {
  while (pos < text.size()) {
    if (text[pos] == ' ' || text[pos] == '\t') {
      ++pos;
    } else if (text.substr(pos, 2) == "\xC2\xA0") {  // no-break space
      pos += 2;
    } else {
      break;
    }
  }
  return pos;
}

// A maximal run of digits at `pos` whose length is within [min_digits, max_digits].
bool ReadInt(std::string_view text, std::size_t pos, std::size_t min_digits, std::size_t max_digits,
             int* value, std::size_t* end) {
  std::size_t i = pos;
  int v = 0;
  while (i < text.size() && IsDigit(text[i]) && i - pos <= max_digits)
    v = v * 10 + (text[i++] - '0');
  const std::size_t digits = i - pos;
  if (digits < min_digits || digits > max_digits) return false;
  *value = v;
  *end = i;
  return true;
}

// Leaves *year and *end alone unless a year is read.
bool ReadYear(std::string_view text, std::size_t pos, int* year, std::size_t* end) {
  int value = 0;
  std::size_t stop = 0;
  if (!ReadInt(text, pos, 4, 4, &value, &stop)) return false;
  if (stop < text.size() && IsAlnum(text[stop])) return false;
  if (value < kMinYear || value > kMaxYear) return false;
  *year = value;
  *end = stop;
  return true;
}

// A day of month, with an optional ordinal suffix ("16th").
bool ReadDay(std::string_view text, std::size_t pos, int* day, std::size_t* end) {
  if (!ReadInt(text, pos, 1, 2, day, end) || *day < 1 || *day > 31) return false;
  static constexpr std::string_view kSuffixes[] = {"st", "nd", "rd", "th"};
  for (std::string_view suffix : kSuffixes) {
    if (StartsWithNoCase(text.substr(*end), suffix)) {
      *end += 2;
      break;
    }
  }
  return *end >= text.size() || !IsAlnum(text[*end]);
}

// A month name in Title or upper case at `pos` ("March", "Mar.", "MARCH"); 0 when none.
int ReadMonth(std::string_view text, std::size_t pos, std::size_t* end) {
  std::size_t i = pos;
  while (i < text.size() && IsAlpha(text[i])) ++i;
  if (i == pos || (i < text.size() && IsWordByte(text[i])) || !IsUpper(text[pos])) return 0;
  const std::string_view word = text.substr(pos, i - pos);
  bool all_lower = true, all_upper = true;
  for (char c : word.substr(1)) {
    all_lower = all_lower && IsLower(c);
    all_upper = all_upper && IsUpper(c);
  }
  if (!all_lower && !all_upper) return 0;
  for (const MonthName& m : kMonthNames) {
    if (!EqualsNoCase(word, m.name)) continue;
    *end = i;
    const bool abbreviation = &m - kMonthNames >= 12;  // the table lists full names first
    if (abbreviation && i < text.size() && text[i] == '.') ++*end;  // "Mar."
    return m.month;
  }
  return 0;
}

// A range dash between two days: '-', en dash or em dash, blanks allowed around it.
bool ReadRangeDash(std::string_view text, std::size_t pos, std::size_t* end) {
  std::size_t i = SkipBlanks(text, pos);
  if (i < text.size() && text[i] == '-') {
    ++i;
  } else if (text.substr(i, 3) == "\xE2\x80\x93" || text.substr(i, 3) == "\xE2\x80\x94") {
    i += 3;
  } else {
    return false;
  }
  *end = SkipBlanks(text, i);
  return true;
}

// ", 2026" / " 2026" / " of 2026" after `pos`; updates phrase.year and phrase.end.
void ReadTrailingYear(std::string_view text, std::size_t pos, MonthPhrase& phrase) {
  std::size_t i = pos;
  if (i < text.size() && text[i] == ',') ++i;
  i = SkipBlanks(text, i);
  if (i == pos) return;  // "March2026" is no date
  if (StartsWithNoCase(text.substr(i), "of ")) i = SkipBlanks(text, i + 3);
  std::size_t end = 0;
  if (ReadYear(text, i, &phrase.year, &end)) phrase.end = end;
}

// "March", "March 16", "March 16-17, 2026", "March 2026", from a month name at `pos`.
bool ReadMonthPhrase(std::string_view text, std::size_t pos, MonthPhrase& phrase) {
  std::size_t end = 0;
  phrase.month = ReadMonth(text, pos, &end);
  if (phrase.month == 0) return false;
  phrase.end = end;
  const std::size_t day_at = SkipBlanks(text, end);
  std::size_t day_end = 0;
  if (day_at > end && ReadDay(text, day_at, &phrase.day, &day_end)) {
    phrase.end = day_end;
    std::size_t day2_at = 0;
    if (ReadRangeDash(text, day_end, &day2_at) &&
        ReadDay(text, day2_at, &phrase.day2, &phrase.day2_end) && phrase.day2 > phrase.day) {
      phrase.day2_begin = day2_at;
      phrase.end = phrase.day2_end;
    } else {
      phrase.day2 = 0;
    }
  }
  ReadTrailingYear(text, phrase.end, phrase);
  return true;
}

// Appends the hit(s) of a month phrase: one per day, or day `period_day` when no day
// was written (approximate). A month alone needs a period word (`period_day` != 0).
bool AddMonthPhrase(const MonthPhrase& phrase, std::size_t begin, int period_day,
                    std::vector<Candidate>& out) {
  if (phrase.day == 0 && phrase.year == 0 && period_day == 0) return false;
  Candidate first{phrase.year, phrase.month, phrase.day, begin, phrase.end, false};
  if (phrase.day == 0) {
    first.day = period_day != 0 ? period_day : 1;
    first.approximate = true;
  }
  out.push_back(first);
  if (phrase.day2 != 0) {
    out.push_back(
        {phrase.year, phrase.month, phrase.day2, phrase.day2_begin, phrase.day2_end, false});
  }
  return true;
}

bool ReadMonthFirst(std::string_view text, std::size_t pos, std::vector<Candidate>& out) {
  MonthPhrase phrase;
  return ReadMonthPhrase(text, pos, phrase) && AddMonthPhrase(phrase, pos, 0, out);
}

// "16 March 2026", "16th of March", "16-17 March 2026".
bool ReadDayFirst(std::string_view text, std::size_t pos, std::vector<Candidate>& out) {
  int day = 0, day2 = 0;
  std::size_t end = 0, day2_at = 0, day2_end = 0;
  if (!ReadDay(text, pos, &day, &end)) return false;
  if (ReadRangeDash(text, end, &day2_at) && ReadDay(text, day2_at, &day2, &day2_end) &&
      day2 > day) {
    end = day2_end;
  } else {
    day2 = 0;
  }
  std::size_t month_at = SkipBlanks(text, end);
  if (month_at == end) return false;
  if (StartsWithNoCase(text.substr(month_at), "of ")) month_at = SkipBlanks(text, month_at + 3);
  MonthPhrase phrase;
  std::size_t month_end = 0;
  phrase.month = ReadMonth(text, month_at, &month_end);
  if (phrase.month == 0) return false;
  phrase.end = month_end;
  ReadTrailingYear(text, month_end, phrase);
  out.push_back({phrase.year, phrase.month, day, pos, phrase.end, false});
  if (day2 != 0) out.push_back({phrase.year, phrase.month, day2, day2_at, day2_end, false});
  return true;
}

// "early March 2026", "mid-March", "end of March 2026".
bool ReadPeriod(std::string_view text, std::size_t pos, std::vector<Candidate>& out) {
  for (const Period& period : kPeriods) {
    if (!StartsWithNoCase(text.substr(pos), period.words)) continue;
    std::size_t i = pos + period.words.size();
    if (i < text.size() && text[i] == '-') ++i;
    const std::size_t month_at = SkipBlanks(text, i);
    if (month_at == pos + period.words.size()) continue;  // "midst"
    MonthPhrase phrase;
    if (!ReadMonthPhrase(text, month_at, phrase) || phrase.day != 0) return false;
    return AddMonthPhrase(phrase, pos, period.day, out);
  }
  return false;
}

// Skips an ISO 8601 time after a date: "T10:00:00Z", "T10:00:00.123+02:00".
std::size_t SkipIsoTime(std::string_view text, std::size_t pos) {
  if (pos + 1 >= text.size() || text[pos] != 'T' || !IsDigit(text[pos + 1])) return pos;
  std::size_t i = pos + 1;
  while (i < text.size() && (IsDigit(text[i]) || text[i] == ':' || text[i] == '.')) ++i;
  if (i < text.size() && text[i] == 'Z') return i + 1;
  if (i < text.size() && (text[i] == '+' || text[i] == '-')) {
    ++i;
    while (i < text.size() && (IsDigit(text[i]) || text[i] == ':')) ++i;
  }
  return i;
}

// "2026-03-16", "2026/03/16", "03/16/2026", "16/03/2026", "16.03.2026", "03-16-2026".
bool ReadNumeric(std::string_view text, std::size_t pos, std::vector<Candidate>& out) {
  // Not the tail of a version number, IP address or path ("1.2.16.03.2026").
  if (pos >= 2 &&
      (text[pos - 1] == '.' || text[pos - 1] == '/' || text[pos - 1] == '-' ||
       text[pos - 1] == ':') &&
      IsDigit(text[pos - 2])) {
    return false;
  }
  int a = 0, b = 0, c = 0;
  std::size_t e1 = 0, e2 = 0, e3 = 0;
  if (!ReadInt(text, pos, 1, 4, &a, &e1) || e1 - pos == 3 || e1 >= text.size()) return false;
  const char sep = text[e1];
  if (sep != '-' && sep != '/' && sep != '.') return false;
  if (!ReadInt(text, e1 + 1, 1, 2, &b, &e2) || e2 >= text.size() || text[e2] != sep) return false;
  Candidate date{0, 0, 0, pos, 0, false};
  if (e1 - pos == 4) {
    if (sep == '.' || !ReadInt(text, e2 + 1, 1, 2, &c, &e3)) return false;
    date = {a, b, c, pos, SkipIsoTime(text, e3), false};
  } else {
    if (!ReadInt(text, e2 + 1, 4, 4, &c, &e3)) return false;
    // Dots are day.month everywhere; slashes and dashes are US month/day unless the first
    // number cannot be a month.
    const bool day_first = sep == '.' || (a > 12 && b <= 12);
    date = {c, day_first ? b : a, day_first ? a : b, pos, e3, false};
  }
  const std::size_t end = date.end;
  if (end < text.size() && IsAlnum(text[end])) return false;
  if (end + 1 < text.size() && (text[end] == sep || text[end] == ':') && IsDigit(text[end + 1])) {
    return false;
  }
  if (date.year < kMinYear || date.year > kMaxYear) return false;
  out.push_back(date);
  return true;
}

bool ReadCore(std::string_view text, std::size_t pos, std::vector<Candidate>& out) {
  if (IsDigit(text[pos])) return ReadNumeric(text, pos, out) || ReadDayFirst(text, pos, out);
  return ReadPeriod(text, pos, out) || ReadMonthFirst(text, pos, out);
}

// "Approximately March 16, 2026": the date after the qualifier, approximate, spanning both.
bool ReadQualified(std::string_view text, std::size_t pos, std::vector<Candidate>& out) {
  for (std::string_view qualifier : kQualifiers) {
    if (!StartsWithNoCase(text.substr(pos), qualifier)) continue;
    const std::size_t end = pos + qualifier.size();
    if (IsAlpha(qualifier.back()) && end < text.size() && IsWordByte(text[end])) continue;
    const std::size_t date_at = SkipBlanks(text, end);
    if (date_at >= text.size() || (date_at == end && qualifier != "~")) return false;
    const std::size_t first = out.size();
    if (!ReadCore(text, date_at, out)) return false;
    out[first].begin = pos;
    for (std::size_t i = first; i < out.size(); ++i) out[i].approximate = true;
    return true;
  }
  return false;
}

// "March 1 to March 3, 2026", "between December 28 and January 3, 2026": a yearless
// start of a range takes the year of its end (the year before when its month is later).
void InheritRangeYears(std::string_view text, std::vector<Candidate>& candidates) {
  static constexpr std::string_view kConnectors[] = {
      "-", "\xE2\x80\x93", "\xE2\x80\x94", "to", "through", "until", "till", "and"};
  for (std::size_t k = candidates.size(); k-- > 1;) {
    Candidate& start = candidates[k - 1];
    const Candidate& end = candidates[k];
    if (start.year != 0 || end.year == 0 || end.begin < start.end) continue;
    const std::string_view between =
        internal::entity::TrimSpace(text.substr(start.end, end.begin - start.end));
    for (std::string_view connector : kConnectors) {
      if (!EqualsNoCase(between, connector)) continue;
      start.year = start.month > end.month ? end.year - 1 : end.year;
      break;
    }
  }
}

std::optional<absl::CivilDay> MakeDay(int year, int month, int day) {
  if (month < 1 || month > 12 || day < 1 || day > 31) return std::nullopt;
  const absl::CivilDay civil(year, month, day);
  if (civil.month() != month || civil.day() != day) return std::nullopt;  // February 30
  return civil;
}

}  // namespace

std::vector<DateHit> FindDates(std::string_view text, int default_year) {
  std::vector<Candidate> candidates;
  std::size_t pos = 0;
  while (pos < text.size()) {
    const bool word_start = IsWordByte(text[pos]) && (pos == 0 || !IsWordByte(text[pos - 1]));
    if (!word_start && text[pos] != '~') {
      ++pos;
      continue;
    }
    const std::size_t first = candidates.size();
    if (ReadQualified(text, pos, candidates) || (word_start && ReadCore(text, pos, candidates))) {
      for (std::size_t i = first; i < candidates.size(); ++i) {
        pos = std::max(pos + 1, candidates[i].end);
      }
    } else {
      ++pos;
    }
  }
  InheritRangeYears(text, candidates);
  std::vector<DateHit> hits;
  int last_year = 0;  // of the closest preceding date that wrote its year
  for (const Candidate& c : candidates) {
    const int year = c.year != 0 ? c.year : (last_year != 0 ? last_year : default_year);
    if (year == 0) continue;
    const std::optional<absl::CivilDay> day = MakeDay(year, c.month, c.day);
    if (!day) continue;
    if (c.year != 0) last_year = c.year;
    hits.push_back({*day, c.begin, c.end - c.begin, c.approximate});
  }
  return hits;
}

std::vector<DateHit> FindDates(std::string_view text) { return FindDates(text, 0); }

std::optional<absl::CivilDay> ParseDate(std::string_view text) {
  const std::vector<DateHit> hits = FindDates(text);
  if (hits.empty()) return std::nullopt;
  return hits.front().day;
}

}  // namespace stixkit::convert
