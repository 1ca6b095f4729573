#include "stix/validate/must/internal/schema_facts.h"

#include <algorithm>
#include <set>
#include <utility>

#include "rapidjson/document.h"
#include "rapidjson/pointer.h"
#include "stix/base/strings.h"
#include "stix/validate/must/internal/json_access.h"
#include "stix/validate/schema_store.h"

namespace stixkit::stix::must {
namespace {

// Real schemas nest a handful of levels; the bound also stops reference cycles.
constexpr int kMaxDepth = 16;

// Schema files whose use as a property's schema makes it a timestamp property.
bool IsTimestampSchemaFile(std::string_view name) {
  return name == "timestamp.json" || name == "timestamp_millis.json";
}

// $refs name schema files without their folder ("timestamp.json#", or the schemas'
// http $ids); the file name is what identifies them.
std::string_view BaseName(std::string_view path) {
  const size_t slash = path.rfind('/');
  return slash == std::string_view::npos ? path : path.substr(slash + 1);
}

struct Node {
  const rapidjson::Value* value = nullptr;
  std::string file;
};

class FactsWalker {
 public:
  FactsWalker(const SchemaStore& store, std::string root, TypeSchemaFacts* facts)
      : store_(store), root_(std::move(root)), facts_(facts) {}

  void Run() {
    if (const rapidjson::Value* doc = store_.JsonByName(root_)) Walk({doc, root_}, {}, 0);
  }

 private:
  void Walk(const Node& node, const SchemaPath& path, int depth) {
    if (node.value == nullptr || !node.value->IsObject() || depth > kMaxDepth) return;
    const rapidjson::Value& schema = *node.value;
    if (const std::string_view ref = StringMember(schema, "$ref"); !ref.empty()) {
      const Node target = Follow(node.file, ref);
      if (IsTimestampSchemaFile(target.file) && !path.empty()) facts_->timestamps.push_back(path);
      Walk(target, path, depth + 1);
    }
    if (const std::string_view format = StringMember(schema, "format"); !format.empty()) {
      facts_->formats.push_back({path, std::string(format)});
    }
    for (std::string_view branch : {"allOf", "anyOf", "oneOf"}) {
      const rapidjson::Value* list = Member(schema, branch);
      if (list == nullptr || !list->IsArray()) continue;
      for (const auto& sub : list->GetArray()) Walk({&sub, node.file}, path, depth + 1);
    }
    WalkProperties(node, path, depth);
    WalkChildren(node, path, depth);
  }

  void WalkProperties(const Node& node, const SchemaPath& path, int depth) {
    const rapidjson::Value* props = Member(*node.value, "properties");
    if (props == nullptr || !props->IsObject()) return;
    // Names first: the walk below adds map entries, which moves the sets.
    if (node.file == root_) {
      auto& declared = facts_->embedded_properties[EmbeddedKey(path)];
      for (const auto& m : props->GetObject()) declared.emplace(View(m.name));
    }
    for (const auto& m : props->GetObject()) {
      SchemaPath child = path;
      child.emplace_back(View(m.name));
      Walk({&m.value, node.file}, child, depth + 1);
    }
  }

  // List items and dictionary members.
  void WalkChildren(const Node& node, const SchemaPath& path, int depth) {
    const rapidjson::Value& schema = *node.value;
    if (const rapidjson::Value* items = Member(schema, "items")) {
      SchemaPath child = path;
      child.emplace_back("[]");
      if (items->IsArray()) {
        for (const auto& item : items->GetArray()) Walk({&item, node.file}, child, depth + 1);
      } else {
        Walk({items, node.file}, child, depth + 1);
      }
    }
    SchemaPath any = path;
    any.emplace_back("*");
    if (const rapidjson::Value* patterns = Member(schema, "patternProperties");
        patterns != nullptr && patterns->IsObject()) {
      for (const auto& m : patterns->GetObject()) Walk({&m.value, node.file}, any, depth + 1);
    }
    if (const rapidjson::Value* extra = Member(schema, "additionalProperties")) {
      Walk({extra, node.file}, any, depth + 1);
    }
  }

  static std::string EmbeddedKey(const SchemaPath& path) {
    std::string key;
    for (const std::string& step : path) {
      if (step == "[]") continue;
      if (!key.empty()) key += '/';
      key += step;
    }
    return key;
  }

  Node Follow(const std::string& from, std::string_view ref) const {
    const size_t hash = ref.find('#');
    const std::string_view file_part = ref.substr(0, hash);
    const std::string_view pointer =
        hash == std::string_view::npos ? std::string_view() : ref.substr(hash + 1);
    const std::string file = file_part.empty() ? from : std::string(BaseName(file_part));
    const rapidjson::Value* doc = store_.JsonByName(file);
    if (doc == nullptr) return {};
    if (pointer.empty()) return {doc, file};
    const rapidjson::Pointer p(pointer.data(), pointer.size());
    return {p.IsValid() ? p.Get(*doc) : nullptr, file};
  }

  const SchemaStore& store_;
  const std::string root_;
  TypeSchemaFacts* facts_;
};

// Drops repeated entries, keeping the first: the walk can reach a property twice (a
// branch and a $ref), and schema order is the order the reference reports in.
template <typename T, typename Key>
void Dedupe(std::vector<T>* items, Key key) {
  std::set<decltype(key(items->front()))> seen;
  std::vector<T> kept;
  for (T& item : *items) {
    if (seen.insert(key(item)).second) kept.push_back(std::move(item));
  }
  *items = std::move(kept);
}

const auto kSelf = [](const auto& x) { return x; };
const auto kFormatKey = [](const FormatRule& r) { return std::make_pair(r.path, r.format); };

TypeSchemaFacts FactsOfFile(const SchemaStore& store, std::string_view file) {
  TypeSchemaFacts facts;
  if (!file.empty()) FactsWalker(store, std::string(file), &facts).Run();
  Dedupe(&facts.formats, kFormatKey);
  Dedupe(&facts.timestamps, kSelf);
  return facts;
}

struct FactsTable {
  absl::flat_hash_map<std::string, TypeSchemaFacts> by_type;
  TypeSchemaFacts core;
  TypeSchemaFacts observable_core;
  std::vector<std::string> formats;
};

const FactsTable& Table() {
  static const FactsTable* const table = [] {
    const SchemaStore& store = SchemaStore::Default();
    auto* t = new FactsTable;
    for (const std::string& type : store.KnownTypes()) {
      t->by_type.emplace(type, FactsOfFile(store, store.FileNameOf(type)));
    }
    t->core = FactsOfFile(store, "core.json");
    t->observable_core = FactsOfFile(store, "cyber-observable-core.json");
    const auto collect = [t](const TypeSchemaFacts& facts) {
      for (const FormatRule& rule : facts.formats) t->formats.push_back(rule.format);
    };
    for (const auto& [type, facts] : t->by_type) collect(facts);
    collect(t->core);
    collect(t->observable_core);
    std::sort(t->formats.begin(), t->formats.end());
    Dedupe(&t->formats, kSelf);
    return t;
  }();
  return *table;
}

}  // namespace

const TypeSchemaFacts& SchemaFactsFor(std::string_view type, bool looks_like_sco) {
  const FactsTable& table = Table();
  if (const auto it = table.by_type.find(Av(type)); it != table.by_type.end()) return it->second;
  return looks_like_sco ? table.observable_core : table.core;
}

std::vector<std::string> AllSchemaFormats() { return Table().formats; }

}  // namespace stixkit::stix::must
