// The report: the object that ties a conversion together. object_refs lists every
// other object, so nothing is left unattached (the most common complaint about
// document-import tools), and reference links are its external_references.
#include "absl/strings/str_cat.h"
#include "converters/build/builders.h"
#include "converters/build/summary_text.h"

namespace stixkit::convert {

absl::Status BuildReport(const SectionRouter& router, const ReportDates& dates,
                         BuildContext& ctx) {
  const Document& doc = ctx.document();
  std::vector<std::string> refs;
  for (const StixObject& o : ctx.objects()) refs.push_back(o.id());
  StixObject& report = ctx.AddSdo("report", "report", ctx.document().source_name);
  const std::string title = ReportTitle(doc);
  report.Set("name", title.empty() ? absl::StrCat("Incident report ", SourceLabel(doc)) : title);
  const std::string summary = SummaryText(doc, router);
  if (!summary.empty()) report.Set("description", summary);
  std::vector<std::string> types = {"threat-report"};
  if (ctx.options().report_type_incident) types.push_back("incident");
  report.SetList("report_types", types);
  report.Set("published", dates.published ? DayTimestamp(*dates.published) : ctx.now());
  report.SetList("object_refs", refs);
  if (!ctx.references.empty()) {
    auto& a = report.allocator();
    rapidjson::Value list(rapidjson::kArrayType);
    for (const BuildContext::Reference& r : ctx.references) {
      rapidjson::Value ref(rapidjson::kObjectType);
      ref.AddMember("source_name", rapidjson::Value(r.source_name.c_str(), a), a);
      if (!r.description.empty()) {
        ref.AddMember("description", rapidjson::Value(r.description.c_str(), a), a);
      }
      ref.AddMember("url", rapidjson::Value(r.url.c_str(), a), a);
      list.PushBack(ref, a);
    }
    report.SetValue("external_references", list);
    ctx.Found(absl::StrCat(ctx.references.size(), " reference link(s) on the report"));
  }
  return absl::OkStatus();
}

}  // namespace stixkit::convert
