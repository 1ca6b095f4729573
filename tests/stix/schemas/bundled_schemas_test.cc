// Checks on the bundled JSON schema files themselves (stix/schemas/): they parse, use
// only the draft-04 keywords both engines implement, every pattern compiles in
// RapidJSON 1.1.0's regex engine (an invalid pattern would silently accept anything),
// CheckSchema's pattern engine agrees with RapidJSON's, and every $ref resolves.
#include <algorithm>
#include <catch2/catch.hpp>
#include <functional>
#include <optional>
#include <regex>
#include <set>
#include <sstream>
#include <string>
#include <string_view>
#include <vector>

#include "rapidjson/document.h"
#include "rapidjson/internal/regex.h"
#include "rapidjson/pointer.h"
#include "rapidjson/schema.h"
#include "stix/base/embedded_files.h"
#include "stix/validate/schema_check.h"
#include "stix/validate/schema_store.h"
#include "tests/support/paths.h"

namespace stixkit::stix {
namespace {

constexpr std::string_view kSchemaRoot = "stix/schemas/";

struct SchemaFile {
  std::string path;  // relative to stix/schemas/
  std::string name;  // bare file name
  rapidjson::Document json;
};

const std::vector<SchemaFile>& SchemaFiles() {
  static const auto* files = [] {
    auto* out = new std::vector<SchemaFile>();
    for (const EmbeddedFile& file : AllEmbeddedFiles()) {
      std::string_view path(file.path);
      if (path.substr(0, kSchemaRoot.size()) != kSchemaRoot) continue;
      path.remove_prefix(kSchemaRoot.size());
      SchemaFile& schema = out->emplace_back();
      schema.path = std::string(path);
      schema.name = std::string(path.substr(path.rfind('/') + 1));
      schema.json.Parse(file.contents.data(), file.contents.size());
    }
    return out;
  }();
  return *files;
}

// Files whose rules this part of the tree owns; the SCO schemas are checked for
// defects too, but reported as warnings (their own tests own them).
bool OwnedHere(const SchemaFile& file) {
  return file.path.rfind("observables/", 0) != 0 && file.name != "cyber-observable-core.json";
}

// Calls `visit` for every schema node: the root and everything reached through schema
// keywords, so that property names and enum values are never mistaken for keywords.
void ForEachSchema(const rapidjson::Value& node, const std::string& where,
                   const std::function<void(const rapidjson::Value&, const std::string&)>& visit) {
  if (!node.IsObject()) return;
  visit(node, where);
  for (const char* map : {"properties", "patternProperties", "definitions", "dependencies"}) {
    if (!node.HasMember(map) || !node[map].IsObject()) continue;
    for (const auto& member : node[map].GetObject()) {
      ForEachSchema(member.value, where + "/" + map + "/" + member.name.GetString(), visit);
    }
  }
  for (const char* single : {"items", "additionalProperties", "additionalItems", "not"}) {
    if (node.HasMember(single)) ForEachSchema(node[single], where + "/" + single, visit);
  }
  for (const char* list : {"allOf", "anyOf", "oneOf", "items"}) {
    if (!node.HasMember(list) || !node[list].IsArray()) continue;
    for (rapidjson::SizeType i = 0; i < node[list].Size(); ++i) {
      ForEachSchema(node[list][i], where + "/" + list + "/" + std::to_string(i), visit);
    }
  }
}

// Every regular expression of a schema node: its "pattern" and its patternProperties keys.
std::vector<std::string> PatternsOf(const rapidjson::Value& node) {
  std::vector<std::string> patterns;
  if (node.HasMember("pattern") && node["pattern"].IsString()) {
    patterns.push_back(node["pattern"].GetString());
  }
  if (node.HasMember("patternProperties") && node["patternProperties"].IsObject()) {
    for (const auto& member : node["patternProperties"].GetObject()) {
      patterns.push_back(member.name.GetString());
    }
  }
  return patterns;
}

std::vector<std::string> AllPatterns(bool owned_only) {
  std::set<std::string> patterns;
  for (const SchemaFile& file : SchemaFiles()) {
    if (owned_only && !OwnedHere(file)) continue;
    ForEachSchema(file.json, file.path, [&](const rapidjson::Value& node, const std::string&) {
      for (std::string& p : PatternsOf(node)) patterns.insert(std::move(p));
    });
  }
  return {patterns.begin(), patterns.end()};
}

bool RapidJsonCompiles(const std::string& pattern) {
  const rapidjson::internal::Regex regex(pattern.c_str());
  return regex.IsValid();
}

bool RapidJsonSearch(const std::string& pattern, const std::string& text) {
  const rapidjson::internal::Regex regex(pattern.c_str());
  return regex.Search(text.c_str());
}

TEST_CASE("bundled schemas: every file parses and declares draft-04", "[stix][schema]") {
  REQUIRE(SchemaFiles().size() >= 40);
  for (const SchemaFile& file : SchemaFiles()) {
    INFO(file.path);
    REQUIRE_FALSE(file.json.HasParseError());
    REQUIRE(file.json.IsObject());
    REQUIRE(file.json.HasMember("$schema"));
    CHECK(std::string(file.json["$schema"].GetString()) ==
          "http://json-schema.org/draft-04/schema#");
  }
}

TEST_CASE("bundled schemas: no keyword newer than draft-04 is used", "[stix][schema]") {
  // RapidJSON 1.1.0 and CheckSchema ignore these, so a schema using them would check
  // less than it says.
  const std::set<std::string> later = {"const",
                                       "if",
                                       "then",
                                       "else",
                                       "$defs",
                                       "contains",
                                       "unevaluatedProperties",
                                       "prefixItems",
                                       "propertyNames",
                                       "dependentRequired",
                                       "dependentSchemas",
                                       "$anchor",
                                       "$dynamicRef"};
  for (const SchemaFile& file : SchemaFiles()) {
    ForEachSchema(file.json, file.path,
                  [&](const rapidjson::Value& node, const std::string& where) {
                    for (const auto& member : node.GetObject()) {
                      INFO(where << ": " << member.name.GetString());
                      CHECK(later.count(member.name.GetString()) == 0);
                    }
                  });
  }
}

TEST_CASE("bundled schemas: an invalid pattern makes RapidJSON accept any string",
          "[stix][schema]") {
  // Why every pattern must compile: RapidJSON drops a pattern it cannot compile
  // (schema.h, CreatePattern), and the schema then accepts everything. "\d" is not in
  // RapidJSON 1.1.0's regex subset; "[0-9]" is.
  rapidjson::Document schema_json;
  schema_json.Parse(R"({"type": "string", "pattern": "^\\d+$"})");
  const rapidjson::SchemaDocument schema(schema_json);
  rapidjson::Document text;
  text.Parse(R"("not digits")");
  rapidjson::SchemaValidator validator(schema);
  text.Accept(validator);
  CHECK(validator.IsValid());
  CHECK_FALSE(RapidJsonCompiles("^\\d+$"));
  CHECK(RapidJsonCompiles("^[0-9]+$"));
}

TEST_CASE("bundled schemas: every pattern compiles in RapidJSON's regex engine", "[stix][schema]") {
  for (const SchemaFile& file : SchemaFiles()) {
    ForEachSchema(
        file.json, file.path, [&](const rapidjson::Value& node, const std::string& where) {
          for (const std::string& pattern : PatternsOf(node)) {
            INFO(where << ": " << pattern);
            if (OwnedHere(file)) {
              CHECK(RapidJsonCompiles(pattern));
            } else if (!RapidJsonCompiles(pattern)) {
              WARN("SCO schema pattern RapidJSON cannot compile (it is ignored): " << where << ": "
                                                                                   << pattern);
            }
          }
        });
  }
}

TEST_CASE("bundled schemas: no pattern has a wide bounded repeat", "[stix][schema]") {
  // RapidJSON's engine is quadratic in the width of x{m,n} (each optional copy re-adds
  // the rest of the chain per character): "[a-z]{0,250}" costs ~60,000 steps per
  // character. Limits belong in minLength/maxLength.
  const std::regex wide(R"(\{([0-9]+),([0-9]+)\})");
  const std::vector<std::string> owned_patterns = AllPatterns(true);
  for (const std::string& pattern : AllPatterns(false)) {
    for (std::sregex_iterator it(pattern.begin(), pattern.end(), wide), end; it != end; ++it) {
      const int width = std::stoi((*it)[2]) - std::stoi((*it)[1]);
      INFO(pattern);
      if (width > 16) {
        const bool owned = std::find(owned_patterns.begin(), owned_patterns.end(), pattern) !=
                           owned_patterns.end();
        if (owned) {
          CHECK(width <= 16);
        } else {
          WARN("slow SCO schema pattern (bounded repeat of width " << width << "): " << pattern);
        }
      }
    }
  }
}

// Strings to search: every string and member name in the conformance data and examples
// (when ../shared is present), plus hand-picked edge cases.
std::vector<std::string> SampleStrings() {
  std::set<std::string> samples = {"",
                                   "a",
                                   "id",
                                   "ab",
                                   "abc",
                                   "x-foo",
                                   "x_foo",
                                   "foo_bin",
                                   "foo_hex",
                                   "MD5",
                                   "SHA-256",
                                   "indicator--8e2e2d2b-17d4-4cbf-938f-98ee46b3cd3f",
                                   "indicator--8e2e2d2b-17d4-0cbf-938f-98ee46b3cd3f",
                                   "2016-01-01T00:00:00Z",
                                   "2016-01-01T00:00:00.000Z",
                                   "2016-13-01T00:00:00Z",
                                   "CVE-2016-0001",
                                   "CAPEC-1",
                                   "http://example.com",
                                   "aGVsbG8=",
                                   "abc",
                                   "0A",
                                   "1.2.3.4",
                                   "::1",
                                   "fe80::1/64",
                                   "español",
                                   "日本語",
                                   "a\nb",
                                   "tlp",
                                   "severity",
                                   "phone_numbers",
                                   "foo-ext",
                                   "x-foo-bar-ext",
                                   "extension-definition--d83fce45-ef58-4c6c-a3f4-1fbc32e98c6e",
                                   "HKEY_LOCAL_MACHINE\\Run",
                                   "HKLM\\Run",
                                   "cpe:2.3:a:microsoft:word:2000:*:*:*:*:*:*:*",
                                   "image/png",
                                   "foo@example.com",
                                   "labels.[0]",
                                   "external_references.[0].source_name",
                                   "[0]",
                                   "relationship--x",
                                   "00:11:22:33:44:55"};
  const std::optional<std::string> shared = testing::SharedDir();
  if (!shared) return {samples.begin(), samples.end()};
  std::function<void(const rapidjson::Value&)> collect = [&](const rapidjson::Value& v) {
    if (v.IsString()) samples.insert(std::string(v.GetString(), v.GetStringLength()));
    if (v.IsArray()) {
      for (const auto& item : v.GetArray()) collect(item);
    }
    if (v.IsObject()) {
      for (const auto& member : v.GetObject()) {
        samples.insert(member.name.GetString());
        collect(member.value);
      }
    }
  };
  std::istringstream lines(
      testing::ReadTestFile(*shared + "/conformance/validator-cases-v21.jsonl"));
  for (std::string line; std::getline(lines, line);) {
    rapidjson::Document doc;
    doc.Parse(line.c_str());
    if (doc.IsObject() && doc.HasMember("instance")) collect(doc["instance"]);
  }
  return {samples.begin(), samples.end()};
}

TEST_CASE("bundled schemas: CheckSchema's pattern engine agrees with RapidJSON's",
          "[stix][schema]") {
  const std::vector<std::string> samples = SampleStrings();
  size_t compared = 0;
  for (const std::string& pattern : AllPatterns(false)) {
    const bool compiles = RapidJsonCompiles(pattern);
    INFO(pattern);
    CHECK(SchemaPatternSearchForTesting(pattern, "x").has_value() == compiles);
    if (!compiles) continue;
    for (const std::string& text : samples) {
      INFO("text: " << text);
      CHECK(SchemaPatternSearchForTesting(pattern, text) ==
            std::optional<bool>(RapidJsonSearch(pattern, text)));
      ++compared;
    }
  }
  // Constructs the schemas do not use yet.
  const std::vector<std::pair<std::string, std::string>> extra = {
      {"ab|cd", "xcdx"},    {"^ab|cd$", "abcd"},  {"^ab|cd$", "ab"},
      {"a*", "b"},          {"a*", ""},           {"x(a|b)*y", "zxababy"},
      {"[^a-c]+$", "abcd"}, {"[a-]", "-"},        {"[\\]]", "]"},
      {"a{2,3}$", "aaaa"},  {"^a{2,}$", "aaaaa"}, {"\\.", "a.b"},
      {".", "é"},           {"^.$", "é"},         {"[é-ë]", "ê"},
      {"^[\\b]$", "\b"},    {"\\t", "a\tb"},      {"(ab)+c", "ababc"},
      {"a?b?c?", "z"}};
  for (const auto& [pattern, text] : extra) {
    INFO(pattern << " on " << text);
    CHECK(SchemaPatternSearchForTesting(pattern, text) ==
          std::optional<bool>(RapidJsonSearch(pattern, text)));
  }
  for (const std::string bad :
       {"\\d", "a)", "a|", "|a", "()", "[]", "a{0}", "a{3,2}", "*a", "a{,2}", "[a"}) {
    INFO(bad);
    CHECK_FALSE(SchemaPatternSearchForTesting(bad, "a").has_value());
    CHECK_FALSE(RapidJsonCompiles(bad));
  }
  // RapidJSON 1.1.0 compiles an unclosed group "(a" as "a+" (its final Eval treats the
  // left parenthesis as "+" when asserts are off); CheckSchema's engine refuses it. No
  // bundled pattern has one: the agreement check above would fail.
  CHECK_FALSE(SchemaPatternSearchForTesting("(a", "a").has_value());
  INFO("pattern and text pairs compared: " << compared);
  CHECK(compared > 1000);
}

// Resolves "name.json#/pointer" or "#/pointer" from `from` the way SchemaStore does.
const rapidjson::Value* Resolve(const SchemaFile& from, const std::string& ref,
                                const SchemaFile** file) {
  const size_t hash = ref.find('#');
  std::string name = ref.substr(0, hash);
  name = name.substr(name.rfind('/') + 1);
  *file = &from;
  if (!name.empty()) {
    *file = nullptr;
    for (const SchemaFile& each : SchemaFiles()) {
      if (each.name == name) *file = &each;
    }
    if (*file == nullptr) return nullptr;
  }
  if (hash == std::string::npos || hash + 1 == ref.size()) return &(*file)->json;
  return rapidjson::Pointer(ref.substr(hash + 1).c_str()).Get((*file)->json);
}

TEST_CASE("bundled schemas: every $ref resolves to a schema RapidJSON can use", "[stix][schema]") {
  for (const SchemaFile& file : SchemaFiles()) {
    ForEachSchema(
        file.json, file.path, [&](const rapidjson::Value& node, const std::string& where) {
          if (!node.HasMember("$ref")) return;
          const std::string ref = node["$ref"].GetString();
          INFO(where << ": $ref " << ref);
          // A file naming itself would be a compile-time cycle for the store's provider.
          const std::string named = ref.substr(0, ref.find('#'));
          CHECK(named.substr(named.rfind('/') + 1) != file.name);
          const SchemaFile* target_file = nullptr;
          const rapidjson::Value* target = Resolve(file, ref, &target_file);
          REQUIRE(target != nullptr);
          CHECK(target->IsObject());
          // RapidJSON registers no schema for a node that is itself a reference to another
          // file, so a reference from a third file to such a node would silently match
          // anything (schema.h, HandleRefSchema).
          const bool remote = ref.find('#') != 0 && ref.find('#') + 1 < ref.size();
          if (remote && target->IsObject() && target->HasMember("$ref")) {
            const std::string inner = (*target)["$ref"].GetString();
            CHECK(inner.rfind('#', 0) == 0);
          }
          // Siblings of "$ref" are ignored by draft-04 engines.
          for (const auto& member : node.GetObject()) {
            const std::string key = member.name.GetString();
            CHECK((key == "$ref" || key == "description" || key == "title" || key == "$comment"));
          }
        });
  }
}

// Every name a "required" list reachable from a type's schema mentions is a property
// the type declares: catches a misspelt name, which would make the type unsatisfiable.
TEST_CASE("bundled schemas: every required property is a declared property", "[stix][schema]") {
  const SchemaStore& store = SchemaStore::Default();
  for (const std::string& type : store.KnownTypes()) {
    const SchemaFile* file = nullptr;
    for (const SchemaFile& each : SchemaFiles()) {
      if (each.name == store.FileNameOf(type)) file = &each;
    }
    REQUIRE(file != nullptr);
    std::function<void(const SchemaFile&, const rapidjson::Value&, int)> walk =
        [&](const SchemaFile& in, const rapidjson::Value& node, int depth) {
          if (!node.IsObject() || depth > 16) return;
          if (node.HasMember("$ref")) {
            const SchemaFile* target_file = nullptr;
            if (const auto* target = Resolve(in, node["$ref"].GetString(), &target_file)) {
              walk(*target_file, *target, depth + 1);
            }
            return;
          }
          if (node.HasMember("required")) {
            for (const auto& name : node["required"].GetArray()) {
              INFO(type << ": required " << name.GetString());
              CHECK(store.HasProperty(type, name.GetString()));
            }
          }
          for (const char* list : {"allOf", "anyOf", "oneOf"}) {
            if (!node.HasMember(list)) continue;
            for (const auto& branch : node[list].GetArray()) walk(in, branch, depth + 1);
          }
          if (node.HasMember("not")) walk(in, node["not"], depth + 1);
        };
    walk(*file, file->json, 0);
  }
}

}  // namespace
}  // namespace stixkit::stix
