#include "converters/build/bundle_builder.h"

#include <algorithm>

#include "absl/strings/str_cat.h"
#include "absl/time/civil_time.h"
#include "converters/build/block_mapping.h"
#include "converters/build/builders.h"
#include "converters/build/object_ids.h"
#include "converters/build/report_dates.h"
#include "converters/build/summary_text.h"
#include "converters/map/technique_mapper.h"
#include "rapidjson/prettywriter.h"
#include "rapidjson/stringbuffer.h"
#include "rapidjson/writer.h"
#include "stix/base/status.h"

namespace stixkit::convert {
namespace {

// Bundle order: what a reader wants first (markings, producer, report, incident), then
// the who, the how, the what to look for, and the links last.
int Rank(const StixObject& o, const std::string& author_id) {
  static constexpr std::string_view kOrder[] = {
      "marking-definition", "author", "report", "incident", "identity", "location",
      "intrusion-set", "threat-actor", "attack-pattern", "malware", "tool", "vulnerability",
      "course-of-action", "note", "observed-data", "sco", "indicator", "relationship"};
  std::string_view key = o.type();
  if (o.id() == author_id) key = "author";
  const auto it = std::find(std::begin(kOrder), std::end(kOrder), key);
  if (it != std::end(kOrder)) return static_cast<int>(it - std::begin(kOrder));
  return static_cast<int>(std::find(std::begin(kOrder), std::end(kOrder), "sco") -
                          std::begin(kOrder));
}

void ApplyMarkings(BuildContext& ctx) {
  if (ctx.marking_refs.empty()) return;
  for (StixObject& o : ctx.objects()) {
    if (o.type() == "marking-definition") continue;
    o.SetList("object_marking_refs", ctx.marking_refs);
  }
}

std::string Compact(const rapidjson::Value& v) {
  rapidjson::StringBuffer buffer;
  rapidjson::Writer<rapidjson::StringBuffer> writer(buffer);
  v.Accept(writer);
  return std::string(buffer.GetString(), buffer.GetSize());
}

absl::Status RunBuilders(const SectionRouter& router, BuildContext& ctx) {
  const absl::CivilDay today = absl::ToCivilDay(ctx.options().now, absl::UTCTimeZone());
  const ReportDates dates = FindReportDates(ctx.document(), router, today);
  STIXKIT_ASSIGN_OR_RETURN(const TechniqueMapper* mapper, TechniqueMapper::Embedded());
  const std::vector<MappedBlock> mapped = MapBlocks(ctx.document(), router, *mapper);
  STIXKIT_RETURN_IF_ERROR(BuildProducerAndMarking(router, ctx));
  STIXKIT_RETURN_IF_ERROR(BuildVictims(router, ctx));
  STIXKIT_RETURN_IF_ERROR(BuildActorsAndSoftware(router, mapped, ctx));
  STIXKIT_RETURN_IF_ERROR(BuildAttackPatterns(router, mapped, ctx));
  STIXKIT_RETURN_IF_ERROR(BuildVulnerabilities(router, ctx));
  STIXKIT_RETURN_IF_ERROR(BuildIndicators(router, dates, ctx));
  STIXKIT_RETURN_IF_ERROR(BuildCoursesOfAction(router, ctx));
  STIXKIT_RETURN_IF_ERROR(BuildIncident(router, ctx));
  STIXKIT_RETURN_IF_ERROR(BuildRelationships(ctx));
  STIXKIT_RETURN_IF_ERROR(BuildNotes(router, ctx));
  return BuildReport(router, dates, ctx);
}

}  // namespace

absl::StatusOr<Conversion> BuildBundle(const Document& document, const ConvertOptions& options) {
  BuildContext ctx(document, options);
  const SectionRouter router(document);
  STIXKIT_RETURN_IF_ERROR(RunBuilders(router, ctx));
  ApplyMarkings(ctx);

  std::vector<const StixObject*> ordered;
  for (const StixObject& o : ctx.objects()) ordered.push_back(&o);
  std::stable_sort(ordered.begin(), ordered.end(), [&](const StixObject* a, const StixObject* b) {
    return Rank(*a, ctx.author_id()) < Rank(*b, ctx.author_id());
  });

  Conversion out;
  rapidjson::Document bundle(rapidjson::kObjectType);
  auto& a = bundle.GetAllocator();
  const std::string bundle_id =
      ObjectIds(options.author).Make("bundle", absl::StrCat("bundle:", SourceLabel(document)));
  bundle.AddMember("type", "bundle", a);
  bundle.AddMember("id", rapidjson::Value(bundle_id.c_str(), a), a);
  rapidjson::Value objects(rapidjson::kArrayType);
  for (const StixObject* o : ordered) {
    objects.PushBack(rapidjson::Value(o->json(), a), a);
    out.object_json.push_back(Compact(o->json()));
    out.origins.emplace_back(o->id(), o->origin);
  }
  bundle.AddMember("objects", objects, a);
  rapidjson::StringBuffer buffer;
  rapidjson::PrettyWriter<rapidjson::StringBuffer> writer(buffer);
  writer.SetIndent(' ', 2);
  bundle.Accept(writer);
  out.bundle_json.assign(buffer.GetString(), buffer.GetSize());
  out.bundle_json.push_back('\n');
  out.found = ctx.found();
  out.ignored = ctx.ignored();
  out.warnings = ctx.warnings();
  return out;
}

}  // namespace stixkit::convert
