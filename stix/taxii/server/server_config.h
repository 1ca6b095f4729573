// The server's JSON config file (`stixkit taxii serve --config FILE`): the discovery
// text, the API roots with their collections, and the users with their rights.
// docs/taxii.md ("Config file") has a complete example:
//
//   {
//     "title": "Example ISAC hub", "description": "...", "contact": "soc@example.org",
//     "api_roots": [{"path": "api", "title": "Sharing", "collections": [
//        {"id": "91a7b528-80eb-42ed-a74d-c6fbd5a26116", "title": "Indicators",
//         "alias": "indicators"}]}],
//     "users": [{"name": "alice", "password_hash": "pbkdf2-sha256$600000$...$...",
//                "read": ["*"], "write": ["indicators"]}]
//   }
//
// Unknown keys are errors, so a misspelt "wirte" is caught at start-up instead of
// silently granting nothing. Pure functions; thread-safe.
#ifndef STIXKIT_STIX_TAXII_SERVER_SERVER_CONFIG_H_
#define STIXKIT_STIX_TAXII_SERVER_SERVER_CONFIG_H_

#include <string>
#include <string_view>
#include <vector>

#include "absl/status/statusor.h"
#include "stix/taxii/server/access_control.h"

namespace stixkit::taxii {

struct CollectionConfig {
  std::string id;  // an RFC 4122 UUID
  std::string title;
  std::string description;
  std::string alias;
};

struct ApiRootConfig {
  std::string path;  // one URL segment: "api" serves <base>/api/
  std::string title;
  std::string description;
  std::vector<CollectionConfig> collections;
};

struct ServerConfig {
  // The discovery resource (TAXII 2.1 §4.1.1).
  std::string title;
  std::string description;
  std::string contact;
  // The first is the discovery resource's `default`.
  std::vector<ApiRootConfig> api_roots;
  std::vector<ServerUser> users;
};

// Parses config text; `path` names it in errors, which have the form
// "path: /users/0/read: expected an array of strings, found a number".
absl::StatusOr<ServerConfig> ParseServerConfig(std::string_view text, std::string_view path);

// Reads and parses the file at `path`; NotFound when it cannot be read.
absl::StatusOr<ServerConfig> LoadServerConfig(const std::string& path);

// True for a usable API root path: 1-64 of [A-Za-z0-9._~-], not "taxii2".
bool IsValidApiRootPath(std::string_view path);

}  // namespace stixkit::taxii

#endif  // STIXKIT_STIX_TAXII_SERVER_SERVER_CONFIG_H_
