#include "stix/validate/pattern_check.h"

#include <algorithm>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "absl/strings/str_cat.h"
#include "stix/base/strings.h"
#include "stix/pattern/comparisons.h"
#include "stix/pattern/parser.h"
#include "stix/pattern/reference_rules.h"
#include "stix/validate/check_selection.h"
#include "stix/validate/schema_store.h"

namespace stixkit::stix {
namespace {

using pattern::Comparison;
using pattern::Pattern;

constexpr std::string_view kPointer = "/pattern";

struct IndicatorPattern {
  std::string id;
  std::string_view text;
};

std::string_view View(const rapidjson::Value& value) {
  return std::string_view(value.GetString(), value.GetStringLength());
}

// musts.py `patterns` runs on indicators whose pattern_type is "stix" and whose pattern
// is a string; a missing pattern is the schema stage's to report.
std::optional<IndicatorPattern> StixPatternOf(const rapidjson::Value& object) {
  if (!object.IsObject()) return std::nullopt;
  const auto type = object.FindMember("type");
  const auto pattern_type = object.FindMember("pattern_type");
  const auto text = object.FindMember("pattern");
  if (type == object.MemberEnd() || !type->value.IsString() || View(type->value) != "indicator" ||
      pattern_type == object.MemberEnd() || !pattern_type->value.IsString() ||
      View(pattern_type->value) != "stix" || text == object.MemberEnd() ||
      !text->value.IsString()) {
    return std::nullopt;
  }
  const auto id = object.FindMember("id");
  return IndicatorPattern{
      id != object.MemberEnd() && id->value.IsString() ? std::string(View(id->value)) : "",
      View(text->value)};
}

void AddError(const IndicatorPattern& indicator, std::string message, Findings* out) {
  out->push_back(Finding::Error("", indicator.id, std::string(kPointer), std::move(message)));
}

// The reference converts check codes in --disable to names ("101" -> "custom-prefix").
bool IsDisabled(const ValidationOptions& options, std::string_view name) {
  for (const std::string& entry : options.disabled) {
    if (entry == name) return true;
    for (const CheckCode& code : AllCheckCodes()) {
      if (code.code == entry && code.name == name) return true;
    }
  }
  return false;
}

// In 3.2.1 the custom-prefix checks of `patterns` apply only when extensions-use (401)
// is disabled: without it, [foo:name = 'x'] passes, with it, 'foo' needs a prefix (the
// recorded reference verdicts, conformance/validator-cases-v21.jsonl).
bool PrefixCheckRuns(const ValidationOptions& options, std::string_view check) {
  return IsDisabled(options, "extensions-use") && !IsDisabled(options, "all") &&
         !IsDisabled(options, "format-checks") && !IsDisabled(options, check);
}

// Python's re.match(...$) also accepts one final "\n".
std::string_view WithoutFinalNewline(std::string_view s) {
  return (!s.empty() && s.back() == '\n') ? s.substr(0, s.size() - 1) : s;
}

bool IsLowerAlnum(char c) { return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9'); }

// TYPE_FORMAT_RE ^\-?[a-z0-9]+(-[a-z0-9]+)*\-?$ and a length of 3 to 250.
bool IsTypeNameFormat(std::string_view type) {
  if (type.size() < 3 || type.size() > 250) return false;
  std::string_view core = WithoutFinalNewline(type);
  if (!core.empty() && core.front() == '-') core.remove_prefix(1);
  if (!core.empty() && core.back() == '-') core.remove_suffix(1);
  if (core.empty() || core.front() == '-' || core.back() == '-') return false;
  for (size_t i = 0; i < core.size(); ++i) {
    if (core[i] == '-' ? core[i - 1] == '-' : !IsLowerAlnum(core[i])) return false;
  }
  return true;
}

// PROPERTY_FORMAT_RE ^[a-z0-9_]{3,250}$.
bool IsPropertyNameFormat(std::string_view property) {
  const std::string_view core = WithoutFinalNewline(property);
  return core.size() >= 3 && core.size() <= 250 &&
         std::all_of(core.begin(), core.end(), [](char c) { return IsLowerAlnum(c) || c == '_'; });
}

// ^x<sep>.+$ (lax) and ^x<sep>.+<sep>.+$ (strict), for names without line breaks.
bool HasCustomPrefix(std::string_view name, char separator, bool strict) {
  const std::string_view core = WithoutFinalNewline(name);
  if (core.size() < 3 || core[0] != 'x' || core[1] != separator) return false;
  if (!strict) return true;
  const std::string_view rest = core.substr(2);
  const size_t inner = rest.find(separator, 1);
  return inner != std::string_view::npos && inner + 1 < rest.size();
}

bool IsSpecObservableType(std::string_view type) {
  const SchemaStore& store = SchemaStore::Default();
  return store.IsKnownType(type) && store.CategoryOf(type) == ObjectCategory::kSco;
}

// The reference's inspector groups comparisons by object type, types in the order they
// first appear.
std::vector<std::pair<std::string, std::vector<const Comparison*>>> ByType(const Pattern& p) {
  std::vector<std::pair<std::string, std::vector<const Comparison*>>> groups;
  for (const Comparison* comparison : pattern::ListComparisons(p)) {
    const std::string& type = comparison->path.object_type;
    auto it = std::find_if(groups.begin(), groups.end(),
                           [&](const auto& group) { return group.first == type; });
    if (it == groups.end()) it = groups.insert(groups.end(), {type, {}});
    it->second.push_back(comparison);
  }
  return groups;
}

void CheckType(const IndicatorPattern& indicator, std::string_view type,
               const ValidationOptions& options, Findings* out) {
  if (IsSpecObservableType(type)) return;
  if (!IsTypeNameFormat(type)) {
    AddError(indicator,
             absl::StrCat("pattern object type '", Av(type),
                          "' is not a valid observable type "
                          "name: expected 3 to 250 characters of a-z, 0-9 and '-'"),
             out);
  } else if (PrefixCheckRuns(options, "custom-prefix") && !HasCustomPrefix(type, '-', true)) {
    AddError(indicator,
             absl::StrCat("custom observable object type '", Av(type),
                          "' in the pattern should "
                          "start with 'x-' followed by a source unique identifier (like a domain "
                          "name with dots replaced by hyphens), a hyphen and then the name"),
             out);
  } else if (PrefixCheckRuns(options, "custom-prefix-lax") && !HasCustomPrefix(type, '-', false)) {
    AddError(indicator,
             absl::StrCat("custom observable object type '", Av(type),
                          "' in the pattern should start with 'x-'"),
             out);
  }
}

void CheckProperty(const IndicatorPattern& indicator, std::string_view type,
                   std::string_view property, const ValidationOptions& options, Findings* out) {
  const bool spec_type = IsSpecObservableType(type);
  if (spec_type && SchemaStore::Default().HasProperty(type, property)) return;
  if (!IsPropertyNameFormat(property)) {
    AddError(indicator,
             absl::StrCat("pattern property '", Av(property), "' of '", Av(type),
                          "' is not a valid observable property name: expected 3 to 250 "
                          "characters of a-z, 0-9 and '_'"),
             out);
  } else if (!spec_type) {
    return;  // custom SCOs need no x_ prefix on their properties
  } else if (PrefixCheckRuns(options, "custom-prefix") && !HasCustomPrefix(property, '_', true)) {
    AddError(indicator,
             absl::StrCat("custom property '", Av(property), "' of '", Av(type),
                          "' in the pattern should start with 'x_' followed by a source unique "
                          "identifier (like a domain name with dots replaced by underscores), "
                          "an underscore and then the name"),
             out);
  } else if (PrefixCheckRuns(options, "custom-prefix-lax") &&
             !HasCustomPrefix(property, '_', false)) {
    AddError(indicator,
             absl::StrCat("custom property '", Av(property), "' of '", Av(type),
                          "' in the pattern should start with 'x_'"),
             out);
  }
}

}  // namespace

void CheckIndicatorPattern(const rapidjson::Value& indicator, const ValidationOptions& options,
                           Findings* out) {
  const std::optional<IndicatorPattern> target = StixPatternOf(indicator);
  if (!target) return;
  absl::StatusOr<Pattern> parsed = pattern::ParsePattern(target->text);
  if (!parsed.ok()) {
    AddError(*target, absl::StrCat("pattern is not valid: ", parsed.status().message()), out);
    return;
  }
  const std::vector<absl::Status> violations = pattern::ReferenceRuleViolations(*parsed);
  for (const absl::Status& violation : violations) {
    AddError(*target, absl::StrCat("pattern is not valid: ", violation.message()), out);
  }
  if (!violations.empty()) return;
  for (const auto& [type, comparisons] : ByType(*parsed)) {
    CheckType(*target, type, options, out);
    for (const Comparison* comparison : comparisons) {
      CheckProperty(*target, type, comparison->path.steps.front().key, options, out);
    }
  }
}

void CheckIndicatorPatternStrict(const rapidjson::Value& indicator,
                                 const ValidationOptions& options, Findings* out) {
  if (!options.strict_types && !options.strict_properties) return;
  const std::optional<IndicatorPattern> target = StixPatternOf(indicator);
  if (!target) return;
  absl::StatusOr<Pattern> parsed = pattern::ParsePattern(target->text);
  if (!parsed.ok()) return;
  const SchemaStore& store = SchemaStore::Default();
  for (const auto& [type, comparisons] : ByType(*parsed)) {
    const bool spec_type = IsSpecObservableType(type);
    if (options.strict_types && !spec_type) {
      AddError(*target,
               absl::StrCat("pattern object type '", type,
                            "' is not one of the observable types defined in the specification"),
               out);
    }
    if (!options.strict_properties || !spec_type) continue;
    for (const Comparison* comparison : comparisons) {
      const std::string& property = comparison->path.steps.front().key;
      if (store.HasProperty(type, property)) continue;
      AddError(*target,
               absl::StrCat("pattern property '", property,
                            "' is not one of those defined in "
                            "the specification for ",
                            type, " objects"),
               out);
    }
  }
}

}  // namespace stixkit::stix
