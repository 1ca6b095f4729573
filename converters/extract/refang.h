// Refanging: undoing the "defanging" that report writers apply to indicators so they
// cannot be clicked or resolved ("hxxps[:]//evil[.]com", "bad[at]evil(dot)com",
// "2001:db8[:]:1"). Each per-type function replaces only the markers that type may
// carry, so "[@]" never turns a host into something else; whether the result is a
// valid indicator is for the caller (ioc_extractor.h) to check.
//
//   const Refanged r = RefangUrl("hxxps[:]//evil[.]com/a[.]htm");
//   // r.text == "https://evil.com/a.htm", r.changed == true
//
// Markers recognised (letters in any case; spaces allowed inside the brackets):
//   dot     [.] (.) {.} [dot] (dot) {dot}
//   at      [@] (@) {@} [at] (at) {at}
//   colon   [:] (:) {:}
//   "://"   [://] (://) {://}
//   scheme  hxxp hXXp h**p (and ...s) -> http(s); fxp -> ftp, at a word start and
//           followed by ':' or, after optional spaces, a bracket marker
// A bracket marker counts only right after a word character (letter, digit, '_', '-',
// non-ASCII), after ':' for the colon forms, or right after another colon marker
// ("2001[:][:]1"). Spaces around a bracket marker that sits between two words are part
// of it ("evil [dot] com" -> "evil.com"); a bare " dot " is prose and is left alone.
//
// Pure functions; thread-safe. Results own their text; markers hold offsets only.
#ifndef STIXKIT_CONVERTERS_EXTRACT_REFANG_H_
#define STIXKIT_CONVERTERS_EXTRACT_REFANG_H_

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace stixkit::convert {

// A set of marker kinds, as bits.
using DefangKinds = unsigned;
inline constexpr DefangKinds kDefangDot = 1u << 0;
inline constexpr DefangKinds kDefangAt = 1u << 1;
inline constexpr DefangKinds kDefangColon = 1u << 2;
inline constexpr DefangKinds kDefangSchemeSeparator = 1u << 3;
inline constexpr DefangKinds kDefangScheme = 1u << 4;
inline constexpr DefangKinds kDefangAll = (1u << 5) - 1;

// One marker found in a text.
struct DefangMarker {
  std::size_t begin = 0;  // byte span of the marker, absorbed spaces included
  std::size_t end = 0;
  std::string_view replacement;  // ".", "@", ":", "://", "http(s)", "ftp(s)": static storage
  DefangKinds kind = 0;          // exactly one bit
};

// The markers of the kinds in `kinds` found in `text`, in text order and never
// overlapping. Writes to *out (cleared first) so a hot loop can reuse the vector.
void FindDefangMarkers(std::string_view text, DefangKinds kinds, std::vector<DefangMarker>* out);

// `text` with each marker's span replaced by its replacement. `markers` must come from
// FindDefangMarkers on the same text.
std::string ApplyDefangMarkers(std::string_view text, const std::vector<DefangMarker>& markers);

// A refanged candidate: the cleaned text, and whether any marker was replaced.
struct Refanged {
  std::string text;
  bool changed = false;
};

// Dots only: "evil[.]com", "evil (dot) com".
Refanged RefangHost(std::string_view written);
// Dots and colons, and the brackets around a whole IPv6 address: "198[.]51[.]100[.]3",
// "2001:db8[:]:1", "[2001:db8::1]" -> "2001:db8::1".
Refanged RefangIp(std::string_view written);
// Dots and at signs: "john[.]doe[at]evil[.]com".
Refanged RefangEmail(std::string_view written);
// Everything: schemes, "://", colons, at signs and dots.
Refanged RefangUrl(std::string_view written);

}  // namespace stixkit::convert

#endif  // STIXKIT_CONVERTERS_EXTRACT_REFANG_H_
