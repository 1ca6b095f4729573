// Language Content (STIX 2.1 §7.1): the keys of "contents" MUST be RFC 5646 language
// tags, and the keys below each of them mirror property names of the translated object.
#include "stix/base/strings.h"
#include "stix/model/vocabularies.h"
#include "stix/validate/must/internal/checks.h"
#include "stix/validate/must/internal/json_access.h"

namespace stixkit::stix::must {
namespace {

// The reference's property-name rule for these keys: ^[a-z0-9_]{3,250}$ (Python "$").
bool IsPropertyName(std::string_view name) {
  name = WithoutPythonFinalNewline(name);
  if (name.size() < 3 || name.size() > 250) return false;
  for (const char c : name) {
    if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_')) return false;
  }
  return true;
}

bool IsLanguageTag(std::string_view tag) {
  const absl::flat_hash_set<std::string>* tags = FindVocabulary(kLanguageTags);
  return tags == nullptr || tags->contains(Av(tag));
}

}  // namespace

void CheckLanguageContents(const Object& object, const CheckContext&, Findings* out) {
  const rapidjson::Value* contents = Member(object, "contents");
  if (TypeOf(object) != "language-content" || contents == nullptr || !contents->IsObject()) {
    return;
  }
  for (const auto& language : contents->GetObject()) {
    const std::string_view tag = View(language.name);
    const std::string pointer = Pointer("/contents", tag);
    if (!IsLanguageTag(tag)) {
      AddError(object, pointer,
               Cat("invalid key '", tag, "' in 'contents' property must be an RFC 5646 code"), out);
    }
    if (!language.value.IsObject()) continue;
    for (const auto& property : language.value.GetObject()) {
      const std::string_view name = View(property.name);
      if (IsPropertyName(name)) continue;
      AddError(object, Pointer(pointer, name),
               Cat("'", name, "' in '", tag,
                   "' of the 'contents' property is invalid and must match a valid "
                   "property name"),
               out);
    }
  }
}

}  // namespace stixkit::stix::must
