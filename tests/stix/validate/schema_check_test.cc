#include "stix/validate/schema_check.h"

#include <catch2/catch.hpp>
#include <fstream>
#include <functional>
#include <optional>
#include <regex>
#include <sstream>
#include <string>
#include <vector>

#include "rapidjson/document.h"
#include "rapidjson/schema.h"
#include "rapidjson/stringbuffer.h"
#include "rapidjson/writer.h"
#include "stix/validate/schema_store.h"
#include "tests/support/paths.h"

namespace stixkit::stix {
namespace {

constexpr const char* kIndicator = R"({
  "type": "indicator", "spec_version": "2.1",
  "id": "indicator--8e2e2d2b-17d4-4cbf-938f-98ee46b3cd3f",
  "created": "2016-04-06T20:03:48.000Z", "modified": "2016-04-06T20:03:48.000Z",
  "pattern": "[ipv4-addr:value = '198.51.100.3']", "pattern_type": "stix",
  "valid_from": "2016-04-06T20:03:48Z"})";
constexpr const char* kIndicatorId = "indicator--8e2e2d2b-17d4-4cbf-938f-98ee46b3cd3f";

Findings Check(const std::string& json) {
  rapidjson::Document doc;
  doc.Parse(json.c_str());
  REQUIRE_FALSE(doc.HasParseError());
  Findings findings;
  CheckSchema(doc, ValidationOptions(), &findings);
  return findings;
}

// kIndicator with `edit` applied to the parsed object.
std::string Indicator(const std::function<void(rapidjson::Document&)>& edit) {
  rapidjson::Document doc;
  doc.Parse(kIndicator);
  edit(doc);
  rapidjson::StringBuffer buffer;
  rapidjson::Writer<rapidjson::StringBuffer> writer(buffer);
  doc.Accept(writer);
  return buffer.GetString();
}

std::string WithMember(const char* name, const char* json_value) {
  return Indicator([&](rapidjson::Document& doc) {
    rapidjson::Document value(&doc.GetAllocator());
    value.Parse(json_value);
    doc.RemoveMember(name);
    doc.AddMember(rapidjson::Value(name, doc.GetAllocator()),
                  rapidjson::Value(value, doc.GetAllocator()), doc.GetAllocator());
  });
}

// The one finding `json` produces, as "pointer: message".
std::string OnlyFinding(const std::string& json) {
  const Findings findings = Check(json);
  REQUIRE(findings.size() == 1);
  CHECK(findings[0].code.empty());
  CHECK(findings[0].severity == Severity::kError);
  return findings[0].pointer + ": " + findings[0].message;
}

TEST_CASE("schema check: a valid indicator has no findings", "[stix][schema]") {
  CHECK(Check(kIndicator).empty());
}

TEST_CASE("schema check: created without milliseconds is reported at /created", "[stix][schema]") {
  const Findings findings = Check(WithMember("created", R"("2016-01-01T00:00:00Z")"));
  REQUIRE(findings.size() == 1);
  CHECK(findings[0].object_id == kIndicatorId);
  CHECK(findings[0].pointer == "/created");
  CHECK(findings[0].message ==
        "expected a timestamp with millisecond precision (YYYY-MM-DDTHH:mm:ss.sssZ), got "
        "\"2016-01-01T00:00:00Z\"");
}

TEST_CASE("schema check: other timestamps accept any precision but need the right form",
          "[stix][schema]") {
  CHECK(Check(WithMember("valid_until", R"("2017-01-01T00:00:00Z")")).empty());
  CHECK(OnlyFinding(WithMember("valid_until", R"("2017-01-01 00:00:00Z")")) ==
        "/valid_until: expected a timestamp of the form YYYY-MM-DDTHH:mm:ss[.s+]Z, got "
        "\"2017-01-01 00:00:00Z\"");
}

