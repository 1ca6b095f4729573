// The MUST checks, one function per check of the reference validator's v21/musts.py
// (stix2-validator 3.2.1), named after it. RunMustChecks (must_checks.cc) calls them in
// the reference's order; each file of stix/validate/must/ defines one family.
//
// Every check has the same contract: it looks at one STIX object (an SDO, SRO, SCO,
// meta object or bundle shell), appends zero or more MUST findings (errors without a
// check code) to *out, and ignores values of the wrong JSON type, which the schema
// stage reports. Thread-safe: the rule tables they read are immutable after first use.
#ifndef STIXKIT_STIX_VALIDATE_MUST_INTERNAL_CHECKS_H_
#define STIXKIT_STIX_VALIDATE_MUST_INTERNAL_CHECKS_H_

#include <string_view>

#include "rapidjson/document.h"
#include "stix/validate/check_context.h"

namespace stixkit::stix::must {

using Object = rapidjson::Value;

// Names of the registry lists in stix/model/vocabularies.h that the checks consult.
inline constexpr std::string_view kMediaTypes = "iana-media-types";
inline constexpr std::string_view kCharsets = "iana-charsets";
inline constexpr std::string_view kLanguageTags = "rfc5646-language-codes";
inline constexpr std::string_view kIso6392 = "iso-639-2";

// formats.cc: the JSON-schema "format"s the draft-04 engine leaves unchecked.
void CheckFormats(const Object& object, const CheckContext& ctx, Findings* out);

// timestamps.cc: timestamp, timestamp_compare, observable_timestamp_compare.
void CheckTimestamps(const Object& object, const CheckContext& ctx, Findings* out);
void CheckTimestampOrder(const Object& object, const CheckContext& ctx, Findings* out);
void CheckObservableTimestampOrder(const Object& object, const CheckContext& ctx, Findings* out);

// markings.cc: object_marking_circular_refs, granular_markings_circular_refs,
// marking_selector_syntax.
void CheckObjectMarkingCircularRefs(const Object& object, const CheckContext& ctx, Findings* out);
void CheckGranularMarkingCircularRefs(const Object& object, const CheckContext& ctx, Findings* out);
void CheckMarkingSelectorSyntax(const Object& object, const CheckContext& ctx, Findings* out);

// observable_refs.cc: observable_object_references.
void CheckObservableObjectReferences(const Object& object, const CheckContext& ctx, Findings* out);

// registries.cc: artifact_mime_type, character_set, language, software_language.
void CheckArtifactMimeType(const Object& object, const CheckContext& ctx, Findings* out);
void CheckCharacterSet(const Object& object, const CheckContext& ctx, Findings* out);
void CheckLanguage(const Object& object, const CheckContext& ctx, Findings* out);
void CheckSoftwareLanguage(const Object& object, const CheckContext& ctx, Findings* out);

// cpe.cc: cpe_check, and the CPE 2.3 formatted-string parser behind it.
void CheckCpe(const Object& object, const CheckContext& ctx, Findings* out);
bool IsCpe23FormattedString(std::string_view text);

// language_content.cc: language_contents.
void CheckLanguageContents(const Object& object, const CheckContext& ctx, Findings* out);

// uuid_version.cc: uuid_version_check, process.
void CheckUuidVersion(const Object& object, const CheckContext& ctx, Findings* out);
void CheckProcessUuid(const Object& object, const CheckContext& ctx, Findings* out);

// strict.cc: types_strict (--strict-types), properties_strict (--strict-properties).
void CheckTypesStrict(const Object& object, const CheckContext& ctx, Findings* out);
void CheckPropertiesStrict(const Object& object, const CheckContext& ctx, Findings* out);

}  // namespace stixkit::stix::must

#endif  // STIXKIT_STIX_VALIDATE_MUST_INTERNAL_CHECKS_H_
