// What a caller can ask of the technique mapper, and the defaults the converter uses.
//
//   MapOptions options;            // kDefaultThreshold, every technique
//   options.tactic = "initial-access";  // text sits under an "Initial Access" heading
//
// Plain data.
#ifndef STIXKIT_CONVERTERS_MAP_MAP_OPTIONS_H_
#define STIXKIT_CONVERTERS_MAP_MAP_OPTIONS_H_

#include <cstddef>
#include <string>
#include <vector>

namespace stixkit::convert {

// Techniques scoring below this are not reported. Chosen on cross-validated TRAM
// sentences (docs/mapping-model.md): at 0.6 a reported technique is right 85% of the
// time and three report sentences in four still get one; ordinary prose stays below.
inline constexpr float kDefaultThreshold = 0.6f;

// A tactic hint multiplies the classifier's odds for that tactic's techniques by this
// before renormalising: enough to break near-ties, not to invent a technique.
inline constexpr float kTacticBoost = 3.0f;

struct MapOptions {
  float threshold = kDefaultThreshold;  // report techniques scoring at least this
  size_t top = 0;                       // at most this many techniques; 0 = no limit
  // Tactic context: a shortname ("initial-access"), a TA id or a tactic name ("Initial
  // Access"); empty for none. Unknown tactics are ignored.
  std::string tactic;
  // False: only explicit ids and names count (the sentence classifier is skipped), for
  // text that names things but does not describe behaviour, such as a details table.
  bool classifier = true;
  // If not empty, only these technique ids are considered (evaluation on a closed set).
  std::vector<std::string> only_techniques;
};

}  // namespace stixkit::convert

#endif  // STIXKIT_CONVERTERS_MAP_MAP_OPTIONS_H_
