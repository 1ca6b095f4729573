// Small helpers about qualifier lists shared by the reference and spec rule checks.
// Internal to stix/pattern. Pure functions; thread-safe.
#ifndef STIXKIT_STIX_PATTERN_INTERNAL_QUALIFIER_NAMES_H_
#define STIXKIT_STIX_PATTERN_INTERNAL_QUALIFIER_NAMES_H_

#include <string_view>
#include <vector>

#include "stix/pattern/ast.h"

namespace stixkit::stix::pattern::internal {

// "WITHIN", "REPEATS" or "START/STOP".
inline std::string_view QualifierName(Qualifier::Kind kind) {
  switch (kind) {
    case Qualifier::Kind::kWithin:
      return "WITHIN";
    case Qualifier::Kind::kRepeats:
      return "REPEATS";
    case Qualifier::Kind::kStartStop:
      return "START/STOP";
  }
  return "?";
}

// The first qualifier whose kind already occurred earlier in the list, or nullptr.
inline const Qualifier* FirstDuplicateQualifier(const std::vector<Qualifier>& qualifiers) {
  bool seen[3] = {false, false, false};
  for (const Qualifier& qualifier : qualifiers) {
    bool& slot = seen[static_cast<int>(qualifier.kind)];
    if (slot) return &qualifier;
    slot = true;
  }
  return nullptr;
}

}  // namespace stixkit::stix::pattern::internal

#endif  // STIXKIT_STIX_PATTERN_INTERNAL_QUALIFIER_NAMES_H_
