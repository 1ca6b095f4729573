#include "stix/validate/must/internal/format_matchers.h"

#include <catch2/catch.hpp>

namespace stixkit::stix::must {
namespace {

TEST_CASE("format matchers: RFC 3986 URIs are accepted", "[stix][validate]") {
  for (const char* uri : {"http://www.example.com/file.txt", "https://example.com:8443/a/b?c=d&e#f",
                          "ftp://user:pass@[2001:db8::7]:21/x", "mailto:jdoe@example.com",
                          "urn:isbn:0451450523", "file:///C:/Windows/notepad.exe", "x:",
                          "http://[v1.fe80::a+en1]/", "http://192.0.2.16/%20x", "foo:bar\n"}) {
    INFO(uri);
    CHECK(IsUri(uri));
  }
}

TEST_CASE("format matchers: strings that are not URIs are rejected", "[stix][validate]") {
  for (const char* text : {"foo", "www.g.com", "", ":x", "1http://a", "http://exa mple.com/",
                           "http://a/%zz", "http://[::1/", "http://[1::2::3]/", "http://a:8x/",
                           "http://a/b#c#d", "http://é.com/", "C:\\Windows"}) {
    INFO(text);
    CHECK_FALSE(IsUri(text));
  }
}

TEST_CASE("format matchers: IPv6 addresses follow RFC 3986", "[stix][validate]") {
  for (const char* ip : {"::", "::1", "2001:db8::7", "1:2:3:4:5:6:7:8",
                         "1:2:3:4:5:6:7::", "::ffff:192.0.2.128", "1:2:3:4:5:6:192.0.2.1"}) {
    INFO(ip);
    CHECK(IsIpv6Address(ip));
  }
  for (const char* ip : {"", "1:2:3:4:5:6:7:8:9", "1:2:3:4:5:6:7", "12345::", "::g", "1::2::3",
                         "::192.0.2.256", "::01.2.3.4", "1:2:3:4:5:6:7:8::"}) {
    INFO(ip);
    CHECK_FALSE(IsIpv6Address(ip));
  }
}

TEST_CASE("format matchers: e-mail addresses follow the reference's stricter rule",
          "[stix][validate]") {
  for (const char* email : {"jdoe@example.com", "a.b+c@mail.example.co.uk", "x@y.z", "a@b.c\n"}) {
    INFO(email);
    CHECK(IsReferenceEmail(email));
  }
  for (const char* text :
       {"John Doe <jdoe@example.com>", "jdoe@localhost", "@example.com", "jdoe@.com",
        "jdoe@example.", "jdoe@@example.com", "jdoe@exa_mple.com"}) {
    INFO(text);
    CHECK_FALSE(IsReferenceEmail(text));
  }
}

TEST_CASE("format matchers: unknown formats pass", "[stix][validate]") {
  CHECK_FALSE(IsKnownFormat("hostname"));
  CHECK(MatchesFormat("hostname", "not a host"));
  CHECK_FALSE(MatchesFormat("uri", "foo"));
}

}  // namespace
}  // namespace stixkit::stix::must
