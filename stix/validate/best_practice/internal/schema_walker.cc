#include "stix/validate/best_practice/internal/schema_walker.h"

#include <map>
#include <memory>
#include <vector>

#include "rapidjson/document.h"
#include "rapidjson/pointer.h"
#include "stix/base/embedded_files.h"
#include "stix/validate/best_practice/internal/cat.h"
#include "stix/validate/best_practice/internal/json_access.h"

namespace stixkit::stix::best_practice {
namespace {

constexpr std::string_view kSchemaRoot = "stix/schemas/";
// Bounds the walk: real schemas nest a handful of levels; cycles would loop forever.
constexpr int kMaxDepth = 12;

struct Node {
  const rapidjson::Value* value = nullptr;
  std::string file;  // embedded path of the document `value` lives in
};

std::string DirName(std::string_view path) {
  const size_t slash = path.rfind('/');
  return slash == std::string_view::npos ? "" : std::string(path.substr(0, slash + 1));
}

// Joins a relative reference to a directory and removes "." and ".." segments.
std::string JoinPath(std::string_view dir, std::string_view relative) {
  std::vector<std::string_view> parts;
  const std::string joined = Cat({dir, relative});
  std::string_view rest = joined;
  while (!rest.empty()) {
    const size_t slash = rest.find('/');
    const std::string_view part = rest.substr(0, slash);
    rest = slash == std::string_view::npos ? std::string_view() : rest.substr(slash + 1);
    if (part == "." || part.empty()) continue;
    if (part == ".." && !parts.empty()) {
      parts.pop_back();
    } else {
      parts.push_back(part);
    }
  }
  std::string out;
  for (std::string_view part : parts) out.append(out.empty() ? "" : "/").append(part);
  return out;
}

class Walker {
 public:
  std::optional<Node> TypeSchema(std::string_view type) {
    const std::string suffix = Cat({"/", type, ".json"});
    for (const EmbeddedFile& file : AllEmbeddedFiles()) {
      const std::string_view path = file.path;
      if (path.starts_with(kSchemaRoot) && path.ends_with(suffix)) {
        if (const rapidjson::Document* doc = Load(path)) return Node{doc, std::string(path)};
      }
    }
    return std::nullopt;
  }

  // The schema of member `name` below `node`, or nullopt.
  std::optional<Node> FindMember(Node node, std::string_view name, int depth = 0) {
    node = Resolve(node);
    if (node.value == nullptr || !node.value->IsObject() || depth > kMaxDepth) {
      return std::nullopt;
    }
    if (const auto* props = Member(*node.value, "properties")) {
      if (const auto* v = Member(*props, name)) return Resolve({v, node.file});
    }
    if (const auto* patterns = Member(*node.value, "patternProperties")) {
      const std::string anchored = Cat({"^", name, "$"});
      if (const auto* v = Member(*patterns, anchored)) return Resolve({v, node.file});
    }
    for (std::string_view branch : {"allOf", "anyOf", "oneOf"}) {
      const auto* list = Member(*node.value, branch);
      if (list == nullptr || !list->IsArray()) continue;
      for (const auto& sub : list->GetArray()) {
        if (auto found = FindMember({&sub, node.file}, name, depth + 1)) return found;
      }
    }
    return std::nullopt;
  }

  // Steps into array items, so that a list of dictionaries reads as the dictionary.
  Node Items(Node node) {
    node = Resolve(node);
    if (node.value != nullptr && node.value->IsObject()) {
      if (const auto* items = Member(*node.value, "items")) return Resolve({items, node.file});
    }
    return node;
  }

  void CollectNames(Node node, absl::flat_hash_set<std::string>* out, int depth = 0) {
    node = Resolve(node);
    if (node.value == nullptr || !node.value->IsObject() || depth > kMaxDepth) return;
    if (const auto* props = Member(*node.value, "properties"); props && props->IsObject()) {
      for (const auto& m : props->GetObject()) out->emplace(View(m.name));
    }
    for (std::string_view branch : {"allOf", "anyOf", "oneOf"}) {
      const auto* list = Member(*node.value, branch);
      if (list == nullptr || !list->IsArray()) continue;
      for (const auto& sub : list->GetArray()) CollectNames({&sub, node.file}, out, depth + 1);
    }
  }

 private:
  const rapidjson::Document* Load(std::string_view path) {
    auto it = docs_.find(std::string(path));
    if (it != docs_.end()) return it->second.get();
    const auto text = FindEmbeddedFile(path);
    std::unique_ptr<rapidjson::Document> doc;
    if (text) {
      doc = std::make_unique<rapidjson::Document>();
      doc->Parse(text->data(), text->size());
      if (doc->HasParseError()) doc.reset();
    }
    return docs_.emplace(std::string(path), std::move(doc)).first->second.get();
  }

  // Follows $ref chains; a reference that cannot be followed yields a null node.
  Node Resolve(Node node) {
    for (int hops = 0; hops < kMaxDepth && node.value != nullptr; ++hops) {
      const std::string_view ref =
          node.value->IsObject() ? StringMember(*node.value, "$ref") : std::string_view();
      if (ref.empty()) return node;
      node = Follow(node.file, ref);
    }
    return node;
  }

  Node Follow(const std::string& from, std::string_view ref) {
    const size_t hash = ref.find('#');
    std::string_view file_part = ref.substr(0, hash);
    const std::string_view pointer =
        hash == std::string_view::npos ? std::string_view() : ref.substr(hash + 1);
    std::string file = from;
    if (!file_part.empty()) {
      // The schemas' $ids are http URLs ending in .../schemas/<dir>/<name>.json.
      const size_t at = file_part.find("/schemas/");
      if (file_part.starts_with("http") && at != std::string_view::npos) {
        file = Cat({kSchemaRoot, file_part.substr(at + 9)});
      } else {
        file = JoinPath(DirName(from), file_part);
      }
    }
    const rapidjson::Document* doc = Load(file);
    if (doc == nullptr) return {};
    if (pointer.empty()) return {doc, file};
    const rapidjson::Pointer p(pointer.data(), pointer.size());
    return {p.IsValid() ? p.Get(*doc) : nullptr, file};
  }

  std::map<std::string, std::unique_ptr<rapidjson::Document>> docs_;
};

}  // namespace

std::optional<absl::flat_hash_set<std::string>> SchemaPropertyNames(
    std::string_view type, std::initializer_list<std::string_view> path) {
  Walker walker;
  std::optional<Node> node = walker.TypeSchema(type);
  for (std::string_view name : path) {
    if (!node) return std::nullopt;
    node = walker.FindMember(walker.Items(*node), name);
  }
  if (!node) return std::nullopt;
  absl::flat_hash_set<std::string> names;
  walker.CollectNames(walker.Items(*node), &names);
  if (names.empty()) return std::nullopt;
  return names;
}

}  // namespace stixkit::stix::best_practice
