// Organisations named in running text, for reports that have no "Affected
// Organization:" field: a run of capitalised words ending in a word that names an
// organisation ("Harlow Unified School District", "Brazos Valley Water Authority",
// "First Prairie Bank & Trust", "Acme Health, Inc.").
//
//   for (const OrganizationMention& m : FindOrganizationMentions(text)) ...;
//
// The suffix words (District, Authority, Hospital, Bank, University, Inc, ...) are data
// in organization_mentions.cc. Stateless and thread-safe.
#ifndef STIXKIT_CONVERTERS_EXTRACT_ORGANIZATION_MENTIONS_H_
#define STIXKIT_CONVERTERS_EXTRACT_ORGANIZATION_MENTIONS_H_

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace stixkit::convert {

struct OrganizationMention {
  std::string name;
  std::size_t offset = 0;
  std::size_t length = 0;
};

// Mentions in text order, deduplicated by name. A run starts at a capitalised word that
// is not sentence-initial filler ("The", "Our", "At") and may include "of", "and", "&"
// and "for" between capitalised words.
std::vector<OrganizationMention> FindOrganizationMentions(std::string_view text);

}  // namespace stixkit::convert

#endif  // STIXKIT_CONVERTERS_EXTRACT_ORGANIZATION_MENTIONS_H_
