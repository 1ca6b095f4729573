#include <catch2/catch.hpp>

#include "converters/build/observable.h"

namespace stixkit::convert {
namespace {

Ioc Make(IocType type, std::string value, std::string file_name = "") {
  Ioc i;
  i.type = type;
  i.value = std::move(value);
  i.file_name = std::move(file_name);
  return i;
}

TEST_CASE("observable: an IPv4 address gives the spec's UUIDv5 id and a value pattern",
          "[converters][build]") {
  auto o = MakeObservable(Make(IocType::kIpv4, "198.51.100.3"));
  REQUIRE(o.ok());
  CHECK(o->pattern == "[ipv4-addr:value = '198.51.100.3']");
  // STIX 2.1 facts §4.4 test vector.
  CHECK(o->sco_id == "ipv4-addr--28bb3599-77cd-5a82-a950-b5bc3caf07c4");
  CHECK(o->sco_json ==
        R"({"type":"ipv4-addr","spec_version":"2.1","id":"ipv4-addr--28bb3599-77cd-5a82-a950-b5bc3caf07c4","value":"198.51.100.3"})");
}

TEST_CASE("observable: a hash given with a file name is one observation", "[converters][build]") {
  const std::string sha = std::string(64, 'a');
  auto o = MakeObservable(Make(IocType::kSha256, sha, "invoice.js"));
  REQUIRE(o.ok());
  CHECK(o->pattern ==
        "[file:hashes.'SHA-256' = '" + sha + "' AND file:name = 'invoice.js']");
  CHECK(o->sco_json.find(R"("name":"invoice.js","hashes":{"SHA-256":")") != std::string::npos);
}

TEST_CASE("observable: registry keys are quoted with escaped backslashes", "[converters][build]") {
  auto o = MakeObservable(Make(IocType::kRegistryKey,
                               "HKEY_LOCAL_MACHINE\\Software\\Microsoft\\Windows\\Run"));
  REQUIRE(o.ok());
  CHECK(o->pattern ==
        "[windows-registry-key:key = "
        "'HKEY_LOCAL_MACHINE\\\\Software\\\\Microsoft\\\\Windows\\\\Run']");
}

TEST_CASE("observable: an ASN compares a number, an MD5 the MD5 hash", "[converters][build]") {
  auto asn = MakeObservable(Make(IocType::kAsn, "64500"));
  REQUIRE(asn.ok());
  CHECK(asn->pattern == "[autonomous-system:number = 64500]");
  auto md5 = MakeObservable(Make(IocType::kMd5, std::string(32, 'b')));
  REQUIRE(md5.ok());
  CHECK(md5->pattern == "[file:hashes.MD5 = '" + std::string(32, 'b') + "']");
}

TEST_CASE("observable: a CVE is not an observable", "[converters][build]") {
  auto o = MakeObservable(Make(IocType::kCve, "CVE-2024-3400"));
  REQUIRE_FALSE(o.ok());
  CHECK(o.status().message() == "cve 'CVE-2024-3400' is not an observable");
}

}  // namespace
}  // namespace stixkit::convert
