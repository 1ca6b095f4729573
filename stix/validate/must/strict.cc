// The opt-in strict checks: --strict-types accepts only the object types the
// specification defines, --strict-properties only the properties it defines (custom
// types and custom SCO extensions are left alone). Type and property names come from
// the schemas: SchemaStore for types, top-level and extension properties,
// schema_facts.h for the embedded types below them.
#include "stix/base/strings.h"
#include "stix/validate/must/internal/checks.h"
#include "stix/validate/must/internal/json_access.h"
#include "stix/validate/must/internal/schema_facts.h"
#include "stix/validate/schema_store.h"

namespace stixkit::stix::must {
namespace {

using Names = absl::flat_hash_set<std::string>;

// The names declared for the embedded type at `key`, or nullptr.
const Names* EmbeddedNames(const TypeSchemaFacts& facts, const std::string& key) {
  const auto it = facts.embedded_properties.find(key);
  return it == facts.embedded_properties.end() ? nullptr : &it->second;
}

// Reports members of an embedded dictionary, or of the dictionaries in an embedded
// list, that `names` does not declare. `message` turns the offending name into text.
template <typename Message>
void CheckEmbedded(const Object& owner, const rapidjson::Value& value, const std::string& pointer,
                   const Names& names, Message message, Findings* out) {
  const auto check_members = [&](const rapidjson::Value& dict, const std::string& at) {
    for (const auto& m : dict.GetObject()) {
      if (!names.contains(Av(View(m.name)))) {
        AddError(owner, Pointer(at, View(m.name)), message(View(m.name)), out);
      }
    }
  };
  if (value.IsObject()) {
    check_members(value, pointer);
    return;
  }
  if (!value.IsArray()) return;
  for (rapidjson::SizeType i = 0; i < value.Size(); ++i) {
    const std::string at = Cat(pointer, "/", i);
    if (value[i].IsObject()) {
      check_members(value[i], at);
    } else {
      // The reference compares the item itself with the names.
      AddError(owner, at, message(Printable(value[i])), out);
    }
  }
}

void CheckExtensions(const Object& owner, const rapidjson::Value& observable, std::string_view type,
                     const std::string& base, const TypeSchemaFacts& facts, Findings* out) {
  const rapidjson::Value* extensions = Member(observable, "extensions");
  if (extensions == nullptr || !extensions->IsObject()) return;
  const auto& predefined = SchemaStore::Default().ExtensionsOf(type);
  for (const auto& ext : extensions->GetObject()) {
    const std::string_view name = View(ext.name);
    const auto known = predefined.find(Av(name));
    if (known == predefined.end() || !ext.value.IsObject()) continue;  // custom extension
    const std::string at = Pointer(Pointer(base, "extensions"), name);
    for (const auto& prop : ext.value.GetObject()) {
      const std::string_view prop_name = View(prop.name);
      if (!known->second.contains(Av(prop_name))) {
        AddError(owner, Pointer(at, prop_name),
                 Cat("property '", prop_name,
                     "' is not one of those defined in the specification for the ", name,
                     " extension in ", type, " objects"),
                 out);
      }
      const Names* embedded = EmbeddedNames(facts, Cat("extensions/", name, "/", prop_name));
      if (embedded == nullptr) continue;
      CheckEmbedded(
          owner, prop.value, Pointer(at, prop_name), *embedded,
          [&](std::string_view n) {
            return Cat("property '", n, "' in the ", prop_name, " property of the ", name,
                       " extension is not one of those defined in the specification");
          },
          out);
    }
  }
}

// An SCO, top-level or inside observed-data "objects" (`base` is its pointer).
void CheckObservable(const Object& owner, const rapidjson::Value& observable, std::string_view type,
                     const std::string& base, Findings* out) {
  const Names& properties = SchemaStore::Default().PropertiesOf(type);
  const TypeSchemaFacts& facts = SchemaFactsFor(type, true);
  for (const auto& m : observable.GetObject()) {
    const std::string_view name = View(m.name);
    if (!properties.contains(Av(name))) {
      AddError(owner, Pointer(base, name),
               Cat("property '", name, "' is not one of those defined in the specification for ",
                   type, " objects"),
               out);
      continue;
    }
    const Names* embedded =
        name == "extensions" ? nullptr : EmbeddedNames(facts, std::string(name));
    if (embedded == nullptr) continue;
    CheckEmbedded(
        owner, m.value, Pointer(base, name), *embedded,
        [&](std::string_view n) {
          return Cat("property '", n, "' is not one of those defined in the specification for the ",
                     name, " property in ", type, " objects");
        },
        out);
  }
  CheckExtensions(owner, observable, type, base, facts, out);
}

}  // namespace

void CheckTypesStrict(const Object& object, const CheckContext& ctx, Findings* out) {
  if (!ctx.options.strict_types) return;
  const std::string_view type = TypeOf(object);
  if (SchemaStore::Default().IsKnownType(type)) return;
  // Observables inside observed-data are never checked: the reference tests for the
  // type "observable-data", a typo.
  AddError(object, "/type",
           Cat("object type '", type, "' is not one of those defined in the specification"), out);
}

void CheckPropertiesStrict(const Object& object, const CheckContext& ctx, Findings* out) {
  if (!ctx.options.strict_properties || !object.IsObject()) return;
  const SchemaStore& store = SchemaStore::Default();
  const std::string_view type = TypeOf(object);
  if (!store.IsKnownType(type)) return;  // custom types are free to define properties
  if (store.CategoryOf(type) == ObjectCategory::kSco) {
    CheckObservable(object, object, type, "", out);
    return;
  }
  const auto& properties = store.PropertiesOf(type);
  for (const auto& m : object.GetObject()) {
    if (properties.contains(Av(View(m.name)))) continue;
    AddError(object, Pointer("", View(m.name)),
             Cat("property '", View(m.name), "' is not one of those defined in the specification"),
             out);
  }
  const rapidjson::Value* objects = Member(object, "objects");
  if (type != "observed-data" || objects == nullptr || !objects->IsObject()) return;
  for (const auto& m : objects->GetObject()) {
    const std::string_view sco_type = TypeOf(m.value);
    if (!store.IsKnownType(sco_type) || store.CategoryOf(sco_type) != ObjectCategory::kSco) {
      continue;
    }
    CheckObservable(object, m.value, sco_type, Pointer("/objects", View(m.name)), out);
  }
}

}  // namespace stixkit::stix::must
