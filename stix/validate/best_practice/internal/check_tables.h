// What each best-practice check inspects, as data: the "vocabularies",
// "open_vocab_format", "kill_chain_phase_types", "dictionary_key_exceptions",
// "deprecated_properties" and "reserved" blocks of stix/data/check-codes.json,
// indexed for per-object lookups without allocation.
//
//   for (const VocabRule& rule : CheckTables::Get().VocabRulesFor("identity")) ...
//
// Built once on first use (thread-safe static); never destroyed. Aborts with a message
// when the embedded file is missing or malformed: a build defect the tests catch.
#ifndef STIXKIT_STIX_VALIDATE_BEST_PRACTICE_INTERNAL_CHECK_TABLES_H_
#define STIXKIT_STIX_VALIDATE_BEST_PRACTICE_INTERNAL_CHECK_TABLES_H_

#include <string>
#include <string_view>
#include <vector>

#include "absl/container/flat_hash_map.h"
#include "absl/container/flat_hash_set.h"
#include "absl/types/span.h"

namespace stixkit::stix::best_practice {

// One property whose values should come from an open vocabulary.
struct VocabRule {
  std::string code;        // "215"
  std::string property;    // "sectors"
  std::string vocabulary;  // "industry-sector-ov"
  // The vocabulary's values, or nullptr when stix/model/vocabularies has no such list
  // (the rule is then skipped; a unit test keeps the names in step).
  const absl::flat_hash_set<std::string>* values = nullptr;
};

class CheckTables {
 public:
  static const CheckTables& Get();

  // Vocabulary rules for objects of `type` (checks 211-245 except 241 and 243).
  absl::Span<const VocabRule> VocabRulesFor(std::string_view type) const;
  // Properties whose values check 111 inspects on `type`.
  absl::Span<const std::string> OpenVocabPropertiesFor(std::string_view type) const;
  // Whether check 121 inspects kill_chain_phases of `type`.
  bool UsesKillChainPhases(std::string_view type) const;
  // Dictionaries whose keys check 142 skips.
  bool IsDictionaryKeyException(std::string_view key) const;
  // Deprecated properties of `type` (check 304).
  absl::Span<const std::string> DeprecatedPropertiesFor(std::string_view type) const;
  // Reserved names, never reported as custom content (checks 101, 102, 401).
  bool IsReservedProperty(std::string_view name) const;
  bool IsReservedType(std::string_view name) const;

  // Every vocabulary name the rules refer to (for the consistency test).
  std::vector<std::string> VocabularyNames() const;
  // Every object type some rule above names.
  std::vector<std::string> TypesWithRules() const;

 private:
  CheckTables();
  using NameList = std::vector<std::string>;
  absl::flat_hash_map<std::string, std::vector<VocabRule>> vocab_rules_;
  absl::flat_hash_map<std::string, NameList> open_vocab_properties_;
  absl::flat_hash_set<std::string> kill_chain_types_;
  absl::flat_hash_set<std::string> dictionary_key_exceptions_;
  absl::flat_hash_map<std::string, NameList> deprecated_properties_;
  absl::flat_hash_set<std::string> reserved_properties_;
  absl::flat_hash_set<std::string> reserved_types_;
};

}  // namespace stixkit::stix::best_practice

#endif  // STIXKIT_STIX_VALIDATE_BEST_PRACTICE_INTERNAL_CHECK_TABLES_H_
