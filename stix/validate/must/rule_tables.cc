#include "stix/validate/must/internal/rule_tables.h"

#include <cstdio>
#include <cstdlib>

#include "rapidjson/document.h"
#include "stix/base/embedded_files.h"
#include "stix/base/strings.h"
#include "stix/validate/must/internal/json_access.h"

namespace stixkit::stix::must {
namespace {

constexpr std::string_view kRulesFile = "stix/data/must-rules.json";

[[noreturn]] void Die(std::string_view what) {
  std::fprintf(stderr, "stixkit: %.*s: %.*s (build defect)\n", static_cast<int>(kRulesFile.size()),
               kRulesFile.data(), static_cast<int>(what.size()), what.data());
  std::abort();
}

std::vector<std::string> Strings(const rapidjson::Value& list) {
  std::vector<std::string> out;
  if (!list.IsArray()) Die("expected a list of strings");
  for (const auto& item : list.GetArray()) {
    if (!item.IsString()) Die("expected a list of strings");
    out.emplace_back(View(item));
  }
  return out;
}

// ["later", "ge"|"gt", "earlier"]
TimestampOrder Order(const rapidjson::Value& row) {
  const std::vector<std::string> cells = Strings(row);
  if (cells.size() != 3 || (cells[1] != "ge" && cells[1] != "gt")) {
    Die("a timestamp order row is [later, \"ge\"|\"gt\", earlier]");
  }
  return {cells[0], cells[2], cells[1] == "gt"};
}

// Every member not starting with "_" is a type name mapped to rows.
void ReadOrderBlock(const rapidjson::Value& block,
                    absl::flat_hash_map<std::string, std::vector<TimestampOrder>>* out) {
  if (!block.IsObject()) Die("missing timestamp order block");
  for (const auto& m : block.GetObject()) {
    if (View(m.name).starts_with('_')) continue;
    if (!m.value.IsArray()) Die("timestamp order rows must be a list");
    auto& rows = (*out)[std::string(View(m.name))];
    for (const auto& row : m.value.GetArray()) rows.push_back(Order(row));
  }
}

void ReadRefRules(const rapidjson::Value& block,
                  absl::flat_hash_map<std::string, std::vector<ObservableRefRule>>* out) {
  const rapidjson::Value* rules = Member(block, "rules");
  if (rules == nullptr || !rules->IsArray()) Die("missing observable_refs.rules");
  for (const auto& rule : rules->GetArray()) {
    const rapidjson::Value* path = Member(rule, "path");
    const rapidjson::Value* targets = Member(rule, "targets");
    if (StringMember(rule, "type").empty() || path == nullptr || targets == nullptr) {
      Die("an observable_refs rule needs type, path and targets");
    }
    (*out)[std::string(StringMember(rule, "type"))].push_back({Strings(*path), Strings(*targets)});
  }
}

const rapidjson::Value& Block(const rapidjson::Document& doc, std::string_view name) {
  const rapidjson::Value* block = Member(doc, name);
  if (block == nullptr || !block->IsObject()) Die(name);
  return *block;
}

}  // namespace

MustRuleTables LoadMustRules() {
  const std::optional<std::string_view> text = FindEmbeddedFile(kRulesFile);
  if (!text) Die("not embedded");
  rapidjson::Document doc;
  doc.Parse(text->data(), text->size());
  if (doc.HasParseError() || !doc.IsObject()) Die("not valid JSON");

  MustRuleTables tables;
  ReadOrderBlock(Block(doc, "timestamp_order"), &tables.order_);
  if (auto common = tables.order_.extract("*")) tables.common_order_ = std::move(common.mapped());
  ReadOrderBlock(Block(doc, "observable_timestamp_order"), &tables.observable_order_);
  ReadRefRules(Block(doc, "observable_refs"), &tables.refs_);
  const rapidjson::Value* types = Member(Block(doc, "uuid_v4_unless_contributing"), "types");
  if (types == nullptr) Die("missing uuid_v4_unless_contributing.types");
  for (std::string& type : Strings(*types)) {
    tables.uuid_v4_unless_contributing_.insert(std::move(type));
  }
  return tables;
}

const MustRuleTables& MustRuleTables::Get() {
  static const MustRuleTables* const tables = new MustRuleTables(LoadMustRules());
  return *tables;
}

absl::Span<const TimestampOrder> MustRuleTables::OrderFor(std::string_view type) const {
  const auto it = order_.find(Av(type));
  return it == order_.end() ? absl::Span<const TimestampOrder>() : it->second;
}

absl::Span<const TimestampOrder> MustRuleTables::ObservableOrderFor(std::string_view type) const {
  const auto it = observable_order_.find(Av(type));
  return it == observable_order_.end() ? absl::Span<const TimestampOrder>() : it->second;
}

absl::Span<const ObservableRefRule> MustRuleTables::RefRulesFor(std::string_view type) const {
  const auto it = refs_.find(Av(type));
  return it == refs_.end() ? absl::Span<const ObservableRefRule>() : it->second;
}

}  // namespace stixkit::stix::must
