#include "stix/taxii/client/pusher.h"

#include <catch2/catch.hpp>

#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "rapidjson/document.h"
#include "stix/json/json_access.h"
#include "tests/support/fake_http_transport.h"

namespace stixkit::taxii {
namespace {

using testing::FakeClock;
using testing::FakeTransport;
using testing::TaxiiResponse;

constexpr char kRoot[] = "https://h/api/";

PushPlan MakePlan(int n, size_t pad = 50) {
  PushPlan plan;
  for (int i = 0; i < n; ++i) {
    const std::string id = absl::StrCat("indicator--", i);
    plan.objects.push_back(absl::StrCat("{\"type\":\"indicator\",\"id\":\"", id,
                                        "\",\"modified\":\"2024-01-01T00:00:00.000Z\",\"x\":\"",
                                        std::string(pad, 'x'), "\"}"));
    plan.versions.push_back({id, "2024-01-01T00:00:00.000Z"});
  }
  return plan;
}

// The ids in a posted envelope.
std::vector<std::string> IdsIn(const std::string& envelope) {
  rapidjson::Document doc;
  doc.Parse(envelope.c_str());
  std::vector<std::string> ids;
  for (const auto& o : doc["objects"].GetArray()) ids.emplace_back(stix::IdOf(o));
  return ids;
}

std::string CompleteStatus(const std::vector<std::string>& ids, std::string_view fail_id = "") {
  std::string ok, failed;
  size_t failures = 0;
  for (const std::string& id : ids) {
    std::string& list = id == fail_id ? failed : ok;
    if (id == fail_id) ++failures;
    absl::StrAppend(&list, list.empty() ? "" : ",", "{\"id\":\"", id,
                    "\",\"version\":\"2024-01-01T00:00:00.000Z\"",
                    id == fail_id ? ",\"message\":\"rejected: revoked\"" : "", "}");
  }
  return absl::StrCat("{\"id\":\"s", ids.size(),
                      "\",\"status\":\"complete\",\"total_count\":", ids.size(),
                      ",\"success_count\":", ids.size() - failures, ",\"failure_count\":", failures,
                      ",\"pending_count\":0,\"successes\":[", ok, "]",
                      failures ? absl::StrCat(",\"failures\":[", failed, "]") : "", "}");
}

// A fake server: API root with `limit`, a writable collection, and POSTs that answer
// 413 above `hard_limit` bytes.
struct FakeServer {
  size_t limit = 1000;
  size_t hard_limit = 1u << 30;
  bool can_write = true;
  std::string fail_id;
  std::vector<std::string> posted;

