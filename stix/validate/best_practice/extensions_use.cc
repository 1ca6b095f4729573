// Check 401 extensions-use: custom objects, custom properties and custom SCO
// extensions should be defined through extension-definitions (STIX 2.1 section 7.3)
// rather than the deprecated custom-content mechanism (section 11). The rules below
// reproduce what the reference 3.2.1 reports in its recorded cases:
// - a custom object type needs an extension whose extension_type is new-sdo, new-sco
//   or new-sro;
// - a marking-definition that is not a plain statement/tlp marking needs `extensions`;
// - a property the spec does not define on a spec type is custom unless the object
//   carries a toplevel-property-extension, whatever its prefix;
// - on an SCO, a custom extension is accepted only as a property-extension, and
//   every undefined member of a predefined extension or nested type is custom.
#include <string>

#include "stix/base/strings.h"
#include "stix/validate/best_practice/internal/cat.h"
#include "stix/validate/best_practice/internal/check_tables.h"
#include "stix/validate/best_practice/internal/checks.h"
#include "stix/validate/best_practice/internal/json_access.h"
#include "stix/validate/best_practice/internal/spec_names.h"

namespace stixkit::stix::best_practice {
namespace {

constexpr std::string_view kCode = "401";
constexpr std::string_view kPropertyAdvice =
    "should be defined by an extension-definition with extension_type "
    "'property-extension' or 'toplevel-property-extension'";

// Whether some extension of the object declares one of `types` as its
// extension_type (a string; the reference ignores other JSON types).
bool HasExtensionOfType(const rapidjson::Value& object,
                        std::initializer_list<std::string_view> types) {
  const rapidjson::Value* extensions = Member(object, "extensions");
  if (extensions == nullptr || !extensions->IsObject()) return false;
  for (const auto& m : extensions->GetObject()) {
    const std::string_view type = StringMember(m.value, "extension_type");
    for (std::string_view wanted : types) {
      if (type == wanted) return true;
    }
  }
  return false;
}

void CheckCustomType(const ObjectInfo& info, Findings* out) {
  if (info.known_type || CheckTables::Get().IsReservedType(info.type)) return;
  if (HasExtensionOfType(info.object, {"new-sdo", "new-sco", "new-sro"})) return;
  Warn(info, kCode, "/type",
       Cat({"custom object type '", info.type,
            "' should be defined by an extension-definition: expected an extension "
            "with extension_type 'new-sdo', 'new-sco' or 'new-sro'"}),
       out);
}

// STIX 2.1 section 7.2.1: definition_type/definition are the deprecated way to give a
// marking's content; anything else belongs in an extension.
void CheckMarkingDefinition(const ObjectInfo& info, Findings* out) {
  if (info.type != "marking-definition" || Has(info.object, "extensions")) return;
  const std::string_view kind = StringMember(info.object, "definition_type");
  if ((kind == "statement" || kind == "tlp") && Has(info.object, "definition")) return;
  Warn(info, kCode, "",
       "custom marking definitions should be given in the 'extensions' property, found "
       "neither a statement or tlp definition nor extensions",
       out);
}

void CheckTopLevelProperties(const ObjectInfo& info, Findings* out) {
  const NameSet* spec = info.rules.spec_properties;
  if (spec == nullptr || HasExtensionOfType(info.object, {"toplevel-property-extension"})) {
    return;
  }
  for (const auto& m : info.object.GetObject()) {
    const std::string_view name = View(m.name);
    if (spec->contains(Av(name)) || CheckTables::Get().IsReservedProperty(name)) continue;
    Warn(info, kCode, Pointer({name}), Cat({"custom property '", name, "' ", kPropertyAdvice}),
         out);
  }
}

void CheckNestedNames(const ObjectInfo& info, const rapidjson::Value& value, const NameSet& spec,
                      std::string_view where, std::string pointer, Findings* out) {
  auto check = [&](std::string_view name) {
    if (spec.contains(Av(name))) return;
    Warn(info, kCode, pointer,
         Cat({"custom property '", name, "' in ", where, " ", kPropertyAdvice}), out);
  };
  if (value.IsObject()) {
    for (const auto& m : value.GetObject()) check(View(m.name));
  } else if (value.IsArray()) {
    for (const auto& item : value.GetArray()) {
      if (item.IsObject()) {
        for (const auto& m : item.GetObject()) check(View(m.name));
      }
    }
  }
}

void CheckObservableExtensions(const ObjectInfo& info, Findings* out) {
  const rapidjson::Value* extensions = Member(info.object, "extensions");
  if (extensions == nullptr || !extensions->IsObject()) return;
  const auto& predefined = *info.rules.extensions;
  for (const auto& m : extensions->GetObject()) {
    const std::string_view name = View(m.name);
    if (const auto it = predefined.find(Av(name)); it != predefined.end()) {
      CheckNestedNames(info, m.value, it->second, Cat({"the ", name, " extension"}),
                       Pointer({"extensions", name}), out);
      continue;
    }
    if (StringMember(m.value, "extension_type") == "property-extension") continue;
    Warn(info, kCode, Pointer({"extensions", name}),
         Cat({"custom observable extension '", name,
              "' should be an extension-definition with extension_type "
              "'property-extension'"}),
         out);
  }
}

void CheckObservableNested(const ObjectInfo& info, Findings* out) {
  const rapidjson::Value* extensions = Member(info.object, "extensions");
  for (const NestedSite& site : info.rules.nested_sites) {
    const rapidjson::Value* owner =
        site.extension.empty() ? &info.object
                               : (extensions ? Member(*extensions, site.extension) : nullptr);
    const rapidjson::Value* v = owner ? Member(*owner, site.property) : nullptr;
    if (v == nullptr) continue;
    const std::string where =
        site.extension.empty()
            ? Cat({"the ", site.property, " property"})
            : Cat({"the ", site.property, " property of the ", site.extension, " extension"});
    const std::string pointer = site.extension.empty()
                                    ? Pointer({site.property})
                                    : Pointer({"extensions", site.extension, site.property});
    CheckNestedNames(info, *v, *site.names, where, pointer, out);
  }
}

}  // namespace

void CheckExtensionsUse(const ObjectInfo& info, const CheckContext& ctx, Findings* out) {
  if (!ctx.selection.Runs(kCode)) return;
  CheckCustomType(info, out);
  CheckMarkingDefinition(info, out);
  CheckTopLevelProperties(info, out);
  if (!info.is_sco) return;
  CheckObservableExtensions(info, out);
  CheckObservableNested(info, out);
}

}  // namespace stixkit::stix::best_practice
