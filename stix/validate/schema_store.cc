#include "stix/validate/schema_store.h"

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <optional>
#include <utility>

#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "rapidjson/document.h"
#include "rapidjson/error/en.h"
#include "rapidjson/pointer.h"
#include "stix/base/embedded_files.h"
#include "stix/base/strings.h"

namespace stixkit::stix {
namespace {

constexpr std::string_view kSchemaRoot = "stix/schemas/";

// The folder of a schema file says what it holds; files elsewhere under stix/schemas/
// (common/ definitions, an interop profile) are not type schemas.
struct TypeFolder {
  std::string_view folder;
  ObjectCategory category;
};
constexpr TypeFolder kTypeFolders[] = {
    {"sdos/", ObjectCategory::kSdo},
    {"sros/", ObjectCategory::kSro},
    {"observables/", ObjectCategory::kSco},
    {"meta/", ObjectCategory::kMeta},
};
constexpr std::string_view kBundleFile = "bundle.json";
constexpr std::string_view kCommonFolder = "common/";

// Real schemas nest a handful of levels; the bound also stops reference cycles.
constexpr int kMaxDepth = 24;

[[noreturn]] void Die(std::string_view message) {
  std::fprintf(stderr, "stixkit: bundled JSON schemas: %.*s\n", static_cast<int>(message.size()),
               message.data());
  std::abort();
}

const rapidjson::Value* Member(const rapidjson::Value& object, const char* name) {
  if (!object.IsObject()) return nullptr;
  const auto it = object.FindMember(name);
  return it == object.MemberEnd() ? nullptr : &it->value;
}

std::string_view StringOf(const rapidjson::Value* value) {
  if (value == nullptr || !value->IsString()) return {};
  return {value->GetString(), value->GetStringLength()};
}

// RapidJSON 1.1.0 validates the value of a key that only a patternProperties entry
// matches against the enclosing object's schema when "additionalProperties" is false
// (schema.h, Schema::Key leaves valueSchema unset on that path). A schema that always
// fails has the intended meaning and takes the correct path, so the compiled copy uses
// {"not": {}} there. Rewrites `node` in place, recursively.
void AvoidPatternPropertiesBug(rapidjson::Value& node, rapidjson::Document::AllocatorType& alloc) {
  if (node.IsArray()) {
    for (rapidjson::Value& item : node.GetArray()) AvoidPatternPropertiesBug(item, alloc);
    return;
  }
  if (!node.IsObject()) return;
  const auto additional = node.FindMember("additionalProperties");
  if (additional != node.MemberEnd() && additional->value.IsFalse() &&
      node.HasMember("patternProperties")) {
    rapidjson::Value never(rapidjson::kObjectType);
    never.AddMember("not", rapidjson::Value(rapidjson::kObjectType), alloc);
    additional->value = never;
  }
  for (auto& member : node.GetObject()) AvoidPatternPropertiesBug(member.value, alloc);
}

std::string_view BaseName(std::string_view path) {
  const size_t slash = path.rfind('/');
  return slash == std::string_view::npos ? path : path.substr(slash + 1);
}

}  // namespace

struct SchemaStore::Impl : rapidjson::IRemoteSchemaDocumentProvider {
  struct File {
    std::string path;                  // relative to stix/schemas/, e.g. "sdos/indicator.json"
    std::string name;                  // the bare file name that $refs use, e.g. "indicator.json"
    rapidjson::Document json;          // as written
    rapidjson::Document compile_json;  // what RapidJSON compiles (see AvoidPatternPropertiesBug)
    std::unique_ptr<rapidjson::SchemaDocument> compiled;
    bool compiling = false;
  };
  struct TypeInfo {
    const File* file = nullptr;
    ObjectCategory category = ObjectCategory::kSdo;
    absl::flat_hash_set<std::string> properties;
    absl::flat_hash_map<std::string, absl::flat_hash_set<std::string>> extensions;
  };
  struct Target {
    const File* file = nullptr;
    const rapidjson::Value* node = nullptr;
  };

  std::vector<std::unique_ptr<File>> files;
  absl::flat_hash_map<std::string, File*> by_name;
  absl::flat_hash_map<std::string, TypeInfo> by_type;

