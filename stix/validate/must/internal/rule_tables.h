// The MUST stage's rule tables, read once from stix/data/must-rules.json (compiled into
// the binary): timestamp ordering pairs, the object types an SCO reference may point
// at, and the SCO types that need a UUIDv4 when no ID-contributing property is present.
//
//   for (const TimestampOrder& rule : MustRules().OrderFor("indicator")) ...
//
// MustRules() is built on first use (thread-safe static init) and never destroyed; the
// spans and pointers it hands out live for the whole program. It aborts with a message
// if the embedded file is missing or malformed: that is a build defect, caught by the
// tests. All methods are const and thread-safe.
#ifndef STIXKIT_STIX_VALIDATE_MUST_INTERNAL_RULE_TABLES_H_
#define STIXKIT_STIX_VALIDATE_MUST_INTERNAL_RULE_TABLES_H_

#include <string>
#include <string_view>
#include <vector>

#include "absl/container/flat_hash_map.h"
#include "absl/container/flat_hash_set.h"
#include "absl/types/span.h"
#include "stix/base/strings.h"

namespace stixkit::stix::must {

// `later` must be later than (strict) or later than or equal to `earlier`.
struct TimestampOrder {
  std::string later;
  std::string earlier;
  bool strict = false;
};

// A reference property of an SCO type, reached through `path` (the last step is the
// property; "[]" steps into every list item), and the types it may point at.
struct ObservableRefRule {
  std::vector<std::string> path;
  std::vector<std::string> targets;
};

class MustRuleTables {
 public:
  static const MustRuleTables& Get();

  // The pairs that apply to every object, then those of `type` (empty if none).
  absl::Span<const TimestampOrder> CommonOrder() const { return common_order_; }
  absl::Span<const TimestampOrder> OrderFor(std::string_view type) const;
  absl::Span<const TimestampOrder> ObservableOrderFor(std::string_view type) const;

  absl::Span<const ObservableRefRule> RefRulesFor(std::string_view type) const;

  // Whether `type` is one of the SCO types whose id MUST be a UUIDv4 when none of its
  // ID-contributing properties is present.
  bool NeedsUuidV4WithoutContributing(std::string_view type) const {
    return uuid_v4_unless_contributing_.contains(Av(type));
  }

 private:
  MustRuleTables() = default;
  friend MustRuleTables LoadMustRules();

  std::vector<TimestampOrder> common_order_;
  absl::flat_hash_map<std::string, std::vector<TimestampOrder>> order_;
  absl::flat_hash_map<std::string, std::vector<TimestampOrder>> observable_order_;
  absl::flat_hash_map<std::string, std::vector<ObservableRefRule>> refs_;
  absl::flat_hash_set<std::string> uuid_v4_unless_contributing_;
};

inline const MustRuleTables& MustRules() { return MustRuleTables::Get(); }

}  // namespace stixkit::stix::must

#endif  // STIXKIT_STIX_VALIDATE_MUST_INTERNAL_RULE_TABLES_H_
