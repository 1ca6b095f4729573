// The schema stage of validation: one STIX object against the bundled JSON schema of
// its type (stix/schemas/), dispatched the way the reference validator does it:
// - a spec-defined type uses its own schema;
// - a custom type uses core.json, or cyber-observable-core.json when the object has
//   neither "created" nor "modified";
// - a bundle is checked without its "objects" (the caller validates each member);
// - each value of an observed-data's deprecated "objects" dictionary is checked
//   against its own SCO schema (cyber-observable-core.json for custom types).
//
//   Findings findings;
//   CheckSchema(object, options, &findings);
//
// Findings have an empty code and error severity. The pointer locates the first
// violation in the object (RapidJSON reports one); the message says what the schema
// expected there and what was found, e.g. pointer "/created" with
//   expected a timestamp with millisecond precision (YYYY-MM-DDTHH:mm:ss.sssZ), got
//   "2016-01-01T00:00:00Z"
// The wording comes from the schemas: a node's "title" names the expected value, and
// the "description" of a node holding anyOf/oneOf/not/additionalProperties is the
// message when that rule fails.
//
// Thread-safe: each thread compiles its own copy of the schemas on first use (a few
// milliseconds); the schema JSON comes from SchemaStore::Default(). The engine is this
// file's own (RapidJSON's validator was too slow, see schema_check.cc); it gives the
// same verdicts as rapidjson::SchemaValidator over SchemaStore's compiled documents,
// which the tests check object by object.
#ifndef STIXKIT_STIX_VALIDATE_SCHEMA_CHECK_H_
#define STIXKIT_STIX_VALIDATE_SCHEMA_CHECK_H_

#include <optional>
#include <string_view>

#include "rapidjson/document.h"
#include "stix/validate/finding.h"
#include "stix/validate/options.h"

namespace stixkit::stix {

// Appends to `out` one finding per schema violation found: none when `object` is valid
// for the schema stage, at most one for the object itself plus one per embedded
// observed-data object. `object` is read only and may be any JSON value.
void CheckSchema(const rapidjson::Value& object, const ValidationOptions& options, Findings* out);

// Checks `value` against one bundled schema file by name ("indicator.json",
// "core.json"), without CheckSchema's dispatch. Returns true when `value` is valid or no
// such file is bundled; otherwise appends one finding (object id from `value`'s "id",
// if any) and returns false.
bool CheckAgainstSchemaFile(const rapidjson::Value& value, std::string_view file_name,
                            Findings* out);

// For tests: whether `pattern` is found in `text` by the engine CheckSchema runs
// schema patterns with, or nullopt when RapidJSON 1.1.0 would not compile `pattern`.
std::optional<bool> SchemaPatternSearchForTesting(std::string_view pattern, std::string_view text);

}  // namespace stixkit::stix

#endif  // STIXKIT_STIX_VALIDATE_SCHEMA_CHECK_H_