TEST_CASE("schema check: a missing required property is reported on the object", "[stix][schema]") {
  CHECK(OnlyFinding(Indicator([](rapidjson::Document& d) { d.RemoveMember("pattern_type"); })) ==
        ": missing required property \"pattern_type\"");
  CHECK(OnlyFinding(Indicator([](rapidjson::Document& d) { d.RemoveMember("spec_version"); })) ==
        ": missing required property \"spec_version\"");
}

TEST_CASE("schema check: an id of another type or malformed is reported at /id", "[stix][schema]") {
  CHECK(OnlyFinding(WithMember("id", R"("malware--8e2e2d2b-17d4-4cbf-938f-98ee46b3cd3f")")) ==
        "/id: expected an identifier starting with \"indicator--\", got "
        "\"malware--8e2e2d2b-17d4-4cbf-938f-98ee46b3cd3f\"");
  CHECK(OnlyFinding(WithMember("id", R"("indicator--blablabla")")) ==
        "/id: expected an identifier of the form <object-type>--<UUID>, got "
        "\"indicator--blablabla\"");
}

TEST_CASE("schema check: property names must follow the naming rules", "[stix][schema]") {
  CHECK(Check(WithMember("x_acme_score", "7")).empty());
  const std::string rule =
      "property names must be 3 to 250 characters of a-z, 0-9 and _, and start with a letter "
      "(STIX 2.1 §3.1)";
  CHECK(OnlyFinding(WithMember("x-acme-score", "7")) ==
        "/x-acme-score: unexpected property \"x-acme-score\": " + rule);
  CHECK(OnlyFinding(WithMember("mp", "7")) == "/mp: unexpected property \"mp\": " + rule);
  CHECK(OnlyFinding(WithMember("x_payload_bin", R"("not base64!")")) ==
        "/x_payload_bin: expected a base64 string (RFC 4648), got \"not base64!\"");
}

TEST_CASE("schema check: empty lists and nulls are refused", "[stix][schema]") {
  CHECK(OnlyFinding(WithMember("labels", "[]")) ==
        "/labels: expected a non-empty list of strings, got []");
  CHECK(OnlyFinding(WithMember("x_acme_tags", "[]")) ==
        "/x_acme_tags: expected a value that is not null and not an empty list, got []");
  CHECK(OnlyFinding(WithMember("name", "null")) == "/name: expected a string, got null");
}

TEST_CASE("schema check: reserved property names are refused", "[stix][schema]") {
  CHECK(OnlyFinding(WithMember("severity", R"("high")")) ==
        "/severity: severity, action, username and phone_number are reserved property names "
        "and must not be used (STIX 2.1 §3.8)");
}

TEST_CASE("schema check: CVE and CAPEC external references need the right names and ids",
          "[stix][schema]") {
  const std::string rule =
      "/external_references/0: an external reference to a CVE needs source_name \"cve\" and "
      "external_id CVE-YYYY-NNNN+, to a CAPEC entry source_name \"capec\" and external_id "
      "CAPEC-N+, and any other reference at least one of description, url and external_id "
      "(STIX 2.1 §2.5)";
  CHECK(Check(WithMember("external_references",
                         R"([{"source_name": "cve", "external_id": "CVE-2016-1234"}])"))
            .empty());
  CHECK(OnlyFinding(WithMember("external_references",
                               R"([{"source_name": "CVE", "external_id": "CVE-2016-1234"}])")) ==
        rule);
  CHECK(OnlyFinding(WithMember("external_references", R"([{"source_name": "capec"}])")) == rule);
  CHECK(OnlyFinding(WithMember("external_references", R"([{"source_name": "acme"}])")) == rule);
  CHECK(OnlyFinding(WithMember("external_references",
                               R"([{"source_name": "acme", "url": "www.example.com"}])")) ==
        "/external_references/0/url: expected a URL (RFC 3986), got \"www.example.com\"");
}

constexpr const char* kTlpGreen = R"({
  "type": "marking-definition", "spec_version": "2.1",
  "id": "marking-definition--34098fce-860f-48ae-8e50-ebd3cc5e41da",
  "created": "2017-01-20T00:00:00.000Z", "definition_type": "tlp", "name": "TLP:GREEN",
  "definition": {"tlp": "green"}})";

