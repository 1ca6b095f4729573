// The state a polling `taxii pull --state FILE` keeps between runs: the last
// X-TAXII-Date-Added-Last a successful pull saw, to send as added_after next time
// (TAXII 2.1 §3.4 incremental sync; never a STIX `modified`, which loops forever with
// some servers, minemeld-core PR #400). The file is small JSON, written atomically:
//
//   {"api_root": "https://h/api/", "collection": "91a7b528-...",
//    "added_after": "2024-05-01T10:00:00.123456Z"}
//
// Pure file I/O; thread-safe for distinct files.
#ifndef STIXKIT_STIX_TAXII_CLIENT_PULL_STATE_H_
#define STIXKIT_STIX_TAXII_CLIENT_PULL_STATE_H_

#include <optional>
#include <string>
#include <string_view>

#include "absl/status/statusor.h"

namespace stixkit::taxii {

struct PullState {
  std::string api_root;
  std::string collection;
  std::string added_after;
};

// The state in `path`; nullopt when the file does not exist yet (the first run).
// InvalidArgument naming the file when it is not a state file; DataLoss when unreadable.
absl::StatusOr<std::optional<PullState>> ReadPullState(std::string_view path);

// Replaces `path` atomically with `state`.
absl::Status WritePullState(std::string_view path, const PullState& state);

}  // namespace stixkit::taxii

#endif  // STIXKIT_STIX_TAXII_CLIENT_PULL_STATE_H_
