// The TAXII server the hostile-client tests attack: the real taxii::Server on 127.0.0.1:0 with a
// temp database, small timeouts and page sizes so that slow cases stay fast, one user
// (alice) and two collections.
//
//   Hub hub;
//   auto r = hub.Post(envelope);          // cpp-httplib client as alice
//   RawConnection raw(hub.server->port());  // or raw bytes (hostile_server.h)
//   CHECK(hub.StillServes());
//
// Header-only because tests/CMakeLists.txt compiles only *_test.cc and tests/support/*.cc.
#ifndef STIXKIT_TESTS_STIX_TAXII_HOSTILE_TEST_HUB_H_
#define STIXKIT_TESTS_STIX_TAXII_HOSTILE_TEST_HUB_H_

#include <httplib.h>

#include <chrono>
#include <filesystem>
#include <memory>
#include <string>

#include <catch2/catch.hpp>

#include "absl/strings/escaping.h"
#include "stix/taxii/server/server.h"
#include "tests/support/paths.h"

namespace stixkit::testing {

inline constexpr char kTaxii[] = "application/taxii+json;version=2.1";
inline constexpr char kPassword[] = "correct horse";

// Basic credentials of alice, for raw requests.
inline std::string Authorization() {
  return "Authorization: Basic " + absl::Base64Escape(std::string("alice:") + kPassword);
}

// A server with small timeouts so that the slow cases stay fast, and two collections.
struct Hub {
  std::string dir = MakeTempDir();
  std::unique_ptr<taxii::Server> server;
  std::string collection, other;

  explicit Hub(taxii::ServerOptions options = Options()) {
    options.db_path = dir + "/hub.db";
    const std::string hash =
        taxii::HashPassword(kPassword, taxii::PasswordHashOptions{1000, nullptr});
    options.users = {{"alice", hash, {"*"}, {"*"}}};
    auto started = taxii::Server::Start(std::move(options));
    INFO(started.status().message());
    REQUIRE(started.ok());
    server = std::move(*started);
    collection = *server->CreateCollection("api", "Indicators");
    other = *server->CreateCollection("api", "Other");
  }
  ~Hub() {
    server->Stop();
    std::filesystem::remove_all(dir);
  }

  static taxii::ServerOptions Options() {
    taxii::ServerOptions options;
    options.threads = 4;
    options.read_timeout_seconds = 1;
    options.write_timeout_seconds = 2;
    options.keep_alive_timeout_seconds = 1;
    options.request_timeout_seconds = 2;
    options.default_page_size = 2;
    options.max_page_size = 5;
    options.max_content_length = 64 << 10;
    return options;
  }

  httplib::Client Client() const {
    httplib::Client cli("127.0.0.1", server->port());
    cli.set_basic_auth("alice", kPassword);
    cli.set_default_headers({{"Accept", kTaxii}});
    cli.set_read_timeout(10, 0);
    cli.set_connection_timeout(2, 0);
    return cli;
  }

  std::string Objects(const std::string& id = "") const {
    return "/api/collections/" + (id.empty() ? collection : id) + "/objects/";
  }

  httplib::Result Post(const std::string& body, const std::string& id = "") const {
    return Client().Post(Objects(id).c_str(), body, kTaxii);
  }

  // True when an ordinary client is served within 3 s (generous: the machine may be
  // busy; the slow-client case checks "meanwhile" by its own clock).
  bool StillServes() const {
    const auto start = std::chrono::steady_clock::now();
    auto r = Client().Get("/api/");
    const auto took = std::chrono::steady_clock::now() - start;
    UNSCOPED_INFO("GET /api/: " << (r ? std::to_string(r->status) : httplib::to_string(r.error()))
                                << " after " << std::chrono::duration<double>(took).count()
                                << " s");
    return r && r->status == 200 && took < std::chrono::milliseconds(3000);
  }
};

}  // namespace stixkit::testing

#endif  // STIXKIT_TESTS_STIX_TAXII_HOSTILE_TEST_HUB_H_
