#include "stix/validate/best_practice/internal/type_rules.h"

#include <memory>

#include "stix/base/strings.h"

namespace stixkit::stix::best_practice {
namespace {

TypeRules Build(std::string_view type) {
  const SchemaStore& store = SchemaStore::Default();
  const CheckTables& tables = CheckTables::Get();
  TypeRules rules;
  rules.known = store.IsKnownType(type);
  if (rules.known) rules.category = store.CategoryOf(type);
  rules.is_sco = rules.known && rules.category == ObjectCategory::kSco;
  rules.spec_properties = SpecProperties(type);
  rules.extensions = &SpecExtensions(type);
  rules.nested_sites = NestedSitesOf(type);
  rules.vocab_rules = tables.VocabRulesFor(type);
  rules.open_vocab_properties = tables.OpenVocabPropertiesFor(type);
  rules.deprecated_properties = tables.DeprecatedPropertiesFor(type);
  rules.uses_kill_chain_phases = tables.UsesKillChainPhases(type);
  return rules;
}

struct Index {
  absl::flat_hash_map<std::string, TypeRules> by_type;
  TypeRules custom;
};

const Index& TheIndex() {
  static const Index* const index = [] {
    auto* idx = new Index();
    idx->custom = Build("");
    for (const std::string& type : SchemaStore::Default().KnownTypes()) {
      idx->by_type.emplace(type, Build(type));
    }
    // Types the check data names without a schema (the reference's own typos, such
    // as 'grouping-of-action') still carry their rules.
    for (const std::string& type : CheckTables::Get().TypesWithRules()) {
      if (!idx->by_type.contains(type)) idx->by_type.emplace(type, Build(type));
    }
    return idx;
  }();
  return *index;
}

}  // namespace

const TypeRules& RulesFor(std::string_view type) {
  const Index& index = TheIndex();
  const auto it = index.by_type.find(Av(type));
  return it == index.by_type.end() ? index.custom : it->second;
}

}  // namespace stixkit::stix::best_practice
