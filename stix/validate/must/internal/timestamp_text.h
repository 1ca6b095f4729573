// Timestamp strings as the reference validator's MUST stage reads them. Its
// `timestamp` check first matches a shape regex (month 01-12, day 01-31, hour 00-23,
// second 00-60, then "Z"), then asks python-dateutil to build a datetime, which fails
// for dates that do not exist (2016-04-31), year 0 and leap seconds. Its comparisons
// (`modified` >= `created`, ...) compare instants, to the microsecond, and fall back to
// comparing the text when a value is not a real date.
//
//   if (auto fields = MatchTimestampShape("2016-04-31T00:00:00Z")) {
//     std::string_view why = ImpossibleTimestampReason(*fields);  // "day is out of range for
//     month"
//   }
//
// Hand-written rather than a std::regex: these run on every object. Pure functions.
#ifndef STIXKIT_STIX_VALIDATE_MUST_INTERNAL_TIMESTAMP_TEXT_H_
#define STIXKIT_STIX_VALIDATE_MUST_INTERNAL_TIMESTAMP_TEXT_H_

#include <optional>
#include <string_view>

namespace stixkit::stix::must {

struct TimestampFields {
  int year = 0;
  int month = 0;
  int day = 0;
  int hour = 0;
  int minute = 0;
  int second = 0;
  // The fraction truncated to microseconds, as Python's datetime keeps it.
  int microsecond = 0;
};

// The fields of `text` if it has the reference's timestamp shape
// ^[0-9]{4}-(0[1-9]|1[012])-(0[1-9]|[12][0-9]|3[01])T([01][0-9]|2[0-3]):([0-5][0-9]):
// ([0-5][0-9]|60)(\.[0-9]+)?Z$ (Python's "$", so one final "\n" is allowed); nullopt
// otherwise. The date itself may not exist.
std::optional<TimestampFields> MatchTimestampShape(std::string_view text);

// Why Python's datetime rejects fields of the right shape, in its own words ("day is
// out of range for month", "year 0 is out of range", "second must be in 0..59"), or ""
// when they name a real instant.
std::string_view ImpossibleTimestampReason(const TimestampFields& fields);

// <0, 0 or >0 as `a` is earlier than, equal to or later than `b`: as instants when both
// are real timestamps, else by comparing the text (code point order).
int CompareTimestamps(std::string_view a, std::string_view b);

}  // namespace stixkit::stix::must

#endif  // STIXKIT_STIX_VALIDATE_MUST_INTERNAL_TIMESTAMP_TEXT_H_