TEST_CASE("schema check: a TLP marking must be one of the four STIX 2.1 instances exactly",
          "[stix][schema]") {
  CHECK(Check(kTlpGreen).empty());
  std::string amber_id = kTlpGreen;
  amber_id.replace(amber_id.find("34098fce-860f-48ae-8e50-ebd3cc5e41da"), 36,
                   "f88d31f6-486f-44da-b317-01333bde0b82");
  const std::string rule =
      ": a TLP marking definition must be exactly one of the four defined in STIX 2.1 §7.2.1.4 "
      "(TLP:WHITE, TLP:GREEN, TLP:AMBER, TLP:RED)";
  CHECK(OnlyFinding(amber_id) == rule);
  std::string marked = kTlpGreen;
  marked.insert(
      marked.size() - 1,
      R"(, "object_marking_refs": ["marking-definition--613f2e26-407d-48c7-9eca-b8e91df99dc9"])");
  CHECK(OnlyFinding(marked) == rule);
  CHECK(OnlyFinding(R"({"type": "marking-definition", "spec_version": "2.1",
    "id": "marking-definition--336abc15-1c2a-423c-a7dd-5a821abd96c2",
    "created": "2017-01-20T00:00:00.000Z"})") ==
        ": a marking definition needs definition_type and definition, or extensions "
        "(STIX 2.1 §7.2.1)");
  CHECK(Check(R"({"type": "marking-definition", "spec_version": "2.1",
    "id": "marking-definition--336abc15-1c2a-423c-a7dd-5a821abd96c2",
    "created": "2017-01-20T00:00:00.000Z", "definition_type": "statement",
    "definition": {"statement": "Copyright 2016, Example Corp"}})")
            .empty());
}

TEST_CASE("schema check: a location needs a region, a country or coordinates", "[stix][schema]") {
  const std::string base = R"({"type": "location", "spec_version": "2.1",
    "id": "location--a6e9345f-5a15-4c29-8bb3-7dcc5d168d64",
    "created": "2016-04-06T20:03:00.000Z", "modified": "2016-04-06T20:03:00.000Z")";
  CHECK(Check(base + R"(, "region": "south-eastern-asia"})").empty());
  CHECK(Check(base + R"(, "latitude": 48.8566, "longitude": 2.3522})").empty());
  CHECK(OnlyFinding(base + R"(, "name": "somewhere"})") ==
        ": a location needs at least one of region, country, or latitude with longitude "
        "(STIX 2.1 §4.10)");
  CHECK(OnlyFinding(base + R"(, "region": "europe", "latitude": 48.8566})") ==
        ": property \"latitude\" requires \"longitude\"");
  CHECK(OnlyFinding(base + R"(, "latitude": 91, "longitude": 0})") ==
        "/latitude: expected a number from -90.0 to 90.0, got 91");
}

TEST_CASE("schema check: relationships link SDOs and SCOs only", "[stix][schema]") {
  const std::string base = R"({"type": "relationship", "spec_version": "2.1",
    "id": "relationship--44298a74-ba52-4f0c-87a3-1824e67d7fad",
    "created": "2016-04-06T20:06:37.000Z", "modified": "2016-04-06T20:06:37.000Z",
    "relationship_type": "indicates", "target_ref": "malware--31b940d4-6f7f-459a-80ea-9c1f17b5891b",)";
  CHECK(
      Check(base + R"("source_ref": "indicator--31b940d4-6f7f-459a-80ea-9c1f17b5891b"})").empty());
  CHECK(OnlyFinding(base + R"("source_ref": "sighting--31b940d4-6f7f-459a-80ea-9c1f17b5891b"})") ==
        "/source_ref: expected an identifier of an SDO or SCO (not of a relationship, sighting, "
        "bundle, language-content, marking-definition or extension-definition), got "
        "\"sighting--31b940d4-6f7f-459a-80ea-9c1f17b5891b\"");
}

