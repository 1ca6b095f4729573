#include "stix/model/sco_id.h"

#include <catch2/catch.hpp>

namespace stixkit::stix {
namespace {

std::string IdOf(const char* json) {
  rapidjson::Document doc;
  doc.Parse(json);
  REQUIRE_FALSE(doc.HasParseError());
  auto id = ScoId(doc, [](uint8_t*, size_t) { FAIL("a UUIDv5 was expected"); });
  REQUIRE(id.ok());
  return *id;
}

// The vectors of ../shared/docs/stix21-facts.md §4.4 (spec §2.9 examples and
// python-stix2's deterministic-id tests).
TEST_CASE("sco id: the spec's example SCOs get their published ids", "[stix]") {
  CHECK(IdOf(R"({"type":"ipv4-addr","value":"198.51.100.3"})") ==
        "ipv4-addr--28bb3599-77cd-5a82-a950-b5bc3caf07c4");
  CHECK(IdOf(R"({"type":"domain-name","value":"example.com"})") ==
        "domain-name--bedb4899-d24b-5401-bc86-8f6b4cc18ec7");
  CHECK(IdOf(R"({"type":"url","value":"https://example.com/research/index.html"})") ==
        "url--47c3cf9a-5027-5bf0-997a-017c7edc7c55");
  CHECK(IdOf(R"({"type":"email-addr","value":"john@example.com"})") ==
        "email-addr--7165e2a9-671f-585d-b1e1-ca59c671d934");
  CHECK(IdOf(R"({"type":"ipv6-addr","value":"2001:0db8:85a3:0000:0000:8a2e:0370:7334"})") ==
        "ipv6-addr--85a85a8c-ee99-5722-946d-3c3a3270fc6f");
  CHECK(IdOf(R"({"type":"mac-addr","value":"d2:fb:49:24:37:18"})") ==
        "mac-addr--757b1725-9903-54f5-a855-1240691d7659");
  CHECK(IdOf(R"({"type":"autonomous-system","number":15139})") ==
        "autonomous-system--3aa27478-50b5-5ab8-9da9-cdc12b657fff");
  CHECK(IdOf(R"({"type":"file","hashes":{"MD5":"3773a88f65a5e780c8dff9cdc3a056f3"}})") ==
        "file--58b737df-921c-51f4-a2ec-a0f68ea8b3d3");
}

TEST_CASE("sco id: nested extensions are canonicalised recursively", "[stix]") {
  CHECK(IdOf(R"({"type":"file","name":"example.exe","size":68000,
    "magic_number_hex":"50000000",
    "hashes":{"SHA-256":"841a8921140aba50671ebb0770fecc4ee308c4952cfeff8de154ab14eeef4649"},
    "extensions":{"windows-pebinary-ext":{"pe_type":"exe","machine_hex":"014c",
      "sections":[{"name":".data","size":4096,"entropy":7.980693,
        "hashes":{"SHA-256":"6e3b6f3978e5cd96ba7abee35c24e867b7e64072e2ecb22d0ee7a6e6af6894d0"}}]}}})") ==
        "file--ced31cd4-bdcb-537d-aefa-92d291bfc11d");
}

TEST_CASE("sco id: list values keep their order", "[stix]") {
  CHECK(IdOf(R"({"type":"windows-registry-key","values":[{"name":"Foo","data":"qwerty"},
    {"name":"Bar","data":"42"}]})") ==
        "windows-registry-key--36594eba-bcc7-5014-9835-0e154264e588");
}

TEST_CASE("sco id: only the preferred hash contributes", "[stix]") {
  CHECK(IdOf(R"({"type":"file","hashes":{"SHA-256":"aa","MD5":"3773a88f65a5e780c8dff9cdc3a056f3"}})") ==
        "file--58b737df-921c-51f4-a2ec-a0f68ea8b3d3");
}

TEST_CASE("sco id: a process always gets a UUIDv4", "[stix]") {
  rapidjson::Document doc;
  doc.Parse(R"({"type":"process","pid":4})");
  auto id = ScoId(doc, [](uint8_t* out, size_t n) {
    for (size_t i = 0; i < n; ++i) out[i] = 0;
  });
  REQUIRE(id.ok());
  CHECK(*id == "process--00000000-0000-4000-8000-000000000000");
}

TEST_CASE("sco id: a non-SCO type is refused with its name", "[stix]") {
  rapidjson::Document doc;
  doc.Parse(R"({"type":"indicator"})");
  auto id = ScoId(doc, [](uint8_t*, size_t) {});
  REQUIRE_FALSE(id.ok());
  CHECK(id.status().message() == "'indicator' is not a STIX 2.1 Cyber-observable Object type");
}

}  // namespace
}  // namespace stixkit::stix
