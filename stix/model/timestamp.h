// STIX timestamps (STIX 2.1 §3.2): RFC 3339 in UTC with a literal "Z", e.g.
// "2016-01-20T12:31:12.123Z". `created` and `modified` need at least millisecond
// precision; this project always writes exactly three fractional digits.
//
//   STIXKIT_ASSIGN_OR_RETURN(absl::Time t, ParseTimestamp("2016-01-20T12:31:12.123Z"));
//   FormatTimestamp(t);  // "2016-01-20T12:31:12.123Z"
//
// Pure functions; thread-safe.
#ifndef STIXKIT_STIX_MODEL_TIMESTAMP_H_
#define STIXKIT_STIX_MODEL_TIMESTAMP_H_

#include <string>
#include <string_view>

#include "absl/status/statusor.h"
#include "absl/time/time.h"

namespace stixkit::stix {

// Parses a STIX timestamp: YYYY-MM-DDTHH:MM:SS[.fraction]Z with a real calendar date
// (leap second 60 allowed as in the spec's pattern). InvalidArgument that quotes the
// text and says what is wrong otherwise.
absl::StatusOr<absl::Time> ParseTimestamp(std::string_view text);

// The number of fractional-second digits in a well-formed timestamp (0 if none).
int TimestampPrecision(std::string_view text);

// "YYYY-MM-DDTHH:MM:SS.mmmZ", truncated to milliseconds.
std::string FormatTimestamp(absl::Time time);

}  // namespace stixkit::stix

#endif  // STIXKIT_STIX_MODEL_TIMESTAMP_H_
