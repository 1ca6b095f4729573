// Organisation names as report fields write them, cleaned for an identity's `name`:
// "CareCloud (Nasdaq: CCLD)" -> "CareCloud"; "Acme Corp; Beta Health" -> two names.
//
//   for (const std::string& name : SplitOrganizations(field)) AddVictim(name);
//
// Cleaning keeps legal suffixes ("Acme, Inc.", "Beta GmbH") and removes:
// - markdown emphasis, surrounding quotes and blanks;
// - a field label of one to three words ending in organization, victim, company, entity,
//   target, customer or name (and plurals): "Affected Organization: CareCloud";
// - stock ticker parentheticals: "(Nasdaq: CCLD)", "(NYSE:ACME)", "(TSX: X; OTC: Y)",
//   "(CCLD)" when it holds one upper-case ticker of 1-5 letters;
// - a trailing description after " - ", " – ", " — ", ", a ", ", an " or ", the "
//   ("CareCloud, a healthcare technology provider" -> "CareCloud").
//
// Stateless and thread-safe.
#ifndef STIXKIT_CONVERTERS_EXTRACT_ORGANIZATION_NAME_H_
#define STIXKIT_CONVERTERS_EXTRACT_ORGANIZATION_NAME_H_

#include <string>
#include <string_view>
#include <vector>

namespace stixkit::convert {

// `value` cleaned as above; "" when nothing name-like is left.
std::string CleanOrganizationName(std::string_view value);

// The organisations listed in `value`, each cleaned, deduplicated, in text order:
// - split at ';' (always) and at line breaks;
// - a piece holding a comma list, "A, B and C" / "A, B, and C" / "A, B", is split when
//   every item looks like a name (starts with an upper-case letter or digit and has no
//   lower-case word other than of/the/and/for/de/&); legal suffixes ("Inc.", "LLC",
//   "Ltd") stay with the name before them. A lone "A and B" is kept whole
//   ("Marks and Spencer").
// Empty when `value` names nobody (blank).
std::vector<std::string> SplitOrganizations(std::string_view value);

}  // namespace stixkit::convert

#endif  // STIXKIT_CONVERTERS_EXTRACT_ORGANIZATION_NAME_H_
