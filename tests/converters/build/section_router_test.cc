#include <catch2/catch.hpp>

#include "converters/build/section_router.h"

namespace stixkit::convert {
namespace {

Section Heading(std::string title, int level) {
  Section s;
  s.title = std::move(title);
  s.level = level;
  return s;
}

TEST_CASE("section router: the seed's headings get their kinds", "[converters][build]") {
  CHECK(SectionRouter::KindOfTitle("Indicators of Compromise") == SectionKind::kIndicators);
  CHECK(SectionRouter::KindOfTitle("Impact Assessment") == SectionKind::kImpact);
  CHECK(SectionRouter::KindOfTitle("Attack Methodology") == SectionKind::kMethodology);
  CHECK(SectionRouter::KindOfTitle("Timeline of Events") == SectionKind::kTimeline);
  CHECK(SectionRouter::KindOfTitle("Lessons Learned") == SectionKind::kLessons);
  CHECK(SectionRouter::KindOfTitle("Recommendations") == SectionKind::kRecommendations);
  CHECK(SectionRouter::KindOfTitle("Response Actions") == SectionKind::kResponse);
  CHECK(SectionRouter::KindOfTitle("Executive Summary") == SectionKind::kSummary);
  CHECK(SectionRouter::KindOfTitle("Incident Details") == SectionKind::kDetails);
  CHECK(SectionRouter::KindOfTitle("Legitimate domains (do not block)") ==
        SectionKind::kLegitimate);
  CHECK(SectionRouter::KindOfTitle("Incident Report: CareCloud Network Disruption") ==
        SectionKind::kOther);
}

TEST_CASE("section router: tactic names are recognised, with data- prefixes and pairs",
          "[converters][build]") {
  CHECK(SectionRouter::TacticOf("Initial Access") == "initial-access");
  CHECK(SectionRouter::TacticOf("Lateral Movement") == "lateral-movement");
  CHECK(SectionRouter::TacticOf("Command and Control") == "command-and-control");
  CHECK(SectionRouter::TacticOf("Data Exfiltration/Impact") == "exfiltration");
  CHECK(SectionRouter::TacticOf("Detection & Response").empty());
  CHECK(SectionRouter::TacticOf("Recommendations").empty());
}

TEST_CASE("section router: field keys say whether IOCs under them are indicators",
          "[converters][build]") {
  CHECK(SectionRouter::ContextOfKey("Network indicators") == IocContext::kIndicator);
  CHECK(SectionRouter::ContextOfKey("C2 server") == IocContext::kIndicator);
  CHECK(SectionRouter::ContextOfKey("SHA-256") == IocContext::kIndicator);
  CHECK(SectionRouter::ContextOfKey("Recovery actions") == IocContext::kReference);
  CHECK(SectionRouter::ContextOfKey("Legitimate domain") == IocContext::kReference);
  CHECK(SectionRouter::ContextOfKey("Behavioral indicators") == IocContext::kInherit);
  CHECK(SectionRouter::ContextOfKey("Details") == IocContext::kInherit);
}

TEST_CASE("section router: tactic subsections inherit the timeline, plain ones their parent",
          "[converters][build]") {
  Document doc;
  doc.sections = {Heading("Incident Report: X", 1), Heading("Timeline of Events", 2),
                  Heading("Initial Access", 3),      Heading("Detection & Response", 3),
                  Heading("Indicators of Compromise", 2), Heading("Network", 3),
                  Heading("Initial Access", 2)};
  const SectionRouter router(doc);
  CHECK(router.kind(0) == SectionKind::kOther);
  CHECK(router.kind(1) == SectionKind::kTimeline);
  CHECK(router.kind(2) == SectionKind::kTimeline);
  CHECK(router.tactic(2) == "initial-access");
  CHECK(router.kind(3) == SectionKind::kResponse);
  CHECK(router.kind(5) == SectionKind::kIndicators);
  CHECK(router.kind(6) == SectionKind::kMethodology);
  CHECK(router.recognised());
}

TEST_CASE("section router: a document of unknown headings is not recognised",
          "[converters][build]") {
  Document doc;
  doc.sections = {Heading("", 0), Heading("Thoughts", 1)};
  CHECK_FALSE(SectionRouter(doc).recognised());
}

}  // namespace
}  // namespace stixkit::convert
