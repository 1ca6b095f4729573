// End-to-end tests of the TAXII 2.1 server: each case starts a server in-process on
// 127.0.0.1 with a fresh database and talks to it over HTTP with cpp-httplib's client.
#include "stix/taxii/server/server.h"

#include <httplib.h>
#include <openssl/evp.h>
#include <openssl/pem.h>
#include <openssl/x509.h>

#include <atomic>
#include <fstream>
#include <set>
#include <thread>

#include <catch2/catch.hpp>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "absl/strings/str_join.h"
#include "rapidjson/document.h"
#include "rapidjson/stringbuffer.h"
#include "rapidjson/writer.h"
#include "stix/taxii/server/server_config.h"
#include "tests/stix/taxii/test_objects.h"
#include "tests/support/paths.h"
#include "tests/support/test_certificate.h"

namespace stixkit::taxii {
namespace {

using testing::Envelope;
using testing::Indicator;
using testing::Json;
using testing::IndicatorId;
using testing::Uuid4;

constexpr char kTaxii[] = "application/taxii+json;version=2.1";
constexpr char kPassword[] = "correct horse";

// Test users: PBKDF2 with few iterations keeps start-up fast.
std::string TestHash(const std::string& password = kPassword) {
  return HashPassword(password, PasswordHashOptions{1000, nullptr});
}

std::string Str(const rapidjson::Value& v, const char* key) {
  REQUIRE(v.IsObject());
  INFO(key);
  REQUIRE(v.HasMember(key));
  REQUIRE(v[key].IsString());
  return v[key].GetString();
}

struct Hub {
  std::string dir = testing::MakeTempDir();
  std::unique_ptr<Server> server;
  std::string collection;  // alice and bob read it, alice and carol write it

  explicit Hub(ServerOptions options = {}) {
    if (options.db_path.empty()) options.db_path = dir + "/hub.db";
    Start(std::move(options));
  }

  void Start(ServerOptions options) {
    if (options.users.empty()) options.users = Users("");
    auto started = Server::Start(std::move(options));
    INFO(started.status().message());
    REQUIRE(started.ok());
    server = std::move(*started);
    if (collection.empty()) {
      auto id = server->CreateCollection("api", "Indicators");
      REQUIRE(id.ok());
      collection = *id;
    }
  }

  // alice: everything; bob: read the collection; carol: write it; dave: nothing.
  std::vector<ServerUser> Users(const std::string& id) const {
    const std::string c = id.empty() ? "*" : id;
    return {{"alice", TestHash(), {"*"}, {"*"}},
            {"bob", TestHash(), {c}, {}},
            {"carol", TestHash(), {}, {c}},
            {"dave", TestHash(), {}, {}}};
  }

  httplib::Client Client(const std::string& user = "alice",
                         const std::string& password = kPassword) const {
    httplib::Client cli("127.0.0.1", server->port());
    if (!user.empty()) cli.set_basic_auth(user.c_str(), password.c_str());
    cli.set_default_headers({{"Accept", kTaxii}});
    cli.set_read_timeout(10, 0);
    return cli;
  }

  std::string Objects() const { return "/api/collections/" + collection + "/objects/"; }

