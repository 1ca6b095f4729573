// Who may do what: the server's HTTP Basic users (RFC 7617), checked against PBKDF2
// password hashes, and their per-collection read and write rights.
//
//   STIXKIT_ASSIGN_OR_RETURN(auto access, AccessControl::Create(users));
//   const ServerUser* user = access->Authenticate(req.get_header_value("Authorization"));
//   if (user == nullptr) -> 401;  if (!CanRead(*user, collection_id)) -> 403 or 404
//
// PBKDF2 is slow on purpose (~0.15 s), far too slow to run on every request of a client
// paging through 100,000 objects. So a successful check is remembered as an HMAC of
// (user, password) under a key drawn at start-up; the cache lives in memory only and a
// later request with the same credentials costs one HMAC. Failed checks are not cached.
//
// Thread-safe after Create; ServerUser pointers live as long as the AccessControl.
#ifndef STIXKIT_STIX_TAXII_SERVER_ACCESS_CONTROL_H_
#define STIXKIT_STIX_TAXII_SERVER_ACCESS_CONTROL_H_

#include <memory>
#include <mutex>
#include <string>
#include <string_view>
#include <vector>

#include "absl/container/flat_hash_map.h"
#include "absl/container/flat_hash_set.h"
#include "absl/status/statusor.h"

namespace stixkit::taxii {

// One HTTP Basic user. `read` and `write` list collection ids (or aliases); "*" means
// every collection.
struct ServerUser {
  std::string name;
  std::string password_hash;  // from HashPassword / `stixkit taxii serve --hash-password`
  std::vector<std::string> read;
  std::vector<std::string> write;
};

bool CanRead(const ServerUser& user, std::string_view collection_id, std::string_view alias = {});
bool CanWrite(const ServerUser& user, std::string_view collection_id, std::string_view alias = {});

class AccessControl {
 public:
  // InvalidArgument for a user without a name, a name with ':' (Basic cannot carry it),
  // a name given twice, or a malformed password hash (the message names the user).
  static absl::StatusOr<std::unique_ptr<AccessControl>> Create(std::vector<ServerUser> users);

  // The user whose name and password an `Authorization: Basic ...` header value carries;
  // nullptr when the header is missing, malformed, names no user, or has the wrong
  // password.
  const ServerUser* Authenticate(std::string_view authorization_header);

  const std::vector<ServerUser>& users() const { return users_; }

 private:
  AccessControl() = default;
  std::string CacheKey(std::string_view name, std::string_view password) const;

  std::vector<ServerUser> users_;
  absl::flat_hash_map<std::string, size_t> by_name_;
  std::string hmac_key_;
  std::mutex mu_;
  absl::flat_hash_set<std::string> verified_;
};

}  // namespace stixkit::taxii

#endif  // STIXKIT_STIX_TAXII_SERVER_ACCESS_CONTROL_H_
