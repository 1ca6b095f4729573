// Layer 1 of the mapper: ATT&CK ids written out in the text — techniques "T1566" and
// sub-techniques "T1566.001", tactics "TA0001", software "S0002" and groups "G0016".
// An id must stand alone (no letter, digit or '_' touching it) and use capital letters
// as ATT&CK writes them, so hashes and file names do not match. This layer only finds
// them; the mapper checks them against the catalog.
//
//   for (const IdMention& m : FindExplicitIds("phishing (T1566.001) ...")) m.id;
//
// Pure function; thread-safe.
#ifndef STIXKIT_CONVERTERS_MAP_EXPLICIT_IDS_H_
#define STIXKIT_CONVERTERS_MAP_EXPLICIT_IDS_H_

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace stixkit::convert {

enum class IdKind { kTechnique, kTactic, kSoftware, kGroup };

struct IdMention {
  IdKind kind = IdKind::kTechnique;
  std::string id;  // as written: "T1566.001"
  size_t begin = 0;
  size_t end = 0;  // byte span in the text
};

// Every id mention, in text order.
std::vector<IdMention> FindExplicitIds(std::string_view text);

}  // namespace stixkit::convert

#endif  // STIXKIT_CONVERTERS_MAP_EXPLICIT_IDS_H_
