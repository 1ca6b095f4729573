// Server: start-up (config, users, database, TLS, socket) and shutdown. Requests are
// served by router.cc and the handler files.
#include "stix/taxii/server/server.h"

#include <httplib.h>
#include <openssl/rand.h>
#include <sys/socket.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <limits>
#include <mutex>
#include <thread>

#include "absl/strings/escaping.h"
#include "absl/strings/match.h"
#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"
#include "stix/base/status.h"
#include "stix/base/strings.h"
#include "stix/model/uuid.h"
#include "stix/taxii/server/internal/connection_sweep.h"
#include "stix/taxii/server/internal/listen_backlog.h"
#include "stix/taxii/server/internal/request_deadline.h"
#include "stix/taxii/server/internal/service.h"
#include "stix/taxii/server/server_config.h"
#include "stix/taxii/server/taxii_time.h"

namespace stixkit::taxii {
namespace {

constexpr std::string_view kDefaultCollectionSetting = "default_collection/";

std::string DefaultCollectionKey(std::string_view root) {
  return absl::StrCat(Av(kDefaultCollectionSetting), Av(root));
}

absl::Status CheckOptions(const ServerOptions& o) {
  if (o.db_path.empty()) return absl::InvalidArgumentError("no database file given (--db FILE)");
  if (o.cert_file.empty() != o.key_file.empty()) {
    return absl::InvalidArgumentError("TLS needs both a certificate (--cert) and a key (--key)");
  }
  if (!o.client_ca_file.empty() && o.cert_file.empty()) {
    return absl::InvalidArgumentError(
        "client certificates (--client-ca) need HTTPS: give --cert and --key too");
  }
  if (o.threads < 1 || o.threads > 1024) {
    return absl::InvalidArgumentError(
        absl::StrCat("expected 1 to 1024 threads, got ", o.threads));
  }
  if (o.port < 0 || o.port > 65535) {
    return absl::InvalidArgumentError(absl::StrCat("expected a port from 0 to 65535, got ", o.port));
  }
  if (o.max_content_length < 1024) {
    return absl::InvalidArgumentError(absl::StrCat(
        "expected a max_content_length of at least 1024 bytes, got ", o.max_content_length));
  }
  if (o.request_timeout_seconds < 1) {
    return absl::InvalidArgumentError(absl::StrCat(
        "expected a request timeout of at least 1 second, got ", o.request_timeout_seconds));
  }
  if (o.default_page_size < 1 || o.max_page_size < o.default_page_size) {
    return absl::InvalidArgumentError(absl::StrCat(
        "expected 1 <= default page size <= max page size, got ", o.default_page_size, " and ",
        o.max_page_size));
  }
  return absl::OkStatus();
}

// The key that seals `next` tokens (pagination.h). It is made once and kept in the
// database, so tokens survive restarts; a fresh database gets a fresh key.
absl::StatusOr<std::string> CursorKey(Store& store) {
  constexpr std::string_view kSetting = "cursor_key";
  STIXKIT_ASSIGN_OR_RETURN(std::optional<std::string> key, store.GetSetting(kSetting));
  if (key && !key->empty()) return *std::move(key);
  unsigned char bytes[32];
  if (RAND_bytes(bytes, sizeof(bytes)) != 1) {
    return absl::InternalError("cannot draw a random key for page tokens (RAND_bytes)");
  }
  STIXKIT_RETURN_IF_ERROR(store.PutSetting(
      kSetting,
      absl::BytesToHexString(absl::string_view(reinterpret_cast<char*>(bytes), sizeof(bytes)))));
  STIXKIT_ASSIGN_OR_RETURN(key, store.GetSetting(kSetting));
  return key ? *std::move(key) : std::string();
}

std::string UrlHost(const std::string& host) {
  return absl::StrContains(host, ':') ? absl::StrCat("[", host, "]") : host;
}

// The pre-routing gate: a declared body over max_content_length is refused before a byte
// of it is read (TAXII 2.1 §4.2.1). cpp-httplib does not read the body then, so the
// connection is marked to close rather than be reused with unread bytes in it.
bool TooLarge(const server_internal::Service& service, const httplib::Request& req,
              httplib::Response& res) {
  const std::string length = req.get_header_value("Content-Length");
  if (length.empty()) return false;
  // BadLength has refused lengths that are not digits. Digits beyond 64 bits are too
  // large too; cpp-httplib would read them as 2^64-1 and fail with a misleading 400.
  uint64_t n = 0;
  if (!absl::SimpleAtoi(length, &n)) n = std::numeric_limits<uint64_t>::max();
  if (n <= service.max_content_length) return false;
  res.set_header("Connection", "close");
  if (service.deadline) service.deadline->CloseAfterAnswer(req.remote_addr, req.remote_port);
  server_internal::SendError(res, 413, absl::StrCat("the request body has ", n,
                                             " bytes; this API root accepts at most ",
                                             service.max_content_length,
                                             " (max_content_length); split the envelope"));
  return true;
}

// RFC 9112 §6.3: a Content-Length that is not one decimal number gets 400 and the
// connection is closed. cpp-httplib would read "abc" as 0 and "-1" as 2^64-1, and then
// take the body for the next request on the connection.
bool BadLength(const server_internal::Service& service, const httplib::Request& req,
               httplib::Response& res) {
  const size_t count = req.get_header_value_count("Content-Length");
  const std::string length = req.get_header_value("Content-Length");
  const bool digits = !length.empty() && std::all_of(length.begin(), length.end(),
                                                     [](char c) { return c >= '0' && c <= '9'; });
  if (count == 0 || (count == 1 && digits)) return false;
  res.set_header("Connection", "close");
  if (service.deadline) service.deadline->CloseAfterAnswer(req.remote_addr, req.remote_port);
  server_internal::SendError(
      res, 400,
      count > 1 ? std::string("expected one Content-Length header, got several")
                : absl::StrCat("Content-Length: expected a number of bytes, got \"",
                               length.substr(0, 64), "\""));
  return true;
}

// Descriptions for the errors cpp-httplib answers by itself, before any handler runs.
std::string_view LibraryErrorText(int status) {
  switch (status) {
    case 400: return "the request is not valid HTTP/1.1 (or a header line is over 8 KiB)";
    case 413: return "the request body is larger than max_content_length";
    case 414: return "the request target is longer than 8 KiB";
    case 416: return "the Range header cannot be satisfied";
    default: return "the request could not be served";
  }
}

}  // namespace

struct Server::Impl {
  ServerOptions options;
  server_internal::Service service;
  std::unique_ptr<Store> store;
  std::unique_ptr<AccessControl> access;
  std::unique_ptr<stix::Validator> validator;
  std::unique_ptr<httplib::Server> http;
  // Made once the port is bound, before the first request; see request_deadline.h.
  std::unique_ptr<server_internal::RequestDeadline> deadline;
  std::thread thread;
  std::atomic<bool> serving_done{false};
  int port = 0;
  std::optional<std::string> default_collection;
  std::mutex stop_mu;
  bool stopped = false;

