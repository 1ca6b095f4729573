#include "stix/validate/schema_check.h"

#include <memory>
#include <optional>
#include <string>
#include <string_view>

#include "absl/strings/str_cat.h"
#include "rapidjson/stringbuffer.h"
#include "rapidjson/writer.h"
#include "stix/base/strings.h"
#include "stix/validate/internal/compiled_schema.h"
#include "stix/validate/internal/schema_regex.h"
#include "stix/validate/schema_store.h"

// Why not rapidjson::SchemaValidator: on RapidJSON 1.1.0 it managed ~16,000 STIX
// objects/s. Its regex engine spends about 1 µs per search (a Thompson NFA that clears
// its state set on every character), every allOf branch and patternProperties match
// runs a parallel validator fed every SAX event, and a failure is reported as "allOf"
// at the object. internal/compiled_schema.h compiles the same draft-04 schemas into a
// tree walked directly over the rapidjson::Value, with the patterns run as lazily built
// DFAs (internal/schema_regex.h) that give the same answers as RapidJSON's engine
// (global "^"/"$" anchors included). This file words the first violation as a finding
// and dispatches each object to its schema. The tests replay every conformance object
// through both and compare verdicts.

namespace stixkit::stix {
namespace {

using rapidjson::Value;
using validate::internal::AppendToken;
using validate::internal::Check;
using validate::internal::CompiledSchemas;
using validate::internal::Failure;
using validate::internal::Member;
using validate::internal::NameOf;
using validate::internal::Node;
using validate::internal::Pattern;
using validate::internal::StringOf;
using validate::internal::Trace;

// The reference validator's fallbacks for types without a schema of their own.
constexpr std::string_view kCoreSchema = "core.json";
constexpr std::string_view kObservableCoreSchema = "cyber-observable-core.json";
// Values quoted in messages are cut to this many bytes.
constexpr size_t kMaxValueText = 80;

// ---------------------------------------------------------------------------------
// Messages.

// Compact JSON, cut short: "2016-01-01T00:00:00Z", 21, [], {"a": ...
std::string ValueText(const Value& value) {
  rapidjson::StringBuffer buffer;
  rapidjson::Writer<rapidjson::StringBuffer> writer(buffer);
  value.Accept(writer);
  std::string text(buffer.GetString(), buffer.GetSize());
  if (text.size() > kMaxValueText) {
    size_t cut = kMaxValueText;
    while (cut > 0 && (static_cast<unsigned char>(text[cut]) & 0xC0) == 0x80) --cut;  // UTF-8
    text.resize(cut);
    text += "...";
  }
  return text;
}

// What a keyword wanted, for a schema node without a "title".
std::string KeywordExpectation(const Failure& failure) {
  const Value* arg = Member(*failure.node->json, failure.keyword);
  const std::string text = arg != nullptr ? ValueText(*arg) : std::string();
  const std::string_view keyword = failure.keyword;
  if (keyword == "type") {
    if (arg == nullptr || !arg->IsString()) return absl::StrCat("a value of type ", text);
    const std::string_view type = NameOf(*arg);
    if (type == "array") return "a list";
    if (type == "integer" || type == "object") return absl::StrCat("an ", Av(type));
    return absl::StrCat("a ", Av(type));
  }
  if (keyword == "enum") return absl::StrCat("one of ", text);
  if (keyword == "pattern") return absl::StrCat("a string matching ", text);
  if (keyword == "minLength") return absl::StrCat("at least ", text, " characters");
  if (keyword == "maxLength") return absl::StrCat("at most ", text, " characters");
  if (keyword == "minimum") return absl::StrCat("a number of at least ", text);
  if (keyword == "maximum") return absl::StrCat("a number of at most ", text);
  if (keyword == "minItems") return absl::StrCat("a list of at least ", text, " items");
  if (keyword == "maxItems") return absl::StrCat("a list of at most ", text, " items");
  if (keyword == "minProperties") return absl::StrCat("an object of at least ", text, " members");
  if (keyword == "maxProperties") return absl::StrCat("an object of at most ", text, " members");
  return "a different value";
}

// A rule over several values (anyOf, oneOf, not, additionalProperties) is worded by
// its node's "description"; a rule over one value reads "expected <title>, got <value>".
std::string Message(const Failure& failure) {
  const std::string_view description = StringOf(Member(*failure.node->json, "description"));
  const std::string_view keyword = failure.keyword;
  const std::string got = ValueText(*failure.value);
  if (keyword == "required")
    return absl::StrCat("missing required property \"", failure.detail, "\"");
  if (keyword == "dependencies") return absl::StrCat("property ", failure.detail);
  if (keyword == "additionalProperties") {
    return absl::StrCat("unexpected property \"", failure.detail, "\"",
                        description.empty() ? "" : ": ", Av(description));
  }
  if (keyword == "anyOf" || keyword == "oneOf" || keyword == "not") {
    if (!description.empty()) return std::string(description);
    if (!failure.title.empty()) return absl::StrCat("expected ", Av(failure.title), ", got ", got);
    if (keyword == "not") return absl::StrCat("value not allowed here: ", got);
    if (failure.detail == "several")
      return absl::StrCat("matches more than one allowed form: ", got);
    return absl::StrCat("matches none of the allowed forms: ", got);
  }
  const std::string expected =
      failure.title.empty() ? KeywordExpectation(failure) : std::string(failure.title);
  return absl::StrCat("expected ", expected, ", got ", got);
}

// ---------------------------------------------------------------------------------
// Dispatch.

CompiledSchemas& SchemasForThisThread() {
  thread_local CompiledSchemas schemas(SchemaStore::Default());
  return schemas;
}

// Checks `value` against the schema file `file` and appends at most one finding.
void Validate(CompiledSchemas& schemas, const Value& value, std::string_view file,
              const std::string& object_id, std::string_view pointer_prefix, Findings* out) {
  const Node* root = schemas.Root(file);
  if (root == nullptr || Check(value, *root, nullptr)) return;
  Trace trace;
  Check(value, *root, &trace);
  if (!trace.failure) {  // not expected: the traced walk takes the same decisions
    out->push_back(Finding::Error("", object_id, std::string(pointer_prefix),
                                  absl::StrCat("does not match schema ", Av(file))));
    return;
  }
  out->push_back(Finding::Error("", object_id,
                                absl::StrCat(Av(pointer_prefix), trace.failure->pointer),
                                Message(*trace.failure)));
}

// The reference's dispatch: a spec type's own schema; a custom type falls back to the
// SDO/SRO core, or to the SCO core when it carries neither created nor modified.
std::string_view SchemaFileFor(const SchemaStore& store, const Value& object) {
  const std::string_view type = StringOf(Member(object, "type"));
  if (const std::string_view file = store.FileNameOf(type); !file.empty()) return file;
  if (object.HasMember("created") || object.HasMember("modified")) return kCoreSchema;
  return kObservableCoreSchema;
}

// A bundle's members are validated one by one by the caller; like the reference, the
// bundle itself is checked as if "objects" held anything.
void CheckBundle(CompiledSchemas& schemas, std::string_view file, const Value& bundle,
                 const std::string& id, Findings* out) {
  rapidjson::Document shell(rapidjson::kObjectType);
  for (const auto& member : bundle.GetObject()) {
    if (NameOf(member.name) == "objects") continue;
    shell.AddMember(Value(member.name, shell.GetAllocator()),
                    Value(member.value, shell.GetAllocator()), shell.GetAllocator());
  }
  Validate(schemas, shell, file, id, "", out);
}

// Each value of observed-data's deprecated "objects" dictionary, against its SCO schema.
void CheckEmbeddedObservables(const SchemaStore& store, CompiledSchemas& schemas,
                              const Value& observed_data, const std::string& id, Findings* out) {
  const Value* objects = Member(observed_data, "objects");
  if (objects == nullptr || !objects->IsObject()) return;
  for (const auto& member : objects->GetObject()) {
    if (!member.value.IsObject()) continue;  // observed-data.json reports it
    const std::string_view type = StringOf(Member(member.value, "type"));
    std::string_view file = kObservableCoreSchema;
    if (store.IsKnownType(type) && store.CategoryOf(type) == ObjectCategory::kSco) {
      file = store.FileNameOf(type);
    }
    std::string prefix = "/objects";
    AppendToken(&prefix, NameOf(member.name));
    Validate(schemas, member.value, file, id, prefix, out);
  }
}

}  // namespace

void CheckSchema(const rapidjson::Value& object, const ValidationOptions& /*options*/,
                 Findings* out) {
  if (!object.IsObject()) {
    out->push_back(Finding::Error(
        "", "", "",
        absl::StrCat("expected a STIX object (a JSON object), got ", ValueText(object))));
    return;
  }
  const SchemaStore& store = SchemaStore::Default();
  CompiledSchemas& schemas = SchemasForThisThread();
  const std::string id(StringOf(Member(object, "id")));
  const std::string_view type = StringOf(Member(object, "type"));
  if (type == "bundle") {
    CheckBundle(schemas, store.FileNameOf(type), object, id, out);
    return;
  }
  Validate(schemas, object, SchemaFileFor(store, object), id, "", out);
  if (type == "observed-data") CheckEmbeddedObservables(store, schemas, object, id, out);
}

bool CheckAgainstSchemaFile(const rapidjson::Value& value, std::string_view file_name,
                            Findings* out) {
  const size_t before = out->size();
  Validate(SchemasForThisThread(), value, file_name, std::string(StringOf(Member(value, "id"))), "",
           out);
  return out->size() == before;
}

std::optional<bool> SchemaPatternSearchForTesting(std::string_view pattern, std::string_view text) {
  std::unique_ptr<Pattern> compiled = Pattern::Compile(pattern);
  if (compiled == nullptr) return std::nullopt;
  return compiled->Search(text);
}

}  // namespace stixkit::stix