TEST_CASE("schema check: custom types fall back to the SDO core or the SCO core",
          "[stix][schema]") {
  const std::string custom_sdo = R"({"type": "x-acme-widget", "spec_version": "2.1",
    "id": "x-acme-widget--4527e5de-8572-446a-a57a-706f15467461",
    "created": "2016-08-01T00:00:00.000Z", "modified": "2016-08-01T00:00:00.000Z",
    "widget_count": 14})";
  CHECK(Check(custom_sdo).empty());
  std::string no_modified = custom_sdo;
  no_modified.erase(no_modified.find(R"("modified")"), 39);
  CHECK(OnlyFinding(no_modified) == ": missing required property \"modified\"");
  std::string bad_type = custom_sdo;
  bad_type.replace(bad_type.find("\"x-acme-widget\""), 15, "\"X-Acme-Widget\"");
  CHECK(OnlyFinding(bad_type) ==
        "/type: expected a type name of 3 to 250 characters a-z, 0-9 and -, starting with a "
        "letter, without --, got \"X-Acme-Widget\"");
  if (SchemaStore::Default().JsonByName("cyber-observable-core.json") == nullptr) return;
  // Neither created nor modified: checked as a custom SCO, which needs no created.
  CHECK(Check(R"({"type": "x-acme-sensor", "spec_version": "2.1",
    "id": "x-acme-sensor--4527e5de-8572-446a-a57a-706f15467461", "reading": 7})")
            .empty());
}

TEST_CASE("schema check: a bundle is checked without its objects", "[stix][schema]") {
  const std::string head =
      R"({"type": "bundle", "id": "bundle--44af6c39-c09b-49c5-9de2-394224b04982")";
  CHECK(Check(head + R"(, "objects": [{"type": "anything"}]})").empty());
  CHECK(Check(head + R"(, "objects": []})").empty());  // as the reference validator does
  CHECK(Check(head + "}").empty());
  CHECK(
      OnlyFinding(R"({"type": "bundle", "id": "report--44af6c39-c09b-49c5-9de2-394224b04982"})") ==
      "/id: expected an identifier starting with \"bundle--\", got "
      "\"report--44af6c39-c09b-49c5-9de2-394224b04982\"");
}

TEST_CASE("schema check: observed-data objects are checked one by one", "[stix][schema]") {
  const std::string base = R"({"type": "observed-data", "spec_version": "2.1",
    "id": "observed-data--b67d30ff-02ac-498a-92f9-32f845f448cf",
    "created": "2016-04-06T19:58:16.000Z", "modified": "2016-04-06T19:58:16.000Z",
    "first_observed": "2015-12-21T19:00:00Z", "last_observed": "2015-12-21T19:00:00Z",
    "number_observed": 50)";
  CHECK(OnlyFinding(base + "}") ==
        ": observed data needs exactly one of object_refs and the deprecated objects (STIX 2.1 "
        "§4.14)");
  CHECK(Check(base + R"(, "object_refs": ["ipv4-addr--ff26c055-6336-5bc5-b98d-13d6226742dd"]})")
            .empty());
  CHECK(OnlyFinding(
            base + R"(, "object_refs": ["relationship--ff26c055-6336-5bc5-b98d-13d6226742dd"]})") ==
        "/object_refs: object_refs must reference at least one SCO (STIX 2.1 §4.14)");
  std::string zero = base + R"(, "object_refs": ["file--ff26c055-6336-5bc5-b98d-13d6226742dd"]})";
  zero.replace(zero.find("\"number_observed\": 50"), 21, "\"number_observed\": 0");
  CHECK(OnlyFinding(zero) == "/number_observed: expected an integer from 1 to 999,999,999, got 0");
  if (SchemaStore::Default().JsonByName("cyber-observable-core.json") == nullptr) return;
  const Findings findings = Check(
      base +
      R"(, "objects": {"0": {"type": "X-Foo", "id": "x-foo--ff26c055-6336-5bc5-b98d-13d6226742dd"}}})");
  REQUIRE(findings.size() == 1);
  CHECK(findings[0].object_id == "observed-data--b67d30ff-02ac-498a-92f9-32f845f448cf");
  CHECK(findings[0].pointer == "/objects/0/type");
}

