// The TAXII client against our own server (stix/taxii/server/), both in this process,
// over HTTP on 127.0.0.1: push, pull with pagination, filters, status, authentication
// failures, envelope splitting under a small max_content_length, TLP:RED refusal, and the
// `stixkit taxii push/pull` command lines.
#include <openssl/evp.h>
#include <openssl/pem.h>
#include <openssl/x509.h>
#include <openssl/x509v3.h>

#include <catch2/catch.hpp>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <set>

#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "rapidjson/document.h"
#include "stix/base/strings.h"
#include "stix/json/json_access.h"
#include "stix/model/uuid.h"
#include "stix/taxii/client/auth.h"
#include "stix/taxii/client/curl_transport.h"
#include "stix/taxii/client/http_error.h"
#include "stix/taxii/client/pager.h"
#include "stix/taxii/client/push_planner.h"
#include "stix/taxii/client/pusher.h"
#include "stix/taxii/client/taxii_client.h"
#include "stix/taxii/envelope.h"
#include "stix/taxii/server/server.h"
#include "tests/support/paths.h"
#include "tests/support/test_certificate.h"
#include "tests/support/run_command.h"

namespace stixkit::taxii {
namespace {

constexpr char kPassword[] = "correct horse";

// Cheap hashes: the default 600,000 PBKDF2 rounds would cost 0.15 s per request.
std::string TestHash() {
  PasswordHashOptions options;
  options.iterations = 1000;
  return HashPassword(kPassword, options);
}

// A valid STIX 2.1 indicator with a deterministic id.
std::string Indicator(int n, std::string_view extra = "") {
  uint64_t state = 0x9e3779b97f4a7c15ull * static_cast<uint64_t>(n + 1);
  const stix::Uuid id = stix::UuidV4([&](uint8_t* out, size_t len) {
    for (size_t i = 0; i < len; ++i) {
      state = state * 6364136223846793005ull + 1442695040888963407ull;
      out[i] = static_cast<uint8_t>(state >> 56);
    }
  });
  return absl::StrCat(
      R"({"type":"indicator","spec_version":"2.1","id":"indicator--)", id.ToString(),
      R"(","created":"2024-01-01T00:00:00.000Z","modified":"2024-01-01T00:00:00.000Z",)",
      R"("name":"bad address )", n, R"(","indicator_types":["malicious-activity"],)",
      R"("pattern":"[ipv4-addr:value = '198.51.100.)", n % 250,
      R"(']","pattern_type":"stix","valid_from":"2024-01-01T00:00:00Z")", Av(extra), "}");
}

std::string Malware(int n) {
  return absl::StrCat(R"({"type":"malware","spec_version":"2.1","id":"malware--)",
                      stix::UuidV5(stix::kStixScoNamespace, absl::StrCat("m", n)).ToString(),
                      R"(","created":"2024-01-01T00:00:00.000Z","modified":)",
                      R"("2024-01-01T00:00:00.000Z","name":"family )", n, R"(","is_family":true})");
}

std::string Bundle(const std::vector<std::string>& objects) {
  return absl::StrCat(R"({"type":"bundle","id":"bundle--6f6c9d3e-5b1e-4c3f-9b7a-2d0c1a2b3c4d",)",
                      R"("objects":[)", absl::StrJoin(objects, ","), "]}");
}

PushPlan Plan(const std::vector<std::string>& objects) {
  PushPlanner planner;
  REQUIRE(planner.AddText(Bundle(objects), "test.json").ok());
  return std::move(planner).Finish();
}

// Our server on a temp database, with alice (all rights) and reader (read only).
struct LiveServer {
  std::string dir = testing::MakeTempDir();
  std::unique_ptr<Server> server;
  std::string collection;
  std::string root;

  explicit LiveServer(size_t max_content_length = 10 << 20) {
    ServerOptions options;
    options.db_path = dir + "/hub.db";
    options.threads = 4;
    options.max_content_length = max_content_length;
    options.users = {{"alice", TestHash(), {"*"}, {"*"}}, {"reader", TestHash(), {"*"}, {}}};
    auto started = Server::Start(std::move(options));
    INFO(started.status().message());
    REQUIRE(started.ok());
    server = std::move(*started);
    auto id = server->CreateCollection("api", "Intel");
    REQUIRE(id.ok());
    collection = *id;
    root = server->base_url() + "/api/";
  }
  ~LiveServer() {
    server->Stop();
    std::filesystem::remove_all(dir);
  }
};

