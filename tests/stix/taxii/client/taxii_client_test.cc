#include "stix/taxii/client/taxii_client.h"

#include <catch2/catch.hpp>

#include "tests/support/fake_http_transport.h"

namespace stixkit::taxii {
namespace {

using testing::FakeClock;
using testing::FakeTransport;
using testing::RequestHeader;
using testing::TaxiiResponse;

constexpr char kRoot[] = "https://h/api/";
constexpr char kApiRootJson[] =
    R"({"title":"Root","versions":["application/taxii+json;version=2.1"],
        "max_content_length":1000})";

TEST_CASE("taxii client: every request asks for TAXII 2.1 and carries the credentials",
          "[stix][taxii]") {
  FakeTransport transport;
  transport.Queue(TaxiiResponse(200, kApiRootJson));
  transport.Queue(TaxiiResponse(202, R"({"id":"s1","status":"complete","total_count":0,
      "success_count":0,"failure_count":0,"pending_count":0})"));
  FakeClock clock;
  ClientOptions options = clock.Options();
  options.auth_headers = {{"Authorization", "Basic YTpi"}};
  TaxiiClient client(&transport, options);
  const absl::StatusOr<ApiRoot> root = client.GetApiRoot("https://h/api");
  REQUIRE(root.ok());
  CHECK(root->max_content_length == 1000);
  REQUIRE(client.AddObjects(kRoot, "c1", "{}").ok());
  REQUIRE(transport.requests.size() == 2);
  CHECK(transport.requests[0].url == "https://h/api/");
  CHECK(RequestHeader(transport.requests[0], "Accept") == "application/taxii+json;version=2.1");
  CHECK(RequestHeader(transport.requests[0], "Content-Type").empty());
  CHECK(RequestHeader(transport.requests[0], "Authorization") == "Basic YTpi");
  CHECK(transport.requests[1].method == "POST");
  CHECK(transport.requests[1].url == "https://h/api/collections/c1/objects/");
  CHECK(RequestHeader(transport.requests[1], "Content-Type") ==
        "application/taxii+json;version=2.1");
  CHECK(RequestHeader(transport.requests[1], "Accept") == "application/taxii+json;version=2.1");
}

TEST_CASE("taxii client: 429 is retried after the wait Retry-After asks for", "[stix][taxii]") {
  FakeTransport transport;
  transport.Queue(TaxiiResponse(429, "", {{"Retry-After", "7"}}));
  transport.Queue(TaxiiResponse(429, "", {{"Retry-After", "Mon, 01 Jan 2024 00:00:30 GMT"}}));
  transport.Queue(TaxiiResponse(200, kApiRootJson));
  FakeClock clock;
  std::vector<std::string> notes;
  ClientOptions options = clock.Options();
  options.log = [&](std::string_view note) { notes.emplace_back(note); };
  TaxiiClient client(&transport, options);
  REQUIRE(client.GetApiRoot(kRoot).ok());
  CHECK(transport.requests.size() == 3);
  // The HTTP date is 30 s after the start; 7 s have passed by then.
  CHECK(clock.sleeps == std::vector<absl::Duration>{absl::Seconds(7), absl::Seconds(23)});
  CHECK(notes.front() == "HTTP 429 from https://h/api/; retrying in 7s (1 of 3)");
}

TEST_CASE("taxii client: 503 without Retry-After backs off exponentially, then gives up",
          "[stix][taxii]") {
  FakeTransport transport([](const HttpRequest&) -> absl::StatusOr<HttpResponse> {
    return TaxiiResponse(503, R"({"title":"Maintenance"})");
  });
  FakeClock clock;
  TaxiiClient client(&transport, clock.Options());
  const absl::StatusOr<ApiRoot> root = client.GetApiRoot(kRoot);
  CHECK(transport.requests.size() == 4);
  CHECK(clock.sleeps ==
        std::vector<absl::Duration>{absl::Seconds(1), absl::Seconds(2), absl::Seconds(4)});
  CHECK(root.status().code() == absl::StatusCode::kUnavailable);
  CHECK(root.status().message() ==
        "GET https://h/api/: HTTP 503 Service Unavailable (Maintenance); the server is busy; "
        "try again later or raise --retries");
}

TEST_CASE("taxii client: a huge Retry-After is capped", "[stix][taxii]") {
  FakeTransport transport;
  transport.Queue(TaxiiResponse(429, "", {{"Retry-After", "86400"}}));
  transport.Queue(TaxiiResponse(200, kApiRootJson));
  FakeClock clock;
  TaxiiClient client(&transport, clock.Options());
  REQUIRE(client.GetApiRoot(kRoot).ok());
  CHECK(clock.sleeps == std::vector<absl::Duration>{absl::Seconds(60)});
}

