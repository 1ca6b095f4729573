// The TAXII 2.1 resources the client reads (TAXII 2.1 §4, §5), as plain structs parsed
// leniently from JSON: lists the server omits read as empty (TAXII §2: lists are never
// empty), unknown members are ignored (§7.1), and only the members a client cannot work
// without are required.
//
//   STIXKIT_ASSIGN_OR_RETURN(ApiRoot root, ParseApiRoot(doc, url));
//   root.max_content_length;  // bytes a POST body may have
//
// Plain value types; the parse functions are pure and thread-safe.
#ifndef STIXKIT_STIX_TAXII_CLIENT_RESOURCES_H_
#define STIXKIT_STIX_TAXII_CLIENT_RESOURCES_H_

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "absl/status/statusor.h"
#include "rapidjson/document.h"

namespace stixkit::taxii {

struct Discovery {  // §4.1.1
  std::string title;
  std::string description;
  std::string contact;
  std::string default_root;            // resolved to an absolute URL when present
  std::vector<std::string> api_roots;  // resolved to absolute URLs
};

struct ApiRoot {  // §4.2.1
  std::string title;
  std::string description;
  std::vector<std::string> versions;
  // Bytes a request body may have; 0 when the server does not say.
  int64_t max_content_length = 0;
};

struct Collection {  // §5.2.1
  std::string id;
  std::string title;
  std::string description;
  std::string alias;
  bool can_read = false;
  bool can_write = false;
  std::vector<std::string> media_types;
};

struct StatusDetail {  // §4.3.1 status-details
  std::string id;
  std::string version;
  std::string message;
};

struct StatusResource {  // §4.3.1
  std::string id;
  std::string status;  // "pending" or "complete"
  std::string request_timestamp;
  int64_t total_count = 0;
  int64_t success_count = 0;
  int64_t failure_count = 0;
  int64_t pending_count = 0;
  std::vector<StatusDetail> successes;
  std::vector<StatusDetail> failures;
  std::vector<StatusDetail> pendings;

  bool complete() const { return status == "complete"; }
};

// Each parser reads one resource; `where` (the URL) prefixes errors. InvalidArgument
// when the JSON is not an object, a required member is missing, or a member has the
// wrong JSON type. Discovery resolves its API roots against `where`.
absl::StatusOr<Discovery> ParseDiscovery(const rapidjson::Value& json, std::string_view where);
absl::StatusOr<ApiRoot> ParseApiRoot(const rapidjson::Value& json, std::string_view where);
absl::StatusOr<Collection> ParseCollection(const rapidjson::Value& json, std::string_view where);
absl::StatusOr<std::vector<Collection>> ParseCollections(const rapidjson::Value& json,
                                                         std::string_view where);
absl::StatusOr<StatusResource> ParseStatus(const rapidjson::Value& json, std::string_view where);

}  // namespace stixkit::taxii

#endif  // STIXKIT_STIX_TAXII_CLIENT_RESOURCES_H_
