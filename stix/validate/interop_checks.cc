#include "stix/validate/interop_checks.h"

#include <string>

#include "stix/model/tlp.h"

namespace stixkit::stix {
namespace {

std::string IdOf(const rapidjson::Value& object) {
  const auto it = object.FindMember("id");
  return it != object.MemberEnd() && it->value.IsString() ? it->value.GetString() : "";
}

// Versioned objects (SDOs, SROs) have `created`; SCOs, bundles and marking
// definitions are outside this rule in the interop profile.
bool IsVersionedObject(const rapidjson::Value& object) {
  const auto type = object.FindMember("type");
  const bool marking = type != object.MemberEnd() && type->value.IsString() &&
                       std::string_view(type->value.GetString()) == "marking-definition";
  return object.HasMember("created") && !marking;
}

}  // namespace

void RunInteropChecks(const rapidjson::Value& object, Findings* out) {
  if (!object.IsObject()) return;
  if (IsVersionedObject(object) && !object.HasMember("created_by_ref")) {
    out->push_back(Finding::Error("", IdOf(object), "",
                                  "'created_by_ref' is required by the interoperability profile"));
  }
  const auto refs = object.FindMember("object_marking_refs");
  if (refs == object.MemberEnd() || !refs->value.IsArray()) return;
  int tlp = 0;
  for (const auto& ref : refs->value.GetArray()) {
    if (ref.IsString() && FindTlpMarking(ref.GetString()) != nullptr) ++tlp;
  }
  if (tlp > 1) {
    out->push_back(Finding::Error(
        "", IdOf(object), "/object_marking_refs",
        "more than one TLP marking; the interoperability profile allows only one"));
  }
}

}  // namespace stixkit::stix
