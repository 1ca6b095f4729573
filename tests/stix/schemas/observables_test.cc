// Tests of the bundled SCO schemas: stix/schemas/observables/*.json and
// stix/schemas/common/cyber-observable-core.json (draft-04, RapidJSON 1.1.0), through the
// schema store, exactly as the validator compiles them.
#include <catch2/catch.hpp>
#include <cctype>
#include <map>
#include <optional>
#include <set>
#include <sstream>
#include <string>
#include <string_view>
#include <vector>

#include "rapidjson/document.h"
#include "rapidjson/internal/regex.h"
#include "rapidjson/pointer.h"
#include "rapidjson/schema.h"
#include "stix/validate/schema_store.h"
#include "tests/support/paths.h"

namespace stixkit::stix {
namespace {

const char* const kScoTypes[] = {"artifact",
                                 "autonomous-system",
                                 "directory",
                                 "domain-name",
                                 "email-addr",
                                 "email-message",
                                 "file",
                                 "ipv4-addr",
                                 "ipv6-addr",
                                 "mac-addr",
                                 "mutex",
                                 "network-traffic",
                                 "process",
                                 "software",
                                 "url",
                                 "user-account",
                                 "windows-registry-key",
                                 "x509-certificate"};

const SchemaStore& Store() { return SchemaStore::Default(); }

// The schema file as written (before the store's RapidJSON workarounds); fails the test if
// it is not bundled.
const rapidjson::Value& Json(const std::string& file_name) {
  const rapidjson::Value* json = Store().JsonByName(file_name);
  INFO(file_name);
  REQUIRE(json != nullptr);
  return *json;
}

rapidjson::Document ParseJson(std::string_view text) {
  rapidjson::Document doc;
  doc.Parse(text.data(), text.size());
  REQUIRE_FALSE(doc.HasParseError());
  return doc;
}

// Whether `object` is valid for the schema of its type (cyber-observable-core.json for a
// type without one of its own).
bool ValidSco(const rapidjson::Value& object) {
  const rapidjson::SchemaDocument* schema = nullptr;
  if (object.IsObject() && object.HasMember("type") && object["type"].IsString()) {
    schema = Store().ForType(object["type"].GetString());
  }
  if (schema == nullptr) schema = Store().ByName("cyber-observable-core.json");
  REQUIRE(schema != nullptr);
  rapidjson::SchemaValidator validator(*schema);
  return object.Accept(validator);
}

bool ValidSco(std::string_view json) { return ValidSco(ParseJson(json)); }

std::vector<std::string> OwnedSchemaNames() {
  std::vector<std::string> names = {"cyber-observable-core.json"};
  for (const char* type : kScoTypes) names.push_back(std::string(type) + ".json");
  return names;
}

// Calls `visit(value, json_pointer)` on every object and array inside `value`.
template <typename Visit>
void Walk(const rapidjson::Value& value, const std::string& where, const Visit& visit) {
  visit(value, where);
  if (value.IsObject()) {
    for (const auto& m : value.GetObject()) {
      Walk(m.value, where + "/" + m.name.GetString(), visit);
    }
  } else if (value.IsArray()) {
    for (rapidjson::SizeType i = 0; i < value.Size(); ++i) {
      Walk(value[i], where + "/" + std::to_string(i), visit);
    }
  }
}

TEST_CASE("observable schemas: every file is bundled as a draft-04 SCO schema", "[stix][schema]") {
  for (const std::string& name : OwnedSchemaNames()) {
    CAPTURE(name);
    const rapidjson::Value& json = Json(name);
    REQUIRE(json.IsObject());
    CHECK(std::string(json["$schema"].GetString()) == "http://json-schema.org/draft-04/schema#");
    CHECK(Store().ByName(name) != nullptr);
  }
  for (const char* type : kScoTypes) {
    CAPTURE(type);
    CHECK(Store().ForType(type) != nullptr);
    CHECK(Store().CategoryOf(type) == ObjectCategory::kSco);
    CHECK(Store().FileNameOf(type) == std::string(type) + ".json");
  }
}

TEST_CASE("observable schemas: every $ref points at an existing schema", "[stix][schema]") {
  // RapidJSON ignores an unresolvable "$ref" and then accepts anything, so check each one.
  for (const std::string& name : OwnedSchemaNames()) {
    Walk(Json(name), "", [&](const rapidjson::Value& v, const std::string& where) {
      if (!v.IsObject() || !v.HasMember("$ref")) return;
      const std::string ref = v["$ref"].GetString();
      CAPTURE(name, where, ref);
      const size_t hash = ref.find('#');
      REQUIRE(hash != std::string::npos);
      const std::string file = hash == 0 ? name : ref.substr(0, hash);
      const rapidjson::Value* target = Store().JsonByName(file);
      REQUIRE(target != nullptr);
      const rapidjson::Pointer pointer(ref.substr(hash + 1).c_str());
      REQUIRE(pointer.IsValid());
      CHECK(pointer.Get(*target) != nullptr);
    });
  }
}

TEST_CASE("observable schemas: every pattern compiles in RapidJSON's regex engine",
          "[stix][schema]") {
  // A pattern RapidJSON cannot compile (\d, \/, ...) is silently dropped from validation.
  int patterns = 0;
  for (const std::string& name : OwnedSchemaNames()) {
    Walk(Json(name), "", [&](const rapidjson::Value& v, const std::string& where) {
      if (!v.IsObject()) return;
      std::vector<std::string> sources;
      if (v.HasMember("pattern") && v["pattern"].IsString()) {
        sources.push_back(v["pattern"].GetString());
      }
      if (v.HasMember("patternProperties") && v["patternProperties"].IsObject()) {
        for (const auto& m : v["patternProperties"].GetObject()) {
          sources.push_back(m.name.GetString());
        }
      }
      for (const std::string& source : sources) {
        CAPTURE(name, where, source);
        const rapidjson::internal::Regex regex(source.c_str());
        CHECK(regex.IsValid());
        ++patterns;
      }
    });
  }
  CHECK(patterns > 15);
}

TEST_CASE("observable schemas: predefined extensions sit under properties.extensions.properties",
          "[stix][schema]") {
  const std::map<std::string, std::set<std::string>> expected = {
      {"file", {"archive-ext", "ntfs-ext", "pdf-ext", "raster-image-ext", "windows-pebinary-ext"}},
      {"network-traffic", {"http-request-ext", "icmp-ext", "socket-ext", "tcp-ext"}},
      {"process", {"windows-process-ext", "windows-service-ext"}},
      {"user-account", {"unix-account-ext"}},
  };
  for (const char* type : kScoTypes) {
    CAPTURE(type);
    std::set<std::string> found;
    if (const rapidjson::Value* exts = rapidjson::Pointer("/properties/extensions/properties")
                                           .Get(Json(std::string(type) + ".json"))) {
      for (const auto& m : exts->GetObject()) found.insert(m.name.GetString());
    }
    const auto want = expected.find(type);
    CHECK(found == (want == expected.end() ? std::set<std::string>{} : want->second));
    std::set<std::string> listed;
    for (const auto& [name, properties] : Store().ExtensionsOf(type)) {
      listed.insert(name);
      CAPTURE(name);
      CHECK_FALSE(properties.empty());
    }
    CHECK(listed == found);
  }
  const auto& file = Store().ExtensionsOf("file");
  CHECK(file.at("ntfs-ext") == absl::flat_hash_set<std::string>{"sid", "alternate_data_streams"});
  CHECK(file.at("archive-ext") == absl::flat_hash_set<std::string>{"contains_refs", "comment"});
  CHECK(file.at("windows-pebinary-ext").contains("optional_header"));
  CHECK(Store().ExtensionsOf("network-traffic").at("tcp-ext") ==
        absl::flat_hash_set<std::string>{"src_flags_hex", "dst_flags_hex"});
  CHECK(Store().ExtensionsOf("user-account").at("unix-account-ext") ==
        absl::flat_hash_set<std::string>{"gid", "groups", "home_dir", "shell"});
}

TEST_CASE("observable schemas: the store lists the common and the specific properties",
          "[stix][schema]") {
  for (const char* type : kScoTypes) {
    CAPTURE(type);
    for (const char* common : {"type", "id", "spec_version", "object_marking_refs",
                               "granular_markings", "defanged", "extensions"}) {
      CAPTURE(common);
      CHECK(Store().HasProperty(type, common));
    }
    CHECK_FALSE(Store().HasProperty(type, "created"));
    CHECK_FALSE(Store().HasProperty(type, "created_by_ref"));
  }
  CHECK(Store().HasProperty("file", "parent_directory_ref"));
  CHECK(Store().HasProperty("network-traffic", "encapsulated_by_ref"));
  CHECK(Store().HasProperty("x509-certificate", "x509_v3_extensions"));
  CHECK_FALSE(Store().HasProperty("file", "x_foo"));
}

TEST_CASE("observable schemas: each type schema fixes its type name and id prefix",
          "[stix][schema]") {
  for (const char* type : kScoTypes) {
    CAPTURE(type);
    const rapidjson::Value& json = Json(std::string(type) + ".json");
    CHECK(std::string(json["properties"]["type"]["enum"][0].GetString()) == type);
    CHECK(std::string(json["properties"]["id"]["pattern"].GetString()) ==
          "^" + std::string(type) + "--");
  }
}

struct Example {
  const char* what;
  const char* json;
};

// Wraps the specific properties of an SCO into a whole object with a fixed v5-shaped id.
std::string Sco(const std::string& type, const std::string& body) {
  return "{\"type\": \"" + type + "\", \"spec_version\": \"2.1\", \"id\": \"" + type +
         "--ff1e0780-358c-5808-a8c7-d0fca4ef6ef4\"" + (body.empty() ? "" : ", " + body) + "}";
}

TEST_CASE("observable schemas: the spec's examples are valid", "[stix][schema]") {
  // STIX 2.1 section 6 examples (payload_bin shortened to valid base64 where the spec
  // writes "...").
  const Example valid[] = {
      {"artifact",
       R"({"type": "artifact", "spec_version": "2.1", "id": "artifact--6be1fbcb-fd03-5ec3-b05f-4329746e9d2b", "mime_type": "application/zip", "payload_bin": "ZX7HIBWPQA99NSUhEUgAAA==", "encryption_algorithm": "mime-type-indicated", "decryption_key": "My voice is my passport"})"},
      {"autonomous-system",
       R"({"type": "autonomous-system", "spec_version": "2.1", "id": "autonomous-system--3aa27478-50b5-5ab8-9da9-cdc12b657fff", "number": 15139, "name": "Slime Industries", "rir": "ARIN"})"},
      {"directory",
       R"({"type": "directory", "spec_version": "2.1", "id": "directory--0a58d0c1-59e6-5afd-8252-dcd3f13e5622", "path": "C:\\Windows\\System32"})"},
      {"domain-name",
       R"({"type": "domain-name", "spec_version": "2.1", "id": "domain-name--bedb4899-d24b-5401-bc86-8f6b4cc18ec7", "value": "example.com", "resolves_to_refs": ["ipv4-addr--28bb3599-77cd-5a82-a950-b5bc3caf07c4"]})"},
      {"email-addr",
       R"({"type": "email-addr", "spec_version": "2.1", "id": "email-addr--7165e2a9-671f-585d-b1e1-ca59c671d934", "value": "john@example.com", "display_name": "John Doe"})"},
      {"email-message multipart",
       R"({"type": "email-message", "spec_version": "2.1", "id": "email-message--d7d69ead-3347-5772-815a-7766dc29c72c", "is_multipart": true, "content_type": "multipart/mixed", "date": "2016-06-19T14:20:40.000Z", "from_ref": "email-addr--6deb37bd-12b7-54ae-805f-5f7146f3d171", "to_refs": ["email-addr--3734e66b-c4e8-5d0b-bca9-befdd5699746"], "subject": "Check out this picture of a cat!", "additional_header_fields": {"Content-Disposition": "inline", "X-Mailer": "Mutt/1.5.23"}, "body_multipart": [{"content_type": "text/plain; charset=utf-8", "content_disposition": "inline", "body": "Cats are funny!"}, {"content_type": "image/png", "content_disposition": "attachment; filename=\"tabby.png\"", "body_raw_ref": "artifact--0682152c-646a-513b-bc07-e516494ed178"}]})"},
      {"file with ntfs-ext",
       R"({"type": "file", "spec_version": "2.1", "id": "file--73c4cd13-7206-5100-88ee-822c42d3f02a", "hashes": {"SHA-256": "35a01331e9ad96f751278b891b6ea09699806faedfa237d40513d92ad1b7100f"}, "extensions": {"ntfs-ext": {"alternate_data_streams": [{"name": "second.stream", "size": 25536}]}}})"},
      {"file with pe binary",
       R"({"type": "file", "spec_version": "2.1", "id": "file--ced31cd4-bdcb-537d-aefa-92d291bfc11d", "name": "example.exe", "size": 68000, "magic_number_hex": "50000000", "hashes": {"SHA-256": "841a8921140aba50671ebb0770fecc4ee308c4952cfeff8de154ab14eeef4649"}, "extensions": {"windows-pebinary-ext": {"pe_type": "exe", "machine_hex": "014c", "number_of_sections": 4, "time_date_stamp": "2016-01-22T12:31:12Z", "pointer_to_symbol_table_hex": "74726144", "number_of_symbols": 4542568, "size_of_optional_header": 224, "characteristics_hex": "818f", "optional_header": {"magic_hex": "010b", "size_of_code": 4096, "address_of_entry_point": 4096, "hashes": {"SHA-256": "6e3b6f3978e5cd96ba7abee35c24e867b7e64072e2ecb22d0ee7a6e6af6894d0"}}, "sections": [{"name": "CODE", "entropy": 0.061089}, {"name": ".data", "size": 4096, "entropy": 7.980693}]}}})"},
      {"file with archive, pdf and raster extensions",
       R"({"type": "file", "id": "file--9a1f834d-2506-5367-baec-7aa63996ac43", "name": "foo.zip", "extensions": {"archive-ext": {"contains_refs": ["file--70221dbf-52fd-5377-9619-c0ce6b3ffc8c"]}, "pdf-ext": {"version": "1.7", "document_info_dict": {"Title": "Sample document", "Author": "Adobe Systems Incorporated"}, "pdfid0": "DFCE52BD827ECF765649852119D", "pdfid1": "57A1E0F9ED2AE523E313C"}, "raster-image-ext": {"image_height": 768, "image_width": 1024, "bits_per_pixel": 72, "exif_tags": {"Make": "Nikon", "XResolution": 4928}}}})"},
      {"ipv4 CIDR",
       R"({"type": "ipv4-addr", "spec_version": "2.1", "id": "ipv4-addr--ff26c055-6336-5bc5-b98d-13d6226742dd", "value": "198.51.100.0/24"})"},
      {"ipv6 CIDR",
       R"({"type": "ipv6-addr", "spec_version": "2.1", "id": "ipv6-addr--1e61d36c-a16c-53b7-a80f-2a00161c96b1", "value": "2001:0db8::/96"})"},
      {"mac",
       R"({"type": "mac-addr", "spec_version": "2.1", "id": "mac-addr--65cfcf98-8a6e-5a1b-8f61-379ac4f92d00", "value": "d2:fb:49:24:37:18"})"},
      {"mutex",
       R"({"type": "mutex", "spec_version": "2.1", "id": "mutex--eba44954-d4e4-5d3b-814c-2b17dd8de300", "name": "__CLEANSWEEP__"})"},
      {"network-traffic with extensions",
       R"({"type": "network-traffic", "spec_version": "2.1", "id": "network-traffic--c95e972a-20a4-5307-b00d-b8393faf02c5", "src_ref": "ipv4-addr--4d22aae0-2bf9-5427-8819-e4f6abf20a53", "dst_ref": "ipv4-addr--ff26c055-6336-5bc5-b98d-13d6226742dd", "src_port": 2487, "dst_port": 1723, "protocols": ["ipv4", "tcp", "http"], "extensions": {"http-request-ext": {"request_method": "get", "request_value": "/download.html", "request_version": "http/1.1", "request_header": {"Accept-Encoding": ["gzip,deflate"], "Host": ["www.example.com"]}}, "tcp-ext": {"src_flags_hex": "00000002"}, "icmp-ext": {"icmp_type_hex": "08", "icmp_code_hex": "00"}, "socket-ext": {"is_listening": true, "address_family": "AF_INET", "socket_type": "SOCK_STREAM", "options": {"SO_TEST": 1000}}}})"},
      {"process with extensions",
       R"({"type": "process", "spec_version": "2.1", "id": "process--f52a906a-0dfc-40bd-92f1-e7778ead38a9", "pid": 1221, "created_time": "2016-01-20T14:11:25.55Z", "command_line": "./gedit-bin --new-window", "environment_variables": {"HOME": "/home/x"}, "image_ref": "file--e04f22d1-be2c-59de-add8-10f61d15fe20", "extensions": {"windows-process-ext": {"aslr_enabled": true, "dep_enabled": true, "priority": "HIGH_PRIORITY_CLASS", "owner_sid": "S-1-5-21-186985262-1144665072-74031268-1309", "integrity_level": "high"}, "windows-service-ext": {"service_name": "sirvizio", "display_name": "Sirvizio", "start_type": "SERVICE_AUTO_START", "service_type": "SERVICE_WIN32_OWN_PROCESS", "service_status": "SERVICE_RUNNING"}}})"},
      {"software",
       R"({"type": "software", "spec_version": "2.1", "id": "software--a1827f6d-ca53-5605-9e93-4316cd22a00a", "name": "Word", "cpe": "cpe:2.3:a:microsoft:word:2000:*:*:*:*:*:*:*", "languages": ["en"], "vendor": "Microsoft", "version": "2002"})"},
      {"url",
       R"({"type": "url", "spec_version": "2.1", "id": "url--c1477287-23ac-5971-a010-5c287877fa60", "value": "https://example.com/research/index.html"})"},
      {"user-account with unix-account-ext", R"({"type": "user-account", "spec_version": "2.1", "id": "user-account--0d5b424b-93b8-5cd8-ac36-306e1789d63c", "user_id": "1001", "account_login": "jdoe", "account_type": "unix", "display_name": "John Doe", "is_service_account": false, "account_created": "2016-01-20T12:31:12Z", "extensions": {"unix-account-ext": {"gid": 1001, "groups": ["wheel"], "home_dir": "/home/jdoe", "shell": "/bin/bash"}}})"},
      {"windows-registry-key",
       R"({"type": "windows-registry-key", "spec_version": "2.1", "id": "windows-registry-key--2ba37ae7-2745-5082-9dfd-9486dad41016", "key": "hkey_local_machine\\system\\bar\\foo", "values": [{"name": "Foo", "data": "qwerty", "data_type": "REG_SZ"}, {"name": "", "data": "42", "data_type": "REG_DWORD"}]})"},
      {"x509-certificate",
       R"({"type": "x509-certificate", "spec_version": "2.1", "id": "x509-certificate--b595eaf0-0b28-5dad-9e8e-0fab9c1facc9", "issuer": "C=ZA, ST=Western Cape, L=Cape Town, O=Thawte Consulting cc", "validity_not_before": "2016-03-12T12:00:00Z", "validity_not_after": "2016-08-21T12:00:00Z", "subject": "C=US, ST=Maryland, L=Pasadena, O=Brent Baccala, OU=FreeSoft, CN=www.freesoft.org/emailAddress=baccala@freesoft.org", "serial_number": "36:f7:d4:32:f4:ab:70:ea:d3:ce:98:6e:ea:99:93:49:32:0a:b7:06", "x509_v3_extensions": {"basic_constraints": "critical,CA:TRUE, pathlen:0", "private_key_usage_period_not_before": "2016-03-12T12:00:00Z"}})"},
      {"custom SCO type",
       R"({"type": "x-example-com-thing", "id": "x-example-com-thing--ff1e0780-358c-5808-a8c7-d0fca4ef6ef4", "x_color": "blue"})"},
  };
  for (const Example& e : valid) {
    CAPTURE(e.what, e.json);
    CHECK(ValidSco(e.json));
  }
}

