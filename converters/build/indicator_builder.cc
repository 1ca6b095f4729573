// IOCs -> STIX. Each value the document presents as an indicator becomes an SCO (UUIDv5
// id), all SCOs are grouped in one observed-data, and each indicator, whose pattern
// our parser has checked, is based-on that observed-data: the link STIX 2.1 §4.7
// suggests (a direct indicator based-on SCO trips check 202). URLs in reference
// contexts are kept for the report's external_references.
#include <algorithm>
#include <string>
#include <vector>

#include "absl/container/flat_hash_set.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "converters/build/builders.h"
#include "converters/build/excerpt.h"
#include "converters/build/ioc_context.h"
#include "converters/build/observable.h"
#include "converters/extract/ioc_extractor.h"
#include "stix/base/strings.h"

namespace stixkit::convert {
namespace {

struct Hit {
  Ioc ioc;
  std::string origin;
  std::string context;  // the block's text, for the indicator's description
};

std::vector<Ioc> IocsOf(const Block& b, BuildContext& ctx) {
  const std::vector<Ioc>& iocs = ctx.BlockIocs(b);
  // A file name given with a hash is part of that hash's observation, not another one.
  absl::flat_hash_set<std::string> named;
  for (const Ioc& i : iocs) {
    if (!i.file_name.empty()) named.insert(i.file_name);
  }
  std::vector<Ioc> out;
  for (const Ioc& i : iocs) {
    if (i.type == IocType::kFileName && named.contains(i.value)) continue;
    out.push_back(i);
  }
  return out;
}

std::string ContextText(const Block& b) {
  if (b.kind == BlockKind::kField) return absl::StrCat(b.key, ": ", b.text);
  if (b.kind == BlockKind::kTableRow) return absl::StrJoin(b.cells, " | ");
  return b.text;
}

void AddReference(BuildContext& ctx, std::string url, std::string source_name,
                  std::string description) {
  for (const BuildContext::Reference& r : ctx.references) {
    if (r.url == url) return;
  }
  ctx.references.push_back({std::move(url), std::move(source_name), std::move(description)});
}

std::string HostOf(std::string_view url) {
  size_t start = url.find("://");
  start = start == std::string_view::npos ? 0 : start + 3;
  const size_t end = url.find_first_of("/?#:", start);
  return std::string(url.substr(start, end == std::string_view::npos ? url.size() - start
                                                                        : end - start));
}

// The role of one value, refining its block's role.
IocRole RefineRole(IocRole role, const Ioc& ioc, const Block& b, bool recognised) {
  // Authors defang what they consider malicious: a defanged value in running text or
  // next to "legitimate" is still presented as an indicator.
  if ((role == IocRole::kNarrative || role == IocRole::kBenign) && ioc.defanged) {
    return IocRole::kIndicator;
  }
  // In a report without sections, a plain URL in running text is a citation.
  if (!recognised && ioc.type == IocType::kUrl && !ioc.defanged &&
      b.kind == BlockKind::kParagraph && role == IocRole::kIndicator) {
    return IocRole::kNarrative;
  }
  // File names are the most ambiguous IOC ("exported to file.txt"): only a list, field
  // or table presents one as an indicator, never a sentence.
  if (ioc.type == IocType::kFileName && b.kind == BlockKind::kParagraph &&
      role == IocRole::kIndicator) {
    return IocRole::kNarrative;
  }
  return role;
}

// Collects indicator hits and reference links from one block.
void ScanBlock(const Section& s, const Block& b, SectionKind kind, bool recognised,
               BuildContext& ctx, std::vector<Hit>& hits) {
  std::vector<Ioc> iocs = IocsOf(b, ctx);
  if (iocs.empty() && b.links.empty()) return;  // most blocks: nothing to decide
  const IocRole role = RoleOf(kind, b, recognised);
  const std::string origin = ctx.Origin(s, &b);
  for (Ioc& ioc : iocs) {
    if (ioc.type == IocType::kCve) continue;  // vulnerability_builder.cc
    const IocRole r = RefineRole(role, ioc, b, recognised);
    if (r == IocRole::kIndicator) {
      hits.push_back({std::move(ioc), origin, ContextText(b)});
    } else if ((r == IocRole::kReference || r == IocRole::kNarrative) &&
               ioc.type == IocType::kUrl) {
      AddReference(ctx, ioc.value, HostOf(ioc.value), Excerpt(ContextText(b), 200));
    } else {
      ctx.Ignored(absl::StrCat(origin, ": ", Av(IocTypeName(ioc.type)), " ", ioc.value, " (",
                               Av(IocRoleName(r)), ", not presented as an indicator)"));
    }
  }
  // Markdown and HTML links outside indicator lists are references too.
  if (role == IocRole::kIndicator) return;
  for (const Link& link : b.links) {
    for (const Ioc& ioc : ExtractIocs(link.url)) {
      if (ioc.type != IocType::kUrl) continue;
      AddReference(ctx, ioc.value, link.text.empty() ? HostOf(ioc.value) : link.text,
                   Excerpt(ContextText(b), 200));
    }
  }
}

std::string IndicatorName(const Ioc& ioc, const Observable& o) {
  if (!ioc.file_name.empty()) return absl::StrCat("File ", ioc.file_name, " (", o.label, ")");
  return absl::StrCat(o.label, " ", ioc.value);
}

}  // namespace

absl::Status BuildIndicators(const SectionRouter& router, const ReportDates& dates,
                             BuildContext& ctx) {
  const Document& doc = ctx.document();
  std::vector<Hit> hits;
  for (size_t i = 0; i < doc.sections.size(); ++i) {
    for (const Block& b : doc.sections[i].blocks) {
      ScanBlock(doc.sections[i], b, router.kind(i), router.recognised(), ctx, hits);
    }
  }
  if (hits.empty()) return absl::OkStatus();
  if (!router.recognised()) {
    ctx.Warn("no recognisable report sections: every IOC in the text was taken as an "
             "indicator; check them");
  }
  const std::string first = dates.first ? DayTimestamp(*dates.first) : ctx.now();
  const std::string last = dates.last ? DayTimestamp(*dates.last) : first;
  std::vector<std::string> sco_ids, indicator_ids;
  for (const Hit& hit : hits) {
    absl::StatusOr<Observable> o = MakeObservable(hit.ioc);
    if (!o.ok()) return o.status();
    StixObject& sco = ctx.AddSco(o->sco_type, o->sco_id, o->sco_json, hit.origin);
    if (std::find(sco_ids.begin(), sco_ids.end(), sco.id()) == sco_ids.end()) {
      sco_ids.push_back(sco.id());
    }
    StixObject& ind = ctx.AddSdo("indicator", absl::StrCat("pattern:", o->pattern), hit.origin);
    if (ind.Has("pattern")) continue;
    ind.Set("name", IndicatorName(hit.ioc, *o));
    ind.Set("description", Excerpt(hit.context, 500));
    ind.SetList("indicator_types", {"malicious-activity"});
    ind.Set("pattern", o->pattern);
    ind.Set("pattern_type", "stix");
    ind.Set("pattern_version", "2.1");
    ind.Set("valid_from", first);
    indicator_ids.push_back(ind.id());
    ctx.Found(absl::StrCat("indicator ", o->pattern, hit.ioc.defanged ? " (refanged)" : ""));
  }
  StixObject& observed = ctx.AddSdo("observed-data", "observed-data:indicators", "indicators");
  observed.Set("first_observed", first);
  observed.Set("last_observed", last);
  observed.SetInt("number_observed", 1);
  observed.SetList("object_refs", sco_ids);
  for (const std::string& id : indicator_ids) {
    ctx.Relate(id, "based-on", observed.id(), ctx.Find(id)->origin);
  }
  return absl::OkStatus();
}

}  // namespace stixkit::convert
