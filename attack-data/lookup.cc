// Lookup by id, name or alias, and "did you mean" suggestions. A linear pass over a
// few thousand entries takes well under a millisecond, which is plenty for a command a
// person types; the mapper keeps its own indexes for bulk work.
#include "attack-data/lookup.h"

#include <algorithm>
#include <tuple>
#include <utility>

#include "stix/base/edit_distance.h"
#include "absl/strings/ascii.h"
#include "absl/strings/match.h"
#include "stix/base/strings.h"

namespace stixkit::attack {
namespace {

// One entry seen through the names a person may use for it.
struct Names {
  LookupHit hit;
  const std::string* id;
  const std::string* name;
  const std::vector<std::string>* aliases;  // may be null
  const std::string* shortname;             // tactics only
  bool active;
};

LookupHit Hit(EntryKind kind) {
  LookupHit hit;
  hit.kind = kind;
  return hit;
}

template <typename Fn>
void ForEachEntry(const Catalog& catalog, Fn fn) {
  for (const Technique& t : catalog.techniques()) {
    LookupHit hit = Hit(EntryKind::kTechnique);
    hit.technique = &t;
    fn(Names{hit, &t.id, &t.name, nullptr, nullptr, !t.revoked && !t.deprecated});
  }
  for (const Tactic& t : catalog.tactics()) {
    LookupHit hit = Hit(EntryKind::kTactic);
    hit.tactic = &t;
    fn(Names{hit, &t.id, &t.name, nullptr, &t.shortname, !t.deprecated});
  }
  for (const auto& [kind, list] : {std::pair{EntryKind::kSoftware, &catalog.software()},
                                   std::pair{EntryKind::kGroup, &catalog.groups()}}) {
    for (const Entity& e : *list) {
      LookupHit hit = Hit(kind);
      hit.entity = &e;
      fn(Names{hit, &e.id, &e.name, &e.aliases, nullptr, !e.revoked && !e.deprecated});
    }
  }
  for (const Mitigation& m : catalog.mitigations()) {
    LookupHit hit = Hit(EntryKind::kMitigation);
    hit.mitigation = &m;
    fn(Names{hit, &m.id, &m.name, nullptr, nullptr, !m.deprecated});
  }
}

bool Same(std::string_view a, const std::string& b) { return absl::EqualsIgnoreCase(Av(a), b); }

// What a name matched on, or "" if it did not.
std::string_view NameMatch(const Names& n, std::string_view query) {
  if (Same(query, *n.name)) return "name";
  if (n.shortname != nullptr && Same(query, *n.shortname)) return "shortname";
  if (n.aliases != nullptr) {
    for (const std::string& alias : *n.aliases) {
      if (Same(query, alias)) return "alias";
    }
  }
  return "";
}


// How far `candidate` is from the lower-cased query; SIZE_MAX when too far to suggest.
// A typo budget of a third of the query keeps "mimikatzz" → Mimikatz but not "apt" →
// every group; a name containing the query ("lsass" in "LSASS Memory") counts as 1.
size_t Distance(const std::string& lower_query, const std::string& candidate) {
  const std::string lower = absl::AsciiStrToLower(candidate);
  if (lower_query.size() >= 4 && absl::StrContains(lower, lower_query)) return 1;
  const size_t budget = std::max<size_t>(1, lower_query.size() / 3);
  const size_t length_gap = lower.size() > lower_query.size() ? lower.size() - lower_query.size()
                                                              : lower_query.size() - lower.size();
  if (length_gap > budget) return SIZE_MAX;
  const size_t d = EditDistance(lower_query, lower);
  return d <= budget ? d : SIZE_MAX;
}

}  // namespace

std::string_view EntryKindName(EntryKind kind) {
  switch (kind) {
    case EntryKind::kTechnique:
      return "technique";
    case EntryKind::kTactic:
      return "tactic";
    case EntryKind::kSoftware:
      return "software";
    case EntryKind::kGroup:
      return "group";
    case EntryKind::kMitigation:
      return "mitigation";
  }
  return "entry";
}

const std::string& LookupHit::id() const {
  if (technique != nullptr) return technique->id;
  if (tactic != nullptr) return tactic->id;
  if (entity != nullptr) return entity->id;
  return mitigation->id;
}

const std::string& LookupHit::name() const {
  if (technique != nullptr) return technique->name;
  if (tactic != nullptr) return tactic->name;
  if (entity != nullptr) return entity->name;
  return mitigation->name;
}

std::vector<LookupHit> Lookup(const Catalog& catalog, std::string_view query) {
  const std::string_view q = Sv(absl::StripAsciiWhitespace(Av(query)));
  // Active entries first: S0017 is both BISCUIT and a deprecated ICS entry.
  std::vector<std::pair<bool, LookupHit>> by_id;
  std::vector<std::pair<bool, LookupHit>> by_name;
  if (q.empty()) return {};
  ForEachEntry(catalog, [&](const Names& n) {
    if (Same(q, *n.id)) {
      by_id.emplace_back(!n.active, n.hit).second.matched_on = "id";
    } else if (const std::string_view on = NameMatch(n, q); !on.empty()) {
      by_name.emplace_back(!n.active, n.hit).second.matched_on = on;
    }
  });
  auto& found = by_id.empty() ? by_name : by_id;
  std::stable_sort(found.begin(), found.end(),
                   [](const auto& a, const auto& b) { return a.first < b.first; });
  std::vector<LookupHit> hits;
  for (auto& [inactive, hit] : found) hits.push_back(std::move(hit));
  return hits;
}

std::vector<LookupHit> SuggestSimilar(const Catalog& catalog, std::string_view query,
                                      size_t limit) {
  const std::string q = absl::AsciiStrToLower(absl::StripAsciiWhitespace(Av(query)));
  struct Scored {
    size_t distance;
    bool inactive;
    size_t order;
    LookupHit hit;
  };
  std::vector<Scored> scored;
  if (q.empty()) return {};
  ForEachEntry(catalog, [&](const Names& n) {
    size_t best = std::min(Distance(q, *n.id), Distance(q, *n.name));
    if (n.aliases != nullptr) {
      for (const std::string& alias : *n.aliases) best = std::min(best, Distance(q, alias));
    }
    if (best != SIZE_MAX) scored.push_back({best, !n.active, scored.size(), n.hit});
  });
  std::sort(scored.begin(), scored.end(), [](const Scored& a, const Scored& b) {
    return std::tie(a.distance, a.inactive, a.order) < std::tie(b.distance, b.inactive, b.order);
  });
  std::vector<LookupHit> hits;
  for (size_t i = 0; i < scored.size() && hits.size() < limit; ++i) {
    hits.push_back(scored[i].hit);
    hits.back().matched_on = "similar";
  }
  return hits;
}

}  // namespace stixkit::attack