TEST_CASE("observable schemas: objects breaking a spec MUST are invalid", "[stix][schema]") {
  struct Case {
    const char* what;
    std::string json;
  };
  const std::string adr = R"("name": "s", "size": 1)";
  const Case invalid[] = {
      // Common properties (cyber-observable-core.json).
      {"no id", R"({"type": "mutex", "name": "m"})"},
      {"reserved property", Sco("mutex", R"("name": "m", "severity": "high")")},
      {"reserved type name",
       R"({"type": "action", "id": "action--ff1e0780-358c-5808-a8c7-d0fca4ef6ef4"})"},
      {"id of another type",
       R"({"type": "mutex", "id": "file--ff1e0780-358c-5808-a8c7-d0fca4ef6ef4", "name": "m"})"},
      {"defanged not boolean", Sco("mutex", R"("name": "m", "defanged": "yes")")},
      {"unknown spec_version",
       R"({"type": "mutex", "spec_version": "2.2", "id": "mutex--ff1e0780-358c-5808-a8c7-d0fca4ef6ef4", "name": "m"})"},
      {"empty object_marking_refs", Sco("mutex", R"("name": "m", "object_marking_refs": [])")},
      {"custom property null", Sco("mutex", R"("name": "m", "x_foo": null)")},
      {"custom property name with upper case", Sco("mutex", R"("name": "m", "x_Foo": 1)")},
      {"empty extensions", Sco("mutex", R"("name": "m", "extensions": {})")},
      {"extension key neither -ext nor definition id",
       Sco("mutex", R"("name": "m", "extensions": {"x-foobar": {"a_b": 1}})")},
      {"empty custom extension",
       Sco("mutex", R"("name": "m", "extensions": {"x-foobar-ext": {}})")},
      {"extensions not an object", Sco("mutex", R"("name": "m", "extensions": "x")")},
      // Type-specific rules.
      {"artifact without payload_bin or url", Sco("artifact", R"("mime_type": "text/plain")")},
      {"artifact with payload_bin and url",
       Sco("artifact",
           R"("payload_bin": "AAAA", "url": "http://x.org/a", "hashes": {"MD5": "B4D33B0C7306351B9ED96578465C5579"})")},
      {"artifact url without hashes", Sco("artifact", R"("url": "http://x.org/a")")},
      {"artifact decryption_key without algorithm",
       Sco("artifact", R"("payload_bin": "AAAA", "decryption_key": "k")")},
      {"artifact payload_bin not base64", Sco("artifact", R"("payload_bin": "failing test")")},
      {"artifact unknown encryption_algorithm",
       Sco("artifact", R"("payload_bin": "AAAA", "encryption_algorithm": "rot13")")},
      {"artifact mime_type without registered top type",
       Sco("artifact", R"("payload_bin": "AAAA", "mime_type": "bla/blabla")")},
      {"autonomous-system without number", Sco("autonomous-system", R"("name": "n")")},
      {"autonomous-system number as string", Sco("autonomous-system", R"("number": "15139")")},
      {"directory without path", Sco("directory", "")},
      {"domain-name without value", Sco("domain-name", "")},
      {"email-addr without value", Sco("email-addr", R"("display_name": "d")")},
      {"email-message without is_multipart", Sco("email-message", R"("body": "b")")},
      {"multipart email with body", Sco("email-message", R"("is_multipart": true, "body": "b")")},
      {"non-multipart email with body_multipart",
       Sco("email-message", R"("is_multipart": false, "body_multipart": [{"body": "b"}])")},
      {"MIME part without body or body_raw_ref",
       Sco("email-message",
           R"("is_multipart": true, "body_multipart": [{"content_type": "image/png"}])")},
      {"file without hashes or name", Sco("file", R"("size": 1)")},
      {"file with negative size", Sco("file", R"("name": "f", "size": -1)")},
      {"file magic number not hex", Sco("file", R"("name": "f", "magic_number_hex": "xyz")")},
      {"archive-ext without contains_refs",
       Sco("file", R"("name": "f", "extensions": {"archive-ext": {"comment": "c"}})")},
      {"ntfs-ext without its own properties",
       Sco("file", R"("name": "f", "extensions": {"ntfs-ext": {"x_foo": "bar"}})")},
      {"alternate data stream without name",
       Sco("file",
           R"("name": "f", "extensions": {"ntfs-ext": {"alternate_data_streams": [{"size": 1}]}})")},
      {"pdf-ext without its own properties",
       Sco("file", R"("name": "f", "extensions": {"pdf-ext": {"x_foo": "bar"}})")},
      {"raster-image-ext exif value boolean",
       Sco("file",
           R"("name": "f", "extensions": {"raster-image-ext": {"exif_tags": {"Make": true}}})")},
      {"windows-pebinary-ext with only pe_type",
       Sco("file", R"("name": "f", "extensions": {"windows-pebinary-ext": {"pe_type": "exe"}})")},
      {"windows-pebinary-ext without pe_type",
       Sco("file", R"("name": "f", "extensions": {"windows-pebinary-ext": {"imphash": "x"}})")},
      {"time_date_stamp with fraction",
       Sco("file",
           R"("name": "f", "extensions": {"windows-pebinary-ext": {"pe_type": "exe", "time_date_stamp": "2016-01-22T12:31:12.5Z"}})")},
      {"empty optional header",
       Sco("file",
           R"("name": "f", "extensions": {"windows-pebinary-ext": {"pe_type": "exe", "optional_header": {"x_foo": 1}}})")},
      {"section without name",
       Sco("file",
           R"("name": "f", "extensions": {"windows-pebinary-ext": {"pe_type": "exe", "sections": [{"size": 1}]}})")},
      {"ipv4 octet out of range", Sco("ipv4-addr", R"("value": "256.1.1.1")")},
      {"ipv4 prefix too long", Sco("ipv4-addr", R"("value": "10.0.0.0/33")")},
      {"ipv6 with nine groups", Sco("ipv6-addr", R"("value": "1:2:3:4:5:6:7:8:9")")},
      {"ipv6 with leading s", Sco("ipv6-addr", R"("value": "s::1")")},
      {"ipv6 prefix too long", Sco("ipv6-addr", R"("value": "::1/129")")},
      {"mac upper case", Sco("mac-addr", R"("value": "D2:FB:49:24:37:18")")},
      {"mac without leading zeros", Sco("mac-addr", R"("value": "2:fb:49:24:37:18")")},
      {"mutex without name", Sco("mutex", "")},
      {"network-traffic without protocols",
       Sco("network-traffic", R"("src_ref": "ipv4-addr--4d22aae0-2bf9-5427-8819-e4f6abf20a53")")},
      {"network-traffic without src_ref or dst_ref",
       Sco("network-traffic", R"("protocols": ["tcp"])")},
      {"active network-traffic with end",
       Sco("network-traffic",
           R"("src_ref": "a", "protocols": ["tcp"], "is_active": true, "end": "2016-01-20T12:31:12Z")")},
      {"port out of range",
       Sco("network-traffic", R"("src_ref": "a", "protocols": ["tcp"], "dst_port": 65536)")},
      {"http-request-ext without request_value",
       Sco("network-traffic",
           R"("src_ref": "a", "protocols": ["tcp"], "extensions": {"http-request-ext": {"request_method": "get"}})")},
      {"http header value not a list",
       Sco("network-traffic",
           R"("src_ref": "a", "protocols": ["tcp"], "extensions": {"http-request-ext": {"request_method": "get", "request_value": "/", "request_header": {"Host": "x"}}})")},
      {"icmp-ext without code",
       Sco("network-traffic",
           R"("src_ref": "a", "protocols": ["icmp"], "extensions": {"icmp-ext": {"icmp_type_hex": "08"}})")},
      {"socket-ext unknown address family",
       Sco("network-traffic",
           R"("src_ref": "a", "protocols": ["tcp"], "extensions": {"socket-ext": {"address_family": "AF_FOO"}})")},
      {"socket option not an integer",
       Sco("network-traffic",
           R"("src_ref": "a", "protocols": ["tcp"], "extensions": {"socket-ext": {"address_family": "AF_INET", "options": {"SO_TEST": "1"}}})")},
      {"tcp-ext without flags",
       Sco("network-traffic",
           R"("src_ref": "a", "protocols": ["tcp"], "extensions": {"tcp-ext": {"x_foo": "1"}})")},
      {"process without properties", Sco("process", "")},
      {"windows-process-ext unknown integrity level",
       Sco("process",
           R"("pid": 1, "extensions": {"windows-process-ext": {"integrity_level": "extreme"}})")},
      {"windows-service-ext unknown start type",
       Sco("process",
           R"("pid": 1, "extensions": {"windows-service-ext": {"start_type": "SOMETIMES"}})")},
      {"environment variable not a string", Sco("process", R"("environment_variables": {"N": 1})")},
      {"software without name", Sco("software", R"("vendor": "v")")},
      {"software cpe not CPE 2.3", Sco("software", R"("name": "word", "cpe": "invalid")")},
      {"software cpe with too few components",
       Sco("software", R"("name": "word", "cpe": "cpe:2.3:a:microsoft:word:2000:*:*:*:*:*:*")")},
      {"url without value", Sco("url", "")},
      {"user-account without properties", Sco("user-account", "")},
      {"empty unix-account-ext",
       Sco("user-account", R"("user_id": "1", "extensions": {"unix-account-ext": {"x_foo": 1}})")},
      {"windows-registry-key without properties", Sco("windows-registry-key", "")},
      {"abbreviated hive", Sco("windows-registry-key", R"("key": "HKLM\\system\\bar\\foo")")},
      {"abbreviated hive in mixed case", Sco("windows-registry-key", R"("key": "Hkcu\\Software")")},
      {"hive alone, abbreviated", Sco("windows-registry-key", R"("key": "hku")")},
      {"registry value without properties",
       Sco("windows-registry-key", R"("values": [{"x_foo": "1"}])")},
      {"unknown registry data type",
       Sco("windows-registry-key", R"("values": [{"name": "n", "data_type": "REG_FOO"}])")},
      {"x509-certificate without properties", Sco("x509-certificate", "")},
      {"empty x509 v3 extensions",
       Sco("x509-certificate", R"("x509_v3_extensions": {"x_foo": "1"})")},
  };
  for (const Case& c : invalid) {
    CAPTURE(c.what, c.json);
    CHECK_FALSE(ValidSco(c.json));
  }
}

TEST_CASE("observable schemas: leniencies shared with the reference validator are kept",
          "[stix][schema]") {
  struct Case {
    const char* what;
    std::string json;
  };
  const Case valid[] = {
      {"custom property inside a predefined extension",
       Sco("file", R"("name": "f", "extensions": {"ntfs-ext": {"sid": "s", "x_foo": "bar"}})")},
      {"custom -ext extension",
       Sco("file", R"("name": "f", "extensions": {"foobar-ext": {"foo": "bar"}})")},
      {"extension-definition extension",
       Sco("file",
           R"("name": "f", "extensions": {"extension-definition--d83fce45-ef58-4c6c-a3f4-1fbc32e98c6e": {"extension_type": "property-extension", "rank": 5}})")},
      {"upper-case hex", Sco("file", R"("name": "f", "magic_number_hex": "504B0304")")},
      {"reference that is not a well-formed identifier",
       Sco("network-traffic",
           R"("src_ref": "ipv4-addr--e42c19c8-f9fe-5ae9-9fc8-22c398f78fb", "protocols": ["ipv4"])")},
      {"open-vocabulary pe_type outside the vocabulary",
       Sco("file",
           R"("name": "f", "extensions": {"windows-pebinary-ext": {"pe_type": "elf", "machine_hex": "014c"}})")},
      {"spec_version 2.0",
       R"({"type": "mutex", "spec_version": "2.0", "id": "mutex--ff1e0780-358c-5808-a8c7-d0fca4ef6ef4", "name": "m"})"},
      {"full hive name in lower case",
       Sco("windows-registry-key", R"("key": "hkey_local_machine\\system")")},
      {"key mentioning an abbreviation after the hive",
       Sco("windows-registry-key", R"("key": "HKEY_CURRENT_USER\\Software\\HKCU")")},
      {"header field as a plain string",
       Sco("email-message",
           R"("is_multipart": false, "additional_header_fields": {"X-Mailer": "Mutt"})")},
      {"ipv6 with an embedded ipv4", Sco("ipv6-addr", R"("value": "::ffff:192.0.2.128")")},
      {"ipv6 with a zone", Sco("ipv6-addr", R"("value": "fe80::1%eth0")")},
      {"ipv4 without prefix", Sco("ipv4-addr", R"("value": "192.168.0.1")")},
  };
  for (const Case& c : valid) {
    CAPTURE(c.what, c.json);
    CHECK(ValidSco(c.json));
  }
}

// --- Replay of the reference validator's recorded verdicts ------------------------------

// Reference messages that come from checks done in C++ (MUST checks, formats,
// --strict-properties), not from the reference's JSON schemas.
bool IsCheckedInCpp(const std::string& message) {
  static const char* const kMarkers[] = {
      "is not a valid timestamp",
      "must be later than or equal to",
      "must be an IANA registered character set",
      "is not a 'email'",
      "is not a 'uri'",
      "is not one of those defined in the specification",
      "must use UUIDv4",
      "If no Contributing Properties are present",
      "invalid language code",
  };
  for (const char* marker : kMarkers) {
    if (message.find(marker) != std::string::npos) return true;
  }
  return false;
}

// Whether `rest` (a message after its "<id>: " prefix) starts with a check code "{NNN}".
bool HasCheckCode(std::string_view rest) {
  return rest.size() >= 5 && rest[0] == '{' && rest[4] == '}' &&
         std::isdigit(static_cast<unsigned char>(rest[1])) &&
         std::isdigit(static_cast<unsigned char>(rest[2])) &&
         std::isdigit(static_cast<unsigned char>(rest[3]));
}

bool IsScoType(const rapidjson::Value& v) {
  if (!v.IsObject() || !v.HasMember("type") || !v["type"].IsString()) return false;
  for (const char* type : kScoTypes) {
    if (v["type"].GetString() == std::string(type)) return true;
  }
  return false;
}

// The SCOs of one recorded instance: the instance itself, bundle members, list items and
// the values of an observed-data "objects" dictionary.
void CollectScos(const rapidjson::Value& v, std::vector<const rapidjson::Value*>* out) {
  if (v.IsArray()) {
    for (const auto& item : v.GetArray()) CollectScos(item, out);
    return;
  }
  if (!v.IsObject()) return;
  if (IsScoType(v)) out->push_back(&v);
  if (v.HasMember("objects")) {
    const rapidjson::Value& objects = v["objects"];
    if (objects.IsArray() && v.HasMember("type") && v["type"] == "bundle") {
      for (const auto& item : objects.GetArray()) CollectScos(item, out);
    } else if (objects.IsObject()) {
      for (const auto& m : objects.GetObject()) CollectScos(m.value, out);
    }
  }
}

TEST_CASE("observable schemas: the reference validator's verdicts on SCOs are reproduced",
          "[stix][schema][conformance]") {
  const std::optional<std::string> shared = testing::SharedDir();
  if (!shared) {
    WARN("skipped: ../shared/conformance is absent");
    return;
  }
  std::istringstream lines(
      testing::ReadTestFile(*shared + "/conformance/validator-cases-v21.jsonl"));
  int valid_ok = 0, valid_total = 0, reject_ok = 0, reject_total = 0, pass_ok = 0, pass_total = 0,
      cpp_only = 0;
  std::string line;
  for (int n = 1; std::getline(lines, line); ++n) {
    const rapidjson::Document record = ParseJson(line);
    // Calls with custom schemas (schema_dir) are not reproducible here.
    if (record["options"].HasMember("schema_dir") && !record["options"]["schema_dir"].IsNull()) {
      continue;
    }
    std::vector<const rapidjson::Value*> scos;
    CollectScos(record["instance"], &scos);
    for (const rapidjson::Value* sco : scos) {
      const std::string id = sco->HasMember("id") ? (*sco)["id"].GetString() : "";
      bool schema_error = false, cpp_error = false;
      for (const auto& e : record["errors"].GetArray()) {
        const std::string message = e.GetString();
        if (id.empty() || message.rfind(id + ": ", 0) != 0) continue;
        if (HasCheckCode(std::string_view(message).substr(id.size() + 2))) continue;
        (IsCheckedInCpp(message) ? cpp_error : schema_error) = true;
      }
      CAPTURE(n, record["test"].GetString(), id);
      const bool ok = ValidSco(*sco);
      if (record["valid"].GetBool()) {
        ++valid_total;
        valid_ok += ok;
        CHECK(ok);
      } else if (schema_error) {
        ++reject_total;
        reject_ok += !ok;
        CHECK_FALSE(ok);
      } else if (cpp_error) {
        ++cpp_only;  // the schema may or may not catch it; C++ must
      } else {
        // Only best-practice (coded) findings: the schema must accept it.
        ++pass_total;
        pass_ok += ok;
        CHECK(ok);
      }
    }
  }
  INFO("valid SCOs accepted " << valid_ok << "/" << valid_total
                              << ", schema-invalid SCOs "
                                 "rejected "
                              << reject_ok << "/" << reject_total
                              << ", best-practice-only SCOs accepted " << pass_ok << "/"
                              << pass_total << ", left to C++ checks " << cpp_only);
  CHECK(valid_total > 60);
  CHECK(reject_total > 20);
}

}  // namespace
}  // namespace stixkit::stix