TEST_CASE("schema check: a value that is not an object is reported", "[stix][schema]") {
  CHECK(OnlyFinding(R"(["indicator"])") ==
        ": expected a STIX object (a JSON object), got [\"indicator\"]");
}

TEST_CASE("schema check: long values are cut short in messages", "[stix][schema]") {
  const std::string message =
      OnlyFinding(WithMember("name", ("[\"" + std::string(200, 'a') + "\"]").c_str()));
  CHECK(message == "/name: expected a string, got [\"" + std::string(78, 'a') + "...");
}

// ---------------------------------------------------------------------------------
// Real inputs: the reference validator's recorded cases and the example bundles.

struct Case {
  int line = 0;
  std::string test;
  rapidjson::Document doc;
};

std::vector<Case> LoadCases(const std::string& shared) {
  std::vector<Case> cases;
  std::istringstream lines(
      testing::ReadTestFile(shared + "/conformance/validator-cases-v21.jsonl"));
  int number = 0;
  for (std::string line; std::getline(lines, line);) {
    Case& c = cases.emplace_back();
    c.line = ++number;
    c.doc.Parse(line.c_str());
    REQUIRE_FALSE(c.doc.HasParseError());
    c.test = c.doc["test"].GetString();
    c.test = c.test.substr(c.test.rfind(':') + 1);
  }
  return cases;
}

bool IsBundle(const rapidjson::Value& v) {
  return v.IsObject() && v.HasMember("type") && v["type"].IsString() &&
         std::string(v["type"].GetString()) == "bundle";
}

// STIX 2.0 content: the reference validator checks it against its 2.0 schemas, which
// are not bundled (the pipeline reports such objects instead of checking them).
bool IsStix20(const rapidjson::Value& v) {
  if (!v.IsObject() || IsBundle(v)) return false;
  if (v.HasMember("spec_version")) {
    return v["spec_version"].IsString() && std::string(v["spec_version"].GetString()) == "2.0";
  }
  return v.HasMember("created");
}

// The top-level objects of an instance: itself (or each list element) and a bundle's members.
void Objects(const rapidjson::Value& instance, std::vector<const rapidjson::Value*>* out) {
  if (instance.IsArray()) {
    for (const auto& item : instance.GetArray()) Objects(item, out);
    return;
  }
  out->push_back(&instance);
  if (IsBundle(instance) && instance.HasMember("objects") && instance["objects"].IsArray()) {
    for (const auto& member : instance["objects"].GetArray()) out->push_back(&member);
  }
}

// Reference errors that other stages decide: MUST checks in C++ (dates, ordering,
// patterns, language codes, registries, UUID versions, marking references), the
// strict-properties/strict-types options, --enforce-refs and the interop profile.
bool DecidedElsewhere(const std::string& error) {
  static const std::regex kElsewhere(
      "is not a valid timestamp|must be later than|not one of those defined in the specification|"
      "RFC 5646|Pattern failed to validate|More than one tlp marking|IANA registered|"
      "is not a 'email'|must use UUIDv4|a UUIDv4 must be used|invalid language code|"
      "not found in current bundle|cannot contain any references to this marking definition|"
      "is not a valid selector|'created_by_ref' is a required property");
  return std::regex_search(error, kElsewhere);
}

std::string Describe(const Findings& findings) {
  return findings.empty()
             ? "none"
             : findings[0].object_id + " " + findings[0].pointer + ": " + findings[0].message;
}

