// A hostile TAXII server against our client: the real TaxiiClient, pager and CurlTransport
// (libcurl over 127.0.0.1) talk to HostileServer (hostile_server.h), which answers with
// endless pages, a 10 GB body, one byte a second, broken or mistyped JSON, a wrong
// Content-Type, a huge Retry-After and redirects. Each must end in a clear error, in
// bounded time and memory, never a crash or a silent partial result.
#include "tests/stix/taxii/hostile/hostile_server.h"

#include <catch2/catch.hpp>
#include <chrono>
#include <filesystem>
#include <string>

#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "rapidjson/document.h"
#include "stix/json/json_access.h"
#include "stix/taxii/client/curl_transport.h"
#include "stix/taxii/client/http_error.h"
#include "stix/taxii/client/pager.h"
#include "stix/taxii/client/taxii_client.h"
#include "tests/support/paths.h"
#include "tests/support/run_command.h"

namespace stixkit::taxii {
namespace {

using testing::HostileConnection;
using testing::HostileServer;
using testing::HttpAnswer;
using testing::RawRequest;

constexpr char kCollection[] = "91a7b528-80eb-42ed-a74d-c6fbd5a26116";

// libcurl options with short timeouts, so a hung case fails fast.
CurlOptions Curl(absl::Duration timeout = absl::Seconds(5)) {
  CurlOptions curl;
  curl.connect_timeout = absl::Seconds(2);
  curl.timeout = timeout;
  return curl;
}

// Our real client over libcurl. Sleeps between retries are recorded, not slept, so a
// hostile Retry-After cannot stall the test; the transfers themselves are real.
struct Victim {
  std::unique_ptr<CurlTransport> transport;
  std::unique_ptr<TaxiiClient> client;
  std::vector<absl::Duration> sleeps;

  explicit Victim(CurlOptions curl = Curl(), ClientOptions options = {}) {
    auto t = CurlTransport::Create(curl);
    REQUIRE(t.ok());
    transport = std::move(*t);
    options.max_response_bytes = curl.max_response_bytes;
    options.clock =
        Clock{[] { return absl::Now(); }, [this](absl::Duration d) { sleeps.push_back(d); }};
    client = std::make_unique<TaxiiClient>(transport.get(), options);
  }
};

std::string Root(const HostileServer& server) { return server.url() + "/api/"; }

std::string ObjectsUrl(const HostileServer& server) {
  return absl::StrCat(Root(server), "collections/", kCollection, "/objects/");
}

// A small STIX-looking object with a distinct id.
std::string Object(int n) {
  return absl::StrCat(R"({"type":"indicator","id":"indicator--00000000-0000-4000-8000-)",
                      absl::Dec(n, absl::kZeroPad12),
                      R"(","modified":"2024-01-01T00:00:00.000Z"})");
}

// Every page through the pager; the objects seen are counted in *items.
absl::StatusOr<PagingSummary> PullAll(Victim& victim, const HostileServer& server, int max_pages,
                                      size_t* items = nullptr) {
  size_t seen = 0;
  auto result = FetchAllPages(
      Query{},
      [&](const Query& q) { return victim.client->GetObjects(Root(server), kCollection, q); },
      [&](const rapidjson::Value&) {
        ++seen;
        return absl::OkStatus();
      },
      PagingLimits{max_pages});
  if (items != nullptr) *items = seen;
  return result;
}

// One GET objects/ page from a server that answers every request with `answer`.
absl::Status PageFrom(const std::string& answer, std::string* url = nullptr) {
  HostileServer server([&](const RawRequest&, HostileConnection& c) { c.Write(answer); });
  REQUIRE(server.ok());
  Victim victim;
  if (url != nullptr) *url = ObjectsUrl(server);
  return victim.client->GetObjects(Root(server), kCollection, Query{}).status();
}

double SecondsSince(std::chrono::steady_clock::time_point start) {
  return std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
}

