// `stixkit taxii serve` as a library: a TAXII 2.1 server (OASIS TAXII 2.1, 10 June 2021)
// backed by one SQLite file, so a member or a small ISAC can run a sharing hub from one
// binary. It serves discovery, API roots, collections, objects (GET, POST, by id, DELETE),
// versions, manifests and status resources, with every filter, stable pagination, HTTP
// Basic users with per-collection rights, and validation of posted objects.
// docs/taxii.md ("Server") documents endpoints, options, the config file and limits.
//
//   ServerOptions options;
//   options.db_path = dir + "/hub.db";
//   options.users.push_back({"alice", HashPassword("s3cret"), {"*"}, {"*"}});
//   STIXKIT_ASSIGN_OR_RETURN(std::unique_ptr<Server> server, Server::Start(options));
//   STIXKIT_ASSIGN_OR_RETURN(std::string id, server->CreateCollection("api", "Indicators"));
//   // GET server->base_url() + "/taxii2/", POST .../api/collections/<id>/objects/ ...
//   server->Stop();
//
// Lifetime and threads: Start returns once the socket listens; requests are served by a
// pool of `threads` workers on background threads until Stop (or the destructor). All
// public members are thread-safe.
#ifndef STIXKIT_STIX_TAXII_SERVER_SERVER_H_
#define STIXKIT_STIX_TAXII_SERVER_SERVER_H_

#include <cstddef>
#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "absl/status/statusor.h"
#include "stix/taxii/server/access_control.h"  // ServerUser
#include "stix/taxii/server/password_hash.h"   // HashPassword

namespace stixkit::taxii {

// The path of the API root a server has when no config file names its own.
inline constexpr std::string_view kDefaultApiRoot = "api";

struct ServerOptions {
  // The SQLite database file; created when missing. Required.
  std::string db_path;
  std::string host = "127.0.0.1";
  // 0 picks a free port; port() tells which.
  int port = 0;
  // PEM files; both set means HTTPS (TLS via OpenSSL), neither means plain HTTP.
  std::string cert_file, key_file;
  // PEM file of CA certificates (mutual TLS, HTTPS only): when set, a client must present
  // a certificate signed by one of them, or the TLS handshake fails before any request.
  // Basic auth and the users' permissions still apply on top.
  std::string client_ca_file;
  // Request worker threads.
  int threads = 8;
  // The API roots' max_content_length (TAXII 2.1 §4.2.1): larger request bodies get 413
  // before they are read.
  size_t max_content_length = 10 << 20;
  // Users in addition to the config file's.
  std::vector<ServerUser> users;
  // The JSON config file (server_config.h); "" for none: one API root "api".
  std::string config_path;

  // Create a collection in the default API root the first time this database is used,
  // and keep using it (its id is stored in the database): the zero-config start.
  bool create_default_collection = false;
  // The scheme://host[:port] the discovery resource puts in front of API root paths.
  // Empty means the request's Host header (or base_url()).
  std::string public_url;
  // Page sizes of objects/, manifest/ and versions/ without `limit`, and at most.
  size_t default_page_size = 100;
  size_t max_page_size = 1000;
  // Per-request socket timeouts, and how long an idle keep-alive connection is kept.
  int read_timeout_seconds = 30;
  int write_timeout_seconds = 30;
  int keep_alive_timeout_seconds = 5;
  // The longest time one request's head and body may take to arrive; the connection is
  // closed after that. read_timeout_seconds applies to each read only, so without this a
  // client sending a byte a second would hold a worker forever. A connection that sends
  // more than 2 * max_content_length + max_header_bytes for one request is closed too.
  int request_timeout_seconds = 60;
  // Requests with more header fields, or more header bytes, get 431. (cpp-httplib's
  // own fixed limits also apply: 8 KiB per header line and for the request target.)
  size_t max_header_count = 100;
  size_t max_header_bytes = 64 << 10;
  // Microseconds since the epoch for date_added and timestamps; the system clock when
  // empty. Tests inject one.
  std::function<int64_t()> clock;
  // Called with one line per request ("127.0.0.1 GET /api/ 200"); no log when empty.
  // Called from worker threads.
  std::function<void(std::string_view line)> access_log;
};

class Server {
 public:
  // Loads the config, opens the database, binds host:port and starts serving on
  // background threads. InvalidArgument for a bad config, user or option (the message
  // says which); FailedPrecondition when there are no users at all; Unavailable when the
  // database cannot be opened or the address cannot be bound.
  static absl::StatusOr<std::unique_ptr<Server>> Start(ServerOptions options);

  ~Server();  // calls Stop
  Server(const Server&) = delete;
  Server& operator=(const Server&) = delete;

  // The bound port (the real one when options.port was 0).
  int port() const;
  // "http://127.0.0.1:PORT" ("https://..." with TLS). Discovery is at base_url() +
  // "/taxii2/", the default API root at base_url() + "/api/".
  std::string base_url() const;
  // The API root paths served ("api" unless the config names others).
  std::vector<std::string> api_roots() const;
  // The zero-config collection's id, when create_default_collection made or found one.
  std::optional<std::string> default_collection_id() const;

  // Stops accepting, finishes the requests in progress and closes the database.
  // Idempotent.
  void Stop();

  // Creates a collection titled `title` in `api_root` with a fresh UUID and returns the
  // id; any user with "*" rights can use it at once. NotFound for an API root the server
  // does not serve; FailedPrecondition after Stop.
  absl::StatusOr<std::string> CreateCollection(std::string_view api_root, std::string_view title);

 private:
  struct Impl;
  explicit Server(std::unique_ptr<Impl> impl);
  std::unique_ptr<Impl> impl_;
};

}  // namespace stixkit::taxii

#endif  // STIXKIT_STIX_TAXII_SERVER_SERVER_H_
