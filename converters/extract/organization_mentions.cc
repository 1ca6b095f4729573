#include "converters/extract/organization_mentions.h"

#include <algorithm>

#include "absl/strings/ascii.h"

namespace stixkit::convert {
namespace {

// Words that end an organisation's name (compared case-sensitively, as written).
constexpr std::string_view kSuffixes[] = {
    "District", "Authority", "Hospital", "Hospitals", "Clinic", "Clinics", "Health",
    "Healthcare", "University", "College", "School", "Schools", "Bank", "Trust",
    "Union", "Cooperative", "Co-op", "Company", "Corporation", "Corp", "Corp.", "Inc",
    "Inc.", "LLC", "Ltd", "Ltd.", "GmbH", "AG", "plc", "PLC", "Group", "Systems",
    "Services", "Solutions", "Technologies", "Partners", "Associates", "Council",
    "County", "Department", "Agency", "Ministry", "Institute", "Foundation", "Center",
    "Centre", "Utilities", "Utility", "Electric", "Energy", "Water", "Airlines", "Airport",
    "Insurance", "Logistics", "Pharmaceuticals", "Labs", "Laboratories", "Networks",
    "Manufacturing", "Industries", "Holdings", "Network",
};

// Capitalised words that start sentences or name things other than organisations.
constexpr std::string_view kNotStarts[] = {
    "The", "A", "An", "Our", "Their", "This", "That", "At", "In", "On", "By", "For", "From",
    "We", "It", "Its", "After", "Before", "When", "While", "During", "Between", "Each",
    "Every", "All", "No", "None", "Some", "Several", "Both", "Microsoft", "Google", "Amazon",
};

constexpr std::string_view kJoiners[] = {"of", "and", "&", "for"};

bool In(std::string_view w, const auto& list) {
  return std::find(std::begin(list), std::end(list), w) != std::end(list);
}

bool Capitalised(std::string_view w) {
  return !w.empty() && (absl::ascii_isupper(static_cast<unsigned char>(w[0])) ||
                        absl::ascii_isdigit(static_cast<unsigned char>(w[0])));
}

struct Word {
  std::string_view text;
  size_t offset;
  bool comma_after;  // "Acme Health, Inc." keeps going only into a legal suffix
};

std::vector<Word> Words(std::string_view text) {
  std::vector<Word> words;
  size_t i = 0;
  while (i < text.size()) {
    while (i < text.size() && (text[i] == ' ' || text[i] == '\n' || text[i] == '\t')) ++i;
    const size_t start = i;
    while (i < text.size() && text[i] != ' ' && text[i] != '\n' && text[i] != '\t') ++i;
    std::string_view w = text.substr(start, i - start);
    bool comma = false;
    while (!w.empty() && std::string_view(",;:()\"'").find(w.back()) != std::string_view::npos) {
      comma = comma || w.back() == ',' || w.back() == ';' || w.back() == ':';
      w.remove_suffix(1);
    }
    size_t lead = 0;
    while (lead < w.size() && (w[lead] == '(' || w[lead] == '"' || w[lead] == '\'')) ++lead;
    if (!w.empty()) words.push_back({w.substr(lead), start + lead, comma});
  }
  return words;
}

}  // namespace

std::vector<OrganizationMention> FindOrganizationMentions(std::string_view text) {
  std::vector<OrganizationMention> out;
  const std::vector<Word> words = Words(text);
  for (size_t i = 0; i < words.size(); ++i) {
    if (!Capitalised(words[i].text) || In(words[i].text, kNotStarts)) continue;
    // Extend over capitalised words and joiners; remember the last suffix word.
    size_t last_suffix = std::string_view::npos;
    size_t j = i;
    for (; j < words.size(); ++j) {
      const std::string_view w = words[j].text;
      const bool joiner = In(w, kJoiners) && j > i;
      if (!Capitalised(w) && !joiner) break;
      if (In(w, kSuffixes)) last_suffix = j;
      if (words[j].comma_after) {
        // "Acme Health, Inc.": a comma continues only into a legal suffix.
        if (j + 1 < words.size() && (words[j + 1].text == "Inc." || words[j + 1].text == "Inc" ||
                                     words[j + 1].text == "LLC" || words[j + 1].text == "Ltd.")) {
          continue;
        }
        ++j;
        break;
      }
    }
    if (last_suffix == std::string_view::npos || last_suffix == i) {
      i = std::max(i, j == i ? i : j - 1);
      continue;
    }
    const size_t begin = words[i].offset;
    const size_t end = words[last_suffix].offset + words[last_suffix].text.size();
    OrganizationMention m{std::string(text.substr(begin, end - begin)), begin, end - begin};
    const bool seen = std::any_of(out.begin(), out.end(),
                                  [&](const OrganizationMention& o) { return o.name == m.name; });
    if (!seen) out.push_back(std::move(m));
    i = last_suffix;
  }
  return out;
}

}  // namespace stixkit::convert
