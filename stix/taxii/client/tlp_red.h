// Finding content marked TLP:RED before it leaves the machine. TLP:RED means "for the
// eyes of the named recipients only"; pushing it to a sharing server is almost always a
// mistake, so `taxii push` refuses it unless --allow-red. An object is red when its
// object_marking_refs or granular_markings name a red marking definition: the TLP 1.0
// or 2.0 TLP:RED ids (stix/model/tlp.h), or a red marking-definition found in the same
// content. Red marking-definition objects themselves are reported too.
//
//   RedMarkingFinder finder;
//   for (const rapidjson::Value& object : objects) finder.Add(object);
//   for (const RedObject& red : finder.Finish()) ...
//
// Markings may be defined after the objects that use them, so the verdict comes at
// Finish. Memory: the ids and marking refs of marked objects only. Not thread-safe.
#ifndef STIXKIT_STIX_TAXII_CLIENT_TLP_RED_H_
#define STIXKIT_STIX_TAXII_CLIENT_TLP_RED_H_

#include <string>
#include <vector>

#include "absl/container/flat_hash_set.h"
#include "rapidjson/document.h"

namespace stixkit::taxii {

struct RedObject {
  std::string id;
  // Why: "object_marking_refs: marking-definition--5e57..." or "granular_markings: ...",
  // or "a TLP:RED marking definition".
  std::string reason;
};

class RedMarkingFinder {
 public:
  // Records one STIX object (anything else is ignored).
  void Add(const rapidjson::Value& object);
  // The red objects in the order added: marked objects and red marking definitions.
  std::vector<RedObject> Finish() const;

 private:
  struct Marked {
    std::string id;
    std::string where;  // "object_marking_refs" or "granular_markings"
    std::string ref;
  };
  absl::flat_hash_set<std::string> red_definitions_;  // found in the content
  std::vector<Marked> marked_;
  std::vector<std::pair<size_t, RedObject>> definitions_;  // position in marked_, object
};

// True for a marking-definition object that is TLP:RED in TLP 1.0 form
// (definition_type "tlp", definition.tlp "red"), TLP 2.0 form (the TLP 2.0 extension's
// tlp_2_0 "red"), by a standard TLP:RED id, or by the name "TLP:RED".
bool IsRedMarkingDefinition(const rapidjson::Value& object);

}  // namespace stixkit::taxii

#endif  // STIXKIT_STIX_TAXII_CLIENT_TLP_RED_H_