// A real client (libcurl) logged in as `user`.
struct LiveClient {
  std::unique_ptr<CurlTransport> transport;
  std::unique_ptr<TaxiiClient> client;

  explicit LiveClient(const std::string& user = "alice", const std::string& password = kPassword) {
    CurlOptions curl;
    curl.timeout = absl::Seconds(30);
    auto t = CurlTransport::Create(curl);
    REQUIRE(t.ok());
    transport = std::move(*t);
    ClientOptions options;
    options.auth_headers = *AuthHeaders({.user = user, .password = password});
    client = std::make_unique<TaxiiClient>(transport.get(), options);
  }
};

std::vector<std::string> PullIds(TaxiiClient& client, const LiveServer& hub, Query query,
                                 PagingSummary* summary = nullptr) {
  std::vector<std::string> ids;
  auto done = FetchAllPages(
      query, [&](const Query& q) { return client.GetObjects(hub.root, hub.collection, q); },
      [&](const rapidjson::Value& o) {
        ids.emplace_back(stix::IdOf(o));
        return absl::OkStatus();
      },
      {});
  INFO(done.status().message());
  REQUIRE(done.ok());
  if (summary != nullptr) *summary = *done;
  return ids;
}

TEST_CASE("taxii client and server: 1200 objects pushed come back across small pages",
          "[stix][taxii][network]") {
  LiveServer hub;
  LiveClient alice;
  std::vector<std::string> objects;
  for (int i = 0; i < 1200; ++i) objects.push_back(Indicator(i));
  const PushPlan plan = Plan(objects);
  const absl::StatusOr<PushResult> pushed =
      PushObjects(*alice.client, hub.root, hub.collection, plan, {});
  INFO(pushed.status().message());
  REQUIRE(pushed.ok());
  CHECK(pushed->stopped.ok());
  CHECK(pushed->Count(Outcome::kSuccess) == 1200);

  Query query;
  query.limit = 50;
  PagingSummary summary;
  const std::vector<std::string> ids = PullIds(*alice.client, hub, query, &summary);
  CHECK(ids.size() == 1200);
  CHECK(summary.pages >= 24);
  CHECK(std::set<std::string>(ids.begin(), ids.end()).size() == 1200);
  CHECK_FALSE(summary.date_added_last.empty());

  // Incremental: nothing was added after the last page.
  query.added_after = summary.date_added_last;
  CHECK(PullIds(*alice.client, hub, query).empty());
}

TEST_CASE("taxii client and server: type and id filters select objects", "[stix][taxii][network]") {
  LiveServer hub;
  LiveClient alice;
  const std::vector<std::string> objects = {Indicator(1), Malware(1), Indicator(2), Malware(2)};
  const PushPlan plan = Plan(objects);
  REQUIRE(PushObjects(*alice.client, hub.root, hub.collection, plan, {}).ok());
  Query by_type;
  by_type.match_type = {"malware"};
  const std::vector<std::string> malware = PullIds(*alice.client, hub, by_type);
  CHECK(malware == std::vector<std::string>{plan.versions[1].id, plan.versions[3].id});
  Query by_id;
  by_id.match_id = {plan.versions[2].id};
  CHECK(PullIds(*alice.client, hub, by_id) == std::vector<std::string>{plan.versions[2].id});
  Query manifest_query;
  manifest_query.match_type = {"indicator"};
  auto page = alice.client->GetManifest(hub.root, hub.collection, manifest_query);
  REQUIRE(page.ok());
  REQUIRE(page->items() != nullptr);
  CHECK(page->items()->Size() == 2);
}

