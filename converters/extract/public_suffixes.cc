#include "converters/extract/public_suffixes.h"

#include <cstdlib>
#include <iostream>
#include <optional>
#include <string>

#include "absl/container/flat_hash_set.h"
#include "stix/base/embedded_files.h"
#include "stix/base/strings.h"

namespace stixkit::convert {
namespace {

constexpr std::string_view kTldFile = "converters/data/tlds.txt";

// The longest TLD in the list is 24 bytes ("xn--vermgensberatung-pwb"); a longer label
// can skip the lowercase copy and the lookup.
constexpr std::size_t kMaxTldBytes = 64;

absl::flat_hash_set<std::string> Load() {
  const std::optional<std::string_view> text = FindEmbeddedFile(kTldFile);
  if (!text) {
    std::cerr << "stixkit: " << kTldFile << " is not embedded; re-run the CMake configure step\n";
    std::abort();
  }
  absl::flat_hash_set<std::string> tlds;
  std::size_t pos = 0;
  while (pos < text->size()) {
    std::size_t end = text->find('\n', pos);
    if (end == std::string_view::npos) end = text->size();
    std::string_view line = text->substr(pos, end - pos);
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    if (!line.empty() && line.front() != '#') tlds.emplace(line);
    pos = end + 1;
  }
  return tlds;
}

const absl::flat_hash_set<std::string>& Tlds() {
  static const auto* tlds = new absl::flat_hash_set<std::string>(Load());
  return *tlds;
}

}  // namespace

bool IsKnownTld(std::string_view tld) {
  if (tld.empty() || tld.size() > kMaxTldBytes) return false;
  char lower[kMaxTldBytes];
  for (std::size_t i = 0; i < tld.size(); ++i) {
    const char c = tld[i];
    // Only ASCII is folded: the UTF-8 TLDs of the list are already in lower case and
    // scripts without case (Arabic, CJK) make up most of them.
    lower[i] = (c >= 'A' && c <= 'Z') ? static_cast<char>(c + 32) : c;
  }
  return Tlds().contains(Av(std::string_view(lower, tld.size())));
}

std::size_t KnownTldCount() { return Tlds().size(); }

}  // namespace stixkit::convert
