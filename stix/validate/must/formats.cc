// The JSON-schema "format" keywords of the bundled schemas. The RapidJSON draft-04
// engine ignores "format"; the reference validator runs jsonschema with a format
// checker, so a malformed URL or e-mail address is an error there. Which property has
// which format is read from the schemas (schema_facts.h), so the two cannot drift.
// The reference reports these in its schema stage, with jsonschema's wording.
#include "stix/validate/must/internal/checks.h"
#include "stix/validate/must/internal/format_matchers.h"
#include "stix/validate/must/internal/json_access.h"
#include "stix/validate/must/internal/schema_facts.h"

namespace stixkit::stix::must {
namespace {

// Python's repr() of a str, which jsonschema puts in its messages ('foo', or "it's").
std::string PythonRepr(std::string_view text) {
  const bool has_single = text.find('\'') != text.npos;
  const char quote = has_single && text.find('"') == text.npos ? '"' : '\'';
  std::string out(1, quote);
  for (const char c : text) {
    if (c == '\\' || c == quote) {
      out += '\\';
      out += c;
    } else if (c == '\n') {
      out += "\\n";
    } else if (c == '\r') {
      out += "\\r";
    } else if (c == '\t') {
      out += "\\t";
    } else {
      out += c;
    }
  }
  out += quote;
  return out;
}

// The reference validates an object without "created"/"modified" that is not a
// marking-definition against cyber-observable-core.json when its type is unknown.
bool LooksLikeSco(const Object& object) {
  return Member(object, "created") == nullptr && Member(object, "modified") == nullptr &&
         TypeOf(object) != "marking-definition";
}

// Checks `value` (at `pointer`) against the format rules of its type; findings name
// `owner`, the top-level object.
void CheckValue(const Object& owner, const Object& value, const TypeSchemaFacts& facts,
                std::string_view pointer, Findings* out) {
  for (const FormatRule& rule : facts.formats) {
    if (!IsKnownFormat(rule.format)) continue;
    VisitPath(value, pointer, rule.path, [&](const rapidjson::Value& leaf, const std::string& at) {
      // jsonschema's format checkers pass anything that is not a string.
      if (!leaf.IsString() || MatchesFormat(rule.format, View(leaf))) return;
      AddError(owner, at, Cat(PythonRepr(View(leaf)), " is not a ", PythonRepr(rule.format)), out);
    });
  }
}

}  // namespace

void CheckFormats(const Object& object, const CheckContext&, Findings* out) {
  const std::string_view type = TypeOf(object);
  CheckValue(object, object, SchemaFactsFor(type, LooksLikeSco(object)), "", out);
  // The reference validates each observable of observed-data "objects" against its own
  // type's schema (cyber-observable-core.json for custom types).
  const rapidjson::Value* objects = Member(object, "objects");
  if (type != "observed-data" || objects == nullptr || !objects->IsObject()) return;
  for (const auto& m : objects->GetObject()) {
    const std::string_view sco_type = TypeOf(m.value);
    if (sco_type.empty()) continue;
    CheckValue(object, m.value, SchemaFactsFor(sco_type, true), Pointer("/objects", View(m.name)),
               out);
  }
}

}  // namespace stixkit::stix::must
