// Whether a report field says that nothing is known: "[Not Disclosed]", "Unknown",
// "N/A", "None disclosed at this time.", "[Unknown/Investigation Pending]". Builders skip
// such values instead of turning them into objects or properties.
//
//   if (IsUndisclosed(field.value)) continue;
//
// The rule: after trimming blanks, markdown emphasis, quotes and one pair of enclosing
// brackets, the value must consist only of no-information phrases (from a fixed list:
// "not disclosed", "not publicly disclosed", "undisclosed", "unknown", "none", "n/a",
// "tbd", "redacted", "pending", "investigation ongoing", ...), joined by '/', ',', ';',
// '-', "and" or "or", each optionally followed by filler ("at this time", "yet",
// "currently", "publicly", "so far", "to date") and by parentheticals, which are ignored
// whatever they say. Anything else after a phrase is substantive content, so
//   "Not publicly disclosed (Investigation ongoing)"      -> true
//   "Not disclosed; however, the attackers used RDP"      -> false
//   "Specific techniques have not been disclosed"         -> false (does not start so)
//   "Potential access to cloud-based EHR"                 -> false
// A value that is empty after trimming is undisclosed too. A bare "No" is an answer, not
// an absence of one, so it is false.
//
// Stateless and thread-safe.
#ifndef STIXKIT_CONVERTERS_EXTRACT_UNDISCLOSED_H_
#define STIXKIT_CONVERTERS_EXTRACT_UNDISCLOSED_H_

#include <string_view>

namespace stixkit::convert {

// True when `value` says nothing is known (rule above); false when it says something.
bool IsUndisclosed(std::string_view value);

}  // namespace stixkit::convert

#endif  // STIXKIT_CONVERTERS_EXTRACT_UNDISCLOSED_H_
