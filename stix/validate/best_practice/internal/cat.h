// Builds finding messages and paths from pieces. absl::StrCat does not take
// std::string_view with Debian 12's Abseil (see stix/base/strings.h), and the checks
// work in std::string_view throughout; this joins without extra copies.
//
//   Warn(info, "272", "/protocols", Cat({"protocol '", p, "' should be ..."}), out);
#ifndef STIXKIT_STIX_VALIDATE_BEST_PRACTICE_INTERNAL_CAT_H_
#define STIXKIT_STIX_VALIDATE_BEST_PRACTICE_INTERNAL_CAT_H_

#include <initializer_list>
#include <string>
#include <string_view>

namespace stixkit::stix::best_practice {

inline std::string Cat(std::initializer_list<std::string_view> parts) {
  size_t size = 0;
  for (std::string_view p : parts) size += p.size();
  std::string out;
  out.reserve(size);
  for (std::string_view p : parts) out.append(p);
  return out;
}

}  // namespace stixkit::stix::best_practice

#endif  // STIXKIT_STIX_VALIDATE_BEST_PRACTICE_INTERNAL_CAT_H_
