// Small string helpers shared across the tree.
//
// Debian 12's Abseil is built with its own absl::string_view rather than an alias of
// std::string_view, so absl::StrCat, StrSplit and SimpleAtoi do not accept a
// std::string_view. Our APIs take std::string_view (house style §8); `Av` converts at
// the Abseil call site at no cost.
//
//   absl::StrCat("expected a timestamp, got \"", Av(text), "\"");
#ifndef STIXKIT_STIX_BASE_STRINGS_H_
#define STIXKIT_STIX_BASE_STRINGS_H_

#include <string_view>

#include "absl/strings/string_view.h"

namespace stixkit {

inline absl::string_view Av(std::string_view s) { return absl::string_view(s.data(), s.size()); }

inline std::string_view Sv(absl::string_view s) { return std::string_view(s.data(), s.size()); }

}  // namespace stixkit

#endif  // STIXKIT_STIX_BASE_STRINGS_H_
