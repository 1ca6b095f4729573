// The query parameters of the TAXII 2.1 read endpoints (TAXII 2.1 §3.4, §3.5): added_after,
// limit, next, and the match[...] fields, parsed once into an ObjectFilter that the store
// turns into SQL. Comma-separated values are ORed inside a field and fields are ANDed.
// Which parameters an endpoint honours follows the standard; the others are ignored, as
// are unknown match[...] fields (§3.5 allows both).
//
//   STIXKIT_ASSIGN_OR_RETURN(ObjectFilter f,
//                            ParseFilter(req.params, FilterEndpoint::kObjects, limits));
//
// Pure functions; thread-safe.
#ifndef STIXKIT_STIX_TAXII_SERVER_FILTERS_H_
#define STIXKIT_STIX_TAXII_SERVER_FILTERS_H_

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "stix/taxii/server/pagination.h"

namespace stixkit::taxii {

// The request's query parameters, percent-decoded (httplib::Params has this type).
using QueryParams = std::multimap<std::string, std::string>;

// Which endpoint the parameters are for; it decides the supported fields and defaults.
enum class FilterEndpoint {
  kObjects,   // GET objects/ and manifest/: every field; match[version] defaults to last
  kObject,    // GET objects/{id}/: no match[id] or match[type]
  kVersions,  // GET objects/{id}/versions/: every version; only match[spec_version]
  kDelete,    // DELETE objects/{id}/: match[version] and match[spec_version], default all
};

struct PageLimits {
  // Page size when the request has no `limit`.
  size_t default_limit = 100;
  // A larger `limit` is lowered to this (the standard lets a server return fewer).
  size_t max_limit = 1000;
};

struct ObjectFilter {
  std::optional<int64_t> added_after;  // microseconds; only rows added strictly later
  std::optional<PageCursor> after;      // from `next`: only rows after this position
  std::vector<std::string> ids;         // match[id]; empty means any
  std::vector<std::string> types;       // match[type]; empty means any

  // match[version]. With none of these set, every version matches ("all").
  bool version_first = false;
  bool version_last = false;
  std::vector<int64_t> version_times;  // exact versions, in microseconds

  // match[spec_version]. Empty and !all_spec_versions means the latest spec_version of
  // each object (the standard's default).
  std::vector<std::string> spec_versions;
  bool all_spec_versions = false;

  size_t limit = 100;

  bool AllVersions() const { return !version_first && !version_last && version_times.empty(); }
};

// Parses `params` for `endpoint`; `next` must be a token made with `seal`
// (pagination.h). InvalidArgument naming the parameter and the bad value ("limit:
// expected a positive integer, got \"0\"") for malformed values.
absl::StatusOr<ObjectFilter> ParseFilter(const QueryParams& params, FilterEndpoint endpoint,
                                         const PageLimits& limits, const CursorSeal& seal = {});

}  // namespace stixkit::taxii

#endif  // STIXKIT_STIX_TAXII_SERVER_FILTERS_H_
