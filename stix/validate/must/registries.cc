// Values that MUST come from an external registry: artifact MIME types (IANA media
// types, STIX 2.1 §6.1), character sets of directory and file names (IANA character
// sets, §6.3, §6.7), and language tags (RFC 5646, §3.2 "lang", §6.14 software
// "languages"). The registries are data (stix/model/vocabularies.h).
#include "stix/base/strings.h"
#include "stix/model/vocabularies.h"
#include "stix/validate/must/internal/checks.h"
#include "stix/validate/must/internal/json_access.h"

namespace stixkit::stix::must {
namespace {

// Whether `value` is a string in the named list. A list that is missing from the build
// accepts everything: the registry tests catch that defect, and a validator that
// rejected every value would be worse.
bool InRegistry(std::string_view list, const rapidjson::Value& value) {
  const absl::flat_hash_set<std::string>* values = FindVocabulary(list);
  if (values == nullptr) return true;
  return value.IsString() && values->contains(Av(View(value)));
}

// Whether `value` is a string in the named list; false when the list is missing.
bool Listed(std::string_view list, const rapidjson::Value& value) {
  const absl::flat_hash_set<std::string>* values = FindVocabulary(list);
  return values != nullptr && value.IsString() && values->contains(Av(View(value)));
}

// The character-set property of `type`, checked by character_set.
struct EncodedName {
  std::string_view type;
  std::string_view property;
};
constexpr EncodedName kEncodedNames[] = {{"directory", "path_enc"}, {"file", "name_enc"}};

}  // namespace

void CheckArtifactMimeType(const Object& object, const CheckContext&, Findings* out) {
  const rapidjson::Value* mime = Member(object, "mime_type");
  if (TypeOf(object) != "artifact" || mime == nullptr || InRegistry(kMediaTypes, *mime)) return;
  AddError(object, "/mime_type",
           Cat("the 'mime_type' property of object '", IdOf(object), "' ('", Printable(*mime),
               "') must be an IANA registered MIME Type of the form 'type/subtype'"),
           out);
}

void CheckCharacterSet(const Object& object, const CheckContext&, Findings* out) {
  const std::string_view type = TypeOf(object);
  for (const EncodedName& name : kEncodedNames) {
    if (type != name.type) continue;
    const rapidjson::Value* value = Member(object, name.property);
    if (value == nullptr || InRegistry(kCharsets, *value)) continue;
    AddError(object, Pointer("", name.property),
             Cat("the '", name.property, "' property of object '", IdOf(object), "' ('",
                 Printable(*value), "') must be an IANA registered character set"),
             out);
  }
}

void CheckLanguage(const Object& object, const CheckContext&, Findings* out) {
  const rapidjson::Value* lang = Member(object, "lang");
  if (lang == nullptr || InRegistry(kLanguageTags, *lang)) return;
  AddError(object, "/lang", Cat("'", Printable(*lang), "' is not a valid RFC 5646 language code"),
           out);
}

// STIX 2.1 §6.14 asks for RFC 5646 tags; the reference also accepts ISO 639-2 codes
// (the STIX 2.0 rule), with a log line rather than a finding.
void CheckSoftwareLanguage(const Object& object, const CheckContext&, Findings* out) {
  const rapidjson::Value* languages = Member(object, "languages");
  if (TypeOf(object) != "software" || languages == nullptr || !languages->IsArray()) return;
  for (rapidjson::SizeType i = 0; i < languages->Size(); ++i) {
    const rapidjson::Value& lang = (*languages)[i];
    if (InRegistry(kLanguageTags, lang) || Listed(kIso6392, lang)) continue;
    AddError(object, Cat("/languages/", i),
             Cat("the 'languages' property of object '", IdOf(object),
                 "' contains an invalid language code ('", Printable(lang),
                 "'). Expected RFC 5646 language code"),
             out);
  }
}

}  // namespace stixkit::stix::must