TEST_CASE("schema check: replaying the reference validator's cases", "[stix][schema]") {
  const std::optional<std::string> shared = testing::SharedDir();
  if (!shared) {
    WARN("../shared is absent: skipping the conformance replay");
    return;
  }
  static const std::regex kCode(R"(\{\d{3}\})");
  int valid = 0, measured = 0, rejected = 0, skipped = 0;
  std::vector<std::string> misses, unexplained;
  for (const Case& c : LoadCases(*shared)) {
    const rapidjson::Value& options = c.doc["options"];
    if (!options["schema_dir"].IsNull() ||
        (options["version"].IsString() && std::string(options["version"].GetString()) == "2.0")) {
      ++skipped;
      continue;
    }
    std::vector<const rapidjson::Value*> objects;
    Objects(c.doc["instance"], &objects);
    Findings findings;
    bool has_stix20 = false;
    for (const rapidjson::Value* object : objects) {
      if (IsStix20(*object)) {
        has_stix20 = true;
        continue;
      }
      CheckSchema(*object, ValidationOptions(), &findings);
    }
    INFO("line " << c.line << " " << c.test << ": " << Describe(findings));
    if (c.doc["valid"].GetBool()) {
      ++valid;
      CHECK(findings.empty());
      continue;
    }
    std::vector<std::string> uncoded;
    for (const auto& error : c.doc["errors"].GetArray()) {
      if (!std::regex_search(error.GetString(), kCode)) uncoded.push_back(error.GetString());
    }
    if (uncoded.empty()) continue;
    ++measured;
    if (!findings.empty()) {
      ++rejected;
      continue;
    }
    const std::string miss =
        "line " + std::to_string(c.line) + " " + c.test + ": " + uncoded[0].substr(0, 160);
    misses.push_back(miss);
    const bool elsewhere =
        has_stix20 || std::all_of(uncoded.begin(), uncoded.end(), DecidedElsewhere);
    if (!elsewhere) unexplained.push_back(miss);
  }
  std::ostringstream report;
  report << "schema stage: " << valid << " valid cases accepted; " << rejected << " of " << measured
         << " invalid cases with uncoded reference errors rejected; " << skipped
         << " cases skipped (custom schema_dir or --version 2.0); " << misses.size()
         << " left to other stages:";
  for (const std::string& miss : misses) report << "\n  " << miss;
  WARN(report.str());
  INFO("misses that look like schema rules:\n"
       << [&] {
            std::string all;
            for (const std::string& miss : unexplained) all += miss + "\n";
            return all;
          }());
  CHECK(unexplained.empty());
  CHECK(valid > 200);
}

TEST_CASE("schema check: the example bundles are valid", "[stix][schema]") {
  const std::optional<std::string> shared = testing::SharedDir();
  if (!shared) {
    WARN("../shared is absent: skipping the example bundles");
    return;
  }
  for (const char* name :
       {"indicator-for-c2-ip-address.json", "indicator-to-campaign-relationship.json",
        "indicators-for-C2-with-COA.json", "infrastructure.json", "interop-objectmarking-test.json",
        "malicious-email-indicator-with-attachment.json", "threat-reports/apt1.json",
        "threat-reports/poisonivy.json"}) {
    rapidjson::Document doc;
    doc.Parse(testing::ReadTestFile(*shared + "/conformance/examples/" + name).c_str());
    REQUIRE_FALSE(doc.HasParseError());
    std::vector<const rapidjson::Value*> objects;
    Objects(doc, &objects);
    Findings findings;
    for (const rapidjson::Value* object : objects)
      CheckSchema(*object, ValidationOptions(), &findings);
    INFO(name << ": " << Describe(findings));
    CHECK(findings.empty());
  }
}

// ---------------------------------------------------------------------------------
// Cross-check: CheckSchema's engine against rapidjson::SchemaValidator over the
// compiled documents of SchemaStore, on every conformance object (bundle members and
// embedded observables included) and on variants with one member removed or replaced.

std::string SchemaFileFor(const rapidjson::Value& object) {
  const SchemaStore& store = SchemaStore::Default();
  const std::string type =
      object.HasMember("type") && object["type"].IsString() ? object["type"].GetString() : "";
  if (!store.FileNameOf(type).empty()) return std::string(store.FileNameOf(type));
  return object.HasMember("created") || object.HasMember("modified") ? "core.json"
                                                                     : "cyber-observable-core.json";
}