TEST_CASE("taxii client and server: the status resource reports what a POST stored",
          "[stix][taxii][network]") {
  LiveServer hub;
  LiveClient alice;
  const absl::StatusOr<StatusResource> posted = alice.client->AddObjects(
      hub.root, hub.collection, EnvelopeJson(std::vector<std::string>{Indicator(1), Indicator(2)}));
  INFO(posted.status().message());
  REQUIRE(posted.ok());
  const absl::StatusOr<StatusResource> status =
      WaitForStatus(*alice.client, hub.root, *posted, absl::Seconds(10));
  REQUIRE(status.ok());
  CHECK(status->complete());
  const absl::StatusOr<StatusResource> again = alice.client->GetStatus(hub.root, posted->id);
  REQUIRE(again.ok());
  CHECK(again->id == posted->id);
  CHECK(again->total_count == 2);
  CHECK(again->success_count == 2);
  CHECK(again->failure_count == 0);
}

TEST_CASE("taxii client and server: a wrong password gets 401 with advice",
          "[stix][taxii][network]") {
  LiveServer hub;
  LiveClient mallory("alice", "wrong");
  const absl::StatusOr<std::vector<Collection>> list = mallory.client->GetCollections(hub.root);
  REQUIRE_FALSE(list.ok());
  CHECK(list.status().code() == absl::StatusCode::kUnauthenticated);
  CHECK(HttpStatusOf(list.status()) == 401);
  const std::string message(list.status().message());
  CHECK(absl::StartsWith(message, "GET " + hub.root + "collections/: HTTP 401 Unauthorized"));
  CHECK(absl::EndsWith(message,
                       "; check --user and --password-file (or STIXKIT_TAXII_PASSWORD), "
                       "or --token-file (or STIXKIT_TAXII_TOKEN)"));
}

TEST_CASE("taxii client and server: a reader cannot push (403 or can_write false)",
          "[stix][taxii][network]") {
  LiveServer hub;
  LiveClient reader("reader");
  const absl::StatusOr<PushResult> r =
      PushObjects(*reader.client, hub.root, hub.collection, Plan({Indicator(1)}), {});
  REQUIRE_FALSE(r.ok());
  CHECK(r.status().code() == absl::StatusCode::kPermissionDenied);
  const absl::StatusOr<StatusResource> direct = reader.client->AddObjects(
      hub.root, hub.collection, EnvelopeJson(std::vector<std::string>{Indicator(1)}));
  REQUIRE_FALSE(direct.ok());
  CHECK(HttpStatusOf(direct.status()) == 403);
  CHECK(absl::EndsWith(direct.status().message(),
                       "; the account may not write here; ask the server's administrator for "
                       "write access to the collection"));
}

TEST_CASE("taxii client and server: a small max_content_length makes the client split",
          "[stix][taxii][network]") {
  LiveServer hub(/*max_content_length=*/4096);
  LiveClient alice;
  std::vector<std::string> objects;
  for (int i = 0; i < 60; ++i) objects.push_back(Indicator(i));
  const PushPlan plan = Plan(objects);
  // Sent whole, the envelope is too big for this server.
  const absl::StatusOr<StatusResource> whole =
      alice.client->AddObjects(hub.root, hub.collection, EnvelopeJson(plan.objects));
  REQUIRE_FALSE(whole.ok());
  CHECK(HttpStatusOf(whole.status()) == 413);
  const absl::StatusOr<PushResult> r =
      PushObjects(*alice.client, hub.root, hub.collection, plan, {});
  INFO(r.status().message());
  REQUIRE(r.ok());
  CHECK(r->envelope_limit == 4096);
  CHECK(r->envelopes >= 5);  // 60 objects of about 400 bytes
  CHECK(r->Count(Outcome::kSuccess) == 60);
  CHECK(PullIds(*alice.client, hub, {}).size() == 60);
}


// An HTTPS server for alice on a database in `dir`, with the certificate and key that
// testing::WriteSelfSignedCertificate wrote to `cert_dir`.
ServerOptions HttpsOptions(const std::string& dir, const std::string& cert_dir) {
  ServerOptions options;
  options.db_path = dir + "/hub.db";
  options.cert_file = cert_dir + "/cert.pem";
  options.key_file = cert_dir + "/key.pem";
  options.users = {{"alice", TestHash(), {"*"}, {"*"}}};
  return options;
}

