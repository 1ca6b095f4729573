#include <catch2/catch.hpp>

#include "converters/build/ioc_context.h"

namespace stixkit::convert {
namespace {

Block Field(std::string key, std::string text) {
  Block b;
  b.kind = BlockKind::kField;
  b.key = std::move(key);
  b.text = std::move(text);
  return b;
}

Block Paragraph(std::string text) {
  Block b;
  b.text = std::move(text);
  return b;
}

TEST_CASE("ioc context: the IOC section makes indicators", "[converters][build]") {
  CHECK(RoleOf(SectionKind::kIndicators, Paragraph("198.51.100.3"), true) ==
        IocRole::kIndicator);
}

TEST_CASE("ioc context: a recovery-actions link is a reference, never an indicator",
          "[converters][build]") {
  const Block b = Field("Recovery actions", "filing of SEC disclosures (hXXps[:]//www[.]sec[.]gov/x)");
  CHECK(RoleOf(SectionKind::kResponse, b, true) == IocRole::kReference);
  CHECK(RoleOf(SectionKind::kIndicators, b, true) == IocRole::kReference);
}

TEST_CASE("ioc context: text marked legitimate is benign even in the IOC section",
          "[converters][build]") {
  CHECK(RoleOf(SectionKind::kIndicators, Paragraph("example.com is the victim's legitimate site"),
               true) == IocRole::kBenign);
  CHECK(RoleOf(SectionKind::kIndicators,
               Paragraph("kestrelridge.edu appears as display text only and is not an indicator"),
               true) == IocRole::kBenign);
}

TEST_CASE("ioc context: a labelled list outside the IOC section makes indicators",
          "[converters][build]") {
  CHECK(RoleOf(SectionKind::kTimeline, Field("C2 server", "198.51.100.3"), true) ==
        IocRole::kIndicator);
}

TEST_CASE("ioc context: narrative mentions are dropped unless no section is recognised",
          "[converters][build]") {
  const Block b = Paragraph("the host later talked to 198.51.100.3");
  CHECK(RoleOf(SectionKind::kTimeline, b, true) == IocRole::kNarrative);
  CHECK(RoleOf(SectionKind::kOther, b, false) == IocRole::kIndicator);
}

}  // namespace
}  // namespace stixkit::convert
