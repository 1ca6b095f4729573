#include "stix/validate/must/internal/timestamp_text.h"

#include <tuple>

#include "stix/validate/must/internal/json_access.h"

namespace stixkit::stix::must {
namespace {

bool IsDigit(char c) { return c >= '0' && c <= '9'; }

// Reads `count` digits at text[*at]; -1 if any is missing.
int Digits(std::string_view text, size_t* at, int count) {
  int value = 0;
  for (int i = 0; i < count; ++i, ++*at) {
    if (*at >= text.size() || !IsDigit(text[*at])) return -1;
    value = value * 10 + (text[*at] - '0');
  }
  return value;
}

bool Expect(std::string_view text, size_t* at, char c) {
  if (*at >= text.size() || text[*at] != c) return false;
  ++*at;
  return true;
}

bool InRange(int value, int low, int high) { return value >= low && value <= high; }

bool IsLeapYear(int year) { return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0; }

int DaysInMonth(int year, int month) {
  static constexpr int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  return month == 2 && IsLeapYear(year) ? 29 : kDays[month - 1];
}

// The ".fraction" part: at least one digit; Python's datetime keeps six.
bool Fraction(std::string_view text, size_t* at, int* microsecond) {
  if (*at >= text.size() || text[*at] != '.') return true;
  ++*at;
  const size_t first = *at;
  int value = 0;
  for (; *at < text.size() && IsDigit(text[*at]); ++*at) {
    if (*at - first < 6) value = value * 10 + (text[*at] - '0');
  }
  const size_t count = *at - first;
  if (count == 0) return false;
  for (size_t i = count; i < 6; ++i) value *= 10;
  *microsecond = value;
  return true;
}

auto AsTuple(const TimestampFields& f) {
  return std::tie(f.year, f.month, f.day, f.hour, f.minute, f.second, f.microsecond);
}

}  // namespace

std::optional<TimestampFields> MatchTimestampShape(std::string_view text) {
  text = WithoutPythonFinalNewline(text);
  TimestampFields f;
  size_t at = 0;
  f.year = Digits(text, &at, 4);
  if (f.year < 0 || !Expect(text, &at, '-')) return std::nullopt;
  f.month = Digits(text, &at, 2);
  if (!InRange(f.month, 1, 12) || !Expect(text, &at, '-')) return std::nullopt;
  f.day = Digits(text, &at, 2);
  if (!InRange(f.day, 1, 31) || !Expect(text, &at, 'T')) return std::nullopt;
  f.hour = Digits(text, &at, 2);
  if (!InRange(f.hour, 0, 23) || !Expect(text, &at, ':')) return std::nullopt;
  f.minute = Digits(text, &at, 2);
  if (!InRange(f.minute, 0, 59) || !Expect(text, &at, ':')) return std::nullopt;
  f.second = Digits(text, &at, 2);
  if (!InRange(f.second, 0, 60)) return std::nullopt;
  if (!Fraction(text, &at, &f.microsecond) || !Expect(text, &at, 'Z')) return std::nullopt;
  if (at != text.size()) return std::nullopt;
  return f;
}

std::string_view ImpossibleTimestampReason(const TimestampFields& f) {
  // Python's datetime() checks the year, then the day, then the time fields.
  if (f.year < 1) return "year 0 is out of range";
  if (f.day > DaysInMonth(f.year, f.month)) return "day is out of range for month";
  if (f.second > 59) return "second must be in 0..59";
  return "";
}

int CompareTimestamps(std::string_view a, std::string_view b) {
  const std::optional<TimestampFields> fa = MatchTimestampShape(a);
  const std::optional<TimestampFields> fb = MatchTimestampShape(b);
  if (fa && fb && ImpossibleTimestampReason(*fa).empty() &&
      ImpossibleTimestampReason(*fb).empty()) {
    if (AsTuple(*fa) < AsTuple(*fb)) return -1;
    return AsTuple(*fb) < AsTuple(*fa) ? 1 : 0;
  }
  // UTF-8 byte order is code point order, which is how Python compares str.
  return a.compare(b);
}

}  // namespace stixkit::stix::must
