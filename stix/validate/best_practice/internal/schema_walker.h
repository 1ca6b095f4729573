// Reads property names that the bundled JSON schemas declare below the top level of
// a type: the members of an embedded dictionary type (x509_v3_extensions, the items
// of windows-registry-key values) or of a predefined SCO extension's nested types.
// SchemaStore answers for top-level and extension properties; this covers the levels
// below, so that no spec property name is typed into C++.
//
//   auto names = SchemaPropertyNames("file", {"extensions", "ntfs-ext",
//                                             "alternate_data_streams"});
//
// The walk follows "properties", "patternProperties" keys of the form ^name$, "items",
// allOf/anyOf/oneOf branches and $ref (same file, relative file, or the schemas'
// http $ids). Slow (parses schema files); call it once per location and cache.
// Thread-compatible: use from one thread at a time.
#ifndef STIXKIT_STIX_VALIDATE_BEST_PRACTICE_INTERNAL_SCHEMA_WALKER_H_
#define STIXKIT_STIX_VALIDATE_BEST_PRACTICE_INTERNAL_SCHEMA_WALKER_H_

#include <initializer_list>
#include <optional>
#include <string>
#include <string_view>

#include "absl/container/flat_hash_set.h"

namespace stixkit::stix::best_practice {

// The property names declared at `path` below the schema of `type`, or nullopt when
// the type has no bundled schema or the path does not resolve.
std::optional<absl::flat_hash_set<std::string>> SchemaPropertyNames(
    std::string_view type, std::initializer_list<std::string_view> path);

}  // namespace stixkit::stix::best_practice

#endif  // STIXKIT_STIX_VALIDATE_BEST_PRACTICE_INTERNAL_SCHEMA_WALKER_H_
