// A hostile client against our TAXII server: the real Server on 127.0.0.1:0 with a temp
// database, sent forged `next` tokens, bad `limit`s, huge headers, oversized and endless
// bodies, bytes one at a time, broken JSON and envelopes of 100,000 objects, over raw
// sockets (RawConnection, hostile_server.h) or cpp-httplib's client. Each must get a TAXII
// error or a complete status, promptly, and the server must keep serving other clients.
#include <httplib.h>

#include <atomic>
#include <catch2/catch.hpp>
#include <chrono>
#include <filesystem>
#include <string>
#include <thread>

#include "absl/strings/escaping.h"
#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "absl/strings/str_join.h"
#include "rapidjson/document.h"
#include "stix/taxii/server/server.h"
#include "tests/stix/taxii/hostile/hostile_server.h"
#include "tests/stix/taxii/hostile/test_hub.h"
#include "tests/stix/taxii/test_objects.h"
#include "tests/support/paths.h"

namespace stixkit::taxii {
namespace {

using std::chrono::milliseconds;
using testing::Authorization;
using testing::Envelope;
using testing::Hub;
using testing::Indicator;
using testing::Json;
using testing::kPassword;
using testing::kTaxii;
using testing::RawConnection;

// The TAXII error resource's description; fails the test unless the answer is one with
// `status`.
std::string TaxiiError(const httplib::Result& r, int status) {
  REQUIRE(r);
  INFO(r->body.substr(0, 300));
  CHECK(r->status == status);
  CHECK(r->get_header_value("Content-Type") == kTaxii);
  const rapidjson::Document doc = Json(r->body);
  REQUIRE(doc.IsObject());
  REQUIRE(doc.HasMember("http_status"));
  CHECK(std::string(doc["http_status"].GetString()) == std::to_string(status));
  return doc.HasMember("description") ? doc["description"].GetString() : "";
}

std::string RawTaxiiError(const std::string& answer, int status) {
  INFO(answer.substr(0, 300));
  REQUIRE(testing::StatusOf(answer) == status);
  const rapidjson::Document doc = Json(testing::BodyOf(answer));
  REQUIRE(doc.IsObject());
  CHECK(std::string(doc["http_status"].GetString()) == std::to_string(status));
  return doc["description"].GetString();
}

// A raw POST of `body` to the hub's objects whose head declares `content_length`
// (whatever the body's real size), on a connection of its own.
std::unique_ptr<RawConnection> PostWithLength(const Hub& hub, const std::string& content_length,
                                              const std::string& body) {
  auto raw = std::make_unique<RawConnection>(hub.server->port());
  REQUIRE(raw->connected());
  raw->Send(absl::StrCat("POST ", hub.Objects(), " HTTP/1.1\r\nHost: 127.0.0.1\r\n",
                         Authorization(), "\r\nAccept: ", kTaxii, "\r\nContent-Type: ", kTaxii,
                         "\r\nContent-Length: ", content_length, "\r\n\r\n", body));
  return raw;
}

double SecondsSince(std::chrono::steady_clock::time_point start) {
  return std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
}

// --- next ------------------------------------------------------------------------------

TEST_CASE("hostile client: malformed or forged next tokens get 400, never a page",
          "[stix][taxii][network][hardening]") {
  Hub hub;
  std::vector<std::string> objects;
  for (int i = 0; i < 6; ++i) objects.push_back(Indicator(i));
  REQUIRE(hub.Post(Envelope(objects))->status == 202);
  REQUIRE(hub.Post(Envelope(objects), hub.other)->status == 202);
  // A real token of the other collection.
  auto other_page = hub.Client().Get((hub.Objects(hub.other) + "?limit=2").c_str());
  REQUIRE(other_page);
  const std::string foreign = Json(other_page->body)["next"].GetString();
  // A real token of this collection, with one character changed.
  auto page = hub.Client().Get((hub.Objects() + "?limit=2").c_str());
  REQUIRE(page);
  std::string damaged = Json(page->body)["next"].GetString();
  damaged[damaged.size() / 2] = damaged[damaged.size() / 2] == 'A' ? 'B' : 'A';

  const std::string unsigned_position = absl::WebSafeBase64Escape("c1.1.1");
  for (const std::string& token :
       {std::string("garbage"), std::string("!!!"), absl::WebSafeBase64Escape("garbage.garbage"),
        absl::WebSafeBase64Escape("c2.-5.3.000000000000000000000000"),
        absl::WebSafeBase64Escape("c2.99999999999999999999999.1.000000000000000000000000"),
        absl::WebSafeBase64Escape("c2.9223372036854775807.9223372036854775807.00000000000000"
                                  "0000000000"),
        unsigned_position, std::string(200, 'A'), std::string("%00%ff"), foreign, damaged}) {
    INFO(token.substr(0, 80));
    const std::string description = TaxiiError(
        hub.Client().Get(httplib::append_query_params(hub.Objects(), {{"next", token}}).c_str()),
        400);
    CHECK(absl::StartsWith(description, "next: "));
  }
  CHECK(TaxiiError(hub.Client().Get(
                       httplib::append_query_params(hub.Objects(), {{"next", foreign}}).c_str()),
                   400) == absl::StrCat("next: the token \"", foreign.substr(0, 64),
                                        "\" was not given out by this server for this "
                                        "collection; repeat the query without \"next\""));
  // A token too long for a request target is refused before it is decoded.
  TaxiiError(hub.Client().Get((hub.Objects() + "?next=" + std::string(100000, 'A')).c_str()), 414);
  // The manifest checks the same way, and the real token still works.
  TaxiiError(hub.Client().Get(
                 ("/api/collections/" + hub.collection + "/manifest/?next=" + foreign).c_str()),
             400);
  const std::string next = Json(page->body)["next"].GetString();
  auto second = hub.Client().Get((hub.Objects() + "?limit=2&next=" + next).c_str());
  REQUIRE(second);
  CHECK(second->status == 200);
  CHECK(hub.StillServes());
}

TEST_CASE("hostile client: a next token still works after a restart on the same database",
          "[stix][taxii][network][hardening]") {
  std::string dir = testing::MakeTempDir();
  ServerOptions options = Hub::Options();
  options.db_path = dir + "/hub.db";
  options.users = {
      {"alice", HashPassword(kPassword, PasswordHashOptions{1000, nullptr}), {"*"}, {"*"}}};
  auto first = Server::Start(options);
  REQUIRE(first.ok());
  const std::string id = *(*first)->CreateCollection("api", "Indicators");
  httplib::Client cli("127.0.0.1", (*first)->port());
  cli.set_basic_auth("alice", kPassword);
  const std::string objects = "/api/collections/" + id + "/objects/";
  REQUIRE(cli.Post(objects.c_str(), Envelope({Indicator(1), Indicator(2), Indicator(3)}), kTaxii)
              ->status == 202);
  const std::string next = Json(cli.Get((objects + "?limit=1").c_str())->body)["next"].GetString();
  (*first)->Stop();
  auto second = Server::Start(options);
  REQUIRE(second.ok());
  httplib::Client again("127.0.0.1", (*second)->port());
  again.set_basic_auth("alice", kPassword);
  auto r = again.Get((objects + "?limit=1&next=" + next).c_str());
  REQUIRE(r);
  CHECK(r->status == 200);
  (*second)->Stop();
  std::filesystem::remove_all(dir);
}

// --- limit -----------------------------------------------------------------------------

TEST_CASE("hostile client: a zero, negative or non-numeric limit is a 400 naming it",
          "[stix][taxii][network][hardening]") {
  Hub hub;
  for (const std::string limit :
       {"0", "-1", "-99999999999999999999", "abc", "1e3", "5x", "", "0x10", " ", "1.5"}) {
    INFO("limit=" << limit);
    const httplib::Result r =
        hub.Client().Get(httplib::append_query_params(hub.Objects(), {{"limit", limit}}).c_str());
    // The value is quoted without surrounding spaces.
    CHECK(TaxiiError(r, 400) == absl::StrCat("limit: expected a positive integer, got \"",
                                             limit == " " ? "" : limit, "\""));
  }
}

TEST_CASE("hostile client: a huge limit is lowered to the largest page",
          "[stix][taxii][network][hardening]") {
  Hub hub;  // max_page_size 5
  std::vector<std::string> objects;
  for (int i = 0; i < 8; ++i) objects.push_back(Indicator(i));
  REQUIRE(hub.Post(Envelope(objects))->status == 202);
  for (const std::string limit : {"6", "1000000", "9223372036854775807", "18446744073709551616",
                                  "99999999999999999999999999999999999999999999"}) {
    INFO("limit=" << limit);
    auto r = hub.Client().Get((hub.Objects() + "?limit=" + limit).c_str());
    REQUIRE(r);
    REQUIRE(r->status == 200);
    const rapidjson::Document doc = Json(r->body);
    CHECK(doc["objects"].Size() == 5);
    CHECK(doc["more"].GetBool());
  }
}

// --- headers ---------------------------------------------------------------------------

TEST_CASE("hostile client: a 1 MB header line is refused and the server keeps serving",
          "[stix][taxii][network][hardening]") {
  Hub hub;
  RawConnection raw(hub.server->port());
  REQUIRE(raw.connected());
  raw.Send(absl::StrCat("GET /api/ HTTP/1.1\r\nHost: 127.0.0.1\r\n", Authorization(),
                        "\r\nX-Huge: ", std::string(1 << 20, 'a'), "\r\n\r\n"));
  const std::string answer = raw.ReadAnswer(milliseconds(5000));
  // Refused with 400 (cpp-httplib's 8 KiB line limit), or the connection closed.
  if (!answer.empty()) RawTaxiiError(answer, 400);
  CHECK(hub.StillServes());
}

TEST_CASE("hostile client: 10,000 header fields get 431 and the server keeps serving",
          "[stix][taxii][network][hardening]") {
  Hub hub;
  std::string request = absl::StrCat("GET /api/ HTTP/1.1\r\nHost: 127.0.0.1\r\n", Authorization(),
                                     "\r\nAccept: ", kTaxii, "\r\n");
  for (int i = 0; i < 10000; ++i) absl::StrAppend(&request, "X-Field-", i, ": v\r\n");
  request += "\r\n";
  RawConnection raw(hub.server->port());
  REQUIRE(raw.connected());
  raw.Send(request);
  CHECK(RawTaxiiError(raw.ReadAnswer(milliseconds(5000)), 431) ==
        "at most 100 header fields and 65536 header bytes are accepted");
  CHECK(hub.StillServes());
}

TEST_CASE("hostile client: headers that never end are cut off by the request timeout",
          "[stix][taxii][network][hardening]") {
  Hub hub;  // request_timeout_seconds 2
  RawConnection raw(hub.server->port());
  REQUIRE(raw.connected());
  const auto start = std::chrono::steady_clock::now();
  std::atomic<bool> sending{true}, cut{false};
  std::thread flood([&] {
    raw.Send("GET /api/ HTTP/1.1\r\nHost: 127.0.0.1\r\n");
    const std::string line = absl::StrCat("X-Flood: ", std::string(100, 'f'), "\r\n");
    std::string block;
    for (int i = 0; i < 100; ++i) block += line;
    while (sending) {
      if (!raw.Send(block)) {
        cut = true;
        return;
      }
      std::this_thread::sleep_for(milliseconds(1));
    }
  });
  CHECK(hub.StillServes());
  // The server closes the connection (the byte budget or the deadline); the flood's send
  // then fails.
  while (!cut && SecondsSince(start) < 8) std::this_thread::sleep_for(milliseconds(50));
  sending = false;
  flood.join();
  CHECK(cut);
  CHECK(SecondsSince(start) < 4);
  CHECK(hub.StillServes());
}

// --- bodies ----------------------------------------------------------------------------

TEST_CASE("hostile client: a declared body over max_content_length gets 413 before it is sent",
          "[stix][taxii][network][hardening]") {
  Hub hub;  // max_content_length 64 KiB
  // All at once: each connection lingers a second after its answer.
  const std::vector<std::string> lengths = {"104857600", "18446744073709551615",
                                            "99999999999999999999999999"};
  std::vector<std::unique_ptr<RawConnection>> raws;
  const auto start = std::chrono::steady_clock::now();
  for (const std::string& length : lengths) {
    raws.push_back(PostWithLength(hub, length, "{\"objects\":["));
  }
  for (size_t i = 0; i < raws.size(); ++i) {
    INFO("Content-Length: " << lengths[i]);
    const std::string answer = raws[i]->ReadAnswer(milliseconds(3000));
    CHECK(SecondsSince(start) < 2);
    RawTaxiiError(answer, 413);
  }
  // The connections are closed a second after the answer.
  for (auto& raw : raws) {
    raw->ReadAll(milliseconds(3000));
    CHECK(raw->closed());
  }
  CHECK(hub.StillServes());
}

TEST_CASE("hostile client: a negative or malformed Content-Length gets 400 and a close",
          "[stix][taxii][network][hardening]") {
  Hub hub;
  const std::vector<std::string> lengths = {"-1", "abc", "1, 2", "0x10", "+5"};
  std::vector<std::unique_ptr<RawConnection>> raws;
  for (const std::string& length : lengths) {
    raws.push_back(PostWithLength(hub, length, "{\"objects\":[]}"));
  }
  for (size_t i = 0; i < raws.size(); ++i) {
    INFO("Content-Length: " << lengths[i]);
    CHECK(RawTaxiiError(raws[i]->ReadAnswer(milliseconds(3000)), 400) ==
          absl::StrCat("Content-Length: expected a number of bytes, got \"", lengths[i], "\""));
  }
  // The connections are closed a second later (cpp-httplib refuses the body's bytes as
  // requests meanwhile), so a body never becomes a request that is served.
  for (auto& raw : raws) {
    CHECK_FALSE(absl::StrContains(raw->ReadAll(milliseconds(3000)), "HTTP/1.1 2"));
    CHECK(raw->closed());
  }
  RawConnection twice(hub.server->port());
  twice.Send(absl::StrCat("POST ", hub.Objects(), " HTTP/1.1\r\nHost: 127.0.0.1\r\n",
                          Authorization(), "\r\nAccept: ", kTaxii, "\r\nContent-Type: ", kTaxii,
                          "\r\nContent-Length: 14\r\nContent-Length: 2\r\n\r\n{\"objects\":[]}"));
  CHECK(RawTaxiiError(twice.ReadAnswer(milliseconds(3000)), 400) ==
        "expected one Content-Length header, got several");
  CHECK(hub.StillServes());
}

TEST_CASE("hostile client: an endless chunked body gets 413 once it passes the limit",
          "[stix][taxii][network][hardening]") {
  Hub hub;  // max_content_length 64 KiB
  RawConnection raw(hub.server->port());
  REQUIRE(raw.connected());
  raw.Send(absl::StrCat("POST ", hub.Objects(), " HTTP/1.1\r\nHost: 127.0.0.1\r\n", Authorization(),
                        "\r\nAccept: ", kTaxii, "\r\nContent-Type: ", kTaxii,
                        "\r\nTransfer-Encoding: chunked\r\n\r\n"));
  const std::string data(4096, ' ');
  const std::string chunk = absl::StrCat(absl::Hex(data.size()), "\r\n", data, "\r\n");
  const auto start = std::chrono::steady_clock::now();
  size_t sent = 0;
  std::string answer;
  // Keep sending until the server answers; it must not wait for the end.
  while (SecondsSince(start) < 5 && sent < (size_t{64} << 20)) {
    if (!raw.Send(chunk)) break;
    sent += data.size();
    std::string early = raw.ReadAll(milliseconds(0));
    if (!early.empty()) {
      raw.PutBack(std::move(early));
      break;
    }
  }
  answer = raw.ReadAnswer(milliseconds(2000));
  INFO("sent " << sent << " bytes");
  // What was sent but not read sits in the kernel's socket buffers (a few MB on
  // loopback), not in the server.
  CHECK(sent < (size_t{16} << 20));
  CHECK(RawTaxiiError(answer, 413) ==
        "the request body has more than 65536 bytes (max_content_length); split the envelope");
  raw.ReadAll(milliseconds(3000));
  CHECK(raw.closed());
  CHECK(hub.StillServes());
}

TEST_CASE("hostile client: a chunk size that overflows is refused",
          "[stix][taxii][network][hardening]") {
  Hub hub;
  RawConnection raw(hub.server->port());
  REQUIRE(raw.connected());
  raw.Send(absl::StrCat("POST ", hub.Objects(), " HTTP/1.1\r\nHost: 127.0.0.1\r\n", Authorization(),
                        "\r\nAccept: ", kTaxii, "\r\nContent-Type: ", kTaxii,
                        "\r\nTransfer-Encoding: chunked\r\n\r\nFFFFFFFFFFFFFFFFFFFFFFFF\r\n",
                        std::string(70000, 'x')));
  const std::string answer = raw.ReadAnswer(milliseconds(4000));
  INFO(answer.substr(0, 300));
  if (!answer.empty()) CHECK(testing::StatusOf(answer) >= 400);
  CHECK(hub.StillServes());
}

// --- slow clients ----------------------------------------------------------------------

TEST_CASE("hostile client: one byte a second is cut off while others are served",
          "[stix][taxii][network][hardening]") {
  Hub hub;  // request_timeout_seconds 2, threads 4
  const std::string request =
      absl::StrCat("GET /api/ HTTP/1.1\r\nHost: 127.0.0.1\r\n", Authorization(), "\r\n\r\n");
  // Three slow clients: all but one of the workers.
  std::vector<std::unique_ptr<RawConnection>> slow;
  for (int i = 0; i < 3; ++i) {
    slow.push_back(std::make_unique<RawConnection>(hub.server->port()));
    REQUIRE(slow.back()->connected());
  }
  const auto start = std::chrono::steady_clock::now();
  for (auto& c : slow) c->Send(request.substr(0, 1));
  // Another client is served while the three are held: before their deadline cuts them.
  CHECK(hub.StillServes());
  CHECK(SecondsSince(start) < 2);
  for (auto& c : slow) {
    c->ReadAll(milliseconds(0));
    CHECK_FALSE(c->closed());
  }
  bool all_cut = false;
  for (size_t i = 1; i < request.size() && SecondsSince(start) < 8; ++i) {
    bool any_open = false;
    for (auto& c : slow) {
      if (c->closed()) continue;
      if (c->Send(request.substr(i, 1))) any_open = true;
      c->ReadAll(milliseconds(0));
    }
    if (!any_open) {
      all_cut = true;
      break;
    }
    std::this_thread::sleep_for(milliseconds(500));
  }
  for (auto& c : slow) c->ReadAll(milliseconds(200));
  CHECK(all_cut);
  CHECK(SecondsSince(start) < 6);
  CHECK(hub.StillServes());
}

TEST_CASE("hostile client: a body sent one byte a second is cut off",
          "[stix][taxii][network][hardening]") {
  Hub hub;
  const std::string body = Envelope({Indicator(1)});
  RawConnection raw(hub.server->port());
  REQUIRE(raw.connected());
  raw.Send(absl::StrCat("POST ", hub.Objects(), " HTTP/1.1\r\nHost: 127.0.0.1\r\n", Authorization(),
                        "\r\nAccept: ", kTaxii, "\r\nContent-Type: ", kTaxii,
                        "\r\nContent-Length: ", body.size(), "\r\n\r\n"));
  const auto start = std::chrono::steady_clock::now();
  size_t i = 0;
  while (i < body.size() && SecondsSince(start) < 8 && raw.Send(body.substr(i++, 1))) {
    raw.ReadAll(milliseconds(0));
    if (raw.closed()) break;
    std::this_thread::sleep_for(milliseconds(500));
  }
  raw.ReadAll(milliseconds(500));
  CHECK(i < body.size());
  CHECK(SecondsSince(start) < 6);
  CHECK(hub.StillServes());
}

// --- envelopes -------------------------------------------------------------------------

TEST_CASE("hostile client: bodies that are not JSON get 400 with the position",
          "[stix][taxii][network][hardening]") {
  Hub hub;
  for (const std::string body :
       {std::string("{\"objects\": ["), std::string("\xff\xfe{}"), std::string(""),
        std::string("{\"objects\": [1e999]}"), std::string(1000, '[') + std::string(1000, ']'),
        std::string("{\"objects\": [], \"objects\": []}")}) {
    INFO(body.substr(0, 40));
    const std::string description = TaxiiError(hub.Post(body), 400);
    CHECK(absl::StartsWith(description, "request body:1:"));
  }
  CHECK(TaxiiError(hub.Post("[]"), 422) ==
        "expected a TAXII envelope {\"objects\": [...]}, found an array");
}

TEST_CASE("hostile client: 100,000 tiny objects are all accounted for in the status",
          "[stix][taxii][network][hardening]") {
  ServerOptions options = Hub::Options();
  options.max_content_length = 10 << 20;
  Hub hub(options);
  std::vector<std::string> objects;
  objects.reserve(100000);
  for (int i = 0; i < 100000; ++i) {
    switch (i % 4) {
      case 0:
        objects.push_back("{}");
        break;
      case 1:
        objects.push_back("1");
        break;
      case 2:
        objects.push_back(R"({"id":7})");
        break;
      default:
        objects.push_back(R"({"type":"x"})");
        break;
    }
  }
  objects[500] = Indicator(1);
  objects[501] = Indicator(2);
  const auto start = std::chrono::steady_clock::now();
  httplib::Client cli = hub.Client();
  cli.set_read_timeout(30, 0);
  auto r = cli.Post(hub.Objects().c_str(), Envelope(objects), kTaxii);
  REQUIRE(r);
  INFO(r->body.substr(0, 300));
  REQUIRE(r->status == 202);
  CHECK(SecondsSince(start) < 15);
  const rapidjson::Document status = Json(r->body);
  CHECK(status["total_count"].GetInt() == 100000);
  CHECK(status["success_count"].GetInt() == 2);
  CHECK(status["failure_count"].GetInt() == 99998);
  CHECK(status["pending_count"].GetInt() == 0);
  CHECK(status["successes"].Size() == 2);
  CHECK(status["failures"].Size() == 99998);
  CHECK(status["success_count"].GetInt() + status["failure_count"].GetInt() ==
        status["total_count"].GetInt());
  CHECK(std::string(status["failures"][0]["message"].GetString()) ==
        "objects[0]: the object has no \"id\" string");
  CHECK(std::string(status["failures"][1]["message"].GetString()) ==
        "objects[1]: expected a STIX object, found a number");
  CHECK(hub.StillServes());
}

TEST_CASE("hostile client: objects without ids and duplicate ids in one envelope",
          "[stix][taxii][network][hardening]") {
  Hub hub;
  const std::string a = Indicator(1);
  const std::string a_later = Indicator(1, "2024-02-01T00:00:00.000Z");
  auto r = hub.Post(Envelope({a, a, R"({"type":"indicator","spec_version":"2.1"})", a_later, a}));
  REQUIRE(r);
  INFO(r->body);
  REQUIRE(r->status == 202);
  const rapidjson::Document status = Json(r->body);
  CHECK(status["total_count"].GetInt() == 5);
  CHECK(status["success_count"].GetInt() == 4);
  CHECK(status["failure_count"].GetInt() == 1);
  CHECK(std::string(status["failures"][0]["id"].GetString()).empty());
  CHECK(std::string(status["failures"][0]["message"].GetString()) ==
        "objects[2]: the object has no \"id\" string");
  // The repeats are successes that say so; two versions are stored.
  CHECK(std::string(status["successes"][1]["message"].GetString()) == "object already added");
  CHECK(std::string(status["successes"][3]["message"].GetString()) == "object already added");
  auto versions = hub.Client().Get(("/api/collections/" + hub.collection +
                                    "/objects/indicator--00000001-0000-4000-8000-"
                                    "000000000001/versions/")
                                       .c_str());
  REQUIRE(versions);
  REQUIRE(versions->status == 200);
  CHECK(Json(versions->body)["versions"].Size() == 2);
}

}  // namespace
}  // namespace stixkit::taxii
