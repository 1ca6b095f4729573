// The remaining per-object checks: 201 marking-definition-type and the 3xx
// recommendations (v21/shoulds.py vocab_marking_definition, network_traffic_ports,
// extref_hashes, indicator_property_check, deprecated_property_check and the
// extension-definition checks of 3.2.1).
#include "stix/validate/best_practice/internal/cat.h"
#include "stix/validate/best_practice/internal/check_tables.h"
#include "stix/validate/best_practice/internal/checks.h"
#include "stix/validate/best_practice/internal/json_access.h"

namespace stixkit::stix::best_practice {
namespace {

// STIX 2.1 section 7.2.1.3: the definition types the spec defines.
void CheckMarkingDefinitionType(const ObjectInfo& info, Findings* out) {
  const rapidjson::Value* v = Member(info.object, "definition_type");
  if (info.type != "marking-definition" || v == nullptr) return;
  if (v->IsString() && (View(*v) == "statement" || View(*v) == "tlp")) return;
  Warn(info, "201", "/definition_type",
       Cat({"definition_type should be 'statement' or 'tlp', found ",
            v->IsString() ? Cat({"'", View(*v), "'"})
                          : std::string("a value of another JSON type")}),
       out);
}

void CheckPorts(const ObjectInfo& info, Findings* out) {
  if (info.type != "network-traffic") return;
  if (Has(info.object, "src_port") && Has(info.object, "dst_port")) return;
  Warn(info, "301", "", "network-traffic should have both src_port and dst_port", out);
}

// Only the first offending reference is reported, as in the reference.
void CheckExternalReferenceHashes(const ObjectInfo& info, Findings* out) {
  const rapidjson::Value* refs = Member(info.object, "external_references");
  if (refs == nullptr || !refs->IsArray()) return;
  for (rapidjson::SizeType i = 0; i < refs->Size(); ++i) {
    const rapidjson::Value& ref = (*refs)[i];
    if (!Has(ref, "url") || Has(ref, "hashes")) continue;
    Warn(info, "302", Cat({"/external_references/", std::to_string(i)}),
         Cat({"external reference '", StringMember(ref, "source_name"),
              "' has a url but no hashes"}),
         out);
    return;
  }
}

void CheckIndicatorProperties(const ObjectInfo& info, Findings* out) {
  if (info.type != "indicator") return;
  if (Has(info.object, "name") && Has(info.object, "description")) return;
  Warn(info, "303", "", "an indicator should have both name and description", out);
}

void CheckDeprecated(const ObjectInfo& info, Findings* out) {
  for (const std::string& property : info.rules.deprecated_properties) {
    if (!Has(info.object, property)) continue;
    Warn(info, "304", Pointer({property}),
         Cat({"property '", property, "' is deprecated in STIX 2.1"}), out);
  }
}

void CheckExtensionDescription(const ObjectInfo& info, Findings* out) {
  if (info.type != "extension-definition" || Has(info.object, "description")) return;
  Warn(info, "305", "", "an extension-definition should have a description", out);
}

bool ListsString(const rapidjson::Value* list, std::string_view wanted) {
  if (list == nullptr || !list->IsArray()) return false;
  for (const auto& item : list->GetArray()) {
    if (item.IsString() && View(item) == wanted) return true;
  }
  return false;
}

void CheckExtensionProperties(const ObjectInfo& info, Findings* out) {
  if (info.type != "extension-definition" ||
      !ListsString(Member(info.object, "extension_types"), "toplevel-property-extension")) {
    return;
  }
  const rapidjson::Value* props = Member(info.object, "extension_properties");
  if (props != nullptr && props->IsArray() && !props->Empty()) return;
  Warn(info, "306", "",
       "a 'toplevel-property-extension' definition should list its property names in "
       "extension_properties",
       out);
}

}  // namespace

void CheckMisc(const ObjectInfo& info, const CheckContext& ctx, Findings* out) {
  // Type gates first: asking the selection costs a lookup per object.
  const auto runs = [&](std::string_view code) { return ctx.selection.Runs(code); };
  if (info.type == "marking-definition" && runs("201")) CheckMarkingDefinitionType(info, out);
  if (info.type == "network-traffic" && runs("301")) CheckPorts(info, out);
  if (Has(info.object, "external_references") && runs("302")) {
    CheckExternalReferenceHashes(info, out);
  }
  if (info.type == "indicator" && runs("303")) CheckIndicatorProperties(info, out);
  if (!info.rules.deprecated_properties.empty() && runs("304")) CheckDeprecated(info, out);
  if (info.type == "extension-definition") {
    if (runs("305")) CheckExtensionDescription(info, out);
    if (runs("306")) CheckExtensionProperties(info, out);
  }
}

}  // namespace stixkit::stix::best_practice
