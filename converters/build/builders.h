// The builders: one per object family, each turning the sections the router assigns
// to it into STIX objects in the context. bundle_builder.cc runs them in this order,
// because later ones link to what earlier ones made (indicators indicate the actor;
// the report lists everything).
//
// Each returns OkStatus or an internal error (a bug); problems with the report itself
// are warnings in the context, never failures.
#ifndef STIXKIT_CONVERTERS_BUILD_BUILDERS_H_
#define STIXKIT_CONVERTERS_BUILD_BUILDERS_H_

#include "absl/status/status.h"
#include "converters/build/block_mapping.h"
#include "converters/build/build_context.h"
#include "converters/build/section_router.h"
#include "converters/build/report_dates.h"

namespace stixkit::convert {

// The producer identity (--author) and the TLP marking (--tlp or the document's).
absl::Status BuildProducerAndMarking(const SectionRouter& router, BuildContext& ctx);
// Victim identities with sectors, their locations, and located-at links.
absl::Status BuildVictims(const SectionRouter& router, BuildContext& ctx);
// Named threat actors and intrusion sets; ATT&CK software as malware and tool.
absl::Status BuildActorsAndSoftware(const SectionRouter& router,
                                    const std::vector<MappedBlock>& mapped, BuildContext& ctx);
// ATT&CK techniques as attack-patterns, from the methodology and timeline sections.
absl::Status BuildAttackPatterns(const SectionRouter& router,
                                 const std::vector<MappedBlock>& mapped, BuildContext& ctx);
// CVE ids as vulnerabilities.
absl::Status BuildVulnerabilities(const SectionRouter& router, BuildContext& ctx);
// IOCs presented as indicators: SCOs, one observed-data, indicators based on it.
absl::Status BuildIndicators(const SectionRouter& router, const ReportDates& dates,
                             BuildContext& ctx);
// Recommendations as courses of action.
absl::Status BuildCoursesOfAction(const SectionRouter& router, BuildContext& ctx);
// The incident, with the Incident Core Extension, and its related-to links.
absl::Status BuildIncident(const SectionRouter& router, BuildContext& ctx);
// The links between the objects above (uses, targets, indicates, related-to).
absl::Status BuildRelationships(BuildContext& ctx);
// Impact and lessons learned as notes about the incident.
absl::Status BuildNotes(const SectionRouter& router, BuildContext& ctx);
// The report: every object in object_refs, reference links as external_references.
absl::Status BuildReport(const SectionRouter& router, const ReportDates& dates,
                         BuildContext& ctx);

}  // namespace stixkit::convert

#endif  // STIXKIT_CONVERTERS_BUILD_BUILDERS_H_
