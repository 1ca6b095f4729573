#include "stix/taxii/client/pager.h"

#include <vector>

#include "absl/container/flat_hash_set.h"
#include "absl/strings/str_cat.h"
#include "stix/base/status.h"
#include "stix/base/strings.h"
#include "stix/json/json_access.h"

namespace stixkit::taxii {
namespace {

// id and version of an object ("modified", else "created") or of a manifest record
// ("version"): what makes an item the same item.
std::string ItemKey(const rapidjson::Value& item) {
  std::string_view version = stix::StringMember(item, "version");
  if (version.empty()) version = stix::StringMember(item, "modified");
  if (version.empty()) version = stix::StringMember(item, "created");
  return absl::StrCat(Av(stix::IdOf(item)), "@", Av(version));
}

struct PageTrace {
  std::vector<std::string> keys;
  std::string next;
  std::string date_added_last;
  bool operator==(const PageTrace&) const = default;
};

absl::Status NoProgress(int page, std::string_view why) {
  return absl::DataLossError(absl::StrCat("the server made no progress at page ", page, ": ",
                                          Av(why),
                                          "; stopped instead of looping forever (the "
                                          "output would be incomplete)"));
}

// Sets up `query` for the page after `page`; false when there is none.
absl::StatusOr<bool> Advance(const Page& page, const PageTrace& trace, const PageTrace* before,
                             int number, Query* query) {
  if (!page.more) return false;
  if (!page.next.empty()) {
    if (before != nullptr && trace == *before) {
      return NoProgress(number, absl::StrCat("it repeated the previous page (next=\"", page.next,
                                             "\", same objects)"));
    }
    query->next = page.next;
    return true;
  }
  // TAXII 2.1 §3.4: without `next`, continue from the last date_added of this page.
  if (page.date_added_last.empty()) {
    return absl::DataLossError(
        absl::StrCat("page ", number,
                     " says more=true but has neither \"next\" nor an "
                     "X-TAXII-Date-Added-Last header, so there is no way to ask for the rest"));
  }
  if (page.date_added_last == query->added_after) {
    return NoProgress(number, absl::StrCat("more=true without \"next\", and "
                                           "X-TAXII-Date-Added-Last stays at \"",
                                           page.date_added_last, "\""));
  }
  query->next.clear();
  query->added_after = page.date_added_last;
  return true;
}

}  // namespace

absl::StatusOr<PagingSummary> FetchAllPages(Query query, const PageFetcher& fetch,
                                            const ItemSink& sink, const PagingLimits& limits) {
  PagingSummary summary;
  PageTrace before;
  absl::flat_hash_set<std::string> previous_keys;
  for (int number = 1;; ++number) {
    if (number > limits.max_pages) {
      return absl::ResourceExhaustedError(
          absl::StrCat("stopped after ", limits.max_pages,
                       " pages while the server still says more=true "
                       "(--max-pages); raise it or narrow the filters"));
    }
    STIXKIT_ASSIGN_OR_RETURN(const Page page, fetch(query));
    summary.pages = number;
    PageTrace trace{{}, page.next, page.date_added_last};
    absl::flat_hash_set<std::string> keys;
    if (const rapidjson::Value* items = page.items()) {
      for (const rapidjson::Value& item : items->GetArray()) {
        std::string key = ItemKey(item);
        trace.keys.push_back(key);
        const bool repeated = previous_keys.contains(key);
        keys.insert(std::move(key));
        if (repeated) {
          ++summary.repeated_items;
          continue;
        }
        STIXKIT_RETURN_IF_ERROR(sink(item));
        ++summary.items;
      }
    }
    if (!page.date_added_last.empty()) summary.date_added_last = page.date_added_last;
    STIXKIT_ASSIGN_OR_RETURN(const bool go_on,
                             Advance(page, trace, number > 1 ? &before : nullptr, number, &query));
    if (!go_on) return summary;
    before = std::move(trace);
    previous_keys = std::move(keys);
  }
}

}  // namespace stixkit::taxii
