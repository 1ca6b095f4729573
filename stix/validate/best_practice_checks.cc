#include "stix/validate/best_practice_checks.h"

#include "absl/strings/str_cat.h"
#include "stix/validate/best_practice/internal/checks.h"
#include "stix/validate/best_practice/internal/json_access.h"

namespace stixkit::stix {
namespace best_practice {

ObjectInfo DescribeObject(const rapidjson::Value& object) {
  const std::string_view type = StringMember(object, "type");
  ObjectInfo info{object, type, StringMember(object, "id"), RulesFor(type)};
  info.known_type = info.rules.known;
  info.is_sco = info.rules.is_sco;
  const rapidjson::Value* objects = Member(object, "objects");
  info.has_observable_data =
      info.is_sco || (info.type == "observed-data" && objects != nullptr && objects->IsObject());
  return info;
}

void Warn(const ObjectInfo& info, std::string_view code, std::string pointer, std::string message,
          Findings* out) {
  out->push_back(Finding::Warning(std::string(code), std::string(info.id), std::move(pointer),
                                  std::move(message)));
}

std::string Pointer(std::initializer_list<std::string_view> names) {
  std::string out;
  for (std::string_view name : names) {
    out += '/';
    for (char c : name) {
      // RFC 6901 section 3: '~' and '/' are escaped inside a reference token.
      if (c == '~') {
        out += "~0";
      } else if (c == '/') {
        out += "~1";
      } else {
        out += c;
      }
    }
  }
  return out;
}

}  // namespace best_practice

void RunBestPracticeChecks(const rapidjson::Value& object, const CheckContext& ctx, Findings* out) {
  if (!object.IsObject()) return;
  const best_practice::ObjectInfo info = best_practice::DescribeObject(object);
  // The reference dereferences instance['type'] in nearly every check, so an object
  // without a string type never gets this far there; the schema stage reports it.
  if (info.type.empty()) return;
  best_practice::CheckCustomPrefix(info, ctx, out);
  best_practice::CheckExtensionsUse(info, ctx, out);
  best_practice::CheckUuid(info, ctx, out);
  best_practice::CheckFormats(info, ctx, out);
  best_practice::CheckObservableFormats(info, ctx, out);
  best_practice::CheckVocabularies(info, ctx, out);
  best_practice::CheckRelationshipType(info, ctx, out);
  best_practice::CheckExternalSources(info, ctx, out);
  best_practice::CheckMisc(info, ctx, out);
}

}  // namespace stixkit::stix