// Asks `server` for a page of objects and checks that the client gave up within 10 s
// because the response passed `max_response_bytes`.
void CheckRefusedAsTooLarge(const Victim& victim, const HostileServer& server,
                            size_t max_response_bytes) {
  const auto start = std::chrono::steady_clock::now();
  const auto page = victim.client->GetObjects(Root(server), kCollection, Query{});
  CHECK(SecondsSince(start) < 10);
  REQUIRE_FALSE(page.ok());
  CHECK(page.status().code() == absl::StatusCode::kResourceExhausted);
  CHECK(page.status().message() ==
        absl::StrCat("GET ", ObjectsUrl(server), ": the response is larger than ",
                     max_response_bytes,
                     " bytes (--max-response-bytes); lower --limit or raise the bound"));
}

TEST_CASE("hostile server: endless pages with a new next each time stop at max pages",
          "[stix][taxii][network][hardening]") {
  HostileServer server([](const RawRequest& req, HostileConnection& c) {
    c.Write(HttpAnswer(200, absl::StrCat(R"({"more":true,"next":"p)", req.number,
                                         R"(","objects":[)", Object(req.number), "]}")));
  });
  REQUIRE(server.ok());
  Victim victim;
  size_t items = 0;
  const auto result = PullAll(victim, server, 25, &items);
  REQUIRE_FALSE(result.ok());
  CHECK(result.status().code() == absl::StatusCode::kResourceExhausted);
  CHECK(result.status().message() ==
        "stopped after 25 pages while the server still says more=true (--max-pages); raise "
        "it or narrow the filters");
  CHECK(server.requests() == 25);
  CHECK(items == 25);
}

TEST_CASE(
    "hostile server: a page repeated with the same next is stopped by the no-progress "
    "guard",
    "[stix][taxii][network][hardening]") {
  HostileServer server([](const RawRequest&, HostileConnection& c) {
    c.Write(HttpAnswer(200, absl::StrCat(R"({"more":true,"next":"same","objects":[)", Object(1),
                                         ",", Object(2), "]}")));
  });
  REQUIRE(server.ok());
  Victim victim;
  size_t items = 0;
  const auto result = PullAll(victim, server, 100000, &items);
  REQUIRE_FALSE(result.ok());
  CHECK(result.status().code() == absl::StatusCode::kDataLoss);
  CHECK(result.status().message() ==
        "the server made no progress at page 2: it repeated the previous page "
        "(next=\"same\", same objects); stopped instead of looping forever (the output would "
        "be incomplete)");
  CHECK(server.requests() == 2);
  CHECK(items == 2);
}

TEST_CASE("hostile server: the same next with new objects each time runs into max pages",
          "[stix][taxii][network][hardening]") {
  // medallion reuses one `next` for every page of a query, so an unchanged `next` with new
  // objects is progress; max_pages is what bounds a server that never stops.
  HostileServer server([](const RawRequest& req, HostileConnection& c) {
    c.Write(HttpAnswer(
        200, absl::StrCat(R"({"more":true,"next":"same","objects":[)", Object(req.number), "]}")));
  });
  REQUIRE(server.ok());
  Victim victim;
  const auto result = PullAll(victim, server, 10);
  REQUIRE_FALSE(result.ok());
  CHECK(result.status().code() == absl::StatusCode::kResourceExhausted);
  CHECK(server.requests() == 10);
}

TEST_CASE("hostile server: more without next and a Date-Added-Last that never moves stops",
          "[stix][taxii][network][hardening]") {
  HostileServer server([](const RawRequest& req, HostileConnection& c) {
    c.Write(HttpAnswer(200, absl::StrCat(R"({"more":true,"objects":[)", Object(req.number), "]}"),
                       "X-TAXII-Date-Added-Last: 2024-01-01T00:00:00.000000Z\r\n"));
  });
  REQUIRE(server.ok());
  Victim victim;
  const auto result = PullAll(victim, server, 100000);
  REQUIRE_FALSE(result.ok());
  CHECK(result.status().code() == absl::StatusCode::kDataLoss);
  CHECK(result.status().message() ==
        "the server made no progress at page 2: more=true without \"next\", and "
        "X-TAXII-Date-Added-Last stays at \"2024-01-01T00:00:00.000000Z\"; stopped instead of "
        "looping forever (the output would be incomplete)");
  CHECK(server.requests() == 2);
}

// Streams `{"objects":[{...},{...},...` for as long as the client reads.
void StreamJsonForever(HostileConnection& c) {
  std::string chunk;
  while (chunk.size() < 60000) absl::StrAppend(&chunk, Object(7), ",");
  while (c.Write(chunk)) {
  }
}