  httplib::Result Post(const std::string& body, const std::string& user = "alice") const {
    return Client(user).Post(Objects().c_str(), body, kTaxii);
  }
};

void RequireTaxiiError(const httplib::Result& r, int status) {
  REQUIRE(r);
  INFO(r->body);
  CHECK(r->status == status);
  CHECK(r->get_header_value("Content-Type") == kTaxii);
  const rapidjson::Document doc = Json(r->body);
  CHECK(Str(doc, "http_status") == std::to_string(status));
  CHECK_FALSE(Str(doc, "title").empty());
}

// Every id of every page of GET objects/ with `query`, following `next`.
std::vector<std::string> PageThrough(const Hub& hub, const std::string& query, int* pages) {
  std::vector<std::string> ids;
  std::string next;
  httplib::Client cli = hub.Client();
  *pages = 0;
  while (true) {
    const std::string url = hub.Objects() + "?" + query + (next.empty() ? "" : "&next=" + next);
    auto r = cli.Get(url.c_str());
    REQUIRE(r);
    REQUIRE(r->status == 200);
    ++*pages;
    const rapidjson::Document doc = Json(r->body);
    if (doc.HasMember("objects")) {
      for (const auto& o : doc["objects"].GetArray()) ids.push_back(Str(o, "id"));
      CHECK(r->get_header_value("X-TAXII-Date-Added-First") <=
            r->get_header_value("X-TAXII-Date-Added-Last"));
    }
    if (!doc["more"].GetBool()) break;
    next = Str(doc, "next");
    REQUIRE(*pages < 1000);
  }
  return ids;
}

TEST_CASE("taxii server: discovery lists the API root with absolute URLs",
          "[stix][taxii][network]") {
  Hub hub;
  auto r = hub.Client().Get("/taxii2/");
  REQUIRE(r);
  CHECK(r->status == 200);
  CHECK(r->get_header_value("Content-Type") == kTaxii);
  const rapidjson::Document doc = Json(r->body);
  CHECK_FALSE(Str(doc, "title").empty());
  const std::string root = absl::StrCat("http://127.0.0.1:", hub.server->port(), "/api/");
  CHECK(Str(doc, "default") == root);
  REQUIRE(doc["api_roots"].Size() == 1);
  CHECK(std::string(doc["api_roots"][0].GetString()) == root);
  CHECK(hub.server->base_url() == absl::StrCat("http://127.0.0.1:", hub.server->port()));
}

TEST_CASE("taxii server: the API root gives its versions and max_content_length",
          "[stix][taxii][network]") {
  ServerOptions options;
  options.max_content_length = 123456;
  Hub hub(options);
  auto r = hub.Client().Get("/api/");
  REQUIRE(r);
  CHECK(r->status == 200);
  CHECK(r->get_header_value("Content-Type") == kTaxii);
  const rapidjson::Document doc = Json(r->body);
  CHECK_FALSE(Str(doc, "title").empty());
  REQUIRE(doc["versions"].Size() == 1);
  CHECK(std::string(doc["versions"][0].GetString()) == kTaxii);
  CHECK(doc["max_content_length"].GetUint64() == 123456);
  RequireTaxiiError(hub.Client().Get("/nope/"), 404);
}

TEST_CASE("taxii server: collections show can_read and can_write for the requesting user",
          "[stix][taxii][network]") {
  Hub hub;
  hub.server.reset();
  ServerOptions options;
  options.db_path = hub.dir + "/hub.db";
  options.users = hub.Users(hub.collection);
  hub.Start(options);
  auto rights = [&](const std::string& user) {
    auto r = hub.Client(user).Get("/api/collections/");
    REQUIRE(r);
    REQUIRE(r->status == 200);
    CHECK(r->get_header_value("Content-Type") == kTaxii);
    const rapidjson::Document doc = Json(r->body);
    if (!doc.HasMember("collections")) return std::string("none");
    REQUIRE(doc["collections"].Size() == 1);
    const auto& c = doc["collections"][0];
    CHECK(Str(c, "id") == hub.collection);
    CHECK(Str(c, "title") == "Indicators");
    CHECK(std::string(c["media_types"][0].GetString()) == "application/stix+json;version=2.1");
    return absl::StrCat(c["can_read"].GetBool() ? "r" : "-", c["can_write"].GetBool() ? "w" : "-");
  };
  CHECK(rights("alice") == "rw");
  CHECK(rights("bob") == "r-");
  CHECK(rights("carol") == "-w");
  CHECK(rights("dave") == "none");

  auto one = hub.Client("bob").Get(("/api/collections/" + hub.collection + "/").c_str());
  REQUIRE(one);
  CHECK(one->status == 200);
  CHECK(Str(Json(one->body), "id") == hub.collection);
  // A collection dave may not see at all is hidden as 404, like one that does not exist.
  RequireTaxiiError(hub.Client("dave").Get(("/api/collections/" + hub.collection + "/").c_str()),
                    404);
}

TEST_CASE("taxii server: POST stores valid objects and lists invalid ones as failures",
          "[stix][taxii][network]") {
  Hub hub;
  std::string invalid = Indicator(2);
  invalid.replace(invalid.find("\"pattern_type\":\"stix\""), 21, "\"pattern_type\":7");
  const std::string no_id = R"({"type":"indicator","spec_version":"2.1"})";
  auto r = hub.Post(Envelope({Indicator(1), invalid, no_id, "42", Indicator(3)}));
  REQUIRE(r);
  INFO(r->body);
  CHECK(r->status == 202);
  CHECK(r->get_header_value("Content-Type") == kTaxii);
  const rapidjson::Document status = Json(r->body);
  CHECK(Str(status, "status") == "complete");
  CHECK(status["total_count"].GetInt() == 5);
  CHECK(status["success_count"].GetInt() == 2);
  CHECK(status["failure_count"].GetInt() == 3);
  CHECK(status["pending_count"].GetInt() == 0);
  CHECK_FALSE(status.HasMember("pendings"));
  REQUIRE(status["successes"].Size() == 2);
  CHECK(Str(status["successes"][0], "id") == IndicatorId(1));
  CHECK(Str(status["successes"][0], "version") == "2024-01-01T00:00:00.000Z");
  CHECK(Str(status["successes"][1], "id") == IndicatorId(3));
  const auto& failures = status["failures"];
  REQUIRE(failures.Size() == 3);
  CHECK(Str(failures[0], "id") == IndicatorId(2));
  CHECK(Str(failures[0], "version") == "2024-01-01T00:00:00.000Z");
  CHECK(Str(failures[0], "message").rfind("objects[1]: ", 0) == 0);
  CHECK(Str(failures[0], "message").find("pattern_type") != std::string::npos);
  CHECK(Str(failures[1], "id").empty());
  CHECK(Str(failures[1], "message") == "objects[2]: the object has no \"id\" string");
  CHECK(Str(failures[2], "message") == "objects[3]: expected a STIX object, found a number");

  // The status resource is stored and can be read back.
  const std::string status_url = "/api/status/" + Str(status, "id") + "/";
  auto again = hub.Client().Get(status_url.c_str());
  REQUIRE(again);
  CHECK(again->status == 200);
  CHECK(again->body == r->body);
  RequireTaxiiError(hub.Client().Get("/api/status/00000000-0000-4000-8000-000000000000/"), 404);

  auto objects = hub.Client().Get(hub.Objects().c_str());
  REQUIRE(objects);
  const rapidjson::Document envelope = Json(objects->body);
  REQUIRE(envelope["objects"].Size() == 2);
  CHECK(Str(envelope["objects"][0], "id") == IndicatorId(1));
  CHECK(Str(envelope["objects"][1], "id") == IndicatorId(3));
  CHECK_FALSE(envelope["more"].GetBool());
}

TEST_CASE("taxii server: posting a version again is a success that says so",
          "[stix][taxii][network]") {
  Hub hub;
  REQUIRE(hub.Post(Envelope({Indicator(1)}))->status == 202);
  auto r = hub.Post(Envelope({Indicator(1), Indicator(1)}));
  REQUIRE(r);
  const rapidjson::Document status = Json(r->body);
  CHECK(status["success_count"].GetInt() == 2);
  CHECK(Str(status["successes"][0], "message") == "object already added");
  CHECK(Str(status["successes"][1], "message") == "object already added");
  const rapidjson::Document manifest =
      Json(hub.Client().Get(("/api/collections/" + hub.collection + "/manifest/").c_str())->body);
  CHECK(manifest["objects"].Size() == 1);
}

TEST_CASE("taxii server: GET objects filters by id, type, version and spec_version",
          "[stix][taxii][network]") {
  Hub hub;
  const std::string sco = R"({"type":"ipv4-addr","id":"ipv4-addr--ff26c055-6336-5bc5-b98d-13d6226742dd","value":"198.51.100.3"})";
  auto posted = hub.Post(Envelope({Indicator(1, "2024-01-01T00:00:00.000Z"),
                                   Indicator(1, "2024-02-01T00:00:00.000Z"),
                                   Indicator(1, "2024-03-01T00:00:00.000Z"), Indicator(2), sco}));
  REQUIRE(posted);
  INFO(posted->body);
  REQUIRE(Json(posted->body)["success_count"].GetInt() == 5);
  httplib::Client cli = hub.Client();
  auto get = [&](const std::string& query) {
    auto r = cli.Get((hub.Objects() + "?" + query).c_str());
    REQUIRE(r);
    INFO(query << " -> " << r->body);
    REQUIRE(r->status == 200);
    std::vector<std::string> got;
    const rapidjson::Document doc = Json(r->body);
    if (!doc.HasMember("objects")) return got;
    for (const auto& o : doc["objects"].GetArray()) {
      got.push_back(absl::StrCat(Str(o, "id").substr(0, 4), "@",
                                 o.HasMember("modified") ? Str(o, "modified").substr(5, 2) : "-"));
    }
    return got;
  };
  using V = std::vector<std::string>;
  CHECK(get("") == V{"indi@03", "indi@01", "ipv4@-"});  // match[version]=last by default
  CHECK(get("match[type]=ipv4-addr") == V{"ipv4@-"});
  CHECK(get("match[type]=indicator,ipv4-addr").size() == 3);
  CHECK(get("match%5Bid%5D=" + IndicatorId(1)) == V{"indi@03"});
  CHECK(get("match[id]=" + IndicatorId(1) + "&match[version]=first") == V{"indi@01"});
  CHECK(get("match[id]=" + IndicatorId(1) + "&match[version]=all") ==
        V{"indi@01", "indi@02", "indi@03"});
  CHECK(get("match[id]=" + IndicatorId(1) + "&match[version]=first,last") ==
        V{"indi@01", "indi@03"});
  CHECK(get("match[id]=" + IndicatorId(1) + "&match[version]=2024-02-01T00:00:00.000Z") ==
        V{"indi@02"});
  CHECK(get("match[spec_version]=2.0").empty());
  CHECK(get("match[spec_version]=2.1&match[type]=indicator").size() == 2);
  CHECK(get("match[id]=" + IndicatorId(2) + "," + IndicatorId(1)).size() == 2);
  CHECK(get("match[type]=malware").empty());
  CHECK(get("limit=2").size() == 2);
  RequireTaxiiError(cli.Get((hub.Objects() + "?limit=0").c_str()), 400);
  RequireTaxiiError(cli.Get((hub.Objects() + "?added_after=yesterday").c_str()), 400);
  RequireTaxiiError(cli.Get((hub.Objects() + "?match[version]=newest").c_str()), 400);
  RequireTaxiiError(cli.Get((hub.Objects() + "?next=garbage").c_str()), 400);
  auto bad = cli.Get((hub.Objects() + "?limit=0").c_str());
  CHECK(Str(Json(bad->body), "description") == "limit: expected a positive integer, got \"0\"");
}

TEST_CASE("taxii server: added_after returns only objects added later, per the headers",
          "[stix][taxii][network]") {
  Hub hub;
  REQUIRE(hub.Post(Envelope({Indicator(1), Indicator(2)}))->status == 202);
  auto first = hub.Client().Get(hub.Objects().c_str());
  REQUIRE(first);
  const std::string added_first = first->get_header_value("X-TAXII-Date-Added-First");
  const std::string last = first->get_header_value("X-TAXII-Date-Added-Last");
  // TAXII timestamps: microsecond precision, UTC.
  CHECK(last.size() == std::string("2024-01-01T00:00:00.000000Z").size());
  CHECK(added_first < last);
  REQUIRE(hub.Post(Envelope({Indicator(3)}))->status == 202);
  auto later = hub.Client().Get((hub.Objects() + "?added_after=" + last).c_str());
  REQUIRE(later);
  const rapidjson::Document doc = Json(later->body);
  REQUIRE(doc["objects"].Size() == 1);
  CHECK(Str(doc["objects"][0], "id") == IndicatorId(3));
  CHECK(later->get_header_value("X-TAXII-Date-Added-First") > last);
  auto none = hub.Client().Get(
      (hub.Objects() + "?added_after=" + later->get_header_value("X-TAXII-Date-Added-Last"))
          .c_str());
  REQUIRE(none);
  CHECK(none->status == 200);
  CHECK(none->body == R"({"more":false})");
  CHECK_FALSE(none->has_header("X-TAXII-Date-Added-First"));
}

TEST_CASE("taxii server: paging through 1,200 objects has no duplicates and no gaps",
          "[stix][taxii][network]") {
  Hub hub;
  std::vector<std::string> batch;
  for (int i = 1; i <= 1200; ++i) {
    batch.push_back(Indicator(i));
    if (batch.size() == 400) {
      auto r = hub.Post(Envelope(batch));
      REQUIRE(r);
      REQUIRE(Json(r->body)["success_count"].GetInt() == 400);
      batch.clear();
    }
  }
  int pages = 0;
  const std::vector<std::string> ids = PageThrough(hub, "limit=100", &pages);
  CHECK(pages == 12);
  REQUIRE(ids.size() == 1200);
  CHECK(std::set<std::string>(ids.begin(), ids.end()).size() == 1200);
  for (int i = 0; i < 1200; ++i) CHECK(ids[i] == IndicatorId(i + 1));  // date_added order

  // A limit above the server's maximum is lowered, not refused.
  CHECK(PageThrough(hub, "limit=5000", &pages).size() == 1200);
  CHECK(pages == 2);
  // Filters and paging combine.
  CHECK(PageThrough(hub, "limit=7&match[id]=" + IndicatorId(5) + "," + IndicatorId(900), &pages)
            .size() == 2);
}

TEST_CASE("taxii server: a cursor keeps its place while objects are added between pages",
          "[stix][taxii][network]") {
  Hub hub;
  std::vector<std::string> batch;
  for (int i = 1; i <= 10; ++i) batch.push_back(Indicator(i));
  REQUIRE(hub.Post(Envelope(batch))->status == 202);
  auto page1 = hub.Client().Get((hub.Objects() + "?limit=4").c_str());
  const rapidjson::Document doc1 = Json(page1->body);
  REQUIRE(doc1["more"].GetBool());
  // A new version of an object on the first page and a new object arrive meanwhile.
  REQUIRE(hub.Post(Envelope({Indicator(1, "2024-05-01T00:00:00.000Z"), Indicator(11)}))->status ==
          202);
  std::vector<std::string> rest;
  std::string next = Str(doc1, "next");
  while (!next.empty()) {
    auto r = hub.Client().Get((hub.Objects() + "?limit=4&next=" + next).c_str());
    const rapidjson::Document doc = Json(r->body);
    for (const auto& o : doc["objects"].GetArray()) rest.push_back(Str(o, "id"));
    next = doc["more"].GetBool() ? Str(doc, "next") : "";
  }
  // Objects 5..10 once each, then the newly added rows in their date_added order.
  std::vector<std::string> want;
  for (int i = 5; i <= 10; ++i) want.push_back(IndicatorId(i));
  want.push_back(IndicatorId(1));
  want.push_back(IndicatorId(11));
  CHECK(rest == want);
}

TEST_CASE("taxii server: versions and manifest list each stored version",
          "[stix][taxii][network]") {
  Hub hub;
  REQUIRE(hub.Post(Envelope({Indicator(1, "2024-01-01T00:00:00.000Z"),
                             Indicator(1, "2024-02-01T00:00:00.000Z"), Indicator(2)}))
              ->status == 202);
  const std::string object = hub.Objects() + IndicatorId(1) + "/";
  auto versions = hub.Client().Get((object + "versions/").c_str());
  REQUIRE(versions);
  CHECK(versions->status == 200);
  CHECK(versions->get_header_value("Content-Type") == kTaxii);
  CHECK(versions->has_header("X-TAXII-Date-Added-First"));
  const rapidjson::Document v = Json(versions->body);
  REQUIRE(v["versions"].Size() == 2);
  CHECK(std::string(v["versions"][0].GetString()) == "2024-01-01T00:00:00.000Z");
  CHECK(std::string(v["versions"][1].GetString()) == "2024-02-01T00:00:00.000Z");
  auto paged = Json(hub.Client().Get((object + "versions/?limit=1").c_str())->body);
  CHECK(paged["more"].GetBool());
  CHECK(paged["versions"].Size() == 1);

  auto manifest =
      hub.Client().Get(("/api/collections/" + hub.collection + "/manifest/?match[version]=all")
                           .c_str());
  REQUIRE(manifest);
  CHECK(manifest->status == 200);
  CHECK(manifest->has_header("X-TAXII-Date-Added-Last"));
  const rapidjson::Document m = Json(manifest->body);
  REQUIRE(m["objects"].Size() == 3);
  const auto& record = m["objects"][0];
  CHECK(Str(record, "id") == IndicatorId(1));
  CHECK(Str(record, "version") == "2024-01-01T00:00:00.000Z");
  CHECK(Str(record, "media_type") == "application/stix+json;version=2.1");
  CHECK(Str(record, "date_added").size() == 27);
  CHECK_FALSE(record.HasMember("type"));
  RequireTaxiiError(hub.Client().Get((hub.Objects() + IndicatorId(99) + "/versions/").c_str()),
                    404);
}

TEST_CASE("taxii server: an object is read by id and deleted by version or whole",
          "[stix][taxii][network]") {
  Hub hub;
  REQUIRE(hub.Post(Envelope({Indicator(1, "2024-01-01T00:00:00.000Z"),
                             Indicator(1, "2024-02-01T00:00:00.000Z")}))
              ->status == 202);
  const std::string object = hub.Objects() + IndicatorId(1) + "/";
  auto get = hub.Client().Get(object.c_str());
  REQUIRE(get);
  CHECK(get->status == 200);
  CHECK(get->has_header("X-TAXII-Date-Added-First"));
  rapidjson::Document doc = Json(get->body);
  REQUIRE(doc["objects"].Size() == 1);
  CHECK(Str(doc["objects"][0], "modified") == "2024-02-01T00:00:00.000Z");
  doc = Json(hub.Client().Get((object + "?match[version]=all").c_str())->body);
  CHECK(doc["objects"].Size() == 2);

  // bob may read but not write, so he may not delete (TAXII 2.1 §5.7 needs both).
  RequireTaxiiError(hub.Client("bob").Delete(object.c_str()), 403);
  auto del = hub.Client().Delete((object + "?match[version]=first").c_str());
  REQUIRE(del);
  CHECK(del->status == 200);
  doc = Json(hub.Client().Get((object + "?match[version]=all").c_str())->body);
  REQUIRE(doc["objects"].Size() == 1);
  CHECK(Str(doc["objects"][0], "modified") == "2024-02-01T00:00:00.000Z");
  REQUIRE(hub.Client().Delete(object.c_str())->status == 200);
  RequireTaxiiError(hub.Client().Get(object.c_str()), 404);
  RequireTaxiiError(hub.Client().Delete(object.c_str()), 404);
}

TEST_CASE("taxii server: missing or wrong credentials get 401 with WWW-Authenticate",
          "[stix][taxii][network]") {
  Hub hub;
  auto none = hub.Client("").Get("/taxii2/");
  RequireTaxiiError(none, 401);
  CHECK(none->get_header_value("WWW-Authenticate").rfind("Basic realm=", 0) == 0);
  auto wrong = hub.Client("alice", "not it").Get("/api/");
  RequireTaxiiError(wrong, 401);
  CHECK(Str(Json(wrong->body), "description") == "the user name or password is wrong");
  RequireTaxiiError(hub.Client("mallory").Get("/api/"), 401);
}

TEST_CASE("taxii server: rights are enforced with 403 and hidden collections with 404",
          "[stix][taxii][network]") {
  Hub hub;
  hub.server.reset();
  ServerOptions options;
  options.db_path = hub.dir + "/hub.db";
  options.users = hub.Users(hub.collection);
  hub.Start(options);
  auto post_bob = hub.Post(Envelope({Indicator(1)}), "bob");
  RequireTaxiiError(post_bob, 403);
  CHECK(Str(Json(post_bob->body), "description") ==
        "user 'bob' may not write to collection '" + hub.collection + "'");
  auto carol = hub.Post(Envelope({Indicator(1)}), "carol");
  REQUIRE(carol);
  CHECK(carol->status == 202);
  RequireTaxiiError(hub.Client("carol").Get(hub.Objects().c_str()), 403);
  RequireTaxiiError(hub.Client("dave").Get(hub.Objects().c_str()), 404);
  RequireTaxiiError(hub.Client("dave").Post(hub.Objects().c_str(), Envelope({}), kTaxii), 404);
  // carol posted, so she may read her status although she cannot read the collection.
  const std::string status_id = Str(Json(carol->body), "id");
  CHECK(hub.Client("carol").Get(("/api/status/" + status_id + "/").c_str())->status == 200);
  CHECK(hub.Client("bob").Get(("/api/status/" + status_id + "/").c_str())->status == 200);
  RequireTaxiiError(hub.Client("dave").Get(("/api/status/" + status_id + "/").c_str()), 404);
}

TEST_CASE("taxii server: unknown paths, collections and methods get TAXII errors",
          "[stix][taxii][network]") {
  Hub hub;
  RequireTaxiiError(hub.Client().Get("/api/collections/00000000-0000-4000-8000-000000000000/"),
                    404);
  RequireTaxiiError(hub.Client().Get("/api/collections"), 404);  // no trailing slash
  RequireTaxiiError(hub.Client().Get("/"), 404);
  auto put = hub.Client().Put(hub.Objects().c_str(), "{}", kTaxii);
  RequireTaxiiError(put, 405);
  CHECK(put->get_header_value("Allow") == "GET, HEAD, POST");
}

TEST_CASE("taxii server: Accept must allow TAXII 2.1 JSON, else 406", "[stix][taxii][network]") {
  Hub hub;
  httplib::Client cli = hub.Client();
  auto with_accept = [&](const std::string& accept) {
    auto r = cli.Get("/api/", {{"Accept", accept}});
    REQUIRE(r);
    return r->status;
  };
  CHECK(with_accept("*/*") == 200);
  CHECK(with_accept("application/taxii+json") == 200);
  CHECK(with_accept("Application/TAXII+JSON ; version=\"2.1\"") == 200);
  CHECK(with_accept("text/html;q=0.9, application/taxii+json;version=2.1;q=0.5") == 200);
  CHECK(with_accept("application/json") == 406);
  CHECK(with_accept("application/taxii+json;version=2.0") == 406);
  CHECK(with_accept("application/taxii+json;version=2.1;q=0") == 406);
  RequireTaxiiError(cli.Get("/api/", {{"Accept", "application/json"}}), 406);
  httplib::Client bare("127.0.0.1", hub.server->port());  // sends no Accept at all
  bare.set_basic_auth("alice", kPassword);
  CHECK(bare.Get("/api/")->status == 200);
}

TEST_CASE("taxii server: POST needs the TAXII Content-Type, else 415", "[stix][taxii][network]") {
  Hub hub;
  httplib::Client cli = hub.Client();
  RequireTaxiiError(cli.Post(hub.Objects().c_str(), Envelope({Indicator(1)}), "application/json"),
                    415);
  CHECK(cli.Post(hub.Objects().c_str(), Envelope({Indicator(1)}),
                 "application/taxii+json ; Version=\"2.1\"")
            ->status == 202);
  CHECK(cli.Post(hub.Objects().c_str(), Envelope({Indicator(2)}), "application/taxii+json")
            ->status == 202);
}

TEST_CASE("taxii server: a body that is not an envelope gets 400 or 422",
          "[stix][taxii][network]") {
  Hub hub;
  auto not_json = hub.Post("{\"objects\": [");
  RequireTaxiiError(not_json, 400);
  CHECK(Str(Json(not_json->body), "description").rfind("request body:1:", 0) == 0);
  auto no_objects = hub.Post(R"({"type":"indicator"})");
  RequireTaxiiError(no_objects, 422);
  CHECK(Str(Json(no_objects->body), "description") ==
        "expected a TAXII envelope {\"objects\": [...]}, found an object without an "
        "\"objects\" array");
}

TEST_CASE("taxii server: a body over max_content_length gets 413 before it is read",
          "[stix][taxii][network]") {
  ServerOptions options;
  options.max_content_length = 4096;
  Hub hub(options);
  std::vector<std::string> many;
  for (int i = 0; i < 20; ++i) many.push_back(Indicator(i));
  const std::string body = Envelope(many);
  REQUIRE(body.size() > 4096);
  auto r = hub.Post(body);
  RequireTaxiiError(r, 413);
  CHECK(Str(Json(r->body), "description") ==
        absl::StrCat("the request body has ", body.size(),
                     " bytes; this API root accepts at most 4096 (max_content_length); split "
                     "the envelope"));
  // A body within the limit is accepted by a new connection.
  CHECK(hub.Post(Envelope({Indicator(1)}))->status == 202);

  // A chunked body has no Content-Length: it is cut off once it passes the limit.
  auto chunked = hub.Client().Post(
      hub.Objects().c_str(),
      [&](size_t offset, httplib::DataSink& sink) {
        if (offset < body.size()) {
          sink.write(body.data() + offset, std::min<size_t>(1000, body.size() - offset));
        } else {
          sink.done();
        }
        return true;
      },
      kTaxii);
  RequireTaxiiError(chunked, 413);
  CHECK(Str(Json(chunked->body), "description") ==
        "the request body has more than 4096 bytes (max_content_length); split the envelope");
}

TEST_CASE("taxii server: too many header fields get 431", "[stix][taxii][network]") {
  ServerOptions options;
  options.max_header_count = 10;
  Hub hub(options);
  httplib::Headers headers;
  for (int i = 0; i < 12; ++i) headers.emplace("X-Filler-" + std::to_string(i), "x");
  RequireTaxiiError(hub.Client().Get("/api/", headers), 431);
  CHECK(hub.Client().Get("/api/")->status == 200);
}

TEST_CASE("taxii server: objects and statuses survive a restart on the same database",
          "[stix][taxii][network]") {
  Hub hub;
  auto posted = hub.Post(Envelope({Indicator(1), Indicator(2)}));
  REQUIRE(posted);
  const std::string status_id = Str(Json(posted->body), "id");
  const std::string before = hub.Client().Get(hub.Objects().c_str())->body;
  hub.server->Stop();
  hub.server->Stop();  // idempotent
  hub.server.reset();
  ServerOptions options;
  options.db_path = hub.dir + "/hub.db";
  hub.Start(options);
  auto after = hub.Client().Get(hub.Objects().c_str());
  REQUIRE(after);
  CHECK(after->status == 200);
  CHECK(after->body == before);
  CHECK(hub.Client().Get(("/api/status/" + status_id + "/").c_str())->status == 200);
  // date_added keeps increasing after the restart.
  REQUIRE(hub.Post(Envelope({Indicator(3)}))->status == 202);
  int pages = 0;
  CHECK(PageThrough(hub, "limit=1", &pages) ==
        std::vector<std::string>{IndicatorId(1), IndicatorId(2), IndicatorId(3)});
}

TEST_CASE("taxii server: stopping ends idle keep-alive connections instead of waiting",
          "[stix][taxii][network]") {
  ServerOptions options;
  // Were idle connections waited out, this case would take a minute instead of failing.
  options.keep_alive_timeout_seconds = 60;
  Hub hub(options);
  httplib::Client kept = hub.Client();
  kept.set_keep_alive(true);
  REQUIRE(kept.Get("/api/")->status == 200);
  hub.server->Stop();
  CHECK_FALSE(kept.Get("/api/"));  // the server is gone, not merely idle
}

TEST_CASE("taxii server: the zero-config collection is created once and kept",
          "[stix][taxii][network]") {
  const std::string dir = testing::MakeTempDir();
  ServerOptions options;
  options.db_path = dir + "/hub.db";
  options.users = {{"alice", TestHash(), {"*"}, {"*"}}};
  options.create_default_collection = true;
  std::string id;
  {
    auto server = Server::Start(options);
    REQUIRE(server.ok());
    REQUIRE((*server)->default_collection_id().has_value());
    id = *(*server)->default_collection_id();
  }
  auto server = Server::Start(options);
  REQUIRE(server.ok());
  CHECK((*server)->default_collection_id() == id);
  httplib::Client cli("127.0.0.1", (*server)->port());
  cli.set_basic_auth("alice", kPassword);
  const rapidjson::Document doc = Json(cli.Get("/api/collections/")->body);
  REQUIRE(doc["collections"].Size() == 1);
  CHECK(Str(doc["collections"][0], "id") == id);
  CHECK(doc["collections"][0]["can_write"].GetBool());
}

TEST_CASE("taxii server: a config file defines API roots, collections and users",
          "[stix][taxii][network]") {
  const std::string dir = testing::MakeTempDir();
  const std::string config = dir + "/taxii.json";
  {
    std::ofstream out(config);
    out << R"({"title": "ISAC hub", "contact": "soc@example.org",
      "api_roots": [{"path": "isac", "title": "Sharing", "collections": [
        {"id": "91a7b528-80eb-42ed-a74d-c6fbd5a26116", "title": "Indicators",
         "alias": "indicators"}]}],
      "users": [{"name": "alice", "password_hash": ")"
        << TestHash() << R"(", "read": ["indicators"], "write": []}]})";
  }
  ServerOptions options;
  options.db_path = dir + "/hub.db";
  options.config_path = config;
  auto server = Server::Start(options);
  INFO(server.status().message());
  REQUIRE(server.ok());
  httplib::Client cli("127.0.0.1", (*server)->port());
  cli.set_basic_auth("alice", kPassword);
  const rapidjson::Document discovery = Json(cli.Get("/taxii2/")->body);
  CHECK(Str(discovery, "title") == "ISAC hub");
  CHECK(Str(discovery, "contact") == "soc@example.org");
  CHECK(Str(discovery, "default") == (*server)->base_url() + "/isac/");
  // The alias works in place of the id, and rights may name it.
  auto c = cli.Get("/isac/collections/indicators/");
  REQUIRE(c);
  CHECK(c->status == 200);
  const rapidjson::Document collection = Json(c->body);
  CHECK(Str(collection, "id") == "91a7b528-80eb-42ed-a74d-c6fbd5a26116");
  CHECK(collection["can_read"].GetBool());
  CHECK_FALSE(collection["can_write"].GetBool());
  CHECK(cli.Get("/api/")->status == 404);
}


