// Page positions for the paginated TAXII endpoints (TAXII 2.1 §3.4.1 `next`). Results are
// ordered by (date_added, seq), where seq is the store's row number; both only grow, so
// "everything after the last row I returned" is a stable position: a page never repeats
// a row, never skips one, and always makes progress, even while objects are added or
// deleted between requests. The cursor carries that position, nothing else, so it never
// expires and works across server restarts.
//
//   std::string next = EncodeCursor({row.date_added, row.seq});
//   STIXKIT_ASSIGN_OR_RETURN(PageCursor at, DecodeCursor(next));
//
// Pure functions; thread-safe.
#ifndef STIXKIT_STIX_TAXII_SERVER_PAGINATION_H_
#define STIXKIT_STIX_TAXII_SERVER_PAGINATION_H_

#include <cstdint>
#include <string>
#include <string_view>

#include "absl/status/statusor.h"

namespace stixkit::taxii {

struct PageCursor {
  int64_t date_added = 0;  // microseconds since the epoch
  int64_t seq = 0;

  friend bool operator==(const PageCursor&, const PageCursor&) = default;
};

// An opaque URL-safe token for `cursor`.
std::string EncodeCursor(const PageCursor& cursor);

// The position in a token from EncodeCursor; InvalidArgument ("next: ...") for anything
// else.
absl::StatusOr<PageCursor> DecodeCursor(std::string_view token);

}  // namespace stixkit::taxii

#endif  // STIXKIT_STIX_TAXII_SERVER_PAGINATION_H_