std::vector<rapidjson::Document> Variants(const rapidjson::Value& object) {
  std::vector<rapidjson::Document> variants;
  auto copy = [&]() -> rapidjson::Document& {
    rapidjson::Document& doc = variants.emplace_back();
    doc.CopyFrom(object, doc.GetAllocator());
    return doc;
  };
  copy();
  if (!object.IsObject()) return variants;
  const char* replacements[] = {"null", "[]", "{}", "\"x\"", "1", "1.5", "true", "[\"x\"]", "[{}]"};
  for (const auto& member : object.GetObject()) {
    const std::string name = member.name.GetString();
    copy().RemoveMember(name.c_str());
    for (const char* json : replacements) {
      rapidjson::Document& doc = copy();
      rapidjson::Document value;
      value.Parse(json);
      doc[name.c_str()].CopyFrom(value, doc.GetAllocator());
    }
    // One level down: the members of an object value or of a list's first object.
    const rapidjson::Value* inner = &member.value;
    if (inner->IsArray() && !inner->Empty()) inner = &(*inner)[0];
    if (!inner->IsObject()) continue;
    for (const auto& nested : inner->GetObject()) {
      rapidjson::Document& doc = copy();
      rapidjson::Value* target = &doc[name.c_str()];
      if (target->IsArray()) target = &(*target)[0];
      target->RemoveMember(nested.name.GetString());
      rapidjson::Document& nulled = copy();
      target = &nulled[name.c_str()];
      if (target->IsArray()) target = &(*target)[0];
      (*target)[nested.name.GetString()].SetNull();
    }
  }
  return variants;
}

std::string Json(const rapidjson::Value& value) {
  rapidjson::StringBuffer buffer;
  rapidjson::Writer<rapidjson::StringBuffer> writer(buffer);
  value.Accept(writer);
  return buffer.GetString();
}

TEST_CASE("schema check: verdicts agree with RapidJSON's validator", "[stix][schema]") {
  const std::optional<std::string> shared = testing::SharedDir();
  if (!shared) {
    WARN("../shared is absent: skipping the cross-check");
    return;
  }
  const SchemaStore& store = SchemaStore::Default();
  std::vector<std::pair<const rapidjson::Value*, std::string>> inputs;
  const std::vector<Case> cases = LoadCases(*shared);
  for (const Case& c : cases) {
    std::vector<const rapidjson::Value*> objects;
    Objects(c.doc["instance"], &objects);
    for (const rapidjson::Value* object : objects) {
      if (!object->IsObject() || IsBundle(*object)) continue;
      inputs.push_back({object, SchemaFileFor(*object)});
      if (object->HasMember("objects") && (*object)["objects"].IsObject()) {
        for (const auto& embedded : (*object)["objects"].GetObject()) {
          if (embedded.value.IsObject())
            inputs.push_back({&embedded.value, SchemaFileFor(embedded.value)});
        }
      }
    }
  }
  size_t compared = 0, invalid = 0;
  for (const auto& [object, file] : inputs) {
    const rapidjson::SchemaDocument* compiled = store.ByName(file);
    if (compiled == nullptr) continue;
    for (const rapidjson::Document& variant : Variants(*object)) {
      rapidjson::SchemaValidator validator(*compiled);
      variant.Accept(validator);
      Findings findings;
      const bool ours = CheckAgainstSchemaFile(variant, file, &findings);
      INFO(file << ": " << Json(variant) << "\n  stixkit: " << Describe(findings));
      CHECK(ours == validator.IsValid());
      if (!findings.empty()) CHECK(findings[0].message.rfind("does not match schema", 0) != 0);
      ++compared;
      invalid += !ours;
    }
  }
  WARN("cross-check: " << compared << " objects and variants compared with RapidJSON, " << invalid
                       << " of them invalid");
  CHECK(compared > 5000);
}

}  // namespace
}  // namespace stixkit::stix
