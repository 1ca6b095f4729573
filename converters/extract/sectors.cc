#include "converters/extract/sectors.h"

#include <algorithm>
#include <optional>
#include <utility>

#include "absl/container/flat_hash_map.h"
#include "absl/container/flat_hash_set.h"
#include "absl/strings/str_cat.h"
#include "converters/extract/internal/embedded_json.h"
#include "converters/extract/internal/entity_text.h"
#include "stix/base/strings.h"
#include "stix/json/json_access.h"

namespace stixkit::convert {
namespace {

using internal::entity::IsSpace;
using internal::entity::LowerChar;
using internal::entity::Word;

constexpr std::string_view kTablePath = "converters/data/sectors.json";

struct SectorTable {
  std::vector<std::pair<std::string, std::vector<std::string>>> ordered;
  absl::flat_hash_map<std::string, std::vector<std::string>> by_phrase;
  absl::flat_hash_set<std::string> first_words;  // of every phrase: a cheap first check
  std::size_t max_words = 1;
};

SectorTable LoadTable() {
  const rapidjson::Document doc = internal::entity::LoadEmbeddedJson(kTablePath);
  internal::entity::RequireString(kTablePath, doc, "vocabulary");
  const rapidjson::Value* phrases = stix::Member(doc, "phrases");
  if (phrases == nullptr || !phrases->IsObject()) {
    internal::entity::DieMalformedData(kTablePath, "expected an object \"phrases\"");
  }
  SectorTable table;
  for (const auto& member : phrases->GetObject()) {
    std::string phrase(stix::View(member.name));
    // Keys are matched against normalised text: lower case, single blanks, no edges.
    if (phrase.empty() || internal::entity::LowerAscii(phrase) != phrase ||
        internal::entity::TrimSpace(phrase) != phrase || phrase.find("  ") != std::string::npos) {
      internal::entity::DieMalformedData(
          kTablePath, absl::StrCat("phrase \"", phrase, "\" is not lower case with single blanks"));
    }
    // An empty array is a blocker: the phrase matches and maps to nothing, so shorter
    // phrases inside it do not match ("defense evasion" is no defense sector).
    if (!member.value.IsArray()) {
      internal::entity::DieMalformedData(
          kTablePath, absl::StrCat("phrase \"", phrase, "\": expected a value array"));
    }
    std::vector<std::string> values;
    for (const rapidjson::Value& v : member.value.GetArray()) {
      values.emplace_back(internal::entity::RequireStringValue(kTablePath, v, "a sector value"));
    }
    const std::vector<Word> words = internal::entity::SplitWords(phrase);
    if (words.empty())
      internal::entity::DieMalformedData(kTablePath,
                                         absl::StrCat("phrase \"", phrase, "\" has no word"));
    table.first_words.insert(phrase.substr(words[0].begin, words[0].size()));
    table.max_words = std::max(table.max_words, words.size());
    if (!table.by_phrase.emplace(phrase, values).second) {
      internal::entity::DieMalformedData(kTablePath, absl::StrCat("phrase \"", phrase, "\" twice"));
    }
    table.ordered.emplace_back(std::move(phrase), std::move(values));
  }
  return table;
}

const SectorTable& Table() {
  static const SectorTable* const table = new SectorTable(LoadTable());
  return *table;
}

// text[begin, end) lower-cased with blank runs folded to one space.
std::string NormalisedSpan(std::string_view text, std::size_t begin, std::size_t end) {
  std::string out;
  out.reserve(end - begin);
  for (std::size_t i = begin; i < end; ++i) {
    if (IsSpace(text[i])) {
      if (!out.empty() && out.back() != ' ') out.push_back(' ');
    } else {
      out.push_back(LowerChar(text[i]));
    }
  }
  return out;
}

// The values of `key`, also trying the singular of its last word ("hospitals",
// "universities", "ISPs", "businesses") and dropping a possessive "'s".
const std::vector<std::string>* Lookup(const SectorTable& table, std::string key) {
  auto find = [&](std::string_view k) -> const std::vector<std::string>* {
    const auto it = table.by_phrase.find(Av(k));
    return it == table.by_phrase.end() ? nullptr : &it->second;
  };
  if (const auto* values = find(key)) return values;
  if (key.size() > 2 && key.ends_with("'s")) return find(key.substr(0, key.size() - 2));
  if (key.size() < 4 || key.back() != 's') return nullptr;
  if (key.ends_with("ies")) {
    if (const auto* values = find(key.substr(0, key.size() - 3) + "y")) return values;
  }
  if (key.ends_with("es")) {
    if (const auto* values = find(key.substr(0, key.size() - 2))) return values;
  }
  return find(key.substr(0, key.size() - 1));
}

}  // namespace

std::vector<std::string> MapSectors(std::string_view text) {
  const SectorTable& table = Table();
  const std::vector<Word> words = internal::entity::SplitWords(text);
  std::vector<std::string> sectors;
  absl::flat_hash_set<std::string> seen;
  std::size_t i = 0;
  while (i < words.size()) {
    std::size_t matched_words = 0;
    const std::vector<std::string>* values = nullptr;
    const std::string first = NormalisedSpan(text, words[i].begin, words[i].end);
    // "isps" starts no phrase but its singular does; Lookup handles the plural below.
    if (!table.first_words.contains(first) && !first.ends_with('s')) {
      ++i;
      continue;
    }
    // Longest phrase first: "water utility" before "utility".
    const std::size_t longest = std::min(table.max_words, words.size() - i);
    for (std::size_t n = longest; n >= 1 && values == nullptr; --n) {
      values = Lookup(table, NormalisedSpan(text, words[i].begin, words[i + n - 1].end));
      if (values != nullptr) matched_words = n;
    }
    if (values == nullptr) {
      ++i;
      continue;
    }
    for (const std::string& value : *values) {
      if (seen.insert(value).second) sectors.push_back(value);
    }
    i += matched_words;
  }
  return sectors;
}

std::vector<std::pair<std::string, std::vector<std::string>>> SectorPhrases() {
  return Table().ordered;
}

}  // namespace stixkit::convert
