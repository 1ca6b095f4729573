#include "converters/build/attack_reference.h"

#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_replace.h"
#include "stix/base/strings.h"

namespace stixkit::convert {

std::string AttackUrl(std::string_view id) {
  constexpr std::string_view kBase = "https://attack.mitre.org/";
  const absl::string_view a = Av(id);
  if (absl::StartsWith(a, "TA")) return absl::StrCat(Av(kBase), "tactics/", a, "/");
  if (absl::StartsWith(a, "T")) {
    return absl::StrCat(Av(kBase), "techniques/", absl::StrReplaceAll(a, {{".", "/"}}), "/");
  }
  if (absl::StartsWith(a, "S")) return absl::StrCat(Av(kBase), "software/", a, "/");
  if (absl::StartsWith(a, "G")) return absl::StrCat(Av(kBase), "groups/", a, "/");
  if (absl::StartsWith(a, "M")) return absl::StrCat(Av(kBase), "mitigations/", a, "/");
  return "";
}

void SetAttackReference(StixObject& o, std::string_view attack_id) {
  auto& a = o.allocator();
  rapidjson::Value ref(rapidjson::kObjectType);
  ref.AddMember("source_name", "mitre-attack", a);
  ref.AddMember("external_id", rapidjson::Value(attack_id.data(), attack_id.size(), a), a);
  const std::string url = AttackUrl(attack_id);
  if (!url.empty()) ref.AddMember("url", rapidjson::Value(url.c_str(), url.size(), a), a);
  rapidjson::Value refs(rapidjson::kArrayType);
  refs.PushBack(ref, a);
  o.SetValue("external_references", refs);
}

}  // namespace stixkit::convert
