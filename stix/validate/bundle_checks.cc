#include "stix/validate/bundle_checks.h"

#include "absl/hash/hash.h"
#include "absl/strings/str_cat.h"
#include "stix/json/json_access.h"

namespace stixkit::stix {
namespace {

// The endpoints --enforce-refs resolves (STIX 2.1 §5.1, §5.2).
void CollectRefs(const rapidjson::Value& object, ObjectFacts* facts) {
  static constexpr const char* kSingle[] = {"source_ref", "target_ref", "sighting_of_ref"};
  static constexpr const char* kLists[] = {"observed_data_refs", "where_sighted_refs"};
  for (const char* name : kSingle) {
    const std::string ref(StringMember(object, name));
    if (!ref.empty()) facts->refs.emplace_back(ref, absl::StrCat("/", name));
  }
  for (const char* name : kLists) {
    const auto it = object.FindMember(name);
    if (it == object.MemberEnd() || !it->value.IsArray()) continue;
    for (rapidjson::SizeType i = 0; i < it->value.Size(); ++i) {
      if (it->value[i].IsString()) {
        facts->refs.emplace_back(it->value[i].GetString(), absl::StrCat("/", name, "/", i));
      }
    }
  }
}

}  // namespace

ObjectFacts ExtractObjectFacts(const rapidjson::Value& object, const CheckContext& ctx) {
  ObjectFacts facts;
  if (!object.IsObject()) return facts;
  facts.id = IdOf(object);
  facts.modified = StringMember(object, "modified");
  const std::string_view type = TypeOf(object);
  if (ctx.options.enforce_refs && (type == "relationship" || type == "sighting")) {
    CollectRefs(object, &facts);
  }
  return facts;
}

void BundleChecks::Add(const ObjectFacts& facts, std::string_view container_id,
                       Findings* out) {
  if (facts.id.empty()) return;
  const uint64_t id_hash = absl::HashOf(facts.id);
  if (ctx_.options.enforce_refs) ids_.insert(id_hash);
  for (const auto& [target, pointer] : facts.refs) {
    pending_refs_.push_back({facts.id, pointer, target});
  }
  // Objects without `modified` (SCOs, marking definitions) are not versioned, so two
  // of them with one id are the same object twice, which the reference accepts.
  if (!in_bundle_ || facts.modified.empty() || !ctx_.selection.Runs("203")) return;
  if (!versions_.insert({id_hash, absl::HashOf(facts.modified)}).second) {
    // Under --strict a best-practice warning is an error, here as for every object.
    out->push_back(Finding{
        "203", ctx_.options.strict ? Severity::kError : Severity::kWarning,
        std::string(container_id), "",
        absl::StrCat("duplicate id '", facts.id, "' with the same `modified` timestamp (",
                     facts.modified,
                     "); different versions of one object need different `modified` values")});
  }
}

void BundleChecks::Finish(Findings* out) {
  for (const PendingRef& ref : pending_refs_) {
    if (ids_.contains(absl::HashOf(ref.target))) continue;
    out->push_back(Finding::Error(
        "", ref.from_id, ref.pointer,
        absl::StrCat("'", ref.target,
                     "' is not an object of this bundle (--enforce-refs requires "
                     "relationship and sighting endpoints to be present)")));
  }
  pending_refs_.clear();
}

}  // namespace stixkit::stix
