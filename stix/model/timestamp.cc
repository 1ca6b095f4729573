#include "stix/model/timestamp.h"

#include "absl/strings/ascii.h"
#include "absl/strings/str_cat.h"
#include "stix/base/strings.h"

namespace stixkit::stix {
namespace {

bool Digits(std::string_view text, size_t pos, size_t n, int* value) {
  if (pos + n > text.size()) return false;
  int v = 0;
  for (size_t i = pos; i < pos + n; ++i) {
    if (!absl::ascii_isdigit(static_cast<unsigned char>(text[i]))) return false;
    v = v * 10 + (text[i] - '0');
  }
  *value = v;
  return true;
}

bool IsLeapYear(int y) { return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0; }

int DaysInMonth(int year, int month) {
  static constexpr int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  return month == 2 && IsLeapYear(year) ? 29 : kDays[month - 1];
}

absl::Status Malformed(std::string_view text, std::string_view what) {
  return absl::InvalidArgumentError(absl::StrCat(
      "expected a STIX timestamp like 2016-01-20T12:31:12.123Z, got \"", Av(text), "\" (", Av(what),
      ")"));
}

}  // namespace

absl::StatusOr<absl::Time> ParseTimestamp(std::string_view text) {
  int year, month, day, hour, minute, second;
  const bool shape = Digits(text, 0, 4, &year) && text.size() > 4 && text[4] == '-' &&
                     Digits(text, 5, 2, &month) && text.size() > 7 && text[7] == '-' &&
                     Digits(text, 8, 2, &day) && text.size() > 10 && text[10] == 'T' &&
                     Digits(text, 11, 2, &hour) && text.size() > 13 && text[13] == ':' &&
                     Digits(text, 14, 2, &minute) && text.size() > 16 && text[16] == ':' &&
                     Digits(text, 17, 2, &second);
  if (!shape) return Malformed(text, "wrong shape");
  size_t pos = 19;
  int64_t nanos = 0;
  if (pos < text.size() && text[pos] == '.') {
    const size_t start = ++pos;
    while (pos < text.size() && absl::ascii_isdigit(static_cast<unsigned char>(text[pos]))) {
      if (pos - start < 9) nanos = nanos * 10 + (text[pos] - '0');
      ++pos;
    }
    if (pos == start) return Malformed(text, "a '.' must be followed by digits");
    for (size_t i = pos - start; i < 9; ++i) nanos *= 10;
  }
  if (pos + 1 != text.size() || text[pos] != 'Z') {
    return Malformed(text, "must end in 'Z': STIX timestamps are UTC");
  }
  if (month < 1 || month > 12) return Malformed(text, "month out of range");
  if (day < 1 || day > DaysInMonth(year, month)) return Malformed(text, "no such day");
  if (hour > 23 || minute > 59 || second > 60) return Malformed(text, "time out of range");
  const absl::CivilSecond civil(year, month, day, hour, minute, second == 60 ? 59 : second);
  absl::Time t = absl::FromCivil(civil, absl::UTCTimeZone()) + absl::Nanoseconds(nanos);
  if (second == 60) t += absl::Seconds(1);
  return t;
}

int TimestampPrecision(std::string_view text) {
  const size_t dot = text.find('.');
  if (dot == std::string_view::npos || text.empty()) return 0;
  return static_cast<int>(text.size() - dot - 2);
}

std::string FormatTimestamp(absl::Time time) {
  return absl::FormatTime("%Y-%m-%dT%H:%M:%E3SZ", time, absl::UTCTimeZone());
}

}  // namespace stixkit::stix
