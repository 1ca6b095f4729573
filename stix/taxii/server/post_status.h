// The status resource (TAXII 2.1 §4.3.1) a POST to objects/ answers with: which posted
// objects were stored (successes), which were refused and why (failures), which are
// still in progress (pendings; always none here, because the server stores an envelope
// before it answers, so `status` is always "complete").
//
//   PostStatus s{.id = "...", .request_timestamp = NowMicros(), .total_count = 3};
//   s.failures.push_back({"indicator--...", "2024-01-01T00:00:00.000Z", "objects[1]: ..."});
//   std::string json = PostStatusJson(s);
//
// Value type; pure functions; thread-safe.
#ifndef STIXKIT_STIX_TAXII_SERVER_POST_STATUS_H_
#define STIXKIT_STIX_TAXII_SERVER_POST_STATUS_H_

#include <cstdint>
#include <string>
#include <vector>

namespace stixkit::taxii {

// A status-details entry (TAXII 2.1 §4.3.1.1).
struct PostStatusDetail {
  std::string id;       // the object's id; "" when it had none
  std::string version;  // its `modified`, `created` or date_added; "" when unknown
  std::string message;  // "" for none
};

struct PostStatus {
  std::string id;  // a UUID
  int64_t request_timestamp = 0;  // microseconds
  size_t total_count = 0;
  std::vector<PostStatusDetail> successes;
  std::vector<PostStatusDetail> failures;
  std::vector<PostStatusDetail> pendings;
};

// The resource's JSON text. Empty lists are omitted (TAXII 2.1 §2: no empty lists);
// the counts are always present.
std::string PostStatusJson(const PostStatus& status);

}  // namespace stixkit::taxii

#endif  // STIXKIT_STIX_TAXII_SERVER_POST_STATUS_H_
