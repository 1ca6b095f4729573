// Sending a PushPlan to a collection (TAXII 2.1 §5.5): read the API root's
// max_content_length, check the collection accepts writes, split the objects into
// envelopes under the limit, POST each, poll its status resource until `complete` or
// the timeout (with backoff), and report every object as succeeded, failed or still
// pending. A 413 despite the limit (a proxy in front may have a lower one) splits that
// envelope in two and retries; 400 and 422 fail the envelope's objects and go on with
// the next envelope; any other error stops the push.
//
//   STIXKIT_ASSIGN_OR_RETURN(PushResult r, PushObjects(client, root, id, plan, {}));
//   if (r.Count(Outcome::kSuccess) != r.results.size()) ...
//
// Runs on the caller's thread; waits use the client's Clock.
#ifndef STIXKIT_STIX_TAXII_CLIENT_PUSHER_H_
#define STIXKIT_STIX_TAXII_CLIENT_PUSHER_H_

#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "absl/status/statusor.h"
#include "absl/time/time.h"
#include "stix/taxii/client/push_planner.h"
#include "stix/taxii/client/taxii_client.h"

namespace stixkit::taxii {

enum class Outcome { kSuccess, kFailure, kPending };

struct ObjectResult {
  std::string id;
  std::string version;
  Outcome outcome = Outcome::kPending;
  std::string message;  // the server's message, or why the object failed
};

struct PushOptions {
  // An envelope size below the server's max_content_length; 0 uses the server's.
  size_t max_envelope_bytes = 0;
  // How long to poll one envelope's status before reporting its objects as pending.
  absl::Duration status_timeout = absl::Seconds(60);
  // Told about each envelope and each 413 split; may be empty.
  std::function<void(std::string_view)> log;
};

struct PushResult {
  std::vector<ObjectResult> results;  // one per object, in plan order
  size_t envelopes = 0;               // POSTs that were answered
  size_t envelope_limit = 0;          // the byte limit used for splitting
  std::vector<std::string> status_ids;
  // The error that stopped the push part-way (objects not sent stay kPending with the
  // message "not sent"); OK when every envelope was answered.
  absl::Status stopped;

  size_t Count(Outcome outcome) const;
};

// Pushes `plan`. Fails before sending anything with the client's error for the API root
// or the collection; PermissionDenied when the collection has can_write false; InvalidArgument
// naming the object when one object alone is over the limit. A POST error other than 400, 413 and
// 422 stops the push and is returned in PushResult::stopped.
absl::StatusOr<PushResult> PushObjects(TaxiiClient& client, std::string_view api_root,
                                       std::string_view collection, const PushPlan& plan,
                                       const PushOptions& options);

// Polls status `initial` until complete or `timeout` passes, waiting 0.25 s, 0.5 s, ...
// up to 5 s between requests. Returns the last status seen (pending on timeout) or the
// client's error.
absl::StatusOr<StatusResource> WaitForStatus(TaxiiClient& client, std::string_view api_root,
                                             StatusResource initial, absl::Duration timeout);

}  // namespace stixkit::taxii

#endif  // STIXKIT_STIX_TAXII_CLIENT_PUSHER_H_
