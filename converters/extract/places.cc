#include "converters/extract/places.h"

#include <algorithm>
#include <optional>
#include <utility>

#include "absl/container/flat_hash_set.h"
#include "converters/extract/internal/entity_text.h"
#include "converters/extract/internal/place_gazetteer.h"
#include "stix/base/strings.h"

namespace stixkit::convert {
namespace {

using internal::entity::EqualsNoCase;
using internal::entity::IsLower;
using internal::entity::IsUpper;
using internal::entity::PlaceEntry;
using internal::entity::PlaceKind;
using internal::entity::Word;

// Capitalised words that turn a place name into part of a longer proper noun
// ("Mexico City", "New York Times", "Texas Instruments").
// clang-format off
constexpr std::string_view kProperNounTails[] = {
    "City", "Times", "Post", "Tech", "Instruments", "Airlines", "Airways", "Street", "Avenue",
    "Road", "Journal", "Herald", "Tribune", "Daily", "Standard", "Mail", "Express", "Gazette"};
// clang-format on

// Capitalised words after an ambiguous name that keep it a place ("Georgia Department").
// clang-format off
constexpr std::string_view kInstitutionWords[] = {
    "Department", "Government", "State", "Police", "Ministry", "Office", "Attorney", "Governor",
    "Court", "Authority", "Agency"};
// clang-format on

// Words that may stand capitalised before an ambiguous name ("In Jordan", "The Gambia").
// clang-format off
constexpr std::string_view kFunctionWords[] = {
    "in", "at", "from", "to", "of", "and", "or", "the", "for", "with", "by", "across",
    "including", "both", "between", "near", "outside", "inside", "within", "throughout", "via",
    "on", "about", "into", "over", "like", "than", "as", "against", "based"};
// clang-format on

// Capitalised words that are no city before ", <state>" ("However, Texas ...").
// clang-format off
constexpr std::string_view kNotCityWords[] = {
    "in", "at", "from", "to", "of", "and", "or", "the", "a", "an", "for", "with", "by", "on",
    "near", "outside", "inside", "within", "across", "however", "meanwhile", "additionally",
    "moreover", "furthermore", "also", "then", "today", "yesterday", "recently", "similarly",
    "likewise", "finally", "first", "second", "third", "next", "later", "earlier", "previously",
    "currently", "separately", "notably", "specifically", "overall", "instead", "otherwise",
    "therefore", "thus", "still", "yes", "no", "since", "while", "after", "before", "when",
    "where", "although", "though", "because", "unlike", "including", "besides", "again", "now",
    "here", "there", "indeed", "ultimately", "initially", "subsequently", "consequently",
    "importantly", "unfortunately", "fortunately", "interestingly", "headquartered", "based",
    "located", "inc", "ltd", "llc", "corp", "january", "february", "march", "april", "may",
    "june", "july", "august", "september", "october", "november", "december", "monday",
    "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"};
// clang-format on

template <std::size_t N>
bool InList(std::string_view word, const std::string_view (&list)[N], bool ignore_case) {
  for (std::string_view entry : list) {
    if (ignore_case ? EqualsNoCase(word, entry) : word == entry) return true;
  }
  return false;
}

struct RawMatch {
  std::size_t begin = 0, end = 0;             // byte span
  std::size_t first_word = 0, last_word = 0;  // indices into the word list
  const std::vector<PlaceEntry>* entries = nullptr;
  bool abbreviation = false;  // "TX" after "<City>, "
};

class PlaceScanner {
 public:
  explicit PlaceScanner(std::string_view text)
      : text_(text),
        words_(internal::entity::SplitWords(text)),
        g_(internal::entity::Gazetteer()) {}

  std::vector<Place> Scan();

 private:
  std::string_view WordText(std::size_t w) const {
    return text_.substr(words_[w].begin, words_[w].size());
  }
  bool CaseMatches(std::string_view span, const std::vector<PlaceEntry>& entries) const;
  std::optional<RawMatch> MatchAt(std::size_t w, bool checked) const;
  bool Rejected(const RawMatch& m) const;
  bool AmbiguousRejected(const RawMatch& m) const;
  std::optional<RawMatch> AbbreviationAt(std::size_t w) const;
  const PlaceEntry* Resolve(const RawMatch& m, const RawMatch* next) const;
  std::optional<std::pair<std::size_t, std::size_t>> CityBefore(std::size_t begin,
                                                                std::size_t floor) const;
  std::string_view GapText(const RawMatch& a, const RawMatch& b) const {
    return text_.substr(a.end, b.begin - a.end);
  }

