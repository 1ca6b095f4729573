// Traffic Light Protocol labels written in report text ("TLP:AMBER", "TLP: AMBER+STRICT",
// "TLP 2.0 GREEN", "Traffic Light Protocol: RED"), as TLP 2.0 level names.
//
//   if (std::optional<std::string> level = FindTlp(text)) marking = *level;  // "amber"
//
// TLP 1.0's WHITE is TLP 2.0's CLEAR and is returned as "clear". The label must be
// introduced by "TLP" or "Traffic Light Protocol" (any case), optionally followed by a
// version ("2.0", "v2", "v2.0") and by ':', '-', '=' or blanks; the level word is matched
// in any case and must end there ("TLP:REDACTED" is no label). "AMBER+STRICT" may be
// written with blanks around '+' or as "AMBER STRICT".
//
// Stateless and thread-safe.
#ifndef STIXKIT_CONVERTERS_EXTRACT_TLP_LABEL_H_
#define STIXKIT_CONVERTERS_EXTRACT_TLP_LABEL_H_

#include <optional>
#include <string>
#include <string_view>

namespace stixkit::convert {

// The strictest TLP level labelled in `text` ("clear", "green", "amber", "amber+strict",
// "red"), or nullopt when `text` carries no TLP label.
std::optional<std::string> FindTlp(std::string_view text);

// The order of strictness: clear 0 < green 1 < amber 2 < amber+strict 3 < red 4; "white"
// ranks as clear. -1 for anything else (case matters: levels are lower case).
int TlpRank(std::string_view level);

}  // namespace stixkit::convert

#endif  // STIXKIT_CONVERTERS_EXTRACT_TLP_LABEL_H_
