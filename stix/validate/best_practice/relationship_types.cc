// Check 202 relationship-types: a relationship should use a relationship_type the
// spec defines for its source and target types (stix/data/relationship-types.json).
// Mirrors v21/shoulds.py relationships_strict: the common types (related-to, ...) and
// relationships touching a non-SDO/SCO are always fine, and the first mismatch among
// source type, relationship type and target type is the one reported.
#include <cstdio>
#include <cstdlib>

#include "absl/container/flat_hash_map.h"
#include "absl/container/flat_hash_set.h"
#include "rapidjson/document.h"
#include "stix/base/embedded_files.h"
#include "stix/base/strings.h"
#include "stix/validate/best_practice/internal/cat.h"
#include "stix/validate/best_practice/internal/checks.h"
#include "stix/validate/best_practice/internal/json_access.h"
#include "stix/validate/best_practice/internal/type_rules.h"

namespace stixkit::stix::best_practice {
namespace {

constexpr const char* kPath = "stix/data/relationship-types.json";

struct Targets {
  absl::flat_hash_set<std::string> types;
  bool any_sco = false;
};

struct RelationshipTable {
  absl::flat_hash_set<std::string> common;
  // source type -> relationship_type -> targets
  absl::flat_hash_map<std::string, absl::flat_hash_map<std::string, Targets>> by_source;
};

[[noreturn]] void Die(const char* what) {
  std::fprintf(stderr, "stixkit: embedded %s: %s\n", kPath, what);
  std::abort();
}

RelationshipTable* Load() {
  const auto text = FindEmbeddedFile(kPath);
  if (!text) Die("not embedded");
  rapidjson::Document doc;
  doc.Parse(text->data(), text->size());
  const rapidjson::Value* common = Member(doc, "common");
  const rapidjson::Value* rows = Member(doc, "relationships");
  if (doc.HasParseError() || !common || !common->IsArray() || !rows || !rows->IsArray()) {
    Die("not valid JSON or missing 'common'/'relationships'");
  }
  const std::string_view any_sco = StringMember(doc, "any_sco_target");
  auto* table = new RelationshipTable();
  for (const auto& c : common->GetArray()) table->common.emplace(View(c));
  for (const auto& row : rows->GetArray()) {
    Targets& targets = table->by_source[std::string(StringMember(row, "source"))]
                                       [std::string(StringMember(row, "type"))];
    const rapidjson::Value* list = Member(row, "targets");
    if (list == nullptr || !list->IsArray()) Die("a row has no 'targets' list");
    for (const auto& t : list->GetArray()) {
      if (View(t) == any_sco) {
        targets.any_sco = true;
      } else {
        targets.types.emplace(View(t));
      }
    }
  }
  return table;
}

const RelationshipTable& Table() {
  static const RelationshipTable* const table = Load();
  return *table;
}

// The type part of an identifier: everything before its last "--" (the reference
// uses a greedy (.+)--); nullopt-like empty view when there is none.
std::string_view RefType(const rapidjson::Value* ref) {
  if (ref == nullptr || !ref->IsString()) return {};
  const std::string_view id = View(*ref);
  const size_t sep = id.rfind("--");
  return sep == std::string_view::npos || sep == 0 ? std::string_view() : id.substr(0, sep);
}

// Relationships to or from these are left to the schema (the reference's NON_SDOS:
// bundle, language-content, marking-definition, relationship, sighting).
bool IsNonSdo(std::string_view type) {
  const TypeRules& rules = RulesFor(type);
  return rules.known && rules.category != ObjectCategory::kSdo && !rules.is_sco;
}

bool IsSco(std::string_view type) { return RulesFor(type).is_sco; }

}  // namespace

void CheckRelationshipType(const ObjectInfo& info, const CheckContext& ctx, Findings* out) {
  if (info.type != "relationship" || !ctx.selection.Runs("202")) return;
  const rapidjson::Value* kind = Member(info.object, "relationship_type");
  const std::string_view source = RefType(Member(info.object, "source_ref"));
  const std::string_view target = RefType(Member(info.object, "target_ref"));
  if (kind == nullptr || !kind->IsString() || source.empty() || target.empty()) return;
  const std::string_view rel = View(*kind);
  const RelationshipTable& table = Table();
  if (table.common.contains(Av(rel)) || IsNonSdo(source) || IsNonSdo(target)) return;
  const auto by_source = table.by_source.find(Av(source));
  if (by_source == table.by_source.end()) {
    Warn(info, "202", "/source_ref",
         Cat({"'", source, "' is permitted, but is not a suggested source of '", rel,
              "' relationships"}),
         out);
    return;
  }
  const auto by_type = by_source->second.find(Av(rel));
  if (by_type == by_source->second.end()) {
    Warn(info, "202", "/relationship_type",
         Cat({"'", rel, "' is permitted, but is not a suggested relationship type for '", source,
              "' objects"}),
         out);
    return;
  }
  const Targets& targets = by_type->second;
  if (targets.types.contains(Av(target)) || (targets.any_sco && IsSco(target))) return;
  Warn(info, "202", "/target_ref",
       Cat({"'", target, "' is permitted, but is not a suggested target of '", source,
            "' objects in a '", rel, "' relationship"}),
       out);
}

}  // namespace stixkit::stix::best_practice
