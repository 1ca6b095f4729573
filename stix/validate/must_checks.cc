#include "stix/validate/must_checks.h"

#include "stix/validate/must/internal/checks.h"
#include "stix/validate/pattern_check.h"

namespace stixkit::stix {
namespace {

using CheckFn = void (*)(const rapidjson::Value&, const CheckContext&, Findings*);

// The reference's list_musts() order (stix2-validator 3.2.1, v21/musts.py), which is
// also the order its messages come out in. The format checks belong to its schema
// stage, so they come first; the strict checks are appended as the reference does and
// return at once unless their option is set. The indicator pattern checks live in
// pattern_check.h.
constexpr CheckFn kChecksBeforePattern[] = {
    must::CheckFormats,
    must::CheckTimestamps,                   // timestamp
    must::CheckTimestampOrder,               // timestamp_compare
    must::CheckObservableTimestampOrder,     // observable_timestamp_compare
    must::CheckObjectMarkingCircularRefs,    // object_marking_circular_refs
    must::CheckGranularMarkingCircularRefs,  // granular_markings_circular_refs
    must::CheckMarkingSelectorSyntax,        // marking_selector_syntax
    must::CheckObservableObjectReferences,   // observable_object_references
    must::CheckArtifactMimeType,             // artifact_mime_type
    must::CheckCharacterSet,                 // character_set
    must::CheckLanguage,                     // language
    must::CheckSoftwareLanguage,             // software_language
};

constexpr CheckFn kChecksAfterPattern[] = {
    must::CheckCpe,               // cpe_check
    must::CheckLanguageContents,  // language_contents
    must::CheckUuidVersion,       // uuid_version_check
    must::CheckProcessUuid,       // process
    must::CheckTypesStrict,       // types_strict (--strict-types)
    must::CheckPropertiesStrict,  // properties_strict (--strict-properties)
};

}  // namespace

void RunMustChecks(const rapidjson::Value& object, const CheckContext& ctx, Findings* out) {
  if (!object.IsObject()) return;
  for (const CheckFn check : kChecksBeforePattern) check(object, ctx, out);
  CheckIndicatorPattern(object, ctx.options, out);  // patterns
  for (const CheckFn check : kChecksAfterPattern) check(object, ctx, out);
  // The pattern half of types_strict / properties_strict; a no-op without the options.
  CheckIndicatorPatternStrict(object, ctx.options, out);
}

}  // namespace stixkit::stix
