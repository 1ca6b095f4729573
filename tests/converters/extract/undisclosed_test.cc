#include "converters/extract/undisclosed.h"

#include <catch2/catch.hpp>

namespace stixkit::convert {
namespace {

TEST_CASE("undisclosed: the seed report's placeholders say nothing is known",
          "[converters][extract]") {
  CHECK(IsUndisclosed("[Not Disclosed]"));
  CHECK(IsUndisclosed("[Unknown/Investigation Pending]"));
  CHECK(IsUndisclosed("Not publicly disclosed (Investigation ongoing)"));
  CHECK(IsUndisclosed("None disclosed at this time."));
}

TEST_CASE("undisclosed: short placeholders say nothing is known", "[converters][extract]") {
  for (const char* value :
       {"N/A", "n/a", "TBD", "Unknown", "Redacted", "Pending", "None", "  **Unknown**  ", "-", "?",
        "Not available", "Undisclosed.", "Unknown (see appendix)",
        "Not known at the time of writing", "Unknown; not disclosed", "TBD / TBC", "Undetermined", "", "   "}) {
    INFO(value);
    CHECK(IsUndisclosed(value));
  }
}

TEST_CASE("undisclosed: real content is not undisclosed", "[converters][extract]") {
  CHECK_FALSE(
      IsUndisclosed("Potential access to cloud-based EHR and practice management "
                    "databases."));
  CHECK_FALSE(IsUndisclosed("Potential patient data compromise."));
  CHECK_FALSE(IsUndisclosed("CareCloud (Nasdaq: CCLD)"));
  CHECK_FALSE(IsUndisclosed("March 16, 2026"));
  CHECK_FALSE(IsUndisclosed("No"));
  CHECK_FALSE(IsUndisclosed("Nonetheless, phishing was used"));
  CHECK_FALSE(IsUndisclosed("Unknown threat actor used RDP"));
  CHECK_FALSE(IsUndisclosed("Pending review of firewall logs showed RDP"));
}

TEST_CASE("undisclosed: \"not disclosed\" after or before real content is content",
          "[converters][extract]") {
  CHECK_FALSE(IsUndisclosed("Not disclosed; however, the attackers used RDP"));
  CHECK_FALSE(
      IsUndisclosed("Specific lateral movement techniques have not been disclosed; "
                    "however, the incident was significant."));
  CHECK_FALSE(IsUndisclosed("Phishing (vector not disclosed)"));
}

}  // namespace
}  // namespace stixkit::convert
