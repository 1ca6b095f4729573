// The spec-defined names that the custom-content checks (101, 102, 401) compare
// object content against, all read from the bundled JSON schemas: top-level
// properties (SchemaStore), predefined SCO extensions and their properties
// (SchemaStore), and the members of the nested dictionaries the reference validator
// inspects one by one (schema_walker).
//
//   if (const NameSet* names = SpecProperties(info.type); names && !names->contains(p)) ...
//
// Lookups are allocation-free; nested names are resolved once, on first use.
// Thread-safe. Returned pointers live for the whole program.
#ifndef STIXKIT_STIX_VALIDATE_BEST_PRACTICE_INTERNAL_SPEC_NAMES_H_
#define STIXKIT_STIX_VALIDATE_BEST_PRACTICE_INTERNAL_SPEC_NAMES_H_

#include <string>
#include <string_view>

#include "absl/container/flat_hash_map.h"
#include "absl/container/flat_hash_set.h"
#include "absl/types/span.h"

namespace stixkit::stix::best_practice {

using NameSet = absl::flat_hash_set<std::string>;

// Top-level properties of a spec-defined type; nullptr for types the spec does not
// define.
const NameSet* SpecProperties(std::string_view type);

// The predefined extensions of an SCO type and their properties (empty for types
// without any, which is also how the reference decides whether to look at
// extensions at all: its OBSERVABLE_EXTENSIONS table).
const absl::flat_hash_map<std::string, NameSet>& SpecExtensions(std::string_view type);

// A nested dictionary whose members the reference checks by name
// (OBSERVABLE_EMBEDDED_PROPERTIES and OBSERVABLE_EXTENSION_EMBEDDED_PROPERTIES in
// v21/enums.py): `property` of the object itself, or of extension `extension`.
struct NestedSite {
  std::string_view extension;  // "" for a property of the object itself
  std::string_view property;   // "values", "alternate_data_streams", ...
  const NameSet* names;        // never null: sites the schemas do not resolve are dropped
};

// The nested sites of an SCO type (for example x509-certificate's x509_v3_extensions
// and, for file, the nested types of ntfs-ext and windows-pebinary-ext).
absl::Span<const NestedSite> NestedSitesOf(std::string_view type);

}  // namespace stixkit::stix::best_practice

#endif  // STIXKIT_STIX_VALIDATE_BEST_PRACTICE_INTERNAL_SPEC_NAMES_H_
