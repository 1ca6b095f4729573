#include "converters/build/excerpt.h"

#include "absl/strings/str_cat.h"
#include "stix/base/strings.h"

namespace stixkit::convert {

std::string Excerpt(std::string_view text, size_t limit) {
  if (text.size() <= limit) return std::string(text);
  size_t cut = text.rfind(' ', limit);
  if (cut == std::string_view::npos || cut < limit / 2) {
    cut = limit;
    // Back up to the start of a UTF-8 sequence.
    while (cut > 0 && (static_cast<unsigned char>(text[cut]) & 0xc0) == 0x80) --cut;
  }
  return absl::StrCat(Av(text.substr(0, cut)), "\u2026");
}

std::string FirstSentence(std::string_view text, size_t limit) {
  size_t end = text.size();
  for (std::string_view stop : {". ", "; "}) {
    const size_t at = text.find(stop);
    if (at != std::string_view::npos && at < end) end = at;
  }
  std::string_view first = text.substr(0, end);
  while (!first.empty() && (first.back() == '.' || first.back() == ' ')) first.remove_suffix(1);
  return Excerpt(first, limit);
}

}  // namespace stixkit::convert
