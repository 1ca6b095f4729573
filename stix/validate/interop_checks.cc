#include "stix/validate/interop_checks.h"

#include <string>

#include "stix/json/json_access.h"
#include "stix/model/tlp.h"

namespace stixkit::stix {
namespace {

// Versioned objects (SDOs, SROs) have `created`; SCOs, bundles and marking
// definitions are outside this rule in the interop profile.
bool IsVersionedObject(const rapidjson::Value& object) {
  return Has(object, "created") && TypeOf(object) != "marking-definition";
}

}  // namespace

void RunInteropChecks(const rapidjson::Value& object, Findings* out) {
  if (!object.IsObject()) return;
  if (IsVersionedObject(object) && !Has(object, "created_by_ref")) {
    out->push_back(Finding::Error("", std::string(IdOf(object)), "",
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
        "", std::string(IdOf(object)), "/object_marking_refs",
        "more than one TLP marking; the interoperability profile allows only one"));
  }
}

}  // namespace stixkit::stix
