#include "converters/extract/internal/place_gazetteer.h"

#include <algorithm>
#include <utility>

#include "absl/strings/str_cat.h"
#include "converters/extract/internal/embedded_json.h"
#include "converters/extract/internal/entity_text.h"
#include "stix/base/strings.h"
#include "stix/json/json_access.h"

namespace stixkit::convert::internal::entity {
namespace {

constexpr std::string_view kPath = "converters/data/places.json";

std::string Normalise(std::string_view text, bool lower) {
  std::string out;
  out.reserve(text.size());
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (IsSpace(text[i])) {
      if (!out.empty() && out.back() != ' ') out.push_back(' ');
    } else if (text.substr(i, 3) == "\xE2\x80\x99") {
      out.push_back('\'');
      i += 2;
    } else {
      out.push_back(lower ? LowerChar(text[i]) : text[i]);
    }
  }
  while (!out.empty() && out.back() == ' ') out.pop_back();
  return out;
}

void AddName(PlaceGazetteer& g, std::string_view name, const PlaceEntry& entry) {
  std::vector<PlaceEntry>& entries = g.by_name[PlaceKey(name)];
  for (const PlaceEntry& e : entries) {
    if (e.kind == entry.kind && e.code == entry.code) return;
  }
  PlaceEntry copy = entry;
  copy.spelling = PlaceSpelling(name);
  entries.push_back(std::move(copy));
  const std::vector<Word> words = SplitWords(name);
  if (words.empty())
    DieMalformedData(kPath, absl::StrCat("place name \"", Av(name), "\" has no word"));
  g.first_words.insert(PlaceKey(name.substr(words[0].begin, words[0].size())));
  g.max_words = std::max(g.max_words, words.size());
}

void LoadPlaces(PlaceGazetteer& g, const rapidjson::Value& rows, PlaceKind kind) {
  for (const rapidjson::Value& row : rows.GetArray()) {
    PlaceEntry entry;
    entry.kind = kind;
    entry.code =
        std::string(RequireString(kPath, row, kind == PlaceKind::kRegion ? "value" : "code"));
    if (kind != PlaceKind::kRegion) entry.country = entry.code.substr(0, 2);
    for (const rapidjson::Value& name : RequireArray(kPath, row, "names").GetArray()) {
      AddName(g, RequireStringValue(kPath, name, "a place name"), entry);
    }
    if (kind == PlaceKind::kSubdivision && stix::Has(row, "abbreviation")) {
      PlaceEntry abbreviated = entry;
      abbreviated.spelling = std::string(RequireString(kPath, row, "abbreviation"));
      g.by_abbreviation[abbreviated.spelling].push_back(std::move(abbreviated));
    }
  }
}

// Puts subdivisions of earlier-listed countries first ("WA": US-WA before AU-WA).
void OrderByCountry(std::vector<PlaceEntry>& entries, const std::vector<std::string>& order) {
  auto rank = [&](const PlaceEntry& e) {
    const auto it = std::find(order.begin(), order.end(), e.country);
    return static_cast<std::size_t>(it - order.begin());
  };
  std::stable_sort(entries.begin(), entries.end(),
                   [&](const PlaceEntry& a, const PlaceEntry& b) { return rank(a) < rank(b); });
}

PlaceGazetteer Load() {
  const rapidjson::Document doc = LoadEmbeddedJson(kPath);
  PlaceGazetteer g;
  LoadPlaces(g, RequireArray(kPath, doc, "regions"), PlaceKind::kRegion);
  LoadPlaces(g, RequireArray(kPath, doc, "countries"), PlaceKind::kCountry);
  LoadPlaces(g, RequireArray(kPath, doc, "subdivisions"), PlaceKind::kSubdivision);
  std::vector<std::string> order;
  for (const rapidjson::Value& code :
       RequireArray(kPath, doc, "subdivision_countries").GetArray()) {
    order.emplace_back(RequireStringValue(kPath, code, "a country code"));
  }
  for (auto& [name, entries] : g.by_name) OrderByCountry(entries, order);
  for (auto& [name, entries] : g.by_abbreviation) OrderByCountry(entries, order);
  for (const rapidjson::Value& name : RequireArray(kPath, doc, "ambiguous").GetArray()) {
    const std::string key = PlaceKey(RequireStringValue(kPath, name, "an ambiguous name"));
    if (!g.by_name.contains(key)) {
      DieMalformedData(kPath, absl::StrCat("ambiguous name \"", key, "\" names no place"));
    }
    g.ambiguous.insert(key);
  }
  return g;
}

}  // namespace

const std::vector<PlaceEntry>* PlaceGazetteer::Find(std::string_view key) const {
  const auto it = by_name.find(Av(key));
  return it == by_name.end() ? nullptr : &it->second;
}

const std::vector<PlaceEntry>* PlaceGazetteer::FindAbbreviation(
    std::string_view abbreviation) const {
  const auto it = by_abbreviation.find(Av(abbreviation));
  return it == by_abbreviation.end() ? nullptr : &it->second;
}

const PlaceGazetteer& Gazetteer() {
  static const PlaceGazetteer* const gazetteer = new PlaceGazetteer(Load());
  return *gazetteer;
}

std::string PlaceKey(std::string_view text) { return Normalise(text, true); }

std::string PlaceSpelling(std::string_view text) { return Normalise(text, false); }

}  // namespace stixkit::convert::internal::entity
