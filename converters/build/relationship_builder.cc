// The links between what the other builders made. Every relationship type here is one
// STIX 2.1 §4 suggests for its source and target (so check 202 stays silent), except
// the incident's, for which core STIX suggests none: it gets related-to, and the
// meaning travels through the suggested links between the other objects. The Incident
// Core Extension's own links are added only on request (ConvertOptions).
#include <string>
#include <vector>

#include "converters/build/builders.h"

namespace stixkit::convert {
namespace {

std::vector<std::string> Ids(BuildContext& ctx, std::initializer_list<std::string_view> types) {
  std::vector<std::string> ids;
  for (std::string_view t : types) {
    for (StixObject* o : ctx.OfType(t)) ids.push_back(o->id());
  }
  return ids;
}

}  // namespace

absl::Status BuildRelationships(BuildContext& ctx) {
  std::vector<std::string> victims;
  for (StixObject* o : ctx.OfType("identity")) {
    if (o->id() != ctx.author_id()) victims.push_back(o->id());
  }
  const std::vector<std::string> actors = Ids(ctx, {"intrusion-set", "threat-actor"});
  const std::vector<std::string> techniques = Ids(ctx, {"attack-pattern"});
  const std::vector<std::string> software = Ids(ctx, {"malware", "tool"});
  const std::vector<std::string> malware = Ids(ctx, {"malware"});
  const std::vector<std::string> vulns = Ids(ctx, {"vulnerability"});
  const std::vector<std::string> indicators = Ids(ctx, {"indicator"});
  const std::vector<std::string> observed = Ids(ctx, {"observed-data"});
  const std::vector<std::string> incidents = Ids(ctx, {"incident"});
  const std::string_view why = "relationships";

  for (const std::string& actor : actors) {
    for (const std::string& t : techniques) ctx.Relate(actor, "uses", t, why);
    for (const std::string& s : software) ctx.Relate(actor, "uses", s, why);
    for (const std::string& v : victims) ctx.Relate(actor, "targets", v, why);
    for (const std::string& v : vulns) ctx.Relate(actor, "targets", v, why);
  }
  for (const std::string& t : techniques) {
    for (const std::string& v : victims) ctx.Relate(t, "targets", v, why);
  }
  // An indicator points at who or what it detects: the named adversary, else the
  // named malware. With neither, the report and the observed-data carry it.
  const std::vector<std::string>& indicated = !actors.empty() ? actors : malware;
  for (const std::string& i : indicators) {
    for (const std::string& target : indicated) ctx.Relate(i, "indicates", target, why);
  }
  for (const std::string& incident : incidents) {
    std::vector<std::string> related = victims;
    related.insert(related.end(), actors.begin(), actors.end());
    if (actors.empty()) {
      related.insert(related.end(), techniques.begin(), techniques.end());
      related.insert(related.end(), software.begin(), software.end());
      related.insert(related.end(), vulns.begin(), vulns.end());
    }
    related.insert(related.end(), observed.begin(), observed.end());
    for (const std::string& r : related) ctx.Relate(incident, "related-to", r, why);
    if (!ctx.options().incident_core_relationships) continue;
    // Incident Core Extension §7.4 links: what OpenCTI and similar platforms import.
    for (const std::string& v : victims) ctx.Relate(incident, "targets", v, why);
    for (const std::string& a : actors) ctx.Relate(incident, "attributed-to", a, why);
    for (const std::string& l : Ids(ctx, {"location"})) {
      ctx.Relate(incident, "located-at", l, why);
    }
  }
  return absl::OkStatus();
}

}  // namespace stixkit::convert