TEST_CASE("taxii client and server: HTTPS works with --ca-bundle and fails without it",
          "[stix][taxii][network]") {
  const std::string dir = testing::MakeTempDir();
  testing::WriteSelfSignedCertificate(dir);
  auto server = Server::Start(HttpsOptions(dir, dir));
  INFO(server.status().message());
  REQUIRE(server.ok());
  const std::string root = (*server)->base_url() + "/api/";
  REQUIRE(absl::StartsWith(root, "https://127.0.0.1:"));
  for (const bool trusted : {true, false}) {
    CurlOptions curl;
    if (trusted) curl.ca_bundle = dir + "/cert.pem";
    auto transport = CurlTransport::Create(curl);
    REQUIRE(transport.ok());
    ClientOptions client_options;
    client_options.auth_headers = *AuthHeaders({.user = "alice", .password = kPassword});
    TaxiiClient client(transport->get(), client_options);
    const absl::StatusOr<ApiRoot> api = client.GetApiRoot(root);
    if (trusted) {
      INFO(api.status().message());
      CHECK(api.ok());
    } else {
      REQUIRE_FALSE(api.ok());
      CHECK(api.status().code() == absl::StatusCode::kUnavailable);
      CHECK(absl::EndsWith(api.status().message(),
                           "; the server's certificate could not be verified (use --ca-bundle "
                           "for a private CA)"));
    }
  }
  (*server)->Stop();
  std::filesystem::remove_all(dir);
}

// Mutual TLS: the server takes only clients whose certificate its --client-ca vouches
// for. Each side's certificate is self-signed, so the client's own certificate is the CA.
TEST_CASE("taxii client and server: --client-ca admits only a client with a trusted certificate",
          "[stix][taxii][network]") {
  const std::string dir = testing::MakeTempDir();
  for (const char* side : {"/server", "/client", "/stranger"}) {
    std::filesystem::create_directory(dir + side);
    testing::WriteSelfSignedCertificate(dir + side);
  }
  ServerOptions options = HttpsOptions(dir, dir + "/server");
  options.client_ca_file = dir + "/client/cert.pem";
  auto server = Server::Start(options);
  INFO(server.status().message());
  REQUIRE(server.ok());
  const std::string root = (*server)->base_url() + "/api/";
  auto get_api_root = [&](const std::string& identity) {
    CurlOptions curl;
    curl.ca_bundle = dir + "/server/cert.pem";
    if (!identity.empty()) {
      curl.cert = dir + identity + "/cert.pem";
      curl.key = dir + identity + "/key.pem";
    }
    auto transport = CurlTransport::Create(curl);
    REQUIRE(transport.ok());
    ClientOptions client_options;
    client_options.auth_headers = *AuthHeaders({.user = "alice", .password = kPassword});
    TaxiiClient client(transport->get(), client_options);
    return client.GetApiRoot(root);
  };
  const absl::StatusOr<ApiRoot> trusted = get_api_root("/client");
  INFO(trusted.status().message());
  CHECK(trusted.ok());
  for (const std::string identity : {"", "/stranger"}) {
    const absl::StatusOr<ApiRoot> refused = get_api_root(identity);
    INFO("client certificate: " << (identity.empty() ? "none" : identity));
    REQUIRE_FALSE(refused.ok());
    CHECK(refused.status().code() == absl::StatusCode::kUnavailable);
    CHECK(absl::StartsWith(refused.status().message(), "GET " + root + ": "));
    CHECK(absl::EndsWith(refused.status().message(),
                         "; the server broke off the TLS connection: if it requires a client "
                         "certificate (mutual TLS), check --cert and --key"));
  }
  (*server)->Stop();
  std::filesystem::remove_all(dir);
}

TEST_CASE("taxii server: --client-ca without --cert is refused", "[stix][taxii]") {
  ServerOptions options;
  options.db_path = testing::MakeTempDir() + "/hub.db";
  options.client_ca_file = "ca.pem";
  CHECK(Server::Start(options).status().message() ==
        "client certificates (--client-ca) need HTTPS: give --cert and --key too");
  std::filesystem::remove_all(std::filesystem::path(options.db_path).parent_path());
}

struct CliFiles {
  std::string dir = testing::MakeTempDir();
  std::string password = dir + "/password";
  CliFiles() { std::ofstream(password) << kPassword << "\n"; }
  ~CliFiles() { std::filesystem::remove_all(dir); }
  std::string Write(const std::string& name, const std::string& text) const {
    std::ofstream(dir + "/" + name) << text;
    return dir + "/" + name;
  }
};