TEST_CASE("hostile server: a declared 10 GB body is refused before it is read",
          "[stix][taxii][network][hardening]") {
  HostileServer server([](const RawRequest&, HostileConnection& c) {
    if (!c.Write("HTTP/1.1 200 OK\r\nContent-Type: application/taxii+json;version=2.1\r\n"
                 "Content-Length: 10737418240\r\n\r\n{\"objects\":[")) {
      return;
    }
    StreamJsonForever(c);
  });
  REQUIRE(server.ok());
  Victim victim;  // the default bound, 256 MiB
  CheckRefusedAsTooLarge(victim, server, 268435456);
}

TEST_CASE(
    "hostile server: an endless chunked body stops at max response bytes in bounded "
    "time and memory",
    "[stix][taxii][network][hardening]") {
  HostileServer server([](const RawRequest&, HostileConnection& c) {
    if (!c.Write("HTTP/1.1 200 OK\r\nContent-Type: application/taxii+json;version=2.1\r\n"
                 "Transfer-Encoding: chunked\r\n\r\n")) {
      return;
    }
    std::string body;
    while (body.size() < 60000) absl::StrAppend(&body, Object(7), ",");
    const std::string chunk = absl::StrCat(absl::Hex(body.size()), "\r\n", body, "\r\n");
    if (!c.Write("c\r\n{\"objects\":[\r\n")) return;
    while (c.Write(chunk)) {
    }
  });
  REQUIRE(server.ok());
  CurlOptions curl = Curl();
  curl.max_response_bytes = size_t{16} << 20;
  Victim victim(curl);
  const bool peak_reset = testing::ResetPeakRss();
  const size_t before = testing::ProcStatusBytes(peak_reset ? "VmHWM" : "VmRSS");
  CheckRefusedAsTooLarge(victim, server, 16777216);
  const size_t after = testing::ProcStatusBytes(peak_reset ? "VmHWM" : "VmRSS");
  INFO("RSS before " << before << ", peak after " << after);
  CHECK(after < before + (size_t{100} << 20));
}

// A gzip stream whose deflate data is one fixed-Huffman block: a literal '[' and then
// `matches` copies of (length 258, distance 1), 13 bits each, so 200 KB inflate to 40 MB
// of '['. The trailer's CRC and size are zeros: a client must stop before it gets there.
std::string GzipBomb(int matches) {
  std::string out("\x1f\x8b\x08\x00\x00\x00\x00\x00\x00\x03", 10);
  uint32_t acc = 0;
  int used = 0;
  auto bits = [&](uint32_t value, int count) {  // RFC 1951 §3.1.1: least significant first
    for (int i = 0; i < count; ++i) {
      acc |= ((value >> i) & 1u) << used;
      if (++used == 8) {
        out.push_back(static_cast<char>(acc));
        acc = 0;
        used = 0;
      }
    }
  };
  auto code = [&](uint32_t value, int count) {  // Huffman codes: most significant first
    for (int i = count - 1; i >= 0; --i) bits((value >> i) & 1u, 1);
  };
  bits(1, 1);           // BFINAL
  bits(1, 2);           // BTYPE 01: fixed Huffman codes (RFC 1951 §3.2.6)
  code(0x30 + '[', 8);  // literal '['
  for (int i = 0; i < matches; ++i) {
    code(0xC0 + 5, 8);  // length code 285: 258 bytes
    code(0, 5);         // distance code 0: 1 byte back
  }
  code(0, 7);  // end of block
  if (used > 0) out.push_back(static_cast<char>(acc));
  out.append(8, '\0');
  return out;
}

TEST_CASE("hostile server: a gzip bomb stops at max response bytes after decompression",
          "[stix][taxii][network][hardening]") {
  const std::string bomb = GzipBomb(160000);
  HostileServer server([&](const RawRequest&, HostileConnection& c) {
    c.Write(HttpAnswer(200, bomb, "Content-Encoding: gzip\r\n"));
  });
  REQUIRE(server.ok());
  CurlOptions curl = Curl();
  curl.max_response_bytes = size_t{16} << 20;
  Victim victim(curl);
  CheckRefusedAsTooLarge(victim, server, 16777216);
}

