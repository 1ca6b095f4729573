// Reading every page of a paged TAXII resource (objects or manifest, TAXII 2.1 §3.4)
// one page at a time. While the server says `more`, the next request repeats the same
// filters plus `next`; when a server says more but gives no `next`, the pager falls
// back to added_after = X-TAXII-Date-Added-Last of the page. Servers seen in the wild
// repeat pages (OpenCTI #7789) or treat added_after as inclusive, so:
//   - an item whose id and version were on the previous page is not passed on again;
//   - a page that makes no progress (the same `next`, the same items and the same
//     Date-Added-Last as the page before, or a fallback that would send the same
//     added_after again) stops the walk with DataLoss instead of looping forever;
//   - at most `max_pages` pages are fetched.
//
//   STIXKIT_ASSIGN_OR_RETURN(PagingSummary s, FetchAllPages(query,
//       [&](const Query& q) { return client.GetObjects(root, id, q); },
//       [&](const rapidjson::Value& object) { return writer.Add(object); }, {}));
//
// Only one page is held at a time. Not thread-safe (the callbacks run on the caller's
// thread).
#ifndef STIXKIT_STIX_TAXII_CLIENT_PAGER_H_
#define STIXKIT_STIX_TAXII_CLIENT_PAGER_H_

#include <functional>
#include <string>

#include "absl/status/statusor.h"
#include "rapidjson/document.h"
#include "stix/taxii/client/query.h"
#include "stix/taxii/client/taxii_client.h"

namespace stixkit::taxii {

using PageFetcher = std::function<absl::StatusOr<Page>(const Query&)>;
using ItemSink = std::function<absl::Status(const rapidjson::Value& item)>;

struct PagingLimits {
  int max_pages = 100000;
};

struct PagingSummary {
  int pages = 0;
  size_t items = 0;             // passed to the sink
  size_t repeated_items = 0;    // skipped because the previous page had them
  std::string date_added_last;  // of the last page that had one; "" if none did
};

// Fetches `first` and the pages after it, passing each new item to `sink` in order.
// Fails with the fetcher's or sink's error, DataLoss when the server makes no progress
// or says more without a way to continue, and ResourceExhausted past max_pages.
absl::StatusOr<PagingSummary> FetchAllPages(Query first, const PageFetcher& fetch,
                                            const ItemSink& sink, const PagingLimits& limits);

}  // namespace stixkit::taxii

#endif  // STIXKIT_STIX_TAXII_CLIENT_PAGER_H_