TEST_CASE("taxii cli: push then pull through the stixkit binary", "[stix][taxii][network]") {
  LiveServer hub;
  CliFiles files;
  std::vector<std::string> objects;
  for (int i = 0; i < 120; ++i) objects.push_back(i % 3 ? Indicator(i) : Malware(i));
  const std::string input = files.Write("in.json", Bundle(objects));
  const testing::CommandResult push =
      testing::RunStixkit({"taxii", "push", "--url", hub.root, "--collection", hub.collection,
                           "--user", "alice", "--password-file", files.password, "--quiet", input});
  INFO(push.err);
  CHECK(push.exit_code == 0);
  CHECK(absl::StrContains(push.out,
                          "pushed 120 objects in 1 envelope(s): 120 succeeded, 0 "
                          "failed, 0 pending"));

  const std::string output = files.dir + "/out.json";
  const std::string state = files.dir + "/state.json";
  const testing::CommandResult pull = testing::RunStixkit(
      {"taxii", "pull", "--url", hub.root, "--collection", hub.collection, "--user", "alice",
       "--password-file", files.password, "--limit", "7", "-o", output, "--state", state});
  INFO(pull.err);
  CHECK(pull.exit_code == 0);
  CHECK(absl::StrContains(pull.err, "120 objects in"));
  rapidjson::Document bundle;
  const std::string text = testing::ReadTestFile(output);
  bundle.Parse(text.c_str());
  REQUIRE_FALSE(bundle.HasParseError());
  CHECK(stix::TypeOf(bundle) == "bundle");
  CHECK(bundle["objects"].Size() == 120);
  CHECK(testing::RunStixkit({"validate", output}).exit_code == 0);
  CHECK(std::filesystem::exists(state));

  // The next run starts where this one ended: nothing new.
  const testing::CommandResult again =
      testing::RunStixkit({"taxii", "pull", "--url", hub.root, "--collection", hub.collection,
                           "--user", "alice", "--password-file", files.password, "-o", output,
                           "--state", state, "--match-type", "malware"});
  INFO(again.err);
  CHECK(again.exit_code == 0);
  CHECK(absl::StrContains(again.err, "0 objects in 1 page(s)"));
}

TEST_CASE("taxii cli: TLP:RED content is refused and nothing is sent", "[stix][taxii][network]") {
  LiveServer hub;
  CliFiles files;
  const std::string red = "marking-definition--5e57c739-391a-4eb3-b6be-7d15ca92d5ed";
  const std::string secret =
      Indicator(7, absl::StrCat(R"(,"object_marking_refs":[")", red, R"("])"));
  const std::string input = files.Write("red.json", Bundle({Indicator(1), secret}));
  const std::string secret_id = Plan({secret}).versions[0].id;
  const testing::CommandResult push =
      testing::RunStixkit({"taxii", "push", "--url", hub.root, "--collection", hub.collection,
                           "--user", "alice", "--password-file", files.password, input});
  CHECK(push.exit_code == 8);
  CHECK(push.err ==
        "stixkit taxii push: refusing to push 1 object(s) marked TLP:RED (use "
        "--allow-red to push them anyway):\n  " +
            secret_id + " (object_marking_refs: " + red + ")\n");
  LiveClient alice;
  CHECK(PullIds(*alice.client, hub, {}).empty());
}

TEST_CASE("taxii cli: a wrong password exits 4 with the server's 401 explained",
          "[stix][taxii][network]") {
  LiveServer hub;
  CliFiles files;
  const std::string wrong = files.Write("wrong", "nope\n");
  const testing::CommandResult r = testing::RunStixkit(
      {"taxii", "collections", hub.root, "--user", "alice", "--password-file", wrong});
  CHECK(r.exit_code == 4);
  CHECK(absl::StartsWith(r.err,
                         "stixkit taxii collections: GET " + hub.root + ": HTTP 401 Unauthorized"));
  CHECK(absl::StrContains(r.err, "check --user and --password-file"));
}

}  // namespace
}  // namespace stixkit::taxii