TEST_CASE("taxii server: --cert and --key serve HTTPS", "[stix][taxii][network]") {
  const std::string dir = testing::MakeTempDir();
  testing::WriteSelfSignedCertificate(dir);
  ServerOptions options;
  options.db_path = dir + "/hub.db";
  options.cert_file = dir + "/cert.pem";
  options.key_file = dir + "/key.pem";
  options.users = {{"alice", TestHash(), {"*"}, {"*"}}};
  auto server = Server::Start(options);
  INFO(server.status().message());
  REQUIRE(server.ok());
  CHECK((*server)->base_url() == absl::StrCat("https://127.0.0.1:", (*server)->port()));
  httplib::SSLClient cli("127.0.0.1", (*server)->port());
  cli.enable_server_certificate_verification(false);  // self-signed
  cli.set_basic_auth("alice", kPassword);
  auto r = cli.Get("/taxii2/");
  REQUIRE(r);
  CHECK(r->status == 200);
  CHECK(Str(Json(r->body), "default") == (*server)->base_url() + "/api/");

  options.key_file = dir + "/missing.pem";
  auto bad = Server::Start(options);
  REQUIRE_FALSE(bad.ok());
  CHECK(bad.status().message() ==
        absl::StrCat("cannot load the TLS certificate '", dir, "/cert.pem' and key '", dir,
                     "/missing.pem' (PEM files expected)"));
}

