#include "converters/extract/organization_name.h"

#include <algorithm>
#include <string>

#include "absl/container/flat_hash_set.h"
#include "absl/strings/ascii.h"
#include "absl/types/span.h"
#include "converters/extract/internal/entity_text.h"
#include "stix/base/strings.h"

namespace stixkit::convert {
namespace {

using internal::entity::IsDigit;
using internal::entity::IsLower;
using internal::entity::IsSpace;
using internal::entity::IsUpper;
using internal::entity::TrimSpace;

// Where a description starts after the name: "CareCloud, a healthcare provider".
constexpr std::string_view kDescriptionStarts[] = {
    " - ", " \xE2\x80\x93 ", " \xE2\x80\x94 ", ", a ", ", an ", ", the ",
};

// Legal-form words that follow a comma but belong to the name before it ("Acme, Inc.").
constexpr std::string_view kLegalSuffixes[] = {
    "inc",  "inc.",  "incorporated", "llc", "l.l.c.", "ltd", "ltd.",    "limited",
    "corp", "corp.", "corporation",  "co",  "co.",    "plc", "gmbh",    "ag",
    "s.a.", "sa",    "n.v.",         "nv",  "l.p.",   "lp",  "llp",     "pllc",
    "p.c.", "pc",    "s.a.s.",       "sas", "b.v.",   "bv",  "pty ltd",
};

// Lower-case words a name may contain ("Bank of America", "Procter & Gamble").
constexpr std::string_view kNameConnectors[] = {
    "of",  "the", "and", "for", "de", "du", "des", "la", "le", "von", "van",
    "der", "den", "&",   "y",   "e",  "et", "in",  "on", "at", "zu",
};

bool InList(std::string_view word, absl::Span<const std::string_view> list) {
  const std::string lower = absl::AsciiStrToLower(Av(word));
  for (std::string_view entry : list) {
    if (lower == entry) return true;
  }
  return false;
}

// Last words of a field label before the name: "Affected Organization: CareCloud".
constexpr std::string_view kLabelWords[] = {
    "organization", "organisation", "organizations", "organisations", "victim",
    "victims",      "company",      "companies",     "entity",        "entities",
    "target",       "targets",      "customer",      "name"};

std::string_view StripDecoration(std::string_view value) {
  value = TrimSpace(value);
  bool changed = true;
  while (changed && !value.empty()) {
    changed = false;
    for (std::string_view mark :
         {"**", "__", "*", "_", "\"", "'", "`", "\xE2\x80\x9C", "\xE2\x80\x9D"}) {
      if (value.starts_with(mark)) value.remove_prefix(mark.size()), changed = true;
      if (value.ends_with(mark)) value.remove_suffix(mark.size()), changed = true;
    }
    value = TrimSpace(value);
  }
  return value;
}

// A stock symbol: 1-6 upper-case letters or digits, with inner '.' ("BRK.B").
bool IsTicker(std::string_view s) {
  s = TrimSpace(s);
  if (s.empty() || s.size() > 7 || !IsUpper(s.front())) return false;
  for (char c : s) {
    if (!IsUpper(c) && !IsDigit(c) && c != '.') return false;
  }
  return true;
}

// "(Nasdaq: CCLD)", "(NYSE:ACME; TSX: AC)", "(CCLD)".
bool IsTickerAside(std::string_view inside) {
  if (inside.find(':') == std::string_view::npos) return IsTicker(inside) && inside.size() <= 5;
  std::size_t start = 0;
  while (start <= inside.size()) {
    std::size_t end = inside.find_first_of(";,", start);
    if (end == std::string_view::npos) end = inside.size();
    const std::string_view item = TrimSpace(inside.substr(start, end - start));
    const std::size_t colon = item.find(':');
    if (colon == std::string_view::npos || colon == 0 || !IsTicker(item.substr(colon + 1))) {
      return false;
    }
    start = end + 1;
  }
  return true;
}

// "Affected Organization: X", "**Victim:** X" -> "X". A label is one to three words
// ending in a kLabelWords word, before the first ':'.
std::string_view StripFieldLabel(std::string_view value) {
  value = StripDecoration(value);
  const std::size_t colon = value.find(':');
  if (colon == std::string_view::npos || colon > 40) return value;
  std::string_view label = value.substr(0, colon);
  while (!label.empty() && (label.back() == '*' || label.back() == '_')) label.remove_suffix(1);
  label = TrimSpace(label);
  const std::size_t last_space = label.rfind(' ');
  const std::string_view last_word =
      last_space == std::string_view::npos ? label : label.substr(last_space + 1);
  if (std::count(label.begin(), label.end(), ' ') > 2 || !InList(last_word, kLabelWords)) {
    return value;
  }
  return StripDecoration(value.substr(colon + 1));
}

std::string RemoveTickerAsides(std::string_view value) {
  std::string out;
  std::size_t pos = 0;
  while (pos < value.size()) {
    const std::size_t open = value.find('(', pos);
    const std::size_t close = open == std::string_view::npos ? open : value.find(')', open);
    if (close == std::string_view::npos) break;
    const bool ticker = IsTickerAside(value.substr(open + 1, close - open - 1));
    out.append(value.substr(pos, (ticker ? open : close + 1) - pos));
    pos = close + 1;
  }
  if (pos < value.size()) out.append(value.substr(pos));
  return out;
}

std::string CollapseBlanks(std::string_view value) {
  std::string out;
  for (char c : value) {
    if (IsSpace(c)) {
      if (!out.empty() && out.back() != ' ') out.push_back(' ');
    } else {
      out.push_back(c);
    }
  }
  while (!out.empty() && out.back() == ' ') out.pop_back();
  return out;
}

bool IsLegalSuffix(std::string_view item) { return InList(TrimSpace(item), kLegalSuffixes); }

// Starts with an upper-case letter or digit; lower-case words only as connectors.
bool LooksLikeName(std::string_view item) {
  item = TrimSpace(item);
  if (item.empty() || !(IsUpper(item.front()) || IsDigit(item.front()) ||
                        static_cast<unsigned char>(item.front()) >= 0x80)) {
    return false;
  }
  int words = 0;
  std::size_t pos = 0;
  while (pos < item.size()) {
    std::size_t end = item.find(' ', pos);
    if (end == std::string_view::npos) end = item.size();
    const std::string_view word = item.substr(pos, end - pos);
    if (!word.empty()) {
      ++words;
      if (IsLower(word.front()) && !InList(word, kNameConnectors)) return false;
    }
    pos = end + 1;
  }
  return words <= 8;
}

// "A, B and C" / "A, B, and C" / "A, B" -> items; empty when the piece is no such list.
std::vector<std::string> SplitCommaList(std::string_view piece) {
  std::vector<std::string> items;
  if (piece.find(',') == std::string_view::npos) return items;
  std::size_t start = 0;
  while (start <= piece.size()) {
    std::size_t end = piece.find(',', start);
    if (end == std::string_view::npos) end = piece.size();
    std::string_view item = TrimSpace(piece.substr(start, end - start));
    if (item.starts_with("and ")) item = TrimSpace(item.substr(4));
    if (IsLegalSuffix(item) && !items.empty()) {
      items.back() += ", " + std::string(item);
    } else if (end == piece.size() && item.find(" and ") != std::string_view::npos) {
      const std::size_t and_at = item.rfind(" and ");
      items.emplace_back(TrimSpace(item.substr(0, and_at)));
      items.emplace_back(TrimSpace(item.substr(and_at + 5)));
    } else {
      items.emplace_back(item);
    }
    start = end + 1;
  }
  if (items.size() < 2) return {};
  for (const std::string& item : items) {
    if (!LooksLikeName(item)) return {};
  }
  return items;
}

}  // namespace

std::string CleanOrganizationName(std::string_view value) {
  std::string name = RemoveTickerAsides(StripFieldLabel(value));
  for (std::string_view start : kDescriptionStarts) {
    const std::size_t at = name.find(start);
    if (at != std::string::npos) name.resize(at);
  }
  name = CollapseBlanks(name);
  while (!name.empty() && (name.back() == ',' || name.back() == ';' || name.back() == ':')) {
    name.pop_back();
  }
  return std::string(StripDecoration(name));
}

std::vector<std::string> SplitOrganizations(std::string_view value) {
  std::vector<std::string> names;
  absl::flat_hash_set<std::string> seen;
  auto add = [&](std::string_view raw) {
    std::string name = CleanOrganizationName(raw);
    if (!name.empty() && seen.insert(name).second) names.push_back(std::move(name));
  };
  std::size_t start = 0;
  while (start <= value.size()) {
    std::size_t end = value.find_first_of(";\n", start);
    if (end == std::string_view::npos) end = value.size();
    std::string piece = RemoveTickerAsides(StripFieldLabel(value.substr(start, end - start)));
    std::string_view trimmed = TrimSpace(piece);
    if (trimmed.starts_with("- ") || trimmed.starts_with("* ")) trimmed.remove_prefix(2);
    const std::vector<std::string> items = SplitCommaList(trimmed);
    if (items.empty()) {
      add(trimmed);
    } else {
      for (const std::string& item : items) add(item);
    }
    start = end + 1;
  }
  return names;
}

}  // namespace stixkit::convert