TEST_CASE("hostile server: one byte a second runs into the total timeout",
          "[stix][taxii][network][hardening]") {
  const std::string answer = HttpAnswer(200, R"({"more":false})");
  HostileServer server([&](const RawRequest&, HostileConnection& c) {
    for (char byte : answer) {
      if (!c.Write(std::string_view(&byte, 1)) || !c.Sleep(std::chrono::milliseconds(1000))) {
        return;
      }
    }
  });
  REQUIRE(server.ok());
  Victim victim(Curl(absl::Milliseconds(1500)));
  const auto start = std::chrono::steady_clock::now();
  const auto page = victim.client->GetObjects(Root(server), kCollection, Query{});
  CHECK(SecondsSince(start) < 4);
  REQUIRE_FALSE(page.ok());
  CHECK(page.status().code() == absl::StatusCode::kDeadlineExceeded);
  const std::string message(page.status().message());
  CHECK(absl::StartsWith(message,
                         absl::StrCat("GET ", ObjectsUrl(server), ": Operation timed out after ")));
  CHECK(absl::EndsWith(message,
                       "; no complete answer within the time allowed (--connect-timeout 2 s, "
                       "--timeout 1.5 s)"));
}

TEST_CASE("hostile server: response headers without end are refused by libcurl's bound",
          "[stix][taxii][network][hardening]") {
  HostileServer server([](const RawRequest&, HostileConnection& c) {
    if (!c.Write("HTTP/1.1 200 OK\r\n")) return;
    for (int i = 0; c.Write(absl::StrCat("X-Junk-", i, ": ", std::string(1000, 'a'), "\r\n"));
         ++i) {
    }
  });
  REQUIRE(server.ok());
  Victim victim;
  const auto start = std::chrono::steady_clock::now();
  const auto page = victim.client->GetObjects(Root(server), kCollection, Query{});
  CHECK(SecondsSince(start) < 5);
  REQUIRE_FALSE(page.ok());
  CHECK(page.status().code() == absl::StatusCode::kUnavailable);
  // libcurl's words: "Too large response headers: 308163 > 307200" in 7.88.
  CHECK(absl::StartsWith(page.status().message(),
                         absl::StrCat("GET ", ObjectsUrl(server), ": Too large response headers")));
}

TEST_CASE("hostile server: invalid JSON is an error naming the URL, line and column",
          "[stix][taxii][network][hardening]") {
  std::string url;
  const absl::Status s = PageFrom(HttpAnswer(200, "{\"more\": tru"), &url);
  REQUIRE_FALSE(s.ok());
  INFO(s.message());
  // The parser's message (stix/json) after the URL and the position.
  CHECK(absl::StartsWith(s.message(), url + ":1:13: "));
}

TEST_CASE("hostile server: a JSON array instead of an envelope is an error",
          "[stix][taxii][network][hardening]") {
  std::string url;
  const absl::Status s = PageFrom(HttpAnswer(200, "[1,2,3]"), &url);
  REQUIRE_FALSE(s.ok());
  CHECK(s.code() == absl::StatusCode::kInvalidArgument);
  CHECK(s.message() ==
        url + ": expected a TAXII envelope or manifest (a JSON object), got an array");
}

TEST_CASE("hostile server: more, next and objects of the wrong type are errors, not absent",
          "[stix][taxii][network][hardening]") {
  std::string url;
  const absl::Status more = PageFrom(HttpAnswer(200, R"({"more":"yes","next":"n"})"), &url);
  CHECK(more.code() == absl::StatusCode::kInvalidArgument);
  CHECK(more.message() == url + ": expected \"more\" to be true or false, got a string");
  const absl::Status objects =
      PageFrom(HttpAnswer(200, R"({"more":false,"objects":{"0":{}}})"), &url);
  CHECK(objects.message() == url + ": expected \"objects\" to be an array, got an object");
  const absl::Status next = PageFrom(HttpAnswer(200, R"({"more":true,"next":[1]})"), &url);
  CHECK(next.message() == url + ": expected \"next\" to be a string, got an array");
  // null reads as absent (lenient input).
  CHECK(PageFrom(HttpAnswer(200, R"({"more":null,"next":null,"objects":null})")).ok());
}

