// Victims: "Affected Organization: CareCloud (Nasdaq: CCLD)" becomes an identity with
// its sectors, and "Geography: New Jersey, USA" a location it is located-at.
#include <algorithm>
#include <optional>
#include <string>
#include <vector>

#include "absl/strings/ascii.h"
#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "converters/build/builders.h"
#include "converters/extract/organization_mentions.h"
#include "converters/extract/organization_name.h"
#include "converters/extract/places.h"
#include "converters/extract/sectors.h"
#include "converters/extract/undisclosed.h"
#include "stix/base/strings.h"
#include "stix/model/vocabularies.h"

namespace stixkit::convert {
namespace {

enum class DetailKey { kNone, kVictim, kSector, kPlace };

// Field keys of the details section (the seed's, and common variants).
DetailKey KindOfKey(std::string_view key) {
  const std::string k = absl::AsciiStrToLower(Av(key));
  for (std::string_view w : {"affected organization", "affected organisation", "victim",
                             "affected entit", "affected compan", "targeted organization",
                             "target organization", "organization", "organisation", "company",
                             "affected party", "affected parties"}) {
    if (absl::StrContains(k, Av(w))) return DetailKey::kVictim;
  }
  for (std::string_view w : {"sector", "industry", "vertical"}) {
    if (absl::StrContains(k, Av(w))) return DetailKey::kSector;
  }
  for (std::string_view w : {"geograph", "location", "country", "region", "headquarter",
                             "based in"}) {
    if (absl::StrContains(k, Av(w))) return DetailKey::kPlace;
  }
  return DetailKey::kNone;
}

struct Victim {
  std::string name;
  std::vector<std::string> sectors;
  std::vector<Place> places;
  std::string origin;
};

void AddPlaces(std::vector<Place>& to, std::vector<Place> from) {
  for (Place& p : from) {
    if (!p.country.empty() || !p.region.empty()) to.push_back(std::move(p));
  }
}

// One list item or table row describing a victim: "Example Water Authority (Texas) —
// water utility".
Victim VictimFromItem(std::string_view text, std::string origin) {
  Victim v;
  v.name = CleanOrganizationName(text);
  v.sectors = MapSectors(text);
  AddPlaces(v.places, FindPlaces(text));
  v.origin = std::move(origin);
  return v;
}

// A two-column table row ("| Affected Organization | First Prairie Bank |") says the
// same as a field.
std::optional<Block> AsField(const Block& b) {
  if (b.kind == BlockKind::kField) return b;
  if (b.kind != BlockKind::kTableRow || b.cells.size() != 2) return std::nullopt;
  Block field = b;
  field.kind = BlockKind::kField;
  field.key = b.cells[0];
  field.text = b.cells[1];
  return field;
}

// In a section about the victim ("Affected Organization"), "Name:" is the victim's.
bool IsVictimSection(const Section& s) {
  const std::string t = absl::AsciiStrToLower(s.title);
  for (std::string_view w : {"affected", "victim", "organization", "organisation", "member"}) {
    if (absl::StrContains(t, Av(w))) return true;
  }
  return false;
}

// The victims one section names, with the sectors and places given beside them.
std::vector<Victim> VictimsOfSection(const Section& s, const BuildContext& ctx) {
  std::vector<Victim> victims;
  std::vector<std::string> shared_sectors;
  std::vector<Place> shared_places;
  const bool victim_section = IsVictimSection(s);
  for (size_t j = 0; j < s.blocks.size(); ++j) {
    const std::optional<Block> field = AsField(s.blocks[j]);
    if (!field) continue;
    const Block& b = *field;
    DetailKey key = KindOfKey(b.key);
    if (key == DetailKey::kNone && victim_section &&
        absl::AsciiStrToLower(b.key) == "name") {
      key = DetailKey::kVictim;
    }
    if (key == DetailKey::kNone || (!b.text.empty() && IsUndisclosed(b.text))) continue;
    const std::string origin = ctx.Origin(s, &b);
    if (key == DetailKey::kSector) {
      for (std::string& sector : MapSectors(b.text)) shared_sectors.push_back(sector);
    } else if (key == DetailKey::kPlace) {
      AddPlaces(shared_places, FindPlaces(b.text));
    } else if (!b.text.empty()) {
      for (const std::string& name : SplitOrganizations(b.text)) {
        Victim v;
        v.name = CleanOrganizationName(name);
        v.origin = origin;
        if (!v.name.empty()) victims.push_back(std::move(v));
      }
    } else {
      // "- **Affected Organizations:**" followed by one nested item per victim.
      for (size_t k = j + 1; k < s.blocks.size() && s.blocks[k].depth > b.depth; ++k) {
        const Block& item = s.blocks[k];
        Victim v = VictimFromItem(item.kind == BlockKind::kField
                                      ? absl::StrCat(item.key, " ", item.text)
                                      : item.text,
                                  ctx.Origin(s, &item));
        if (!v.name.empty()) victims.push_back(std::move(v));
      }
    }
  }
  for (Victim& v : victims) {
    if (v.sectors.empty()) v.sectors = shared_sectors;
    if (v.places.empty()) v.places = shared_places;
  }
  return victims;
}

// No field names the victim: the first organisation the summary (or, without one, the
// first paragraph) mentions, with the sectors and places of that paragraph.
std::optional<Victim> VictimFromProse(const SectionRouter& router, BuildContext& ctx) {
  const Document& doc = ctx.document();
  for (int pass = 0; pass < 2; ++pass) {
    for (size_t i = 0; i < doc.sections.size(); ++i) {
      if (pass == 0 && router.kind(i) != SectionKind::kSummary) continue;
      for (const Block& b : doc.sections[i].blocks) {
        if (b.kind != BlockKind::kParagraph) continue;
        const std::vector<OrganizationMention> mentions = FindOrganizationMentions(b.text);
        if (mentions.empty()) {
          if (pass == 1) return std::nullopt;  // only the first paragraph is trusted
          continue;
        }
        Victim v = VictimFromItem(b.text, ctx.Origin(doc.sections[i], &b));
        v.name = mentions.front().name;
        ctx.Warn(absl::StrCat("no 'Affected Organization:' field; took the victim '", v.name,
                              "' from ", v.origin));
        return v;
      }
    }
  }
  return std::nullopt;
}

std::string LocationKey(const Place& p) {
  return absl::StrCat("location:", p.country, "|", p.administrative_area, "|", p.city, "|",
                      p.region);
}

std::string AddLocation(const Place& p, const std::string& origin, BuildContext& ctx) {
  StixObject& loc = ctx.AddSdo("location", LocationKey(p), origin);
  if (loc.Has("name") || loc.Has("country") || loc.Has("region")) return loc.id();
  if (!p.name.empty()) loc.Set("name", p.name);
  if (!p.region.empty()) loc.Set("region", p.region);
  if (!p.country.empty()) loc.Set("country", p.country);
  if (!p.administrative_area.empty()) loc.Set("administrative_area", p.administrative_area);
  if (!p.city.empty()) loc.Set("city", p.city);
  ctx.Found(absl::StrCat("location ", p.name.empty() ? p.country : p.name));
  return loc.id();
}

}  // namespace

absl::Status BuildVictims(const SectionRouter& router, BuildContext& ctx) {
  const Document& doc = ctx.document();
  std::vector<Victim> victims;
  for (size_t i = 0; i < doc.sections.size(); ++i) {
    const SectionKind kind = router.kind(i);
    if (kind == SectionKind::kReferences || kind == SectionKind::kLegitimate ||
        kind == SectionKind::kRecommendations) {
      continue;
    }
    for (Victim& v : VictimsOfSection(doc.sections[i], ctx)) victims.push_back(std::move(v));
  }
  if (victims.empty()) {
    if (std::optional<Victim> v = VictimFromProse(router, ctx)) victims.push_back(*v);
  }
  if (victims.empty()) {
    ctx.Warn("no affected organisation named (expected a field such as 'Affected "
             "Organization: NAME')");
    return absl::OkStatus();
  }
  for (const Victim& v : victims) {
    StixObject& identity =
        ctx.AddSdo("identity", absl::StrCat("victim:", absl::AsciiStrToLower(v.name)), v.origin);
    if (!identity.Has("name")) {
      identity.Set("name", v.name);
      identity.Set("identity_class", "organization");
      std::vector<std::string> sectors;
      for (const std::string& s : v.sectors) {
        if (stix::InVocabulary("industry-sector-ov", s) &&
            std::find(sectors.begin(), sectors.end(), s) == sectors.end()) {
          sectors.push_back(s);
        }
      }
      if (!sectors.empty()) identity.SetList("sectors", sectors);
      ctx.Found(absl::StrCat("victim ", v.name,
                             sectors.empty() ? "" : absl::StrCat(" (", absl::StrJoin(sectors, ", "), ")")));
    }
    for (const Place& p : v.places) {
      const std::string location_id = AddLocation(p, v.origin, ctx);
      ctx.Relate(identity.id(), "located-at", location_id, v.origin);
    }
  }
  return absl::OkStatus();
}

}  // namespace stixkit::convert
