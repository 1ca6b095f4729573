// References between the observables of an observed-data "objects" dictionary (STIX
// 2.1 §4.14, deprecated there but still valid): a *_ref(s) value is a key of that
// dictionary and MUST name an object of an allowed type (stix/data/must-rules.json).
#include "stix/validate/must/internal/checks.h"
#include "stix/validate/must/internal/json_access.h"
#include "stix/validate/must/internal/rule_tables.h"

namespace stixkit::stix::must {
namespace {

// "'file'", "'file' or 'directory'", "'a', 'b' or 'c'".
std::string AllowedTypes(const std::vector<std::string>& targets) {
  std::string text;
  for (size_t i = 0; i < targets.size(); ++i) {
    if (i > 0) text += i + 1 == targets.size() ? " or " : ", ";
    text += Cat("'", targets[i], "'");
  }
  return text;
}

struct RefSite {
  const Object& observed_data;
  const rapidjson::Value& objects;
  std::string_view key;  // the referring observable's key
  const ObservableRefRule& rule;
};

void CheckRef(const RefSite& site, const rapidjson::Value& ref, const std::string& pointer,
              Findings* out) {
  const std::string& property = site.rule.path.front();
  const rapidjson::Value* target = ref.IsString() ? Member(site.objects, View(ref)) : nullptr;
  if (target == nullptr) {
    const std::string embedded =
        site.rule.path.size() > 1 ? Cat("'", site.rule.path.back(), "' ") : "";
    AddError(site.observed_data, pointer,
             Cat(property, " in observable object '", site.key, "' can't resolve ", embedded,
                 "reference '", Printable(ref), "'"),
             out);
    return;
  }
  const rapidjson::Value* type = Member(*target, "type");
  if (type == nullptr || !type->IsString()) return;  // the schema stage reports it
  for (const std::string& allowed : site.rule.targets) {
    if (View(*type) == allowed) return;
  }
  AddError(site.observed_data, pointer,
           Cat("'", property, "' in observable object '", site.key,
               "' must refer to an object of type ", AllowedTypes(site.rule.targets)),
           out);
}

void CheckObservable(const Object& observed_data, const rapidjson::Value& objects,
                     std::string_view key, const rapidjson::Value& observable, Findings* out) {
  const std::string base = Pointer("/objects", key);
  for (const ObservableRefRule& rule : MustRules().RefRulesFor(TypeOf(observable))) {
    const RefSite site{observed_data, objects, key, rule};
    VisitPath(observable, base, rule.path,
              [&](const rapidjson::Value& refs, const std::string& at) {
                if (!refs.IsArray()) {
                  CheckRef(site, refs, at, out);
                  return;
                }
                for (rapidjson::SizeType i = 0; i < refs.Size(); ++i) {
                  CheckRef(site, refs[i], Cat(at, "/", i), out);
                }
              });
  }
}

}  // namespace

void CheckObservableObjectReferences(const Object& object, const CheckContext&, Findings* out) {
  const rapidjson::Value* objects = Member(object, "objects");
  if (TypeOf(object) != "observed-data" || objects == nullptr || !objects->IsObject()) return;
  for (const auto& m : objects->GetObject()) {
    CheckObservable(object, *objects, View(m.name), m.value, out);
  }
}

}  // namespace stixkit::stix::must
