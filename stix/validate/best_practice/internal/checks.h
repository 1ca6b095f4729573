// The best-practice check families behind RunBestPracticeChecks (one .cc each in
// stix/validate/best_practice/), and what they share: the facts about the object that
// every family needs, computed once per object, and the one way to report a finding.
//
//   ObjectInfo info = DescribeObject(object);
//   CheckVocabularies(info, ctx, out);
//
// Each family checks ctx.selection.Runs(code) itself, reproduces the reference
// validator (stix2-validator 3.2.1, v21/shoulds.py) including its quirks, and appends
// Warnings only. Pure functions; thread-safe.
#ifndef STIXKIT_STIX_VALIDATE_BEST_PRACTICE_INTERNAL_CHECKS_H_
#define STIXKIT_STIX_VALIDATE_BEST_PRACTICE_INTERNAL_CHECKS_H_

#include <initializer_list>
#include <string>
#include <string_view>

#include "rapidjson/document.h"
#include "stix/validate/best_practice/internal/type_rules.h"
#include "stix/validate/check_context.h"
#include "stix/validate/finding.h"
#include "stix/validate/schema_store.h"

namespace stixkit::stix::best_practice {

struct ObjectInfo {
  const rapidjson::Value& object;
  std::string_view type;  // "" when absent or not a string
  std::string_view id;    // "" when absent or not a string
  // What the schemas and the check data say about `type` (an empty entry for custom
  // types); rules.is_sco is what the reference calls OBSERVABLE_TYPES.
  const TypeRules& rules;
  bool known_type = false;  // the bundled schemas define `type` (= rules.known)
  bool is_sco = false;      // = rules.is_sco
  // The reference's has_cyber_observable_data(): an SCO, or an observed-data with the
  // deprecated `objects` dictionary. Its SCO-only checks then run on the observed-data
  // object itself (util.py cyber_observable_check passes the container, not the
  // embedded objects), which decides several quirks below.
  bool has_observable_data = false;
};

ObjectInfo DescribeObject(const rapidjson::Value& object);

// Appends a best-practice Warning about `info`'s object.
void Warn(const ObjectInfo& info, std::string_view code, std::string pointer, std::string message,
          Findings* out);

// An RFC 6901 pointer built from member names ("/extensions/ntfs-ext").
std::string Pointer(std::initializer_list<std::string_view> names);

// 101 custom-prefix, 102 custom-prefix-lax (custom_prefix.cc).
void CheckCustomPrefix(const ObjectInfo& info, const CheckContext& ctx, Findings* out);
// 401 extensions-use (extensions_use.cc).
void CheckExtensionsUse(const ObjectInfo& info, const CheckContext& ctx, Findings* out);
// 103 uuid-check (uuid_check.cc).
void CheckUuid(const ObjectInfo& info, const CheckContext& ctx, Findings* out);
// 111 open-vocab-format, 121 kill-chain-names, 143 malware-analysis-product (formats.cc).
void CheckFormats(const ObjectInfo& info, const CheckContext& ctx, Findings* out);
// 141, 142, 149, 150: formats inside cyber observables (observable_formats.cc).
void CheckObservableFormats(const ObjectInfo& info, const CheckContext& ctx, Findings* out);
// 211-245 open vocabularies (vocabularies.cc).
void CheckVocabularies(const ObjectInfo& info, const CheckContext& ctx, Findings* out);
// 202 relationship-types (relationship_types.cc).
void CheckRelationshipType(const ObjectInfo& info, const CheckContext& ctx, Findings* out);
// 271-277 external registries (external_sources.cc).
void CheckExternalSources(const ObjectInfo& info, const CheckContext& ctx, Findings* out);
// 201 and 301-306 (misc.cc).
void CheckMisc(const ObjectInfo& info, const CheckContext& ctx, Findings* out);

}  // namespace stixkit::stix::best_practice

#endif  // STIXKIT_STIX_VALIDATE_BEST_PRACTICE_INTERNAL_CHECKS_H_
