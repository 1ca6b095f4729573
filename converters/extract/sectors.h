// Industry sectors named in text, as STIX 2.1 industry-sector-ov values (§10.11):
// "Healthcare Technology / Information Technology" -> {"healthcare", "technology"}.
//
//   identity.sectors = MapSectors(block_text);
//
// The phrase table is data: converters/data/sectors.json maps a lower-case phrase
// ("credit union", "school district") to one or more sector values. Matching ignores
// ASCII case, needs whole words, prefers the longest phrase at a position ("water
// utility" -> water, not utilities), and also tries the singular of a final plural word
// ("hospitals", "universities", "ISPs"). A phrase mapped to no value blocks the shorter
// phrases inside it: "Defense Evasion" (an ATT&CK tactic) and "legal fees" name no
// sector. Every value in the table is checked against the vocabulary by a test.
//
// The table is loaded once on first use (aborts if the embedded file is malformed, a
// build defect). Thread-safe.
#ifndef STIXKIT_CONVERTERS_EXTRACT_SECTORS_H_
#define STIXKIT_CONVERTERS_EXTRACT_SECTORS_H_

#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace stixkit::convert {

// The sector values named in `text`, deduplicated, in order of first mention; empty when
// none is named.
std::vector<std::string> MapSectors(std::string_view text);

// The embedded phrase table's phrases and values, in file order (for tests and docs).
std::vector<std::pair<std::string, std::vector<std::string>>> SectorPhrases();

}  // namespace stixkit::convert

#endif  // STIXKIT_CONVERTERS_EXTRACT_SECTORS_H_
