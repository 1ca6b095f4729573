#include "converters/extract/refang.h"

#include "catch2/catch.hpp"

namespace stixkit::convert {
namespace {

// The refanged text, or "(unchanged)" when nothing was replaced.
std::string Host(std::string_view s) {
  const Refanged r = RefangHost(s);
  return r.changed ? r.text : "(unchanged) " + r.text;
}
std::string Url(std::string_view s) {
  const Refanged r = RefangUrl(s);
  return r.changed ? r.text : "(unchanged) " + r.text;
}
std::string Email(std::string_view s) {
  const Refanged r = RefangEmail(s);
  return r.changed ? r.text : "(unchanged) " + r.text;
}
std::string Ip(std::string_view s) {
  const Refanged r = RefangIp(s);
  return r.changed ? r.text : "(unchanged) " + r.text;
}

TEST_CASE("refang: [.] becomes a dot", "[converters][extract]") {
  CHECK(Host("evil[.]com") == "evil.com");
  CHECK(Host("a[.]b[.]evil[.]com") == "a.b.evil.com");
}

TEST_CASE("refang: (.) and {.} become a dot", "[converters][extract]") {
  CHECK(Host("evil(.)com") == "evil.com");
  CHECK(Host("evil{.}com") == "evil.com");
}

TEST_CASE("refang: [dot], (dot) and {dot} become a dot in any case", "[converters][extract]") {
  CHECK(Host("evil[dot]com") == "evil.com");
  CHECK(Host("evil(dot)com") == "evil.com");
  CHECK(Host("evil{dot}com") == "evil.com");
  CHECK(Host("evil[DOT]com") == "evil.com");
  CHECK(Host("evil(Dot)com") == "evil.com");
}

TEST_CASE("refang: spaces inside and around a bracket marker between words go",
          "[converters][extract]") {
  CHECK(Host("evil [dot] com") == "evil.com");
  CHECK(Host("evil[ dot ]com") == "evil.com");
  CHECK(Host("evil ( dot ) com") == "evil.com");
  CHECK(Host("evil [.] com") == "evil.com");
  CHECK(Host("evil [.]com") == "evil.com");
  CHECK(Host("evil[.] com") == "evil.com");
}

TEST_CASE("refang: a bare \" dot \" is prose and stays", "[converters][extract]") {
  CHECK(Host("evil dot com") == "(unchanged) evil dot com");
  CHECK(Email("john at evil dot com") == "(unchanged) john at evil dot com");
}

TEST_CASE("refang: hxxp, hXXp and h**p schemes become http", "[converters][extract]") {
  CHECK(Url("hxxp://evil.com") == "http://evil.com");
  CHECK(Url("hXXp://evil.com") == "http://evil.com");
  CHECK(Url("h**p://evil.com") == "http://evil.com");
  CHECK(Url("hxxps://evil.com") == "https://evil.com");
  CHECK(Url("HXXPS://evil.com") == "https://evil.com");
}

TEST_CASE("refang: fxp becomes ftp", "[converters][extract]") {
  CHECK(Url("fxp://files.evil.com/a") == "ftp://files.evil.com/a");
}

TEST_CASE("refang: [:] and [://] restore the scheme separator", "[converters][extract]") {
  CHECK(Url("hxxps[:]//evil[.]com") == "https://evil.com");
  CHECK(Url("hxxp[://]evil[.]com") == "http://evil.com");
  CHECK(Url("http(://)evil.com") == "http://evil.com");
  CHECK(Url("hxxp[ :// ]evil[.]com") == "http://evil.com");
  CHECK(Url("hxxp [://] evil [.] com") == "http://evil.com");
}

TEST_CASE("refang: \"://\" with spaces is joined only in a bracket form", "[converters][extract]") {
  CHECK(Url("http :// evil.com") == "(unchanged) http :// evil.com");
}

TEST_CASE("refang: http itself and words starting like a scheme are not markers",
          "[converters][extract]") {
  CHECK(Url("http://evil.com") == "(unchanged) http://evil.com");
  CHECK(Url("hxxpd and ahxxp://x") == "(unchanged) hxxpd and ahxxp://x");
  CHECK(Url("fxp is a protocol") == "(unchanged) fxp is a protocol");
}

TEST_CASE("refang: [@], (@), [at] and (at) become @ in emails", "[converters][extract]") {
  CHECK(Email("john[@]evil.com") == "john@evil.com");
  CHECK(Email("john(@)evil.com") == "john@evil.com");
  CHECK(Email("john[at]evil.com") == "john@evil.com");
  CHECK(Email("john(at)evil.com") == "john@evil.com");
  CHECK(Email("john [AT] evil [DOT] com") == "john@evil.com");
}

TEST_CASE("refang: [.] inside an email's local part becomes a dot", "[converters][extract]") {
  CHECK(Email("john[.]doe[@]evil[.]com") == "john.doe@evil.com");
}

TEST_CASE("refang: each type replaces only the markers it allows", "[converters][extract]") {
  CHECK(Host("john[@]evil[.]com") == "john[@]evil.com");
  CHECK(Host("hxxp[:]//evil.com") == "(unchanged) hxxp[:]//evil.com");
  CHECK(Email("hxxp[:]//evil.com") == "(unchanged) hxxp[:]//evil.com");
  CHECK(Ip("john[at]198[.]51[.]100[.]3") == "john[at]198.51.100.3");
}

TEST_CASE("refang: IPv6 colons in brackets and brackets around IPv6", "[converters][extract]") {
  CHECK(Ip("2001:db8[:]:1") == "2001:db8::1");
  CHECK(Ip("2001[:]db8[:][:]1") == "2001:db8::1");
  CHECK(Ip("[2001:db8::1]") == "2001:db8::1");
  CHECK(Ip("198[.]51[.]100[.]3") == "198.51.100.3");
  CHECK(Ip("[198.51.100.3]") == "(unchanged) [198.51.100.3]");
}

TEST_CASE("refang: prose in brackets is not a marker", "[converters][extract]") {
  CHECK(Host("I had ham (and eggs). Then") == "(unchanged) I had ham (and eggs). Then");
  CHECK(Url("see [1] and (at least) {x}") == "(unchanged) see [1] and (at least) {x}");
}

TEST_CASE("refang: a marker with nothing word-like on its left is left alone",
          "[converters][extract]") {
  CHECK(Host("[.]com") == "(unchanged) [.]com");
  CHECK(Host("Press [.] then") == "Press.then");  // between two words: joined
  CHECK(Host("the end [.]") == "(unchanged) the end [.]");
  CHECK(Host("a, [.] b") == "(unchanged) a, [.] b");
  CHECK(Host("evil[.][.]com") == "evil.[.]com");
}

TEST_CASE("refang: markers carry their span, absorbed spaces included", "[converters][extract]") {
  std::vector<DefangMarker> markers;
  FindDefangMarkers("hxxps[:]//evil [dot] com", kDefangAll, &markers);
  REQUIRE(markers.size() == 3);
  CHECK(markers[0].begin == 0);
  CHECK(markers[0].end == 5);
  CHECK(markers[0].replacement == "https");
  CHECK(markers[0].kind == kDefangScheme);
  CHECK(markers[1].begin == 5);
  CHECK(markers[1].end == 8);
  CHECK(markers[1].kind == kDefangColon);
  CHECK(markers[2].begin == 14);
  CHECK(markers[2].end == 21);
  CHECK(markers[2].replacement == ".");
  CHECK(markers[2].kind == kDefangDot);
  CHECK(ApplyDefangMarkers("hxxps[:]//evil [dot] com", markers) == "https://evil.com");
}

TEST_CASE("refang: text without markers comes back unchanged", "[converters][extract]") {
  CHECK(Url("") == "(unchanged) ");
  CHECK(Url("nothing to see here.") == "(unchanged) nothing to see here.");
}

}  // namespace
}  // namespace stixkit::convert
