// The section router: what each part of a report is about, decided from its heading
// (and, for `Key: value` fields, from the key). Builders ask the router rather than
// matching headings themselves, so "where does a report section become a STIX object"
// has one answer: docs/mapping.md has the table, section_router.cc holds it as data.
//
//   SectionRouter router(document);
//   router.kind(section_index);         // SectionKind::kIndicators
//   router.TacticOf("Lateral Movement");  // "lateral-movement"
//
// Immutable after construction.
#ifndef STIXKIT_CONVERTERS_BUILD_SECTION_ROUTER_H_
#define STIXKIT_CONVERTERS_BUILD_SECTION_ROUTER_H_

#include <string>
#include <string_view>
#include <vector>

#include "converters/read/document.h"

namespace stixkit::convert {

enum class SectionKind {
  kOther,            // not recognised: only explicit facts are taken from it
  kSummary,          // executive summary, overview, the "Full Report" preamble
  kDetails,          // incident details: victim, sector, geography, dates
  kTimeline,         // timeline of events; subsections are often tactic names
  kMethodology,      // attack methodology, TTPs: one field per tactic
  kImpact,           // impact assessment -> note
  kIndicators,       // indicators of compromise -> indicators
  kResponse,         // response actions: never indicators
  kLessons,          // lessons learned -> note
  kRecommendations,  // recommendations, mitigations -> course-of-action
  kReferences,       // references, sources -> report external_references
  kLegitimate,       // allow-lists, benign or legitimate infrastructure
  kAttribution,      // threat actor, attribution
  kVulnerabilities,  // exploited vulnerabilities
};

std::string_view SectionKindName(SectionKind kind);

// How a `Key: value` field or table presents an IOC found in it.
enum class IocContext {
  kInherit,    // decided by the section
  kIndicator,  // "C2 server:", "Network indicators:", an IOC table
  kReference,  // "Recovery actions:", "Source:", "Legitimate domain:"
};

class SectionRouter {
 public:
  explicit SectionRouter(const Document& document);

  SectionKind kind(size_t section_index) const { return kinds_[section_index]; }
  // The tactic shortname the section is about (its title or an ancestor's is a tactic
  // name), or "".
  const std::string& tactic(size_t section_index) const { return tactics_[section_index]; }
  // True when at least one section has a kind other than kOther and kSummary.
  bool recognised() const { return recognised_; }

  // A tactic shortname for text that names an ATT&CK tactic ("Lateral Movement",
  // "Data Exfiltration/Impact" -> "exfiltration"), else "".
  static std::string TacticOf(std::string_view text);
  // How a field key or table header presents the values under it.
  static IocContext ContextOfKey(std::string_view key);
  // The kind a heading names on its own (kOther when it names none).
  static SectionKind KindOfTitle(std::string_view title);

 private:
  std::vector<SectionKind> kinds_;
  std::vector<std::string> tactics_;
  bool recognised_ = false;
};

}  // namespace stixkit::convert

#endif  // STIXKIT_CONVERTERS_BUILD_SECTION_ROUTER_H_
