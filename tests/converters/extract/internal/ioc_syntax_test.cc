#include "converters/extract/internal/ioc_syntax.h"

#include "catch2/catch.hpp"

namespace stixkit::convert::internal {
namespace {

TEST_CASE("ioc syntax: the extensions that are also TLDs are the documented ones",
          "[converters][extract]") {
  // ioc_extractor.h lists these for users; a new TLD or extension must update it.
  CHECK(FileExtensionsThatAreTlds() == std::vector<std::string_view>{"cab", "md", "mov", "one",
                                                                     "pl", "ps", "pub", "py", "rs",
                                                                     "sh", "so", "zip"});
}

TEST_CASE("ioc syntax: dotted words are domains, file names or nothing by the rules",
          "[converters][extract]") {
  CHECK(ClassifyDotted("evil.com", false) == DottedKind::kDomain);
  CHECK(ClassifyDotted("README.md", false) == DottedKind::kFileName);
  CHECK(ClassifyDotted("README.md", true) == DottedKind::kDomain);
  CHECK(ClassifyDotted("docs.readme.md", false) == DottedKind::kDomain);
  CHECK(ClassifyDotted("invoice.pdf.zip", false) == DottedKind::kFileName);
  CHECK(ClassifyDotted("index.html", false) == DottedKind::kFileName);
  CHECK(ClassifyDotted("Node.js", false) == DottedKind::kNone);
  CHECK(ClassifyDotted("end.It", false) == DottedKind::kNone);
  CHECK(ClassifyDotted("Evil.It", false) == DottedKind::kDomain);
  CHECK(ClassifyDotted("a..exe", false) == DottedKind::kNone);
  CHECK(ClassifyDotted("e.g", false) == DottedKind::kNone);
  CHECK(ClassifyDotted("evil-.com", false) == DottedKind::kNone);
}

TEST_CASE("ioc syntax: IPv6 needs two groups and is printed per RFC 5952",
          "[converters][extract]") {
  CHECK(ParseIpv6("2001:DB8:0:0:1:0:0:1") == "2001:db8::1:0:0:1");
  CHECK(ParseIpv6("2001:db8:0:1:1:1:1:1") == "2001:db8:0:1:1:1:1:1");
  CHECK(ParseIpv6("::1") == "::1");
  CHECK_FALSE(ParseIpv6("::"));
  CHECK_FALSE(ParseIpv6("a::"));
  CHECK_FALSE(ParseIpv6("10:30:00"));
  CHECK_FALSE(ParseIpv6("1:2:3:4:5:6:7:8:9"));
}

TEST_CASE("ioc syntax: IPv4 parts are decimal and at most 255", "[converters][extract]") {
  CHECK(ParseIpv4("010.001.0.255") == "10.1.0.255");
  CHECK_FALSE(ParseIpv4("1.2.3.256"));
  CHECK_FALSE(ParseIpv4("1.2.3.4."));
  CHECK_FALSE(ParseIpv4("1.2.3.0004"));
  CHECK_FALSE(ParseIpv4("1..3.4"));
}

TEST_CASE("ioc syntax: host names need valid labels and a known TLD", "[converters][extract]") {
  CHECK(IsValidHostname("a-b.example.com"));
  CHECK(IsValidHostname("_dmarc.example.com"));
  CHECK_FALSE(IsValidHostname("example.c_m"));
  CHECK_FALSE(IsValidHostname("-a.com"));
  CHECK_FALSE(IsValidHostname(std::string(64, 'a') + ".com"));
  CHECK_FALSE(IsValidHostname("com"));
}

TEST_CASE("ioc syntax: emails need a plain local part", "[converters][extract]") {
  CHECK(IsValidEmail("a.b+tag@evil.com"));
  CHECK_FALSE(IsValidEmail(".a@evil.com"));
  CHECK_FALSE(IsValidEmail("a..b@evil.com"));
  CHECK_FALSE(IsValidEmail(std::string(65, 'a') + "@evil.com"));
}

TEST_CASE("ioc syntax: MACs, CVEs and hives normalise", "[converters][extract]") {
  CHECK(ParseMac("AA-BB-CC-DD-EE-FF") == "aa:bb:cc:dd:ee:ff");
  CHECK(ParseMac("aabb.ccdd.eeff") == "aa:bb:cc:dd:ee:ff");
  CHECK_FALSE(ParseMac("aa:bb-cc:dd:ee:ff"));
  CHECK(ParseCve("cve-2024-1234567") == "CVE-2024-1234567");
  CHECK_FALSE(ParseCve("CVE-1998-1234"));
  CHECK(ExpandRegistryHive("hklm") == "HKEY_LOCAL_MACHINE");
  CHECK(ExpandRegistryHive("HKEY_PERFORMANCE_DATA") == "HKEY_PERFORMANCE_DATA");
  CHECK_FALSE(ExpandRegistryHive("HKEY_NOPE"));
}

}  // namespace
}  // namespace stixkit::convert::internal
