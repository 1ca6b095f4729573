// The compiled schema of the schema stage: every bundled draft-04 schema (stix/schemas/)
// compiled into a tree of Nodes, one per schema JSON node, "$ref" resolved at compile
// time (draft-04: a "$ref" replaces its siblings, as in RapidJSON), and Check, the walk
// of that tree over a rapidjson::Value. Internal to stix/validate.
//
//   CompiledSchemas schemas(SchemaStore::Default());
//   const Node* root = schemas.Root("indicator.json");  // nullptr: no such file
//   Trace trace;
//   if (root != nullptr && !Check(object, *root, &trace)) Use(*trace.failure);
//
// Check without a Trace only answers valid or not; with one it also records where the
// first violation is and what the schema wanted there (schema_check.cc words it).
//
// Not thread-safe: Nodes remember pattern matches per key and Patterns build their DFAs
// as they search, so a CompiledSchemas and its Nodes belong to one thread. Nodes,
// Failures and the string views in them point into the CompiledSchemas and the
// SchemaStore's JSON, which must outlive them; a Failure's `value` points into the
// checked value.
#ifndef STIXKIT_STIX_VALIDATE_INTERNAL_COMPILED_SCHEMA_H_
#define STIXKIT_STIX_VALIDATE_INTERNAL_COMPILED_SCHEMA_H_

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "absl/container/flat_hash_map.h"
#include "absl/container/flat_hash_set.h"
#include "rapidjson/document.h"
#include "stix/validate/internal/schema_regex.h"
#include "stix/validate/schema_store.h"

namespace stixkit::stix::validate::internal {

using rapidjson::Value;

// The member `name` of `object`, or nullptr when `object` is not an object or lacks it.
inline const Value* Member(const Value& object, std::string_view name) {
  if (!object.IsObject()) return nullptr;
  const auto it = object.FindMember(
      Value(rapidjson::StringRef(name.data(), static_cast<rapidjson::SizeType>(name.size()))));
  return it == object.MemberEnd() ? nullptr : &it->value;
}

// The string's bytes, or empty when `value` is null or not a string.
inline std::string_view StringOf(const Value* value) {
  if (value == nullptr || !value->IsString()) return {};
  return {value->GetString(), value->GetStringLength()};
}

// The string's bytes; `name` must be a string.
inline std::string_view NameOf(const Value& name) {
  return {name.GetString(), name.GetStringLength()};
}

// Node::types: the JSON types a schema node accepts.
enum TypeBit : uint8_t {
  kNullBit = 1,
  kBooleanBit = 2,
  kObjectBit = 4,
  kArrayBit = 8,
  kStringBit = 16,
  kIntegerBit = 32,  // RapidJSON: a value parsed as a double (1.0) is not an integer
  kNumberBit = 64,
  kAnyType = 127,
};

// One compiled schema node; absent keywords keep the defaults, which accept anything.
struct Node {
  const Value* json = nullptr;  // for messages: title, description, keyword arguments
  std::string_view title;
  uint8_t types = kAnyType;
  const Value* enum_values = nullptr;
  Pattern* pattern = nullptr;
  uint64_t min_length = 0, max_length = kUnbounded;
  const Value* minimum = nullptr;
  const Value* maximum = nullptr;
  bool exclusive_minimum = false, exclusive_maximum = false;
  // Objects.
  absl::flat_hash_map<std::string, const Node*> properties;
  std::vector<std::pair<Pattern*, const Node*>> pattern_properties;
  // Which pattern_properties match a key (bit i for entry i), remembered per key:
  // property names repeat across objects, and a lookup is cheaper than the searches.
  mutable absl::flat_hash_map<std::string, uint64_t> key_matches;
  absl::flat_hash_set<std::string> declared;  // required and dependency names
  bool forbid_additional = false;
  const Node* additional = nullptr;
  std::vector<std::string_view> required;
  uint64_t min_properties = 0, max_properties = kUnbounded;
  std::vector<std::pair<std::string_view, std::vector<std::string_view>>> dependencies;
  // Arrays.
  const Node* items = nullptr;
  uint64_t min_items = 0, max_items = kUnbounded;
  // Combinations.
  std::vector<const Node*> all_of, any_of, one_of;
  const Node* not_schema = nullptr;
};

// All bundled schemas, compiled once per thread (patterns build their DFAs lazily).
class CompiledSchemas {
 public:
  explicit CompiledSchemas(const SchemaStore& store) : store_(store) {}

  // The root node of a schema file, or nullptr when no such file is bundled.
  const Node* Root(std::string_view file) {
    const Value* json = store_.JsonByName(file);
    return json == nullptr ? nullptr : Compile(file, *json, 0);
  }

 private:
  const Node* Compile(std::string_view file, const Value& json, int depth);
  const Node* CompileRef(std::string_view file, std::string_view ref, int depth);
  void Fill(std::string_view file, const Value& json, Node* node, int depth);
  Pattern* PatternFor(const Value& source);

  const SchemaStore& store_;
  std::vector<std::unique_ptr<Node>> nodes_;
  absl::flat_hash_map<const Value*, const Node*> by_json_;
  absl::flat_hash_map<std::string, std::unique_ptr<Pattern>> patterns_;
};

// Where the first violation is and what the schema wanted there.
struct Failure {
  std::string pointer;           // into the validated value
  const Node* node = nullptr;    // whose keyword failed
  std::string_view keyword;      // "pattern", "required", ...
  std::string_view title;        // the nearest "title": what was expected
  std::string detail;            // a property name, for object keywords
  const Value* value = nullptr;  // the value that failed
};

// The walk's position (JSON pointer, nearest "title") and the failure it found.
struct Trace {
  std::string pointer;
  std::string_view title;
  std::optional<Failure> failure;
};

// Appends `token` to the JSON pointer `pointer`, RFC 6901 escaped.
void AppendToken(std::string* pointer, std::string_view token);

// Whether `value` satisfies `node`. On failure, when `trace` is not null, sets
// trace->failure to the first violation; the Trace's pointer and title are where the
// walk starts (both empty for a whole object).
bool Check(const Value& value, const Node& node, Trace* trace);

}  // namespace stixkit::stix::validate::internal

#endif  // STIXKIT_STIX_VALIDATE_INTERNAL_COMPILED_SCHEMA_H_