  void Load();
  void DeriveTypes();
  const rapidjson::SchemaDocument* Compile(File& file);

  // RapidJSON 1.1.0 passes `length` one short (schema.h, HandleRefSchema: `i - 1`), so
  // the name is read from `uri` up to the '#' (or the end) instead.
  const rapidjson::SchemaDocument* GetRemoteDocument(const char* uri,
                                                     rapidjson::SizeType) override {
    std::string_view ref(uri);
    ref = ref.substr(0, ref.find('#'));
    const auto it = by_name.find(Av(BaseName(ref)));
    if (it == by_name.end()) return nullptr;
    return Compile(*it->second);
  }

  Target Resolve(const File& from, std::string_view ref) const;
  std::optional<std::string> DeclaredType(const File& file, const rapidjson::Value& node,
                                          int depth) const;
  void CollectProperties(const File& file, const rapidjson::Value& node,
                         absl::flat_hash_set<std::string>* out, int depth) const;
  void CollectExtensions(const File& file, const rapidjson::Value& node, bool is_extensions,
                         absl::flat_hash_map<std::string, absl::flat_hash_set<std::string>>* out,
                         int depth) const;
};

void SchemaStore::Impl::Load() {
  for (const EmbeddedFile& embedded : AllEmbeddedFiles()) {
    std::string_view path(embedded.path);
    if (!absl::StartsWith(Av(path), Av(kSchemaRoot)) || !absl::EndsWith(Av(path), ".json")) {
      continue;
    }
    path.remove_prefix(kSchemaRoot.size());
    const bool in_known_folder =
        path == kBundleFile || absl::StartsWith(Av(path), Av(kCommonFolder)) ||
        std::any_of(std::begin(kTypeFolders), std::end(kTypeFolders),
                    [&](const TypeFolder& f) { return absl::StartsWith(Av(path), Av(f.folder)); });
    if (!in_known_folder) continue;
    auto file = std::make_unique<File>();
    file->path = std::string(path);
    file->name = std::string(BaseName(path));
    file->json.Parse(embedded.contents.data(), embedded.contents.size());
    if (file->json.HasParseError()) {
      Die(absl::StrCat(file->path, ": offset ", file->json.GetErrorOffset(), ": ",
                       rapidjson::GetParseError_En(file->json.GetParseError())));
    }
    if (!by_name.emplace(file->name, file.get()).second) {
      Die(absl::StrCat(file->path, ": a second schema file named \"", file->name,
                       "\"; $refs name files without their folder, so names must be unique"));
    }
    files.push_back(std::move(file));
  }
}

const rapidjson::SchemaDocument* SchemaStore::Impl::Compile(File& file) {
  if (file.compiled) return file.compiled.get();
  if (file.compiling) {
    Die(absl::StrCat(file.path, ": a $ref cycle through this file (a file refers to its own ",
                     "definitions as \"#/definitions/...\", not by its file name)"));
  }
  file.compiling = true;
  file.compile_json.CopyFrom(file.json, file.compile_json.GetAllocator());
  AvoidPatternPropertiesBug(file.compile_json, file.compile_json.GetAllocator());
  file.compiled = std::make_unique<rapidjson::SchemaDocument>(file.compile_json, this);
  file.compiling = false;
  return file.compiled.get();
}

// "name.json#/definitions/x", "#/definitions/x" or "name.json" (the whole file).
SchemaStore::Impl::Target SchemaStore::Impl::Resolve(const File& from, std::string_view ref) const {
  const size_t hash = ref.find('#');
  const std::string_view file_part = ref.substr(0, hash);
  const std::string_view fragment =
      hash == std::string_view::npos ? std::string_view() : ref.substr(hash + 1);
  const File* file = &from;
  if (!file_part.empty()) {
    const auto it = by_name.find(Av(BaseName(file_part)));
    if (it == by_name.end()) return {};
    file = it->second;
  }
  if (fragment.empty()) return {file, &file->json};
  const rapidjson::Pointer pointer(fragment.data(), fragment.size());
  if (!pointer.IsValid()) return {};
  return {file, pointer.Get(file->json)};
}

// The type a schema declares: the one-value enum of its "type" property.
std::optional<std::string> SchemaStore::Impl::DeclaredType(const File& file,
                                                           const rapidjson::Value& node,
                                                           int depth) const {
  if (depth > kMaxDepth || !node.IsObject()) return std::nullopt;
  if (const std::string_view ref = StringOf(Member(node, "$ref")); !ref.empty()) {
    const Target target = Resolve(file, ref);
    if (target.node == nullptr) return std::nullopt;
    return DeclaredType(*target.file, *target.node, depth + 1);
  }
  if (const rapidjson::Value* properties = Member(node, "properties")) {
    if (const rapidjson::Value* type = Member(*properties, "type")) {
      const rapidjson::Value* values = Member(*type, "enum");
      if (values != nullptr && values->IsArray() && values->Size() == 1 &&
          (*values)[0].IsString()) {
        return std::string((*values)[0].GetString(), (*values)[0].GetStringLength());
      }
    }
  }
  for (const char* branch : {"allOf", "anyOf", "oneOf"}) {
    const rapidjson::Value* list = Member(node, branch);
    if (list == nullptr || !list->IsArray()) continue;
    for (const rapidjson::Value& sub : list->GetArray()) {
      if (auto type = DeclaredType(file, sub, depth + 1)) return type;
    }
  }
  return std::nullopt;
}

// Property names declared by `node`: its "properties" keys, through $ref and the
// allOf/anyOf/oneOf branches ("not" declares nothing).
void SchemaStore::Impl::CollectProperties(const File& file, const rapidjson::Value& node,
                                          absl::flat_hash_set<std::string>* out, int depth) const {
  if (depth > kMaxDepth || !node.IsObject()) return;
  if (const std::string_view ref = StringOf(Member(node, "$ref")); !ref.empty()) {
    const Target target = Resolve(file, ref);
    if (target.node != nullptr) CollectProperties(*target.file, *target.node, out, depth + 1);
    return;
  }
  if (const rapidjson::Value* properties = Member(node, "properties");
      properties != nullptr && properties->IsObject()) {
    for (const auto& member : properties->GetObject()) {
      out->emplace(member.name.GetString(), member.name.GetStringLength());
    }
  }
  for (const char* branch : {"allOf", "anyOf", "oneOf"}) {
    const rapidjson::Value* list = Member(node, branch);
    if (list == nullptr || !list->IsArray()) continue;
    for (const rapidjson::Value& sub : list->GetArray()) {
      CollectProperties(file, sub, out, depth + 1);
    }
  }
}

// Predefined extensions: the "properties" of the schemas of the "extensions" property.
// With `is_extensions` false, `node` is an object schema whose "extensions" property
// is looked up; with true, `node` is a schema of the extensions dictionary itself.
void SchemaStore::Impl::CollectExtensions(
    const File& file, const rapidjson::Value& node, bool is_extensions,
    absl::flat_hash_map<std::string, absl::flat_hash_set<std::string>>* out, int depth) const {
  if (depth > kMaxDepth || !node.IsObject()) return;
  if (const std::string_view ref = StringOf(Member(node, "$ref")); !ref.empty()) {
    const Target target = Resolve(file, ref);
    if (target.node != nullptr) {
      CollectExtensions(*target.file, *target.node, is_extensions, out, depth + 1);
    }
    return;
  }
  if (const rapidjson::Value* properties = Member(node, "properties");
      properties != nullptr && properties->IsObject()) {
    for (const auto& member : properties->GetObject()) {
      const std::string_view name(member.name.GetString(), member.name.GetStringLength());
      if (is_extensions) {
        CollectProperties(file, member.value, &(*out)[Av(name)], depth + 1);
      } else if (name == "extensions") {
        CollectExtensions(file, member.value, true, out, depth + 1);
      }
    }
  }
  for (const char* branch : {"allOf", "anyOf", "oneOf"}) {
    const rapidjson::Value* list = Member(node, branch);
    if (list == nullptr || !list->IsArray()) continue;
    for (const rapidjson::Value& sub : list->GetArray()) {
      CollectExtensions(file, sub, is_extensions, out, depth + 1);
    }
  }
}

void SchemaStore::Impl::DeriveTypes() {
  for (const auto& file : files) {
    std::optional<ObjectCategory> category;
    if (file->path == kBundleFile) category = ObjectCategory::kBundle;
    for (const TypeFolder& folder : kTypeFolders) {
      if (absl::StartsWith(file->path, Av(folder.folder))) category = folder.category;
    }
    if (!category) continue;
    std::optional<std::string> type = DeclaredType(*file, file->json, 0);
    if (!type) {
      Die(absl::StrCat(file->path,
                       ": declares no type (a \"type\" property with a one-value enum)"));
    }
    TypeInfo info;
    info.file = file.get();
    info.category = *category;
    CollectProperties(*file, file->json, &info.properties, 0);
    CollectExtensions(*file, file->json, false, &info.extensions, 0);
    if (!by_type.emplace(*type, std::move(info)).second) {
      Die(absl::StrCat(file->path, ": a second schema for type \"", *type, "\""));
    }
  }
}

SchemaStore::SchemaStore() : impl_(std::make_unique<Impl>()) {
  impl_->Load();
  impl_->DeriveTypes();
  // Compile everything now: a schema defect shows at startup, not mid-run, and the
  // compiled documents are immutable afterwards.
  for (const auto& file : impl_->files) impl_->Compile(*file);
}

SchemaStore::~SchemaStore() = default;

const SchemaStore& SchemaStore::Default() {
  static const SchemaStore* const store = new SchemaStore();
  return *store;
}

const rapidjson::SchemaDocument* SchemaStore::ForType(std::string_view type) const {
  const auto it = impl_->by_type.find(Av(type));
  return it == impl_->by_type.end() ? nullptr : it->second.file->compiled.get();
}

const rapidjson::SchemaDocument* SchemaStore::ByName(std::string_view file_name) const {
  const auto it = impl_->by_name.find(Av(file_name));
  return it == impl_->by_name.end() ? nullptr : it->second->compiled.get();
}

const rapidjson::Value* SchemaStore::JsonByName(std::string_view file_name) const {
  const auto it = impl_->by_name.find(Av(file_name));
  return it == impl_->by_name.end() ? nullptr : &it->second->json;
}

std::string_view SchemaStore::FileNameOf(std::string_view type) const {
  const auto it = impl_->by_type.find(Av(type));
  return it == impl_->by_type.end() ? std::string_view() : it->second.file->name;
}

bool SchemaStore::IsKnownType(std::string_view type) const {
  return impl_->by_type.contains(Av(type));
}

ObjectCategory SchemaStore::CategoryOf(std::string_view type) const {
  const auto it = impl_->by_type.find(Av(type));
  return it == impl_->by_type.end() ? ObjectCategory::kSdo : it->second.category;
}

const absl::flat_hash_set<std::string>& SchemaStore::PropertiesOf(std::string_view type) const {
  static const auto* const kEmpty = new absl::flat_hash_set<std::string>();
  const auto it = impl_->by_type.find(Av(type));
  return it == impl_->by_type.end() ? *kEmpty : it->second.properties;
}

bool SchemaStore::HasProperty(std::string_view type, std::string_view property) const {
  return PropertiesOf(type).contains(Av(property));
}

const absl::flat_hash_map<std::string, absl::flat_hash_set<std::string>>& SchemaStore::ExtensionsOf(
    std::string_view type) const {
  static const auto* const kEmpty =
      new absl::flat_hash_map<std::string, absl::flat_hash_set<std::string>>();
  const auto it = impl_->by_type.find(Av(type));
  return it == impl_->by_type.end() ? *kEmpty : it->second.extensions;
}

std::vector<std::string> SchemaStore::KnownTypes() const {
  std::vector<std::string> types;
  types.reserve(impl_->by_type.size());
  for (const auto& [type, info] : impl_->by_type) types.push_back(type);
  std::sort(types.begin(), types.end());
  return types;
}

}  // namespace stixkit::stix