TEST_CASE("hostile server: a collection list of the wrong shape is an error",
          "[stix][taxii][network][hardening]") {
  HostileServer server([](const RawRequest&, HostileConnection& c) {
    c.Write(HttpAnswer(200, R"({"collections":"all of them"})"));
  });
  REQUIRE(server.ok());
  Victim victim;
  const auto list = victim.client->GetCollections(Root(server));
  REQUIRE_FALSE(list.ok());
  CHECK(list.status().message() ==
        Root(server) + "collections/: the collections resource's \"collections\" must be a list");
}

TEST_CASE("hostile server: huge numbers are refused by the I-JSON rules",
          "[stix][taxii][network][hardening]") {
  std::string url;
  const absl::Status dbl = PageFrom(HttpAnswer(200, R"({"more":false,"objects":[1e999]})"), &url);
  REQUIRE_FALSE(dbl.ok());
  INFO(dbl.message());
  CHECK(absl::StartsWith(dbl.message(), url + ":1:26: "));
  CHECK(absl::StrContains(dbl.message(), "I-JSON"));
  const absl::Status integer =
      PageFrom(HttpAnswer(200, R"({"more":true,"next":123456789012345678901234567890})"), &url);
  REQUIRE_FALSE(integer.ok());
  INFO(integer.message());
  CHECK(absl::StartsWith(integer.message(), url + ":1:21: "));
  CHECK(absl::StrContains(integer.message(), "I-JSON"));
}

TEST_CASE("hostile server: deeply nested JSON is refused without exhausting the stack",
          "[stix][taxii][network][hardening]") {
  const std::string deep =
      absl::StrCat(R"({"objects":)", std::string(200000, '['), std::string(200000, ']'), "}");
  std::string url;
  const absl::Status s = PageFrom(HttpAnswer(200, deep), &url);
  REQUIRE_FALSE(s.ok());
  INFO(s.message());
  CHECK(absl::StartsWith(s.message(), url + ":1:111: "));
  CHECK(absl::StrContains(s.message(), "nesting deeper than 100 levels"));
}

TEST_CASE("hostile server: an HTML answer is refused by its Content-Type",
          "[stix][taxii][network][hardening]") {
  std::string url;
  const absl::Status s =
      PageFrom(HttpAnswer(200, R"({"more":false})", "", "text/html; charset=utf-8"), &url);
  CHECK(s.code() == absl::StatusCode::kFailedPrecondition);
  CHECK(s.message() == "GET " + url +
                           ": expected Content-Type application/taxii+json;version=2.1, got "
                           "'text/html; charset=utf-8'; is this the URL of a TAXII 2.1 server?");
}

TEST_CASE("hostile server: a 200 with an empty body is an error",
          "[stix][taxii][network][hardening]") {
  std::string url;
  const absl::Status s = PageFrom(HttpAnswer(200, ""), &url);
  CHECK(s.code() == absl::StatusCode::kInvalidArgument);
  CHECK(s.message() == "GET " + url + ": HTTP 200 with an empty body; expected a TAXII resource");
}

TEST_CASE("hostile server: a body cut short by the server is an error",
          "[stix][taxii][network][hardening]") {
  HostileServer server([](const RawRequest&, HostileConnection& c) {
    c.Write(
        "HTTP/1.1 200 OK\r\nContent-Type: application/taxii+json;version=2.1\r\n"
        "Content-Length: 1000\r\n\r\n{\"more\":false,");
  });
  REQUIRE(server.ok());
  Victim victim;
  const auto page = victim.client->GetObjects(Root(server), kCollection, Query{});
  REQUIRE_FALSE(page.ok());
  CHECK(page.status().code() == absl::StatusCode::kUnavailable);
  CHECK(page.status().message() ==
        "GET " + ObjectsUrl(server) + ": transfer closed with 986 bytes remaining to read");
}

