// The filters of a paged TAXII request (TAXII 2.1 §3.4, §3.5): added_after, limit,
// next, and match[type|id|version|spec_version], and the query string they make.
// A follow-up page repeats the first request's filters plus `next` (§3.4), which is why
// they travel together in one struct.
//
//   Query q;
//   q.match_type = {"indicator"};
//   q.limit = 100;
//   url + QueryString(q);  // "?limit=100&match%5Btype%5D=indicator"
//
// Pure functions; thread-safe.
#ifndef STIXKIT_STIX_TAXII_CLIENT_QUERY_H_
#define STIXKIT_STIX_TAXII_CLIENT_QUERY_H_

#include <string>
#include <string_view>
#include <vector>

#include "absl/status/statusor.h"

namespace stixkit::taxii {

struct Query {
  std::string added_after;  // a TAXII timestamp, or ""
  int limit = 0;            // 0: the server's default
  std::string next;         // the opaque token of the previous page, or ""
  std::vector<std::string> match_type;
  std::vector<std::string> match_id;
  std::vector<std::string> match_version;  // "last", "first", "all" or STIX timestamps
  std::vector<std::string> match_spec_version;
};

// "" for an empty query, else "?..." with every value percent-encoded and list values
// joined by ',' (OR within a field, §3.5).
std::string QueryString(const Query& query);

// A user's timestamp in the TAXII form (RFC 3339 UTC, microseconds, §2):
// "2024-05-01T10:00:00Z" becomes "2024-05-01T10:00:00.000000Z". InvalidArgument quoting
// the text when it is not an RFC 3339 UTC timestamp.
absl::StatusOr<std::string> NormalizeTaxiiTimestamp(std::string_view text);

// Checks match[version] values: "last", "first", "all" (alone) or STIX timestamps.
// InvalidArgument naming the bad value.
absl::Status CheckVersionFilter(const std::vector<std::string>& values);

}  // namespace stixkit::taxii

#endif  // STIXKIT_STIX_TAXII_CLIENT_QUERY_H_
