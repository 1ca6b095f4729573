// Building the authentication headers a TAXII client sends: HTTP Basic (RFC 7617, which
// TAXII 2.1 §1.6.9 makes mandatory for clients), a bearer token, or a token in a custom
// header ("X-API-Key: ..."). Secrets come from files or the environment, never from the
// command line, where other users of the machine can read them (ps, shell history).
//
//   Credentials c{.user = "alice", .password = ReadSecretFile("pw.txt").value()};
//   STIXKIT_ASSIGN_OR_RETURN(std::vector<HttpHeader> headers, AuthHeaders(c));
//
// Pure functions (ReadSecretFile reads a file); thread-safe.
#ifndef STIXKIT_STIX_TAXII_CLIENT_AUTH_H_
#define STIXKIT_STIX_TAXII_CLIENT_AUTH_H_

#include <string>
#include <string_view>
#include <vector>

#include "absl/status/statusor.h"
#include "stix/taxii/client/http_transport.h"

namespace stixkit::taxii {

struct Credentials {
  std::string user;  // Basic when set (password required)
  std::string password;
  std::string token;         // a bearer token, or the value for token_header
  std::string token_header;  // "" means "Authorization: Bearer <token>"
};

// The headers for `c`: none, Basic, a token header, or Basic plus a custom token header.
// InvalidArgument when a user name contains ':' (RFC 7617 §2), a user has no password,
// a secret contains a line break (it would inject headers), or Basic and a bearer token
// would both need the Authorization header.
absl::StatusOr<std::vector<HttpHeader>> AuthHeaders(const Credentials& c);

// The first line of a secret file, without its line ending. NotFound or
// PermissionDenied naming the file; InvalidArgument when the file is empty.
absl::StatusOr<std::string> ReadSecretFile(std::string_view path);

}  // namespace stixkit::taxii

#endif  // STIXKIT_STIX_TAXII_CLIENT_AUTH_H_
