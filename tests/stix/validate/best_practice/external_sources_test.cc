#include <catch2/catch.hpp>

#include "tests/stix/validate/best_practice/check_runner.h"

namespace stixkit::stix::testing {
namespace {

constexpr std::string_view kTraffic = R"({"type": "network-traffic",
  "id": "network-traffic--280d1c0d-51d1-5ee8-951f-1fb434a38686", "src_port": 24678, "dst_port": 80,
  "protocols": ["ipv4", "tcp", "foo_bar"], "ipfix": {"minimumIpTotalLength": 32, "Foo": "bar"},
  "extensions": {
    "http-request-ext": {"request_method": "get", "request_value": "/", "request_header": {"Host": ["a"], "x-foobar": ["b"]}},
    "socket-ext": {"address_family": "AF_INET", "options": {"SO_TEST": 1000}}}})";

TEST_CASE("external sources: network-traffic names come from their registries",
          "[stix][validate]") {
  const Findings f = RunChecks(kTraffic, Enabling({"all-external-sources"}));
  REQUIRE(CodesOf(f) == std::set<std::string>{"272", "273", "274", "275"});
  REQUIRE(f.size() == 4);
  CHECK(f[0].message ==
        "protocol 'foo_bar' should be in the IANA Service Name and Transport Protocol Port "
        "Number Registry");
  CHECK(f[1].message == "ipfix key 'Foo' should be an IANA IPFIX information element name");
  CHECK(f[2].pointer == "/extensions/http-request-ext/request_header");
  CHECK(f[2].message == "request_header key 'x-foobar' should be an HTTP request header name");
  CHECK(f[3].message ==
        "options key 'SO_TEST' should be a socket option name (SO_*, IP_*, TCP_*, ...)");
}

TEST_CASE("external sources: file mime_type and pdf keys", "[stix][validate]") {
  const Findings f =
      RunChecks(R"({"type": "file", "id": "file--ff1e0780-358c-5808-a8c7-d0fca4ef6ef4",
    "name": "a.pdf", "mime_type": "bla", "extensions": {"pdf-ext": {"document_info_dict": {"Title": "t", "foo": "b"}}}})",
                Enabling({"270"}));
  REQUIRE(f.size() == 2);
  CHECK(f[0].code == "271");
  CHECK(f[0].message ==
        "mime_type should be an IANA registered media type (type/subtype), found 'bla'");
  CHECK(f[1].code == "276");
  CHECK(f[1].message ==
        "document_info_dict key 'foo' should be a PDF document information dictionary key");
}

TEST_CASE("countries: a bad country is reported under 201 like the reference", "[stix][validate]") {
  const std::string location =
      R"({"type": "location", "id": "location--a6e9345f-5a15-4c29-8bb3-7dcc5d168d64", "country": "USA"})";
  const Findings f = RunChecks(location, Enabling({"countries"}));
  REQUIRE(f.size() == 1);
  CHECK(f[0].code == "201");
  CHECK(f[0].message == "country should be an ISO 3166-1 alpha-2 code, found 'USA'");
  CHECK(
      RunChecks(
          R"({"type": "location", "id": "location--a6e9345f-5a15-4c29-8bb3-7dcc5d168d64", "country": "us"})",
          Enabling({"countries"}))
          .empty());
  CHECK(RunChecks(location, Disabling({"countries"})).size() == 0);
}

}  // namespace
}  // namespace stixkit::stix::testing