TEST_CASE("taxii server: start-up refuses no users, a bad config and a busy port",
          "[stix][taxii][network]") {
  const std::string dir = testing::MakeTempDir();
  ServerOptions options;
  options.db_path = dir + "/hub.db";
  auto none = Server::Start(options);
  REQUIRE_FALSE(none.ok());
  CHECK(none.status().message() ==
        "no users: give a config file with \"users\" (--config FILE) or set "
        "STIXKIT_TAXII_USER and STIXKIT_TAXII_PASSWORD");

  options.users = {{"alice", "plaintext", {"*"}, {"*"}}};
  auto bad_hash = Server::Start(options);
  REQUIRE_FALSE(bad_hash.ok());
  CHECK(bad_hash.status().message() ==
        "user 'alice': password_hash: expected a password hash like "
        "pbkdf2-sha256$600000$SALT$KEY (from 'stixkit taxii serve --hash-password'), but it "
        "does not have four '$'-separated fields");

  options.users = {{"alice", TestHash(), {"*"}, {"*"}}};
  auto first = Server::Start(options);
  REQUIRE(first.ok());
  options.port = (*first)->port();
  auto busy = Server::Start(options);
  REQUIRE_FALSE(busy.ok());
  CHECK(busy.status().code() == absl::StatusCode::kUnavailable);
}

TEST_CASE("taxii server: concurrent clients post and read at the same time",
          "[stix][taxii][network]") {
  Hub hub;
  std::vector<std::thread> threads;
  std::atomic<int> accepted{0};
  for (int t = 0; t < 4; ++t) {
    threads.emplace_back([&, t] {
      std::vector<std::string> batch;
      for (int i = 0; i < 50; ++i) batch.push_back(Indicator(t * 1000 + i + 1));
      auto r = hub.Post(Envelope(batch));
      if (r && r->status == 202) accepted += 1;
      auto g = hub.Client().Get(hub.Objects().c_str());
      if (!g || g->status != 200) accepted -= 100;
    });
  }
  for (auto& t : threads) t.join();
  CHECK(accepted == 4);
  int pages = 0;
  const auto ids = PageThrough(hub, "limit=1000", &pages);
  CHECK(ids.size() == 200);
  CHECK(std::set<std::string>(ids.begin(), ids.end()).size() == 200);
}

}  // namespace
}  // namespace stixkit::taxii
