// Checks 101 custom-prefix and 102 custom-prefix-lax: custom content should be named
// x-<source>-<name> / x_<source>_<name> (101) or at least start with x- / x_ (102).
// Mirrors v21/shoulds.py custom_*_prefix_strict/_lax, which the reference only runs
// when 401 extensions-use is disabled (see check_selection.cc).
#include <string>

#include "stix/base/strings.h"
#include "stix/validate/best_practice/internal/cat.h"
#include "stix/validate/best_practice/internal/check_tables.h"
#include "stix/validate/best_practice/internal/checks.h"
#include "stix/validate/best_practice/internal/json_access.h"
#include "stix/validate/best_practice/internal/name_patterns.h"
#include "stix/validate/best_practice/internal/spec_names.h"

namespace stixkit::stix::best_practice {
namespace {

struct Style {
  PrefixStyle prefix;
  std::string_view code;
};

std::string_view TypeExpectation(PrefixStyle style) {
  return style == PrefixStyle::kStrict
             ? "should start with 'x-' followed by a source identifier, a hyphen and the "
               "name (x-<source>-<name>)"
             : "should start with 'x-' to stay compatible with future STIX versions";
}

std::string_view PropertyExpectation(PrefixStyle style) {
  return style == PrefixStyle::kStrict
             ? "should start with 'x_' followed by a source identifier, an underscore and "
               "the name (x_<source>_<name>)"
             : "should start with 'x_' to stay compatible with future STIX versions";
}

std::string_view ExtensionExpectation(PrefixStyle style) {
  return style == PrefixStyle::kStrict ? "should be named x-<source>-<name>-ext"
                                       : "should start with 'x-' and end in '-ext'";
}

// custom_object_prefix_*: custom (non-spec, non-reserved) object types.
void CheckObjectType(const ObjectInfo& info, Style s, Findings* out) {
  if (info.known_type || CheckTables::Get().IsReservedType(info.type)) return;
  if (MatchesCustomTypePrefix(info.type, s.prefix)) return;
  Warn(info, s.code, "/type",
       Cat({"custom object type '", info.type, "' ", TypeExpectation(s.prefix)}), out);
}

// custom_property_prefix_*: properties of spec-defined non-SCO objects; custom
// objects' properties are not checked.
void CheckProperties(const ObjectInfo& info, Style s, Findings* out) {
  const NameSet* spec = info.rules.spec_properties;
  if (spec == nullptr || info.is_sco) return;
  for (const auto& m : info.object.GetObject()) {
    const std::string_view name = View(m.name);
    if (spec->contains(Av(name)) || CheckTables::Get().IsReservedProperty(name)) continue;
    if (MatchesCustomPropertyPrefix(name, s.prefix)) continue;
    Warn(info, s.code, Pointer({name}),
         Cat({"custom property '", name, "' ", PropertyExpectation(s.prefix)}), out);
  }
}

// custom_observable_object_prefix_*: only reachable for an observed-data with
// `objects`, whose own type the reference then tests as if it were an SCO type.
void CheckObservableType(const ObjectInfo& info, Style s, Findings* out) {
  if (!info.has_observable_data || info.is_sco) return;
  if (CheckTables::Get().IsReservedType(info.type)) return;
  if (MatchesCustomTypePrefix(info.type, s.prefix)) return;
  Warn(info, s.code, "/type",
       Cat({"custom observable object type '", info.type, "' ", TypeExpectation(s.prefix)}), out);
}

// custom_object_extension_prefix_*: extension names of SCO types that have
// predefined extensions.
void CheckExtensionNames(const ObjectInfo& info, Style s, Findings* out) {
  const auto& predefined = *info.rules.extensions;
  const rapidjson::Value* extensions = Member(info.object, "extensions");
  if (!info.has_observable_data || predefined.empty() || extensions == nullptr ||
      !extensions->IsObject()) {
    return;
  }
  for (const auto& m : extensions->GetObject()) {
    const std::string_view name = View(m.name);
    if (predefined.contains(Av(name)) || MatchesCustomExtensionPrefix(name, s.prefix)) continue;
    Warn(info, s.code, Pointer({"extensions", name}),
         Cat({"custom observable extension '", name, "' ", ExtensionExpectation(s.prefix)}), out);
  }
}

// Reports the member names of a nested dictionary (or of each dictionary in a list)
// that are neither spec-defined nor prefixed.
void CheckNestedNames(const ObjectInfo& info, Style s, const rapidjson::Value& value,
                      const NameSet& spec, const std::string& where, std::string pointer,
                      Findings* out) {
  auto check = [&](std::string_view name) {
    if (spec.contains(Av(name)) || MatchesCustomPropertyPrefix(name, s.prefix)) return;
    Warn(info, s.code, pointer,
         Cat({"custom property '", name, "' in ", where, " ", PropertyExpectation(s.prefix)}), out);
  };
  if (value.IsObject()) {
    for (const auto& m : value.GetObject()) check(View(m.name));
  } else if (value.IsArray()) {
    for (const auto& item : value.GetArray()) {
      if (item.IsObject()) {
        for (const auto& m : item.GetObject()) check(View(m.name));
      } else if (item.IsString()) {
        check(View(item));
      }
    }
  }
}

// custom_observable_properties_prefix_*: SCO properties, the members of nested
// dictionaries, and the properties of predefined extensions.
void CheckObservableProperties(const ObjectInfo& info, Style s, Findings* out) {
  const NameSet* spec = info.rules.spec_properties;
  if (!info.is_sco || spec == nullptr) return;
  for (const auto& m : info.object.GetObject()) {
    const std::string_view name = View(m.name);
    if (spec->contains(Av(name)) || MatchesCustomPropertyPrefix(name, s.prefix)) continue;
    Warn(info, s.code, Pointer({name}),
         Cat({"custom observable property '", name, "' ", PropertyExpectation(s.prefix)}), out);
  }
  const rapidjson::Value* extensions = Member(info.object, "extensions");
  for (const NestedSite& site : info.rules.nested_sites) {
    if (!site.extension.empty()) continue;
    if (const rapidjson::Value* v = Member(info.object, site.property)) {
      CheckNestedNames(info, s, *v, *site.names, Cat({"the ", site.property, " property"}),
                       Pointer({site.property}), out);
    }
  }
  if (extensions == nullptr || !extensions->IsObject()) return;
  for (const auto& [ext_name, ext_props] : *info.rules.extensions) {
    const rapidjson::Value* ext = Member(*extensions, ext_name);
    if (ext == nullptr || !ext->IsObject()) continue;
    CheckNestedNames(info, s, *ext, ext_props, Cat({"the ", ext_name, " extension"}),
                     Pointer({"extensions", ext_name}), out);
    for (const NestedSite& site : info.rules.nested_sites) {
      if (site.extension != ext_name) continue;
      if (const rapidjson::Value* v = Member(*ext, site.property)) {
        CheckNestedNames(info, s, *v, *site.names,
                         Cat({"the ", site.property, " property of the ", ext_name, " extension"}),
                         Pointer({"extensions", ext_name, site.property}), out);
      }
    }
  }
}

void RunStyle(const ObjectInfo& info, Style s, Findings* out) {
  CheckObjectType(info, s, out);
  CheckProperties(info, s, out);
  CheckObservableType(info, s, out);
  CheckExtensionNames(info, s, out);
  CheckObservableProperties(info, s, out);
}

}  // namespace

void CheckCustomPrefix(const ObjectInfo& info, const CheckContext& ctx, Findings* out) {
  if (ctx.selection.Runs("101")) RunStyle(info, {PrefixStyle::kStrict, "101"}, out);
  if (ctx.selection.Runs("102")) RunStyle(info, {PrefixStyle::kLax, "102"}, out);
}

}  // namespace stixkit::stix::best_practice
