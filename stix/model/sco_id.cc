#include "stix/model/sco_id.h"

#include <cstdlib>
#include <iostream>

#include "absl/container/flat_hash_map.h"
#include "absl/strings/str_cat.h"
#include "stix/base/embedded_files.h"
#include "stix/base/strings.h"
#include "stix/json/canonical_json.h"

namespace stixkit::stix {
namespace {

struct Table {
  std::vector<std::string> hash_preference;
  absl::flat_hash_map<std::string, std::vector<std::string>> types;
};

const Table& LoadTable() {
  static const Table* table = [] {
    auto* t = new Table;
    const auto text = FindEmbeddedFile("stix/data/sco-id-contributing.json");
    rapidjson::Document doc;
    if (!text || doc.Parse(text->data(), text->size()).HasParseError() || !doc.IsObject()) {
      std::cerr << "stixkit: embedded stix/data/sco-id-contributing.json is malformed\n";
      std::abort();
    }
    for (const auto& h : doc["hash_preference"].GetArray()) t->hash_preference.push_back(h.GetString());
    for (const auto& m : doc["types"].GetObject()) {
      auto& props = t->types[m.name.GetString()];
      for (const auto& p : m.value.GetArray()) props.push_back(p.GetString());
    }
    return t;
  }();
  return *table;
}

// STIX 2.1 §2.9: only one hash contributes, the first present in MD5, SHA-1, SHA-256,
// SHA-512 order; otherwise the first key in document order (as python-stix2 does).
rapidjson::Value OneHash(const rapidjson::Value& hashes, rapidjson::Document::AllocatorType& a) {
  rapidjson::Value out(rapidjson::kObjectType);
  const rapidjson::Value::Member* chosen = nullptr;
  for (const std::string& name : LoadTable().hash_preference) {
    const auto it = hashes.FindMember(name.c_str());
    if (it != hashes.MemberEnd()) {
      chosen = &*it;
      break;
    }
  }
  if (chosen == nullptr && hashes.MemberCount() > 0) chosen = &*hashes.MemberBegin();
  if (chosen != nullptr) {
    out.AddMember(rapidjson::Value(chosen->name, a), rapidjson::Value(chosen->value, a), a);
  }
  return out;
}

}  // namespace

std::optional<std::vector<std::string>> IdContributingProperties(std::string_view type) {
  const auto& types = LoadTable().types;
  const auto it = types.find(Av(type));
  if (it == types.end()) return std::nullopt;
  return it->second;
}

std::optional<std::string> ScoIdName(const rapidjson::Value& sco) {
  if (!sco.IsObject() || !sco.HasMember("type") || !sco["type"].IsString()) return std::nullopt;
  const auto props = IdContributingProperties(sco["type"].GetString());
  if (!props) return std::nullopt;
  rapidjson::Document name(rapidjson::kObjectType);
  auto& a = name.GetAllocator();
  for (const std::string& prop : *props) {
    const auto it = sco.FindMember(prop.c_str());
    if (it == sco.MemberEnd()) continue;
    rapidjson::Value value = prop == "hashes" && it->value.IsObject()
                                 ? OneHash(it->value, a)
                                 : rapidjson::Value(it->value, a);
    name.AddMember(rapidjson::Value(prop.c_str(), a), value, a);
  }
  if (name.MemberCount() == 0) return std::nullopt;
  return CanonicalJson(name);
}

absl::StatusOr<std::string> ScoId(const rapidjson::Value& sco, const RandomBytes& random) {
  const std::string type =
      sco.IsObject() && sco.HasMember("type") && sco["type"].IsString() ? sco["type"].GetString()
                                                                        : "";
  if (!IdContributingProperties(type)) {
    return absl::InvalidArgumentError(
        absl::StrCat("'", type, "' is not a STIX 2.1 Cyber-observable Object type"));
  }
  const auto name = ScoIdName(sco);
  const Uuid uuid = name ? UuidV5(kStixScoNamespace, *name) : UuidV4(random);
  return absl::StrCat(type, "--", uuid.ToString());
}

}  // namespace stixkit::stix
