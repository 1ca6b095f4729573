// The Traffic Light Protocol marking definitions (TLP 1.0 from STIX 2.1 §7.2.1.4, TLP
// 2.0 from the OASIS common objects), read from stix/data/tlp.json. The converter emits
// them verbatim; the validator and TAXII push recognise them by id.
//
//   if (const TlpMarking* tlp = FindTlpMarking(id)) tlp->level;  // "red"
//
// Loaded once; thread-safe; pointers live for the whole program.
#ifndef STIXKIT_STIX_MODEL_TLP_H_
#define STIXKIT_STIX_MODEL_TLP_H_

#include <string>
#include <string_view>
#include <vector>

namespace stixkit::stix {

struct TlpMarking {
  std::string id;       // "marking-definition--5e57c739-..."
  std::string version;  // "1.0" or "2.0"
  std::string level;    // "white", "clear", "green", "amber", "amber+strict", "red"
  std::string name;     // "TLP:RED"
  std::string json;     // the whole marking-definition object, compact
};

// Every TLP marking definition, TLP 1.0 first.
const std::vector<TlpMarking>& AllTlpMarkings();

// The TLP marking with this id, or nullptr if the id is not a TLP marking.
const TlpMarking* FindTlpMarking(std::string_view id);

}  // namespace stixkit::stix

#endif  // STIXKIT_STIX_MODEL_TLP_H_