  FakeTransport::Handler Handler() {
    return [this](const HttpRequest& r) -> absl::StatusOr<HttpResponse> {
      if (r.url == kRoot) {
        return TaxiiResponse(
            200, absl::StrCat(R"({"title":"R","versions":[],"max_content_length":)", limit, "}"));
      }
      if (r.url == "https://h/api/collections/c1/") {
        return TaxiiResponse(
            200, absl::StrCat(R"({"id":"c1","title":"Intel","can_read":true,"can_write":)",
                              can_write ? "true" : "false", "}"));
      }
      if (r.method == "POST") {
        if (r.body.size() > hard_limit) return TaxiiResponse(413, R"({"title":"Too large"})");
        posted.push_back(r.body);
        return TaxiiResponse(202, CompleteStatus(IdsIn(r.body), fail_id));
      }
      return TaxiiResponse(404, "");
    };
  }
};

TEST_CASE("pusher: objects are split under max_content_length and all succeed", "[stix][taxii]") {
  FakeServer server;
  FakeTransport transport(server.Handler());
  FakeClock clock;
  TaxiiClient client(&transport, clock.Options());
  const PushPlan plan = MakePlan(40);
  const absl::StatusOr<PushResult> r = PushObjects(client, kRoot, "c1", plan, {});
  REQUIRE(r.ok());
  CHECK(r->stopped.ok());
  CHECK(r->envelope_limit == 1000);
  CHECK(server.posted.size() > 1);
  for (const std::string& body : server.posted) CHECK(body.size() <= 1000);
  CHECK(r->envelopes == server.posted.size());
  CHECK(r->Count(Outcome::kSuccess) == 40);
}

TEST_CASE("pusher: a 413 below the announced limit splits the envelope and retries",
          "[stix][taxii]") {
  FakeServer server;
  server.limit = 100000;
  server.hard_limit = 700;  // a proxy in front with a lower limit
  FakeTransport transport(server.Handler());
  FakeClock clock;
  TaxiiClient client(&transport, clock.Options());
  std::vector<std::string> notes;
  PushOptions options;
  options.log = [&](std::string_view n) { notes.emplace_back(n); };
  const absl::StatusOr<PushResult> r = PushObjects(client, kRoot, "c1", MakePlan(20), options);
  REQUIRE(r.ok());
  CHECK(r->Count(Outcome::kSuccess) == 20);
  for (const std::string& body : server.posted) CHECK(body.size() <= 700);
  std::vector<std::string> all;
  for (const std::string& body : server.posted) {
    for (const std::string& id : IdsIn(body)) all.push_back(id);
  }
  CHECK(all.size() == 20);
  CHECK(all.front() == "indicator--0");
  CHECK(all.back() == "indicator--19");
  CHECK(absl::StrContains(notes.front(), "(HTTP 413); splitting it in two"));
}

TEST_CASE("pusher: per-object failures come from the status resource", "[stix][taxii]") {
  FakeServer server;
  server.fail_id = "indicator--3";
  FakeTransport transport(server.Handler());
  FakeClock clock;
  TaxiiClient client(&transport, clock.Options());
  const absl::StatusOr<PushResult> r = PushObjects(client, kRoot, "c1", MakePlan(5), {});
  REQUIRE(r.ok());
  CHECK(r->Count(Outcome::kSuccess) == 4);
  REQUIRE(r->Count(Outcome::kFailure) == 1);
  CHECK(r->results[3].outcome == Outcome::kFailure);
  CHECK(r->results[3].message == "rejected: revoked");
}

TEST_CASE("pusher: a pending status is polled with backoff until complete", "[stix][taxii]") {
  int polls = 0;
  FakeTransport transport([&](const HttpRequest& r) -> absl::StatusOr<HttpResponse> {
    if (r.url == kRoot) return TaxiiResponse(200, R"({"title":"R","max_content_length":100000})");
    if (r.url == "https://h/api/collections/c1/") {
      return TaxiiResponse(200, R"({"id":"c1","title":"T","can_read":true,"can_write":true})");
    }
    const std::string pending =
        R"({"id":"s9","status":"pending","total_count":2,"success_count":0,"failure_count":0,"pending_count":2})";
    if (r.method == "POST") return TaxiiResponse(202, pending);
    if (r.url == "https://h/api/status/s9/") {
      if (++polls < 4) return TaxiiResponse(200, pending);
      return TaxiiResponse(200, CompleteStatus({"indicator--0", "indicator--1"}));
    }
    return TaxiiResponse(404, "");
  });
  FakeClock clock;
  TaxiiClient client(&transport, clock.Options());
  const absl::StatusOr<PushResult> r = PushObjects(client, kRoot, "c1", MakePlan(2), {});
  REQUIRE(r.ok());
  CHECK(r->Count(Outcome::kSuccess) == 2);
  CHECK(clock.sleeps == std::vector<absl::Duration>{absl::Milliseconds(250),
                                                    absl::Milliseconds(500), absl::Seconds(1),
                                                    absl::Seconds(2)});
}

TEST_CASE("pusher: objects still pending at the timeout are reported as pending", "[stix][taxii]") {
  FakeTransport transport([&](const HttpRequest& r) -> absl::StatusOr<HttpResponse> {
    if (r.url == kRoot) return TaxiiResponse(200, R"({"title":"R","max_content_length":100000})");
    if (r.url == "https://h/api/collections/c1/") {
      return TaxiiResponse(200, R"({"id":"c1","title":"T","can_read":true,"can_write":true})");
    }
    return TaxiiResponse(
        r.method == "POST" ? 202 : 200,
        R"({"id":"s9","status":"pending","total_count":1,"success_count":0,"failure_count":0,"pending_count":1})");
  });
  FakeClock clock;
  TaxiiClient client(&transport, clock.Options());
  PushOptions options;
  options.status_timeout = absl::Seconds(10);
  const absl::StatusOr<PushResult> r = PushObjects(client, kRoot, "c1", MakePlan(1), options);
  REQUIRE(r.ok());
  REQUIRE(r->results[0].outcome == Outcome::kPending);
  CHECK(r->results[0].message ==
        "still pending; check later with 'stixkit taxii status https://h/api/ s9'");
  absl::Duration waited;
  for (absl::Duration d : clock.sleeps) waited += d;
  CHECK(waited == absl::Seconds(10));
}

TEST_CASE("pusher: a collection without write access is refused before any POST", "[stix][taxii]") {
  FakeServer server;
  server.can_write = false;
  FakeTransport transport(server.Handler());
  FakeClock clock;
  TaxiiClient client(&transport, clock.Options());
  const absl::StatusOr<PushResult> r = PushObjects(client, kRoot, "c1", MakePlan(1), {});
  CHECK(r.status().code() == absl::StatusCode::kPermissionDenied);
  CHECK(r.status().message() ==
        "collection c1 (Intel) does not accept objects from this account (can_write is "
        "false); ask the server's administrator for write access");
  CHECK(server.posted.empty());
}

TEST_CASE("pusher: an object over the limit is named before anything is sent", "[stix][taxii]") {
  FakeServer server;
  server.limit = 200;
  FakeTransport transport(server.Handler());
  FakeClock clock;
  TaxiiClient client(&transport, clock.Options());
  const absl::StatusOr<PushResult> r = PushObjects(client, kRoot, "c1", MakePlan(2, 300), {});
  CHECK(r.status().message() ==
        "objects[0] (indicator--0): alone it makes a 399-byte envelope, over the limit of 200 "
        "bytes (the API root's max_content_length is 200 bytes)");
  CHECK(server.posted.empty());
}

TEST_CASE("pusher: 422 fails the envelope's objects and the push goes on", "[stix][taxii]") {
  int posts = 0;
  FakeTransport transport([&](const HttpRequest& r) -> absl::StatusOr<HttpResponse> {
    if (r.url == kRoot) return TaxiiResponse(200, R"({"title":"R","max_content_length":300})");
    if (r.url == "https://h/api/collections/c1/") {
      return TaxiiResponse(200, R"({"id":"c1","title":"T","can_read":true,"can_write":true})");
    }
    if (++posts == 1) return TaxiiResponse(422, R"({"title":"Bad content"})");
    return TaxiiResponse(202, CompleteStatus(IdsIn(r.body)));
  });
  FakeClock clock;
  TaxiiClient client(&transport, clock.Options());
  const absl::StatusOr<PushResult> r = PushObjects(client, kRoot, "c1", MakePlan(4), {});
  REQUIRE(r.ok());
  CHECK(r->results[0].outcome == Outcome::kFailure);
  CHECK(r->results[0].message ==
        "POST https://h/api/collections/c1/objects/: HTTP 422 Unprocessable Content (Bad "
        "content); the server could not process the content; check it with 'stixkit "
        "validate' and the collection's media types");
  CHECK(r->results[3].outcome == Outcome::kSuccess);
}

}  // namespace
}  // namespace stixkit::taxii
