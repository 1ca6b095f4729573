// TAXII 2.1 timestamps (TAXII 2.1 §2): RFC 3339 UTC with a literal "Z" and microsecond
// precision, "2016-01-20T12:31:12.123456Z". The server keeps every instant it compares
// (date_added, added_after, object versions) as microseconds since the Unix epoch, so
// the database compares integers and paging by date_added is exact.
//
//   int64_t added = NowMicros();
//   FormatTaxiiTimestamp(added);                  // "2024-05-01T10:00:00.123456Z"
//   STIXKIT_ASSIGN_OR_RETURN(int64_t t, ParseTaxiiTimestamp("2024-05-01T10:00:00Z"));
//
// Pure functions; thread-safe.
#ifndef STIXKIT_STIX_TAXII_SERVER_TAXII_TIME_H_
#define STIXKIT_STIX_TAXII_SERVER_TAXII_TIME_H_

#include <cstdint>
#include <string>
#include <string_view>

#include "absl/status/statusor.h"

namespace stixkit::taxii {

// Microseconds since the Unix epoch, from the system clock.
int64_t NowMicros();

// "YYYY-MM-DDTHH:MM:SS.ssssssZ" (always six fractional digits).
std::string FormatTaxiiTimestamp(int64_t micros);

// Parses a TAXII or STIX timestamp (any number of fractional digits, "Z" required) and
// rounds it down to whole microseconds. InvalidArgument quoting the text otherwise.
absl::StatusOr<int64_t> ParseTaxiiTimestamp(std::string_view text);

}  // namespace stixkit::taxii

#endif  // STIXKIT_STIX_TAXII_SERVER_TAXII_TIME_H_
