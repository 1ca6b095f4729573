#include "stix/taxii/client/url.h"

#include <catch2/catch.hpp>

namespace stixkit::taxii {
namespace {

TEST_CASE("taxii url: https is always allowed", "[stix][taxii]") {
  CHECK(CheckTransportSecurity("https://taxii.example.org/api/", false).ok());
}

TEST_CASE("taxii url: plain http is allowed for loopback hosts only", "[stix][taxii]") {
  CHECK(CheckTransportSecurity("http://127.0.0.1:8080/api/", false).ok());
  CHECK(CheckTransportSecurity("http://127.3.4.5/api/", false).ok());
  CHECK(CheckTransportSecurity("http://[::1]:9000/api/", false).ok());
  CHECK(CheckTransportSecurity("http://LOCALHOST/api/", false).ok());
  const absl::Status s = CheckTransportSecurity("http://taxii.example.org/api/", false);
  CHECK(s.code() == absl::StatusCode::kInvalidArgument);
  CHECK(s.message() ==
        "refusing plain http:// to 'taxii.example.org': credentials and content would travel "
        "unencrypted; use https://, or pass --insecure-http if you accept that (plain http is "
        "allowed without it only for 127.0.0.1, ::1 and localhost)");
  CHECK_FALSE(CheckTransportSecurity("http://128.0.0.1/api/", false).ok());
  CHECK_FALSE(CheckTransportSecurity("http://localhost.evil.example/api/", false).ok());
}

TEST_CASE("taxii url: --insecure-http allows plain http anywhere", "[stix][taxii]") {
  CHECK(CheckTransportSecurity("http://taxii.example.org/api/", true).ok());
}

TEST_CASE("taxii url: other schemes and credentials in the URL are refused", "[stix][taxii]") {
  CHECK(CheckTransportSecurity("ftp://h/api/", true).message() ==
        "invalid URL 'ftp://h/api/': expected https:// (or http:// for a local test server), "
        "got 'ftp://'");
  CHECK(ParseUrl("https://alice:pw@h/api/").status().message() ==
        "invalid URL 'https://alice:pw@h/api/': credentials in the URL are not accepted; use "
        "--user with --password-file, or --token-file");
  CHECK(ParseUrl("taxii.example.org/api/").status().message() ==
        "invalid URL 'taxii.example.org/api/': expected an absolute URL such as "
        "https://taxii.example.org/api/");
}

TEST_CASE("taxii url: endpoint URLs end in a slash and encode their segments", "[stix][taxii]") {
  CHECK(EndpointUrl("https://h/api", {"collections", "a b/c", "objects"}) ==
        "https://h/api/collections/a%20b%2Fc/objects/");
  CHECK(WithTrailingSlash("https://h/api?x=1") == "https://h/api/?x=1");
}

TEST_CASE("taxii url: relative API roots resolve against the discovery URL", "[stix][taxii]") {
  CHECK(*ResolveApiRoot("https://h:8443/taxii2/", "/api1/") == "https://h:8443/api1/");
  CHECK(*ResolveApiRoot("http://[::1]:8080/taxii2/", "/api1") == "http://[::1]:8080/api1/");
  CHECK(*ResolveApiRoot("https://h/taxii2/", "https://other.example/root/") ==
        "https://other.example/root/");
}

TEST_CASE("taxii url: API roots that could leave the server are rejected", "[stix][taxii]") {
  CHECK(ResolveApiRoot("https://h/taxii2/", "//evil.example/api/").status().message() ==
        "discovery lists API root '//evil.example/api/', which is neither an absolute URL nor "
        "a path starting with a single '/'");
  CHECK(ResolveApiRoot("https://h/taxii2/", "/api/../admin/").status().message() ==
        "discovery lists API root '/api/../admin/', which contains a '.' or '..' segment");
  CHECK_FALSE(ResolveApiRoot("https://h/taxii2/", "api1/").ok());
  CHECK_FALSE(ResolveApiRoot("https://h/taxii2/", "/api1/?x=1").ok());
}

}  // namespace
}  // namespace stixkit::taxii
