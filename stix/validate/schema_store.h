// The bundled STIX 2.1 JSON schemas (draft-04 dialect, stix/schemas/), compiled into
// the binary and loaded once. Every schema-derived fact the validator needs comes from
// here, so the schemas stay the one source of truth for property names.
//
//   const SchemaStore& store = SchemaStore::Default();
//   if (const auto* doc = store.ForType("indicator")) { ...validate with *doc... }
//   bool known = store.HasProperty("indicator", "pattern");
//
// Default() is built on first use (thread-safe static init) and never destroyed; every
// pointer it returns lives for the whole program. All methods are const and thread-safe.
// Validating against a returned SchemaDocument is not: RapidJSON 1.1.0's regex engine
// keeps its match state inside the compiled pattern, so two threads validating against
// the same document race. The validator itself uses CheckSchema (schema_check.h), which
// is thread-safe and much faster; the compiled documents serve RapidJSON users and the
// tests that compare the two.
//
// The documents are compiled from a copy of each file in which "additionalProperties":
// false next to "patternProperties" reads {"not": {}}: same meaning, but it avoids a
// RapidJSON 1.1.0 bug that validates a pattern-matched member against the enclosing
// object's schema.
#ifndef STIXKIT_STIX_VALIDATE_SCHEMA_STORE_H_
#define STIXKIT_STIX_VALIDATE_SCHEMA_STORE_H_

#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "absl/container/flat_hash_map.h"
#include "absl/container/flat_hash_set.h"
#include "rapidjson/schema.h"

namespace stixkit::stix {

enum class ObjectCategory { kSdo, kSro, kSco, kMeta, kBundle };

class SchemaStore {
 public:
  // The store over the embedded schemas. Aborts with a message if an embedded schema
  // does not parse: that is a build defect, caught by the schema tests.
  static const SchemaStore& Default();

  // The compiled schema for a spec-defined STIX type ("indicator", "ipv4-addr",
  // "marking-definition", "bundle"), or nullptr for a type the spec does not define.
  const rapidjson::SchemaDocument* ForType(std::string_view type) const;

  // A compiled schema by file name ("core.json", "cyber-observable-core.json"), or
  // nullptr. Used for custom types, which fall back to the common schemas.
  const rapidjson::SchemaDocument* ByName(std::string_view file_name) const;

  // Whether the spec defines `type`, and its category. Category is meaningless for an
  // unknown type.
  bool IsKnownType(std::string_view type) const;
  ObjectCategory CategoryOf(std::string_view type) const;

  // The spec-defined top-level property names of `type`, common ones included, as the
  // schemas declare them. Empty set for unknown types.
  const absl::flat_hash_set<std::string>& PropertiesOf(std::string_view type) const;
  bool HasProperty(std::string_view type, std::string_view property) const;

  // The predefined extensions of an SCO type ("file" -> "ntfs-ext", ...) and the
  // property names each declares. Empty for types without predefined extensions.
  const absl::flat_hash_map<std::string, absl::flat_hash_set<std::string>>& ExtensionsOf(
      std::string_view type) const;

  // Every spec-defined type name, sorted.
  std::vector<std::string> KnownTypes() const;

  // The parsed JSON of a schema file by name ("core.json"), or nullptr. For code that
  // reads the schemas themselves (error messages, derived facts); lives as long as
  // the store.
  const rapidjson::Value* JsonByName(std::string_view file_name) const;

  // The schema file name of a spec-defined type ("indicator" -> "indicator.json"), or
  // "" for an unknown type. The view lives as long as the store.
  std::string_view FileNameOf(std::string_view type) const;

  SchemaStore(const SchemaStore&) = delete;
  SchemaStore& operator=(const SchemaStore&) = delete;
  ~SchemaStore();

 private:
  SchemaStore();
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace stixkit::stix

#endif  // STIXKIT_STIX_VALIDATE_SCHEMA_STORE_H_
