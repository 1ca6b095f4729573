// What the technique mapper returns for a text: ranked techniques, plus the software,
// groups and tactics it names. Each hit carries its score, the evidence for it in words
// ("explicit id T1566.001; name \"spearphishing attachment\" 0.71; classifier 0.64"),
// and the byte span of the text that supports it best.
//
// Plain data; the strings are copies, so a result outlives the mapper and the catalog.
#ifndef STIXKIT_CONVERTERS_MAP_MAP_RESULT_H_
#define STIXKIT_CONVERTERS_MAP_MAP_RESULT_H_

#include <string>
#include <vector>

#include "converters/map/sentence_splitter.h"

namespace stixkit::convert {

struct TechniqueHit {
  std::string id;    // "T1003.001"
  std::string name;  // "OS Credential Dumping: LSASS Memory"
  float score = 0;   // 0..1, calibrated
  std::string evidence;
  TextSpan span;
};

// Software (malware, tools) or a group.
struct EntityHit {
  std::string id;    // "S0002"
  std::string name;  // "Mimikatz"
  std::string type;  // "tool", "malware", "intrusion-set"
  float score = 0;
  std::string evidence;
  TextSpan span;
};

struct TacticHit {
  std::string id;  // "TA0001"
  std::string shortname;
  std::string name;
  std::string evidence;
  TextSpan span;
};

struct MapResult {
  std::vector<TechniqueHit> techniques;  // best first
  std::vector<EntityHit> software;       // best first
  std::vector<EntityHit> groups;         // best first
  std::vector<TacticHit> tactics;        // in text order
};

}  // namespace stixkit::convert

#endif  // STIXKIT_CONVERTERS_MAP_MAP_RESULT_H_
