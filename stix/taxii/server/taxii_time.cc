#include "stix/taxii/server/taxii_time.h"

#include "absl/strings/str_cat.h"
#include "absl/time/clock.h"
#include "absl/time/time.h"
#include "stix/base/strings.h"
#include "stix/model/timestamp.h"

namespace stixkit::taxii {

int64_t NowMicros() { return absl::ToUnixMicros(absl::Now()); }

std::string FormatTaxiiTimestamp(int64_t micros) {
  return absl::FormatTime("%Y-%m-%dT%H:%M:%E6SZ", absl::FromUnixMicros(micros),
                          absl::UTCTimeZone());
}

absl::StatusOr<int64_t> ParseTaxiiTimestamp(std::string_view text) {
  absl::StatusOr<absl::Time> t = stix::ParseTimestamp(text);
  if (!t.ok()) {
    return absl::InvalidArgumentError(absl::StrCat(
        "expected a timestamp like 2016-01-20T12:31:12.123456Z, got \"", Av(text), "\""));
  }
  // ToUnixMicros rounds toward negative infinity, so "> added_after" stays exact for
  // inputs finer than a microsecond.
  return absl::ToUnixMicros(*t);
}

}  // namespace stixkit::taxii
