#include "stix/taxii/client/http_error.h"

#include <catch2/catch.hpp>

namespace stixkit::taxii {
namespace {

constexpr char kUrl[] = "https://h/api/collections/c1/objects/";

HttpResponse Error(int status, std::string body = "") {
  return HttpResponse{
      status, {{"Content-Type", "application/taxii+json;version=2.1"}}, std::move(body)};
}

TEST_CASE("http error: 401 quotes the TAXII error and says to check the credentials",
          "[stix][taxii]") {
  const absl::Status s = HttpErrorStatus(
      "GET", kUrl, Error(401, R"({"title":"Authentication required","description":"bad password",
                                  "http_status":"401"})"));
  CHECK(s.code() == absl::StatusCode::kUnauthenticated);
  CHECK(s.message() ==
        "GET https://h/api/collections/c1/objects/: HTTP 401 Unauthorized (Authentication "
        "required: bad password); check --user and --password-file (or "
        "STIXKIT_TAXII_PASSWORD), or --token-file (or STIXKIT_TAXII_TOKEN)");
  CHECK(HttpStatusOf(s) == 401);
}

TEST_CASE("http error: 403 on POST asks for write access", "[stix][taxii]") {
  const absl::Status s = HttpErrorStatus("POST", kUrl, Error(403, R"({"title":"Forbidden"})"));
  CHECK(s.code() == absl::StatusCode::kPermissionDenied);
  CHECK(s.message() ==
        "POST https://h/api/collections/c1/objects/: HTTP 403 Forbidden (Forbidden); the "
        "account may not write here; ask the server's administrator for write access to the "
        "collection");
}

TEST_CASE("http error: 403 on GET asks for read access", "[stix][taxii]") {
  CHECK(HttpErrorStatus("GET", kUrl, Error(403)).message() ==
        "GET https://h/api/collections/c1/objects/: HTTP 403 Forbidden; the account may not "
        "read here; ask the server's administrator for read access to the collection");
}

TEST_CASE("http error: 404 says to check the URL and the collection id", "[stix][taxii]") {
  const absl::Status s = HttpErrorStatus(
      "GET", kUrl, Error(404, R"({"title":"Not found","description":"no collection c1"})"));
  CHECK(s.code() == absl::StatusCode::kNotFound);
  CHECK(s.message() ==
        "GET https://h/api/collections/c1/objects/: HTTP 404 Not Found (Not found: no "
        "collection c1); check the API root URL and the collection id (servers also answer "
        "404 for a collection the account may not see)");
}

TEST_CASE("http error: 406 says the server may speak only TAXII 2.0", "[stix][taxii]") {
  const absl::Status s = HttpErrorStatus("GET", kUrl, Error(406));
  CHECK(s.code() == absl::StatusCode::kFailedPrecondition);
  CHECK(s.message() ==
        "GET https://h/api/collections/c1/objects/: HTTP 406 Not Acceptable; the server does "
        "not offer application/taxii+json;version=2.1 (it may speak only TAXII 2.0)");
}

TEST_CASE("http error: 413 says to lower the envelope size", "[stix][taxii]") {
  const absl::Status s = HttpErrorStatus(
      "POST", kUrl, Error(413, R"({"title":"Too large","description":"limit is 1000 bytes"})"));
  CHECK(s.code() == absl::StatusCode::kResourceExhausted);
  CHECK(s.message() ==
        "POST https://h/api/collections/c1/objects/: HTTP 413 Payload Too Large (Too large: "
        "limit is 1000 bytes); the request is larger than the server accepts; lower the "
        "envelope size with --max-envelope-bytes");
  CHECK(HttpStatusOf(s) == 413);
}

TEST_CASE("http error: 422 says to validate the content", "[stix][taxii]") {
  const absl::Status s = HttpErrorStatus(
      "POST", kUrl,
      Error(422, R"({"title":"Unprocessable","description":"objects[0] has no id"})"));
  CHECK(s.code() == absl::StatusCode::kInvalidArgument);
  CHECK(s.message() ==
        "POST https://h/api/collections/c1/objects/: HTTP 422 Unprocessable Content "
        "(Unprocessable: objects[0] has no id); the server could not process the content; "
        "check it with 'stixkit validate' and the collection's media types");
}

TEST_CASE("http error: an HTML body is ignored and control characters are neutralized",
          "[stix][taxii]") {
  CHECK(HttpErrorStatus("GET", kUrl, Error(500, "<html>Unauthorized Access</html>")).message() ==
        "GET https://h/api/collections/c1/objects/: HTTP 500 Internal Server Error");
  CHECK(HttpErrorStatus("GET", kUrl, Error(400, "{\"title\":\"bad\\u001b[31m\"}")).message() ==
        "GET https://h/api/collections/c1/objects/: HTTP 400 Bad Request (bad?[31m); the "
        "server refused the request; check the filter values (--added-after, --match-type, "
        "--match-id, --version, --limit)");
}

TEST_CASE("http error: a redirect says where to go instead", "[stix][taxii]") {
  HttpResponse r{308, {{"Location", "https://h/api/collections/c1/objects/"}}, ""};
  CHECK(HttpErrorStatus("GET", "https://h/api/collections/c1/objects", r).message() ==
        "GET https://h/api/collections/c1/objects: HTTP 308; the server redirects to "
        "'https://h/api/collections/c1/objects/'; use that URL");
}

TEST_CASE("http error: Retry-After reads seconds and HTTP dates", "[stix][taxii]") {
  const absl::Time now = absl::FromUnixSeconds(1704067200);  // Mon, 01 Jan 2024 00:00:00 GMT
  CHECK(*ParseRetryAfter("7", now) == absl::Seconds(7));
  CHECK(*ParseRetryAfter(" 0 ", now) == absl::ZeroDuration());
  CHECK(*ParseRetryAfter("Mon, 01 Jan 2024 00:00:30 GMT", now) == absl::Seconds(30));
  CHECK(*ParseRetryAfter("Sun, 31 Dec 2023 23:00:00 GMT", now) == absl::ZeroDuration());
  CHECK_FALSE(ParseRetryAfter("", now).has_value());
  CHECK_FALSE(ParseRetryAfter("-3", now).has_value());
  CHECK_FALSE(ParseRetryAfter("soon", now).has_value());
}

}  // namespace
}  // namespace stixkit::taxii
