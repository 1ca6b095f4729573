// Timestamps that have the right shape but name no real instant (STIX 2.1 §3.2:
// timestamps are RFC 3339 dates), and the ordering rules between timestamp properties
// (stix/data/must-rules.json). Which properties are timestamps is read from the
// schemas: those whose schema is the timestamp definition.
#include <optional>

#include "stix/validate/must/internal/checks.h"
#include "stix/validate/must/internal/json_access.h"
#include "stix/validate/must/internal/rule_tables.h"
#include "stix/validate/must/internal/schema_facts.h"
#include "stix/validate/must/internal/timestamp_text.h"
#include "stix/validate/schema_store.h"

namespace stixkit::stix::must {
namespace {

// Checked on every object, whatever its type (the reference's common pair).
constexpr std::string_view kCommonTimestamps[] = {"created", "modified"};

bool IsCommon(std::string_view property) {
  return property == kCommonTimestamps[0] || property == kCommonTimestamps[1];
}

// Why `value` has the timestamp shape yet names no real instant, or "". Values that are
// not strings or lack the shape are the schema stage's to report.
std::string_view ImpossibleReason(const rapidjson::Value& value) {
  if (!value.IsString()) return "";
  const std::optional<TimestampFields> fields = MatchTimestampShape(View(value));
  return fields ? ImpossibleTimestampReason(*fields) : "";
}

// `label` names the property the way the reference does ("'created'",
// "'file': 'ctime'"); the message ends with dateutil's "<reason>: <text>".
void Report(const Object& owner, std::string pointer, std::string_view label,
            const rapidjson::Value& value, std::string_view reason, Findings* out) {
  const std::string_view text = View(value);
  AddError(owner, std::move(pointer),
           Cat(label, ": '", text, "' is not a valid timestamp: ", reason, ": ", text), out);
}

// A top-level timestamp property of any object.
void CheckProperty(const Object& object, std::string_view property, Findings* out) {
  const rapidjson::Value* value = Member(object, property);
  if (value == nullptr) return;
  const std::string_view reason = ImpossibleReason(*value);
  if (reason.empty()) return;
  Report(object, Pointer("", property), Cat("'", property, "'"), *value, reason, out);
}

// The reference names SCO timestamps by type, then extension, then property.
std::string ObservableLabel(std::string_view type, const SchemaPath& path) {
  if (path.size() == 3 && path[0] == "extensions") {
    return Cat("'", type, "': '", path[1], "': '", path[2], "'");
  }
  return Cat("'", type, "': '", path.back(), "'");
}

void CheckObservableTimestamps(const Object& object, std::string_view type,
                               const TypeSchemaFacts& facts, Findings* out) {
  for (const SchemaPath& path : facts.timestamps) {
    if (path.size() == 1 && IsCommon(path[0])) continue;
    VisitPath(object, "", path, [&](const rapidjson::Value& value, const std::string& at) {
      const std::string_view reason = ImpossibleReason(value);
      if (!reason.empty()) Report(object, at, ObservableLabel(type, path), value, reason, out);
    });
  }
}

std::string_view Comparison(bool strict) {
  return strict ? "later than" : "later than or equal to";
}

// The first violated rule's message text, or "" when `rule` holds or does not apply.
std::string OrderViolation(const Object& object, const TimestampOrder& rule) {
  const rapidjson::Value* later = Member(object, rule.later);
  const rapidjson::Value* earlier = Member(object, rule.earlier);
  if (later == nullptr || earlier == nullptr || !later->IsString() || !earlier->IsString()) {
    return "";
  }
  const int order = CompareTimestamps(View(*later), View(*earlier));
  if (rule.strict ? order > 0 : order >= 0) return "";
  return Cat("'", rule.later, "' (", View(*later), ") must be ", Comparison(rule.strict), " '",
             rule.earlier, "' (", View(*earlier), ")");
}

void CheckOrder(const Object& object, absl::Span<const TimestampOrder> rules,
                std::string_view prefix, Findings* out) {
  for (const TimestampOrder& rule : rules) {
    const std::string violation = OrderViolation(object, rule);
    if (!violation.empty()) {
      AddError(object, Pointer("", rule.later), Cat(prefix, violation), out);
    }
  }
}

}  // namespace

void CheckTimestamps(const Object& object, const CheckContext&, Findings* out) {
  for (std::string_view property : kCommonTimestamps) CheckProperty(object, property, out);
  const std::string_view type = TypeOf(object);
  const SchemaStore& store = SchemaStore::Default();
  if (!store.IsKnownType(type)) return;
  const TypeSchemaFacts& facts = SchemaFactsFor(type, false);
  if (store.CategoryOf(type) == ObjectCategory::kSco) {
    CheckObservableTimestamps(object, type, facts, out);
    return;
  }
  // For the other objects the reference knows top-level timestamps only. It never
  // reaches the observables inside observed-data "objects": that branch tests for
  // the type "observable-data", a typo.
  for (const SchemaPath& path : facts.timestamps) {
    if (path.size() == 1 && !IsCommon(path[0])) CheckProperty(object, path[0], out);
  }
}

void CheckTimestampOrder(const Object& object, const CheckContext&, Findings* out) {
  const MustRuleTables& rules = MustRules();
  CheckOrder(object, rules.CommonOrder(), "", out);
  CheckOrder(object, rules.OrderFor(TypeOf(object)), "", out);
}

void CheckObservableTimestampOrder(const Object& object, const CheckContext&, Findings* out) {
  const absl::Span<const TimestampOrder> rules = MustRules().ObservableOrderFor(TypeOf(object));
  if (rules.empty()) return;
  CheckOrder(object, rules, Cat("in object '", IdOf(object), "', "), out);
}

}  // namespace stixkit::stix::must
