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

// What binds a token to the server and the collection that gave it out. With a key, the
// token carries an HMAC-SHA256 of its position and `scope` (the collection id), so a
// token of another collection, a forged position (negative, past the end) or a damaged
// token is refused instead of silently answering with a wrong page. The server keeps the
// key in its database, so tokens still survive restarts. Without a key, tokens are the
// unsigned "c1" form.
struct CursorSeal {
  std::string_view key;    // secret bytes; "" for unsigned tokens
  std::string_view scope;  // what the token is valid for: the collection id
};

// An opaque URL-safe token for `cursor`.
std::string EncodeCursor(const PageCursor& cursor, const CursorSeal& seal = {});

// The position in a token from EncodeCursor with the same seal; InvalidArgument
// ("next: ...") for anything else.
absl::StatusOr<PageCursor> DecodeCursor(std::string_view token, const CursorSeal& seal = {});

}  // namespace stixkit::taxii

#endif  // STIXKIT_STIX_TAXII_SERVER_PAGINATION_H_
