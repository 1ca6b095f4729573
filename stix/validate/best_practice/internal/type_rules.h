// Everything the best-practice checks need to know about an object type, gathered
// once per type so that each object costs a single hash lookup: the schema facts
// (SchemaStore via spec_names) and the check data (check_tables).
//
//   const TypeRules& rules = RulesFor(info.type);
//   for (const VocabRule& rule : rules.vocab_rules) ...
//
// Built on first use for every spec-defined type and every type the check data names;
// other (custom) types share one empty entry. Thread-safe; entries live forever.
#ifndef STIXKIT_STIX_VALIDATE_BEST_PRACTICE_INTERNAL_TYPE_RULES_H_
#define STIXKIT_STIX_VALIDATE_BEST_PRACTICE_INTERNAL_TYPE_RULES_H_

#include <string>
#include <string_view>

#include "absl/container/flat_hash_map.h"
#include "absl/types/span.h"
#include "stix/validate/best_practice/internal/check_tables.h"
#include "stix/validate/best_practice/internal/spec_names.h"
#include "stix/validate/schema_store.h"

namespace stixkit::stix::best_practice {

struct TypeRules {
  bool known = false;                              // the bundled schemas define the type
  ObjectCategory category = ObjectCategory::kSdo;  // meaningless unless known
  bool is_sco = false;
  const NameSet* spec_properties = nullptr;                               // nullptr unless known
  const absl::flat_hash_map<std::string, NameSet>* extensions = nullptr;  // never null
  absl::Span<const NestedSite> nested_sites;
  absl::Span<const VocabRule> vocab_rules;
  absl::Span<const std::string> open_vocab_properties;
  absl::Span<const std::string> deprecated_properties;
  bool uses_kill_chain_phases = false;
};

const TypeRules& RulesFor(std::string_view type);

}  // namespace stixkit::stix::best_practice

#endif  // STIXKIT_STIX_VALIDATE_BEST_PRACTICE_INTERNAL_TYPE_RULES_H_