  std::string_view text_;
  std::vector<Word> words_;
  const internal::entity::PlaceGazetteer& g_;
  absl::flat_hash_set<std::string> context_;  // countries named without ambiguity
};

// Exactly as the gazetteer spells it, or all in capitals ("US" yes, "us" no).
bool PlaceScanner::CaseMatches(std::string_view span,
                               const std::vector<PlaceEntry>& entries) const {
  const std::string spelling = internal::entity::PlaceSpelling(span);
  for (const PlaceEntry& e : entries) {
    if (e.spelling == spelling) return true;
  }
  int letters = 0;
  for (char c : span) {
    if (IsLower(c)) return false;
    letters += IsUpper(c) ? 1 : 0;
  }
  return letters >= 2;
}

// The longest gazetteer name starting at word `w`; with `checked`, one that also passes
// the context rules (a rejected longer name falls back to a shorter one).
std::optional<RawMatch> PlaceScanner::MatchAt(std::size_t w, bool checked) const {
  if (!g_.first_words.contains(internal::entity::PlaceKey(WordText(w)))) return std::nullopt;
  const std::size_t longest = std::min(g_.max_words, words_.size() - w);
  for (std::size_t n = longest; n >= 1; --n) {
    const std::size_t end = words_[w + n - 1].end;
    // "U.S." and "D.C." end in a dot that SplitWords leaves out.
    const bool dot = end < text_.size() && text_[end] == '.';
    for (const std::size_t stop : {dot ? end + 1 : end, end}) {
      const std::string_view span = text_.substr(words_[w].begin, stop - words_[w].begin);
      const std::vector<PlaceEntry>* entries = g_.Find(internal::entity::PlaceKey(span));
      if (entries == nullptr || !CaseMatches(span, *entries)) continue;
      const RawMatch m{words_[w].begin, stop, w, w + n - 1, entries, false};
      if (!checked || !Rejected(m)) return m;
    }
  }
  return std::nullopt;
}

bool PlaceScanner::Rejected(const RawMatch& m) const {
  const bool ambiguous =
      g_.ambiguous.contains(internal::entity::PlaceKey(text_.substr(m.begin, m.end - m.begin)));
  // "Asia-Pacific", "US-CERT": a hyphen and a capital continue the name.
  if (m.end + 1 < text_.size() && text_[m.end] == '-' && IsUpper(text_[m.end + 1])) return true;
  const std::size_t next_word = m.last_word + 1;
  if (next_word < words_.size()) {
    const std::string_view gap = text_.substr(m.end, words_[next_word].begin - m.end);
    const std::string_view word = WordText(next_word);
    if ((gap == " " || gap == "  ") && IsUpper(word[0])) {
      if (InList(word, kProperNounTails, false)) return true;
      if (ambiguous && !InList(word, kInstitutionWords, false) && !MatchAt(next_word, false)) {
        return true;  // "Jordan Peterson", "Georgia Tech", "Jersey City"
      }
    }
  }
  return ambiguous && AmbiguousRejected(m);
}

// Ambiguous names: "Michael Jordan" is a person, "Chad was ..." at a sentence start too.
bool PlaceScanner::AmbiguousRejected(const RawMatch& m) const {
  if (m.first_word > 0) {
    const Word& prev = words_[m.first_word - 1];
    const std::string_view gap = text_.substr(prev.end, m.begin - prev.end);
    const std::string_view word = WordText(m.first_word - 1);
    if ((gap == " " || gap == "  ") && IsUpper(word[0]) && !InList(word, kFunctionWords, true)) {
      return true;
    }
  }
  std::size_t i = m.begin;
  while (i > 0 && (text_[i - 1] == ' ' || text_[i - 1] == '\t')) --i;
  static constexpr std::string_view kSentenceStarts = ".!?\n\r-*#>|:(";
  const bool initial = i == 0 || kSentenceStarts.find(text_[i - 1]) != std::string_view::npos;
  if (!initial) return false;
  std::size_t j = m.end;
  while (j < text_.size() && (text_[j] == ' ' || text_[j] == '\t')) ++j;
  return j < text_.size() && IsLower(text_[j]);
}

// A postal abbreviation ("TX", "ON", "NSW") right after "<Capitalised word>, ".
std::optional<RawMatch> PlaceScanner::AbbreviationAt(std::size_t w) const {
  const std::string_view word = WordText(w);
  if (word.size() < 2 || word.size() > 3 || w == 0) return std::nullopt;
  if (!std::all_of(word.begin(), word.end(), [](char c) { return IsUpper(c); })) {
    return std::nullopt;
  }
  const std::vector<PlaceEntry>* entries = g_.FindAbbreviation(word);
  if (entries == nullptr) return std::nullopt;
  const Word& prev = words_[w - 1];
  const std::string_view gap =
      internal::entity::TrimSpace(text_.substr(prev.end, words_[w].begin - prev.end));
  if (gap != "," || !IsUpper(text_[prev.begin])) return std::nullopt;
  return RawMatch{words_[w].begin, words_[w].end, w, w, entries, true};
}

// Which place a name means: the one in the country named right after it ("Georgia,
// USA"), else a subdivision of a country the text names elsewhere, else the country.
const PlaceEntry* PlaceScanner::Resolve(const RawMatch& m, const RawMatch* next) const {
  std::vector<const PlaceEntry*> candidates;
  for (const PlaceEntry& e : *m.entries) {
    if (e.kind != PlaceKind::kRegion) candidates.push_back(&e);
  }
  if (candidates.size() <= 1) return candidates.empty() ? nullptr : candidates[0];
  if (next != nullptr) {
    for (const PlaceEntry* c : candidates) {
      for (const PlaceEntry& n : *next->entries) {
        if (n.kind == PlaceKind::kCountry && n.code == c->country) return c;
      }
    }
  }
  for (const PlaceEntry* c : candidates) {
    if (c->kind == PlaceKind::kSubdivision && context_.contains(c->country)) return c;
  }
  for (const PlaceEntry* c : candidates) {
    if (c->kind == PlaceKind::kCountry) return c;
  }
  return candidates[0];
}

// One to three capitalised words ending right before ", " at `begin` and starting at or
// after `floor`: the city of "Houston, Texas". Their byte span, or nullopt.
std::optional<std::pair<std::size_t, std::size_t>> PlaceScanner::CityBefore(
    std::size_t begin, std::size_t floor) const {
  std::size_t i = begin;
  while (i > 0 && (text_[i - 1] == ' ' || text_[i - 1] == '\t')) --i;
  if (i == 0 || text_[i - 1] != ',') return std::nullopt;
  const std::size_t city_end = i - 1;
  auto it = std::lower_bound(words_.begin(), words_.end(), city_end,
                             [](const Word& w, std::size_t end) { return w.end < end; });
  if (it == words_.end() || it->end != city_end) return std::nullopt;
  std::size_t last = static_cast<std::size_t>(it - words_.begin());
  std::size_t first = last;
  auto city_word = [&](std::size_t w) {
    return words_[w].begin >= floor && IsUpper(text_[words_[w].begin]);
  };
  if (!city_word(last)) return std::nullopt;
  while (first > 0 && last - first < 2 && city_word(first - 1)) {
    const std::string_view gap =
        text_.substr(words_[first - 1].end, words_[first].begin - words_[first - 1].end);
    const bool abbreviated = gap == ". " && words_[first - 1].size() <= 3;  // "St. Louis"
    if (gap != " " && gap != "-" && !abbreviated) break;
    --first;
  }
  while (first <= last && InList(WordText(first), kNotCityWords, true)) ++first;
  if (first > last) return std::nullopt;
  return std::make_pair(words_[first].begin, city_end);
}

std::vector<Place> PlaceScanner::Scan() {
  std::vector<RawMatch> raw;
  for (std::size_t w = 0; w < words_.size();) {
    std::optional<RawMatch> m = MatchAt(w, true);
    if (!m) m = AbbreviationAt(w);
    if (m) {
      raw.push_back(*m);
      w = m->last_word + 1;
    } else {
      ++w;
    }
  }
  for (const RawMatch& m : raw) {
    absl::flat_hash_set<std::string> countries;
    for (const PlaceEntry& e : *m.entries) {
      if (e.kind != PlaceKind::kRegion) countries.insert(e.country);
    }
    if (countries.size() == 1) context_.insert(*countries.begin());
  }

  std::vector<Place> places;
  std::size_t floor = 0;
  std::optional<std::pair<std::size_t, std::size_t>> pending_city;
  for (std::size_t k = 0; k < raw.size(); ++k) {
    const RawMatch& m = raw[k];
    const RawMatch* next = nullptr;
    if (k + 1 < raw.size()) {
      const std::string_view gap = internal::entity::TrimSpace(GapText(m, raw[k + 1]));
      if (gap.empty() || gap == ",") next = &raw[k + 1];
    }
    const PlaceEntry* entry = Resolve(m, next);
    const bool comma_before_next =
        next != nullptr && GapText(m, *next).find(',') != std::string_view::npos;
    // "Victoria, BC", "New York, NY": the name is the city of the abbreviated subdivision.
    if (next != nullptr && next->abbreviation && comma_before_next &&
        m.last_word - m.first_word < 3) {
      pending_city = std::make_pair(m.begin, m.end);
      continue;
    }
    Place place;
    std::size_t begin = m.begin, end = m.end;
    for (const PlaceEntry& e : *m.entries) {
      if (e.kind == PlaceKind::kRegion) place.region = e.code;
    }
    if (entry != nullptr) {
      place.country = entry->country;
      if (entry->kind == PlaceKind::kSubdivision) place.administrative_area = entry->code;
      std::optional<std::pair<std::size_t, std::size_t>> city = pending_city;
      if (!city) city = CityBefore(m.begin, floor);
      if (city) {
        place.city = std::string(text_.substr(city->first, city->second - city->first));
        begin = city->first;
      }
      // "New Jersey, USA": a subdivision and its country are one place.
      if (entry->kind == PlaceKind::kSubdivision && next != nullptr) {
        const bool own_country =
            std::any_of(next->entries->begin(), next->entries->end(), [&](const PlaceEntry& e) {
              return e.kind == PlaceKind::kCountry && e.code == entry->country;
            });
        if (own_country) {
          end = next->end;
          ++k;
        }
      }
    }
    pending_city.reset();
    place.name = std::string(text_.substr(begin, end - begin));
    place.offset = begin;
    place.length = end - begin;
    places.push_back(std::move(place));
    floor = end;
  }
  return places;
}

}  // namespace

std::vector<Place> FindPlaces(std::string_view text) { return PlaceScanner(text).Scan(); }

}  // namespace stixkit::convert