  absl::Status Configure(ServerConfig config);
  absl::Status EnsureDefaultCollection();
  absl::Status Listen();
  void InstallHandlers();
};

absl::Status Server::Impl::Configure(ServerConfig config) {
  std::vector<ServerUser> users = options.users;
  for (ServerUser& u : config.users) users.push_back(std::move(u));
  if (users.empty()) {
    return absl::FailedPreconditionError(
        "no users: give a config file with \"users\" (--config FILE) or set "
        "STIXKIT_TAXII_USER and STIXKIT_TAXII_PASSWORD");
  }
  STIXKIT_ASSIGN_OR_RETURN(access, AccessControl::Create(std::move(users)));
  service.title = config.title.empty() ? "stixkit TAXII 2.1 server" : config.title;
  service.description = config.description;
  service.contact = config.contact;
  if (config.api_roots.empty()) {
    config.api_roots.push_back({std::string(kDefaultApiRoot), "stixkit API root", "", {}});
  }
  STIXKIT_ASSIGN_OR_RETURN(
      store, Store::Open({options.db_path, options.threads + 2, options.clock}));
  for (const ApiRootConfig& root : config.api_roots) {
    service.api_roots.push_back({root.path, root.title, root.description});
    for (const CollectionConfig& c : root.collections) {
      STIXKIT_RETURN_IF_ERROR(
          store->PutCollection({c.id, root.path, c.title, c.description, c.alias}));
    }
  }
  stix::ValidatorSettings settings;
  settings.jobs = 1;
  STIXKIT_ASSIGN_OR_RETURN(stix::Validator v, stix::Validator::Create({}, settings));
  validator = std::make_unique<stix::Validator>(std::move(v));

  service.public_url = options.public_url;
  while (absl::EndsWith(service.public_url, "/")) service.public_url.pop_back();
  service.max_content_length = options.max_content_length;
  service.max_header_count = options.max_header_count;
  service.max_header_bytes = options.max_header_bytes;
  service.page = {options.default_page_size, options.max_page_size};
  service.store = store.get();
  service.access = access.get();
  service.validator = validator.get();
  service.clock = options.clock ? options.clock : [] { return NowMicros(); };
  STIXKIT_ASSIGN_OR_RETURN(service.cursor_key, CursorKey(*store));
  if (options.create_default_collection) STIXKIT_RETURN_IF_ERROR(EnsureDefaultCollection());
  return absl::OkStatus();
}

// The zero-config collection: made once, its id kept in the database, so restarts and
// clients keep the same URL.
absl::Status Server::Impl::EnsureDefaultCollection() {
  const std::string root = service.api_roots.front().path;
  STIXKIT_ASSIGN_OR_RETURN(std::optional<std::string> id,
                           store->GetSetting(DefaultCollectionKey(root)));
  if (id) {
    STIXKIT_ASSIGN_OR_RETURN(std::optional<CollectionRecord> found,
                             store->FindCollection(root, *id));
    if (found) {
      default_collection = *id;
      return absl::OkStatus();
    }
  }
  const std::string fresh = stix::UuidV4(stix::SystemRandom()).ToString();
  STIXKIT_RETURN_IF_ERROR(store->PutCollection(
      {fresh, root, "Shared objects", "the hub's default collection", ""}));
  STIXKIT_RETURN_IF_ERROR(store->PutSetting(DefaultCollectionKey(root), fresh));
  default_collection = fresh;
  return absl::OkStatus();
}

void Server::Impl::InstallHandlers() {
  // cpp-httplib's default also sets SO_REUSEPORT, which would let a second server bind
  // the same port and silently take half the connections; only SO_REUSEADDR (restart
  // while old connections linger in TIME_WAIT) is wanted.
  http->set_socket_options([](socket_t sock) {
    int yes = 1;
    setsockopt(sock, SOL_SOCKET, SO_REUSEADDR, &yes, sizeof(yes));
  });
  const int threads = options.threads;
  http->new_task_queue = [threads] { return new httplib::ThreadPool(threads); };
  http->set_read_timeout(options.read_timeout_seconds, 0);
  http->set_write_timeout(options.write_timeout_seconds, 0);
  http->set_keep_alive_timeout(options.keep_alive_timeout_seconds);
  http->set_keep_alive_max_count(100);
  // Bodies with a Content-Length are capped here too; chunked ones (no Content-Length)
  // by the ContentReader handler below, because cpp-httplib 0.11.4 does not apply this
  // limit to them.
  http->set_payload_max_length(options.max_content_length);
  const server_internal::Service* svc = &service;
  http->set_pre_routing_handler([svc](const httplib::Request& req, httplib::Response& res) {
    return BadLength(*svc, req, res) || TooLarge(*svc, req, res)
               ? httplib::Server::HandlerResponse::Handled
               : httplib::Server::HandlerResponse::Unhandled;
  });
  // curl sends "Expect: 100-continue" before large bodies: refuse those without
  // receiving them.
  http->set_expect_100_continue_handler([svc](const httplib::Request& req, httplib::Response& res) {
    if (!TooLarge(*svc, req, res)) return 100;
    // cpp-httplib writes this answer without computing Content-Length.
    res.set_header("Content-Length", std::to_string(res.body.size()));
    return 413;
  });
  // Errors cpp-httplib raises itself (400 unparsable request, 413 chunked body over the
  // limit, 414, ...) get a TAXII error body too; ours already have one.
  http->set_error_handler(httplib::Server::HandlerWithResponse(
      [](const httplib::Request&, httplib::Response& res) {
        if (!res.body.empty()) return httplib::Server::HandlerResponse::Unhandled;
        server_internal::SendError(res, res.status, std::string(LibraryErrorText(res.status)));
        return httplib::Server::HandlerResponse::Handled;
      }));
  http->set_exception_handler(
      [](const httplib::Request&, httplib::Response& res, std::exception_ptr ep) {
        std::string what = "unexpected error";
        try {
          if (ep) std::rethrow_exception(ep);
        } catch (const std::exception& e) {
          what = e.what();
        } catch (...) {
        }
        server_internal::SendError(res, 500, absl::StrCat("internal error: ", what));
      });
  // The request is in: its handler is not on the clock (request_deadline.h).
  auto read_done = [svc](const httplib::Request& req) {
    if (svc->deadline) svc->deadline->RequestRead(req.remote_addr, req.remote_port);
  };
  auto route = [svc, read_done](const httplib::Request& req, httplib::Response& res) {
    read_done(req);
    server_internal::Route(*svc, req, res, req.body);
  };
  // Requests with a body: read it here, stopping at max_content_length.
  auto route_with_body = [svc, read_done](const httplib::Request& req, httplib::Response& res,
                                          const httplib::ContentReader& reader) {
    std::string body;
    bool too_large = false;
    const bool read = reader([&](const char* data, size_t length) {
      if (body.size() + length > svc->max_content_length) {
        too_large = true;
        return false;
      }
      body.append(data, length);
      return true;
    });
    read_done(req);
    if (too_large) {
      res.set_header("Connection", "close");  // the rest of the body is left unread
      if (svc->deadline) svc->deadline->CloseAfterAnswer(req.remote_addr, req.remote_port);
      server_internal::SendError(
          res, 413, absl::StrCat("the request body has more than ", svc->max_content_length,
                                 " bytes (max_content_length); split the envelope"));
    } else if (!read) {
      server_internal::SendError(res, 400, "the request body could not be read");
    } else {
      server_internal::Route(*svc, req, res, body);
    }
  };
  http->Get(".*", route);
  http->Post(".*", route_with_body);
  http->Post(".*", route);
  http->Delete(".*", route_with_body);
  http->Delete(".*", route);
  http->Put(".*", route_with_body);
  http->Put(".*", route);
  http->Patch(".*", route_with_body);
  http->Patch(".*", route);
  http->Options(".*", route);
  // Called once an answer is written: the connection's next request starts its clock.
  auto log = options.access_log;
  http->set_logger([log, svc](const httplib::Request& req, const httplib::Response& res) {
    if (svc->deadline) svc->deadline->AnswerWritten(req.remote_addr, req.remote_port);
    if (log) log(absl::StrCat(req.remote_addr, " ", req.method, " ", req.path, " ", res.status));
  });
}

absl::Status Server::Impl::Listen() {
  const bool tls = !options.cert_file.empty();
  if (tls) {
    const std::string& ca = options.client_ca_file;
    auto ssl = std::make_unique<httplib::SSLServer>(
        options.cert_file.c_str(), options.key_file.c_str(), ca.empty() ? nullptr : ca.c_str());
    if (!ssl->is_valid()) {
      const std::string client_ca = ca.empty() ? "" : absl::StrCat("' or the client CA file '", ca);
      return absl::InvalidArgumentError(
          absl::StrCat("cannot load the TLS certificate '", options.cert_file, "' and key '",
                       options.key_file, client_ca, "' (PEM files expected)"));
    }
    http = std::move(ssl);
  } else {
    http = std::make_unique<httplib::Server>();
  }
  InstallHandlers();
  port = options.port == 0 ? http->bind_to_any_port(options.host)
                           : (http->bind_to_port(options.host, options.port) ? options.port : -1);
  if (port <= 0) {
    return absl::UnavailableError(absl::StrCat("cannot listen on ", UrlHost(options.host), ":",
                                               options.port,
                                               ": the address is in use or not available"));
  }
  // A burst of clients must queue rather than wait out SYN retransmissions.
  server_internal::RaiseListenBacklog(port, SOMAXCONN);
  service.base_url =
      absl::StrCat(tls ? "https://" : "http://", UrlHost(options.host), ":", port);
  deadline = std::make_unique<server_internal::RequestDeadline>(
      port, absl::Seconds(options.request_timeout_seconds),
      2 * uint64_t{options.max_content_length} + options.max_header_bytes + (64 << 10));
  service.deadline = deadline.get();
  httplib::Server* raw = http.get();
  std::atomic<bool>* done = &serving_done;
  thread = std::thread([raw, done] {
    raw->listen_after_bind();
    *done = true;
  });
  // The socket already queues connections; wait for the accept loop so that Stop right
  // after Start cannot race it.
  for (int i = 0; i < 500 && !raw->is_running(); ++i) {
    std::this_thread::sleep_for(std::chrono::milliseconds(2));
  }
  return absl::OkStatus();
}

Server::Server(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}

Server::~Server() { Stop(); }

absl::StatusOr<std::unique_ptr<Server>> Server::Start(ServerOptions options) {
  // cpp-httplib and the standard library may throw; nothing escapes this edge.
  try {
    STIXKIT_RETURN_IF_ERROR(CheckOptions(options));
    ServerConfig config;
    if (!options.config_path.empty()) {
      STIXKIT_ASSIGN_OR_RETURN(config, LoadServerConfig(options.config_path));
    }
    auto impl = std::make_unique<Impl>();
    impl->options = std::move(options);
    STIXKIT_RETURN_IF_ERROR(impl->Configure(std::move(config)));
    STIXKIT_RETURN_IF_ERROR(impl->Listen());
    return std::unique_ptr<Server>(new Server(std::move(impl)));
  } catch (const std::exception& e) {
    return absl::InternalError(absl::StrCat("cannot start the TAXII server: ", e.what()));
  }
}

int Server::port() const { return impl_->port; }

std::string Server::base_url() const { return impl_->service.base_url; }

std::vector<std::string> Server::api_roots() const {
  std::vector<std::string> out;
  for (const auto& root : impl_->service.api_roots) out.push_back(root.path);
  return out;
}

std::optional<std::string> Server::default_collection_id() const {
  return impl_->default_collection;
}

void Server::Stop() {
  std::lock_guard<std::mutex> lock(impl_->stop_mu);
  if (impl_->stopped) return;
  impl_->stopped = true;
  // Idle keep-alive connections would hold the workers (and so this join) for up to the
  // keep-alive timeout; end them, and repeat until the serving thread has finished,
  // because a connection accepted just before stop() may still reach a worker, and
  // stop() does nothing if the accept loop had not started yet. stop() is sent once
  // only: a second call while the workers drain trips an assert in cpp-httplib.
  bool stop_sent = false;
  while (impl_->thread.joinable() && !impl_->serving_done) {
    if (!stop_sent && impl_->http->is_running()) {
      impl_->http->stop();
      stop_sent = true;
    }
    server_internal::ShutDownAcceptedConnections(impl_->port);
    std::this_thread::sleep_for(std::chrono::milliseconds(5));
  }
  if (impl_->thread.joinable()) impl_->thread.join();
  impl_->service.deadline = nullptr;
  impl_->deadline.reset();
  impl_->http.reset();
  impl_->store.reset();
}

absl::StatusOr<std::string> Server::CreateCollection(std::string_view api_root,
                                                     std::string_view title) {
  // Held throughout, so Stop cannot close the store underneath.
  std::lock_guard<std::mutex> lock(impl_->stop_mu);
  if (impl_->stopped) return absl::FailedPreconditionError("the server is stopped");
  if (impl_->service.FindApiRoot(api_root) == nullptr) {
    return absl::NotFoundError(absl::StrCat("no API root '", Av(api_root), "' on this server"));
  }
  const std::string id = stix::UuidV4(stix::SystemRandom()).ToString();
  STIXKIT_RETURN_IF_ERROR(impl_->store->PutCollection(
      {id, std::string(api_root), std::string(title), "", ""}));
  return id;
}

}  // namespace stixkit::taxii
