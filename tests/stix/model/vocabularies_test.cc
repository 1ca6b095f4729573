#include "stix/model/vocabularies.h"

#include <algorithm>
#include <catch2/catch.hpp>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "rapidjson/document.h"
#include "stix/base/embedded_files.h"
#include "tests/support/paths.h"

namespace stixkit::stix {
namespace {

// The 32 vocabulary and enumeration names of STIX 2.1 Errata 01 §10.
const std::vector<std::string> kSpecVocabularies = {
    "account-type-ov",
    "attack-motivation-ov",
    "attack-resource-level-ov",
    "encryption-algorithm-enum",
    "extension-type-enum",
    "grouping-context-ov",
    "hash-algorithm-ov",
    "identity-class-ov",
    "implementation-language-ov",
    "indicator-type-ov",
    "industry-sector-ov",
    "infrastructure-type-ov",
    "malware-capabilities-ov",
    "malware-result-ov",
    "malware-type-ov",
    "network-socket-address-family-enum",
    "network-socket-type-enum",
    "opinion-enum",
    "pattern-type-ov",
    "processor-architecture-ov",
    "region-ov",
    "report-type-ov",
    "threat-actor-type-ov",
    "threat-actor-role-ov",
    "threat-actor-sophistication-ov",
    "tool-type-ov",
    "windows-integrity-level-enum",
    "windows-pebinary-type-ov",
    "windows-registry-datatype-enum",
    "windows-service-start-type-enum",
    "windows-service-type-enum",
    "windows-service-status-enum",
};

const std::vector<std::string> kRegistries = {
    "http-request-headers",
    "iana-charsets",
    "iana-media-types",
    "iana-service-names",
    "ipfix-information-elements",
    "iso-3166-1-alpha-2",
    "iso-639-2",
    "pdf-doc-info-keys",
    "rfc5646-language-codes",
    "socket-options",
    "windows-registry-hives",
};

bool IsNameChar(char c) { return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-'; }

// Every "<name>-ov" / "<name>-enum" token in the text; a name starts with a letter.
std::set<std::string> VocabularyNamesIn(std::string_view text) {
  std::set<std::string> names;
  for (const std::string_view suffix : {std::string_view("-ov"), std::string_view("-enum")}) {
    for (size_t at = text.find(suffix); at != std::string_view::npos;
         at = text.find(suffix, at + 1)) {
      const size_t end = at + suffix.size();
      if (end < text.size() && IsNameChar(text[end])) continue;
      size_t begin = at;
      while (begin > 0 && IsNameChar(text[begin - 1])) --begin;
      while (begin < at && !(text[begin] >= 'a' && text[begin] <= 'z')) ++begin;
      if (begin == at) continue;  // the bare "-ov" of the §10 introduction
      names.emplace(text.substr(begin, end - begin));
    }
  }
  return names;
}

TEST_CASE("vocabularies: every spec vocabulary and every registry loads with values", "[stix]") {
  const std::vector<std::string> names = VocabularyNames();
  CHECK(std::is_sorted(names.begin(), names.end()));
  CHECK(names.size() == kSpecVocabularies.size() + kRegistries.size());
  for (const std::vector<std::string>* group : {&kSpecVocabularies, &kRegistries}) {
    for (const std::string& name : *group) {
      INFO(name);
      const absl::flat_hash_set<std::string>* values = FindVocabulary(name);
      REQUIRE(values != nullptr);
      CHECK_FALSE(values->empty());
      CHECK(VocabularyValues(name).size() == values->size());
    }
  }
}

TEST_CASE("vocabularies: each embedded registries/*.txt file is a list of that name", "[stix]") {
  int registry_files = 0;
  for (const EmbeddedFile& file : AllEmbeddedFiles()) {
    std::string_view path = file.path;
    if (!path.starts_with("stix/data/registries/")) continue;
    ++registry_files;
    std::string_view name = path.substr(std::string_view("stix/data/registries/").size());
    REQUIRE(name.ends_with(".txt"));
    name.remove_suffix(4);
    INFO(path);
    CHECK(FindVocabulary(name) != nullptr);
  }
  CHECK(registry_files == static_cast<int>(kRegistries.size()));
}

TEST_CASE("vocabularies: known values are present with the errata 01 additions", "[stix]") {
  CHECK(InVocabulary("industry-sector-ov", "healthcare"));
  CHECK(InVocabulary("industry-sector-ov", "legal"));
  CHECK(InVocabulary("report-type-ov", "incident"));
  CHECK(InVocabulary("implementation-language-ov", "rust"));
  CHECK(InVocabulary("threat-actor-type-ov", "private-sector"));
  CHECK(InVocabulary("attack-resource-level-ov", "individual"));
  CHECK(InVocabulary("infrastructure-type-ov", "workstation"));
  CHECK(InVocabulary("hash-algorithm-ov", "SHA-256"));
  CHECK(InVocabulary("network-socket-type-enum", "SOCK_DGRAM"));
  CHECK(InVocabulary("iso-3166-1-alpha-2", "US"));
  CHECK(InVocabulary("iana-media-types", "text/html"));
  CHECK(InVocabulary("rfc5646-language-codes", "en"));
  CHECK(InVocabulary("iso-639-2", "eng"));
  CHECK(InVocabulary("iana-charsets", "UTF-8"));
  CHECK(InVocabulary("iana-service-names", "http"));
  CHECK(InVocabulary("windows-registry-hives", "HKEY_LOCAL_MACHINE"));
}

TEST_CASE("vocabularies: lookups are exact and case-sensitive", "[stix]") {
  CHECK_FALSE(InVocabulary("industry-sector-ov", "Healthcare"));
  CHECK_FALSE(InVocabulary("hash-algorithm-ov", "sha-256"));
  // Check 277 upper-cases location.country before the lookup; the list itself is upper case.
  CHECK_FALSE(InVocabulary("iso-3166-1-alpha-2", "us"));
  CHECK_FALSE(InVocabulary("iana-charsets", "utf-8"));
  // Unregistered media types stay out, as in the reference validator.
  CHECK_FALSE(InVocabulary("iana-media-types", "application/x-msdownload"));
}

TEST_CASE("vocabularies: an unknown name gives nullptr and no values", "[stix]") {
  CHECK(FindVocabulary("no-such-ov") == nullptr);
  CHECK(FindVocabulary("") == nullptr);
  CHECK(FindVocabulary("industry-sector") == nullptr);
  CHECK_FALSE(InVocabulary("no-such-ov", "healthcare"));
  CHECK(VocabularyValues("no-such-ov").empty());
}

TEST_CASE("vocabularies: values keep spec order", "[stix]") {
  const std::vector<std::string> opinions = {"strongly-disagree", "disagree", "neutral", "agree",
                                             "strongly-agree"};
  CHECK(VocabularyValues("opinion-enum") == opinions);
  CHECK(VocabularyValues("windows-pebinary-type-ov") ==
        std::vector<std::string>{"dll", "exe", "sys"});
  const std::vector<std::string> sectors = VocabularyValues("industry-sector-ov");
  REQUIRE(sectors.size() == 35);
  CHECK(sectors.front() == "agriculture");
  CHECK(sectors[13] == "emergency-services");  // sub-sector listed under "government"
  CHECK(sectors.back() == "utilities");
}

// Values from the recorded reference verdicts (../shared/conformance/validator-cases-v21.jsonl,
// tests named in the comments): the lists must accept and reject exactly these.
TEST_CASE("vocabularies: registries give the reference verdicts of the conformance cases",
          "[stix]") {
  struct Case {
    const char* list;
    const char* value;
    bool accepted;
  };
  const Case cases[] = {
      {"iana-media-types", "application/zip", true},  // test_observable_object_reserved_property
      {"iana-media-types", "image/jpeg", true},
      {"iana-media-types", "text/plain", true},
      {"iana-media-types", "bla", false},         // test_file_mime_type {271}
      {"iana-media-types", "bla/blabla", false},  // test_artifact_mime_type (MUST)
      {"iana-charsets", "US-ASCII", true},
      {"iana-charsets", "ISO-8859-2", true},
      {"iana-charsets", "bla.bla.bla", false},  // test_{directory,file}_character_set
      {"iana-service-names", "https", true},
      {"iana-service-names", "ipv4", true},
      {"iana-service-names", "tcp", true},
      {"iana-service-names", "foo_bar", false},  // test_network_traffic_protocols {272}
      {"ipfix-information-elements", "minimumIpTotalLength", true},
      {"ipfix-information-elements", "maximumIpTotalLength", true},
      {"ipfix-information-elements", "Foo", false},  // test_network_traffic_ipfix {273}
      {"http-request-headers", "Accept-Encoding", true},
      {"http-request-headers", "Host", true},
      {"http-request-headers", "x-foobar", false},  // test_network_traffic_http_request_header
      {"socket-options", "SO_TEST", false},         // test_network_traffic_socket_options {275}
      {"socket-options", "IP_TEST", false},
      {"socket-options", "MCAST_TEST", false},
      {"pdf-doc-info-keys", "Title", true},
      {"pdf-doc-info-keys", "foo", false},  // test_pdf_doc_info {276}
      {"iso-3166-1-alpha-2", "TH", true},   // "th", upper-cased by check 277
      {"iso-3166-1-alpha-2", "XX", false},  // test_vocab_country
      {"rfc5646-language-codes", "en", true},
      {"rfc5646-language-codes", "es", true},    // language-content contents key
      {"rfc5646-language-codes", "foo", false},  // test_invalid_lang
      {"rfc5646-language-codes", "bbb", false},  // test_software_language
      {"iso-639-2", "bbb", false},
      {"iso-639-2", "eng", true},
  };
  for (const Case& c : cases) {
    INFO(c.list << ": " << c.value);
    CHECK(InVocabulary(c.list, c.value) == c.accepted);
  }
}

TEST_CASE("vocabularies: names and values match the STIX 2.1 spec text", "[stix]") {
  const std::optional<std::string> shared = testing::SharedDir();
  if (!shared) {
    WARN("skipped: ../shared is absent, so the spec text cannot be cross-checked");
    return;
  }
  const std::string spec = testing::ReadTestFile(*shared + "/docs/spec/stix-v2.1.md");
  const std::set<std::string> mentioned = VocabularyNamesIn(spec);
  CHECK(mentioned.size() == kSpecVocabularies.size());
  for (const std::string& name : mentioned) {
    INFO("named in the spec: " << name);
    CHECK(FindVocabulary(name) != nullptr);
  }
  for (const std::string& name : VocabularyNames()) {
    if (!name.ends_with("-ov") && !name.ends_with("-enum")) continue;
    INFO("in vocabularies.json: " << name);
    CHECK(mentioned.count(name) == 1);
    for (const std::string& value : VocabularyValues(name)) {
      INFO("value " << value);
      CHECK(spec.find("class=\"stixliteral\">" + value + "<") != std::string::npos);
    }
  }
}

TEST_CASE("vocabularies: tlp.json holds the TLP 1.0 and TLP 2.0 marking definitions", "[stix]") {
  const std::optional<std::string_view> text = FindEmbeddedFile("stix/data/tlp.json");
  REQUIRE(text.has_value());
  rapidjson::Document doc;
  doc.Parse(text->data(), text->size());
  REQUIRE_FALSE(doc.HasParseError());
  const rapidjson::Value& tlp1 = doc["tlp-1.0"]["marking_definitions"];
  const rapidjson::Value& tlp2 = doc["tlp-2.0"]["marking_definitions"];
  REQUIRE(tlp1.Size() == 4);
  REQUIRE(tlp2.Size() == 5);
  CHECK(std::string(tlp1[0]["id"].GetString()) ==
        "marking-definition--613f2e26-407d-48c7-9eca-b8e91df99dc9");
  CHECK(std::string(tlp1[0]["definition"]["tlp"].GetString()) == "white");
  CHECK(std::string(tlp2[3]["id"].GetString()) ==
        "marking-definition--939a9414-2ddd-4d32-a0cd-375ea402b003");
  CHECK(std::string(tlp2[3]["name"].GetString()) == "TLP:AMBER+STRICT");
  const rapidjson::Value& extension =
      tlp2[3]["extensions"]["extension-definition--60a3c5c5-0d10-413e-aab3-9e08dde9e88d"];
  CHECK(std::string(extension["tlp_2_0"].GetString()) == "amber+strict");
  CHECK(std::string(doc["tlp-2.0"]["extension_definition"]["id"].GetString()) ==
        "extension-definition--60a3c5c5-0d10-413e-aab3-9e08dde9e88d");
}

}  // namespace
}  // namespace stixkit::stix
