#include "stix/pattern/checked_pattern.h"

#include "stix/base/status.h"
#include "stix/pattern/parser.h"
#include "stix/pattern/reference_rules.h"
#include "stix/pattern/spec_rules.h"

namespace stixkit::stix::pattern {

absl::StatusOr<Pattern> ParseCheckedPattern(std::string_view text, PatternRules rules) {
  STIXKIT_ASSIGN_OR_RETURN(Pattern pattern, ParsePattern(text));
  STIXKIT_RETURN_IF_ERROR(CheckReferenceRules(pattern));
  if (rules == PatternRules::kSpec) STIXKIT_RETURN_IF_ERROR(CheckSpecRules(pattern));
  return pattern;
}

}  // namespace stixkit::stix::pattern
