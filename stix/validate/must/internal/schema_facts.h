// What the bundled JSON schemas (stix/schemas/) say about a STIX type below and beside
// what SchemaStore answers, read from the schema files themselves so that no property
// name is typed into C++:
// - which properties carry a JSON-schema "format" ("uri", "email", ...), which the
//   draft-04 engine does not check and the reference validator does;
// - which properties have the timestamp definition as their schema;
// - which property names an embedded type declares (x509_v3_extensions, the items of
//   windows-registry-key "values", ntfs-ext "alternate_data_streams", ...).
//
//   const TypeSchemaFacts& facts = SchemaFactsFor("url");
//   for (const FormatRule& rule : facts.formats) ...  // {path: ["value"], format: "uri"}
//
// A path is a list of steps from the object: a property name, "[]" for every item of a
// list, or "*" for every member of a dictionary. The walk follows "properties", "items",
// "patternProperties", "additionalProperties", allOf/anyOf/oneOf and $ref (by file
// name, as SchemaStore resolves them).
//
// Built for every known type on first use (thread-safe static init) and never
// destroyed; references stay valid for the whole program. Thread-safe.
#ifndef STIXKIT_STIX_VALIDATE_MUST_INTERNAL_SCHEMA_FACTS_H_
#define STIXKIT_STIX_VALIDATE_MUST_INTERNAL_SCHEMA_FACTS_H_

#include <string>
#include <string_view>
#include <vector>

#include "absl/container/flat_hash_map.h"
#include "absl/container/flat_hash_set.h"

namespace stixkit::stix::must {

using SchemaPath = std::vector<std::string>;

struct FormatRule {
  SchemaPath path;
  std::string format;
};

struct TypeSchemaFacts {
  std::vector<FormatRule> formats;
  std::vector<SchemaPath> timestamps;
  // Property names declared inside the type's own schema file, keyed by the path of
  // the embedded type with "[]" steps left out ("x509_v3_extensions", "values",
  // "extensions/ntfs-ext/alternate_data_streams"). The top level is "".
  absl::flat_hash_map<std::string, absl::flat_hash_set<std::string>> embedded_properties;
};

// The facts of a spec-defined type. For any other type, the facts of the schema the
// reference validator falls back to: cyber-observable-core.json for an object without
// "created"/"modified" that is not a marking-definition, else core.json. Pass whether
// the object looks like an SCO in that sense.
const TypeSchemaFacts& SchemaFactsFor(std::string_view type, bool looks_like_sco);

// Every "format" name used anywhere in the bundled schemas, for the test that checks
// formats.cc knows them all.
std::vector<std::string> AllSchemaFormats();

}  // namespace stixkit::stix::must

#endif  // STIXKIT_STIX_VALIDATE_MUST_INTERNAL_SCHEMA_FACTS_H_