TEST_CASE("taxii client: plain http to a remote host is refused before any request",
          "[stix][taxii]") {
  FakeTransport transport;
  FakeClock clock;
  TaxiiClient client(&transport, clock.Options());
  const absl::StatusOr<ApiRoot> root = client.GetApiRoot("http://taxii.example.org/api/");
  CHECK(root.status().code() == absl::StatusCode::kInvalidArgument);
  CHECK(transport.requests.empty());
}

TEST_CASE("taxii client: lenient content types pass, an HTML page does not", "[stix][taxii]") {
  FakeTransport transport;
  transport.Queue(HttpResponse{
      200, {{"content-type", "Application/TAXII+JSON ; version=\"2.1\""}}, kApiRootJson});
  transport.Queue(HttpResponse{200, {{"Content-Type", "application/json"}}, kApiRootJson});
  transport.Queue(HttpResponse{200, {{"Content-Type", "text/html; charset=utf-8"}}, "<html/>"});
  FakeClock clock;
  TaxiiClient client(&transport, clock.Options());
  CHECK(client.GetApiRoot(kRoot).ok());
  CHECK(client.GetApiRoot(kRoot).ok());
  CHECK(client.GetApiRoot(kRoot).status().message() ==
        "GET https://h/api/: expected Content-Type application/taxii+json;version=2.1, got "
        "'text/html; charset=utf-8'; is this the URL of a TAXII 2.1 server?");
}

TEST_CASE("taxii client: a response over the size bound is refused", "[stix][taxii]") {
  FakeTransport transport;
  transport.Queue(TaxiiResponse(200, std::string(5000, ' ')));
  FakeClock clock;
  ClientOptions options = clock.Options();
  options.max_response_bytes = 4096;
  TaxiiClient client(&transport, options);
  const absl::StatusOr<ApiRoot> root = client.GetApiRoot(kRoot);
  CHECK(root.status().code() == absl::StatusCode::kResourceExhausted);
  CHECK(root.status().message() ==
        "GET https://h/api/: the response is larger than 4096 bytes (--max-response-bytes); "
        "lower --limit or raise the bound");
}

TEST_CASE("taxii client: discovery of a bare host reads /taxii2/ and resolves roots",
          "[stix][taxii]") {
  FakeTransport transport;
  transport.Queue(TaxiiResponse(200, R"({"title":"Hub","default":"/api/",
      "api_roots":["/api/","https://mirror.example/api2/"]})"));
  FakeClock clock;
  TaxiiClient client(&transport, clock.Options());
  const absl::StatusOr<Discovery> d = client.GetDiscovery("https://hub.example:8443");
  REQUIRE(d.ok());
  CHECK(transport.requests[0].url == "https://hub.example:8443/taxii2/");
  CHECK(d->default_root == "https://hub.example:8443/api/");
  CHECK(d->api_roots ==
        std::vector<std::string>{"https://hub.example:8443/api/", "https://mirror.example/api2/"});
}

TEST_CASE("taxii client: an API root without collections lists none", "[stix][taxii]") {
  FakeTransport transport;
  transport.Queue(TaxiiResponse(200, "{}"));
  FakeClock clock;
  TaxiiClient client(&transport, clock.Options());
  const absl::StatusOr<std::vector<Collection>> list = client.GetCollections(kRoot);
  REQUIRE(list.ok());
  CHECK(list->empty());
  CHECK(transport.requests[0].url == "https://h/api/collections/");
}

TEST_CASE("taxii client: a page carries more, next and the date-added headers", "[stix][taxii]") {
  FakeTransport transport;
  transport.Queue(TaxiiResponse(200, R"({"more":true,"next":42,"objects":[{"id":"a"}]})",
                                {{"X-TAXII-Date-Added-First", "2024-01-01T00:00:00.000000Z"},
                                 {"X-TAXII-Date-Added-Last", "2024-01-02T00:00:00.000000Z"}}));
  FakeClock clock;
  TaxiiClient client(&transport, clock.Options());
  Query q;
  q.match_type = {"indicator"};
  q.limit = 10;
  const absl::StatusOr<Page> page = client.GetObjects(kRoot, "c1", q);
  REQUIRE(page.ok());
  CHECK(transport.requests[0].url ==
        "https://h/api/collections/c1/objects/?limit=10&match%5Btype%5D=indicator");
  CHECK(page->more);
  CHECK(page->next == "42");
  CHECK(page->date_added_last == "2024-01-02T00:00:00.000000Z");
  CHECK(page->items()->Size() == 1);
}

}  // namespace
}  // namespace stixkit::taxii