TEST_CASE("hostile server: a 429 asking to wait 999999 s waits at most the cap",
          "[stix][taxii][network][hardening]") {
  for (const std::string retry_after : {"999999", "99999999999999999999999", "9223372036854775807",
                                        "Fri, 31 Dec 9999 23:59:59 GMT"}) {
    HostileServer server([&](const RawRequest&, HostileConnection& c) {
      c.Write(HttpAnswer(429, "", absl::StrCat("Retry-After: ", retry_after, "\r\n")));
    });
    REQUIRE(server.ok());
    ClientOptions options;
    options.retries = 2;
    Victim victim(Curl(), options);
    const auto page = victim.client->GetObjects(Root(server), kCollection, Query{});
    INFO(retry_after);
    REQUIRE_FALSE(page.ok());
    CHECK(HttpStatusOf(page.status()) == 429);
    CHECK(page.status().message() ==
          "GET " + ObjectsUrl(server) +
              ": HTTP 429 Too Many Requests; the server is busy; try again later or raise "
              "--retries");
    CHECK(server.requests() == 3);
    REQUIRE(victim.sleeps.size() == 2);
    for (absl::Duration d : victim.sleeps) CHECK(d <= absl::Seconds(60));
  }
}

TEST_CASE("hostile server: a redirect to another host is reported, not followed",
          "[stix][taxii][network][hardening]") {
  HostileServer elsewhere([](const RawRequest&, HostileConnection& c) {
    c.Write(HttpAnswer(200, R"({"more":false})"));
  });
  REQUIRE(elsewhere.ok());
  const std::string target = absl::StrCat("http://localhost:", elsewhere.port(), "/steal/");
  for (int code : {301, 302, 303, 307, 308}) {
    HostileServer server([&](const RawRequest&, HostileConnection& c) {
      c.Write(HttpAnswer(code, "", absl::StrCat("Location: ", target, "\r\n")));
    });
    REQUIRE(server.ok());
    ClientOptions options;
    options.auth_headers = {{"Authorization", "Basic YWxpY2U6c2VjcmV0"}};
    Victim victim(Curl(), options);
    const auto page = victim.client->GetObjects(Root(server), kCollection, Query{});
    INFO(code);
    REQUIRE_FALSE(page.ok());
    CHECK(page.status().code() == absl::StatusCode::kFailedPrecondition);
    CHECK(page.status().message() == absl::StrCat("GET ", ObjectsUrl(server), ": HTTP ", code,
                                                  "; the server redirects to '", target,
                                                  "'; use that URL"));
  }
  CHECK(elsewhere.requests() == 0);  // the credentials never went there
}

TEST_CASE("hostile server: stixkit taxii pull stops endless pages and slow bytes with exit 4",
          "[stix][taxii][network][hardening]") {
  HostileServer endless([](const RawRequest& req, HostileConnection& c) {
    c.Write(HttpAnswer(200, absl::StrCat(R"({"more":true,"next":"p)", req.number,
                                         R"(","objects":[)", Object(req.number), "]}")));
  });
  REQUIRE(endless.ok());
  const std::string dir = testing::MakeTempDir();
  const std::string out = dir + "/feed.json";
  const testing::CommandResult pages =
      testing::RunStixkit({"taxii", "pull", "--url", Root(endless), "--collection", kCollection,
                           "--max-pages", "5", "-o", out, "--quiet"});
  CHECK(pages.exit_code == 4);
  CHECK(absl::StrContains(pages.err,
                          "stopped after 5 pages while the server still says more=true "
                          "(--max-pages); raise it or narrow the filters"));
  CHECK_FALSE(std::filesystem::exists(out));  // no half-written bundle

  HostileServer slow([](const RawRequest&, HostileConnection& c) {
    const std::string answer = HttpAnswer(200, R"({"more":false})");
    for (char byte : answer) {
      if (!c.Write(std::string_view(&byte, 1)) || !c.Sleep(std::chrono::milliseconds(1000))) {
        return;
      }
    }
  });
  REQUIRE(slow.ok());
  const auto start = std::chrono::steady_clock::now();
  const testing::CommandResult timed_out =
      testing::RunStixkit({"taxii", "pull", "--url", Root(slow), "--collection", kCollection,
                           "--timeout", "1", "-o", out, "--quiet"});
  CHECK(SecondsSince(start) < 5);
  CHECK(timed_out.exit_code == 4);
  CHECK(absl::StrContains(timed_out.err, "--timeout 1 s)"));
  CHECK_FALSE(std::filesystem::exists(out));
  std::filesystem::remove_all(dir);
}

}  // namespace
}  // namespace stixkit::taxii
