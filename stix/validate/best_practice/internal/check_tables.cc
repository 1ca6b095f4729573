#include "stix/validate/best_practice/internal/check_tables.h"

#include <cstdio>
#include <cstdlib>

#include "rapidjson/document.h"
#include "stix/base/embedded_files.h"
#include "stix/base/strings.h"
#include "stix/model/vocabularies.h"
#include "stix/validate/best_practice/internal/json_access.h"

namespace stixkit::stix::best_practice {
namespace {

constexpr const char* kPath = "stix/data/check-codes.json";

[[noreturn]] void Die(const char* what) {
  std::fprintf(stderr, "stixkit: embedded %s: %s\n", kPath, what);
  std::abort();
}

const rapidjson::Value& Block(const rapidjson::Document& doc, std::string_view name) {
  const rapidjson::Value* block = Member(doc, name);
  if (block == nullptr || !block->IsObject()) Die("a data block is missing");
  return *block;
}

std::vector<std::string> Strings(const rapidjson::Value* list) {
  std::vector<std::string> out;
  if (list == nullptr || !list->IsArray()) Die("expected a list of names");
  for (const auto& v : list->GetArray()) {
    if (!v.IsString()) Die("expected a list of names");
    out.emplace_back(View(v));
  }
  return out;
}

// {"type": ["property", ...], ...}
template <typename Fn>
void ForEachUse(const rapidjson::Value* uses, Fn fn) {
  if (uses == nullptr || !uses->IsObject()) Die("expected a 'uses' object");
  for (const auto& m : uses->GetObject()) {
    for (std::string& property : Strings(&m.value)) fn(View(m.name), std::move(property));
  }
}

template <typename Map>
absl::Span<const typename Map::mapped_type::value_type> Find(const Map& map, std::string_view key) {
  const auto it = map.find(Av(key));
  if (it == map.end()) return {};
  return it->second;
}

}  // namespace

const CheckTables& CheckTables::Get() {
  static const CheckTables* const tables = new CheckTables();
  return *tables;
}

CheckTables::CheckTables() {
  const auto text = FindEmbeddedFile(kPath);
  if (!text) Die("not embedded");
  rapidjson::Document doc;
  doc.Parse(text->data(), text->size());
  if (doc.HasParseError() || !doc.IsObject()) Die("not valid JSON");

  const rapidjson::Value* checks = Member(Block(doc, "vocabularies"), "checks");
  if (checks == nullptr || !checks->IsArray()) Die("vocabularies.checks is missing");
  for (const auto& check : checks->GetArray()) {
    const std::string code(StringMember(check, "code"));
    const std::string vocabulary(StringMember(check, "vocabulary"));
    const auto* values = FindVocabulary(vocabulary);
    ForEachUse(Member(check, "uses"), [&](std::string_view type, std::string property) {
      vocab_rules_[std::string(type)].push_back({code, std::move(property), vocabulary, values});
    });
  }
  ForEachUse(Member(Block(doc, "open_vocab_format"), "uses"),
             [&](std::string_view type, std::string property) {
               open_vocab_properties_[std::string(type)].push_back(std::move(property));
             });
  for (auto& t : Strings(Member(Block(doc, "kill_chain_phase_types"), "types"))) {
    kill_chain_types_.insert(std::move(t));
  }
  for (auto& k : Strings(Member(Block(doc, "dictionary_key_exceptions"), "keys"))) {
    dictionary_key_exceptions_.insert(std::move(k));
  }
  ForEachUse(Member(Block(doc, "deprecated_properties"), "uses"),
             [&](std::string_view type, std::string property) {
               deprecated_properties_[std::string(type)].push_back(std::move(property));
             });
  const rapidjson::Value& reserved = Block(doc, "reserved");
  for (auto& p : Strings(Member(reserved, "properties"))) reserved_properties_.insert(p);
  for (auto& t : Strings(Member(reserved, "types"))) reserved_types_.insert(t);
}

absl::Span<const VocabRule> CheckTables::VocabRulesFor(std::string_view type) const {
  return Find(vocab_rules_, type);
}

absl::Span<const std::string> CheckTables::OpenVocabPropertiesFor(std::string_view type) const {
  return Find(open_vocab_properties_, type);
}

bool CheckTables::UsesKillChainPhases(std::string_view type) const {
  return kill_chain_types_.contains(Av(type));
}

bool CheckTables::IsDictionaryKeyException(std::string_view key) const {
  return dictionary_key_exceptions_.contains(Av(key));
}

absl::Span<const std::string> CheckTables::DeprecatedPropertiesFor(std::string_view type) const {
  return Find(deprecated_properties_, type);
}

bool CheckTables::IsReservedProperty(std::string_view name) const {
  return reserved_properties_.contains(Av(name));
}

bool CheckTables::IsReservedType(std::string_view name) const {
  return reserved_types_.contains(Av(name));
}

std::vector<std::string> CheckTables::VocabularyNames() const {
  absl::flat_hash_set<std::string> names;
  for (const auto& [type, rules] : vocab_rules_) {
    for (const VocabRule& rule : rules) names.insert(rule.vocabulary);
  }
  return {names.begin(), names.end()};
}

std::vector<std::string> CheckTables::TypesWithRules() const {
  absl::flat_hash_set<std::string> types(kill_chain_types_.begin(), kill_chain_types_.end());
  for (const auto& [type, rules] : vocab_rules_) types.insert(type);
  for (const auto& [type, names] : open_vocab_properties_) types.insert(type);
  for (const auto& [type, names] : deprecated_properties_) types.insert(type);
  return {types.begin(), types.end()};
}

}  // namespace stixkit::stix::best_practice
