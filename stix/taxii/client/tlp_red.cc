#include "stix/taxii/client/tlp_red.h"

#include "absl/strings/match.h"
#include "stix/base/strings.h"
#include "stix/json/json_access.h"
#include "stix/model/tlp.h"

namespace stixkit::taxii {
namespace {

using stix::Member;
using stix::StringMember;

// The TLP 2.0 property extension (oasis-open/cti-stix-common-objects).
constexpr std::string_view kTlp2Extension =
    "extension-definition--60a3c5c5-0d10-413e-aab3-9e08dde9e88d";

bool IsStandardRed(std::string_view id) {
  const stix::TlpMarking* tlp = stix::FindTlpMarking(id);
  return tlp != nullptr && tlp->level == "red";
}

bool EqualsRed(std::string_view s) { return absl::EqualsIgnoreCase(Av(s), "red"); }

}  // namespace

bool IsRedMarkingDefinition(const rapidjson::Value& object) {
  if (stix::TypeOf(object) != "marking-definition") return false;
  if (IsStandardRed(stix::IdOf(object))) return true;
  if (absl::EqualsIgnoreCase(Av(StringMember(object, "name")), "TLP:RED")) return true;
  if (StringMember(object, "definition_type") == "tlp") {
    if (const rapidjson::Value* def = Member(object, "definition")) {
      if (EqualsRed(StringMember(*def, "tlp"))) return true;
    }
  }
  if (const rapidjson::Value* ext = stix::MemberPath(object, {"extensions", kTlp2Extension})) {
    if (EqualsRed(StringMember(*ext, "tlp_2_0"))) return true;
  }
  return false;
}

void RedMarkingFinder::Add(const rapidjson::Value& object) {
  if (!object.IsObject()) return;
  const std::string id(stix::IdOf(object));
  if (IsRedMarkingDefinition(object)) {
    red_definitions_.insert(id);
    definitions_.push_back({marked_.size(), RedObject{id, "a TLP:RED marking definition"}});
  }
  if (const rapidjson::Value* refs = Member(object, "object_marking_refs");
      refs != nullptr && refs->IsArray()) {
    for (const rapidjson::Value& ref : refs->GetArray()) {
      if (ref.IsString())
        marked_.push_back({id, "object_marking_refs", std::string(stix::View(ref))});
    }
  }
  if (const rapidjson::Value* granular = Member(object, "granular_markings");
      granular != nullptr && granular->IsArray()) {
    for (const rapidjson::Value& g : granular->GetArray()) {
      const std::string_view ref = StringMember(g, "marking_ref");
      if (!ref.empty()) marked_.push_back({id, "granular_markings", std::string(ref)});
    }
  }
}

std::vector<RedObject> RedMarkingFinder::Finish() const {
  std::vector<RedObject> out;
  size_t next_definition = 0;
  std::string last_id;
  for (size_t i = 0; i <= marked_.size(); ++i) {
    while (next_definition < definitions_.size() && definitions_[next_definition].first == i) {
      out.push_back(definitions_[next_definition++].second);
      last_id.clear();
    }
    if (i == marked_.size()) break;
    const Marked& m = marked_[i];
    if (!IsStandardRed(m.ref) && !red_definitions_.contains(m.ref)) continue;
    if (m.id == last_id) continue;  // one line per object is enough
    out.push_back({m.id, m.where + ": " + m.ref});
    last_id = m.id;
  }
  return out;
}

}  // namespace stixkit::taxii
