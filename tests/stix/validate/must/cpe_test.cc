#include <catch2/catch.hpp>

#include "stix/validate/must/internal/checks.h"
#include "tests/stix/validate/must/check_runner.h"

namespace stixkit::stix::must {
namespace {

using stixkit::stix::testing::Messages;
using stixkit::stix::testing::Pointers;
using stixkit::stix::testing::RunMustCheck;

TEST_CASE("cpe: formatted-string names from the CPE 2.3 dictionary parse", "[stix][validate]") {
  for (const char* name : {
           "cpe:2.3:a:microsoft:word:2000:*:*:*:*:*:*:*",
           "cpe:2.3:o:microsoft:windows_10:1607:*:*:*:*:*:x64:*",
           "cpe:2.3:a:hp:insight_diagnostics:7.4.0.1570:-:*:*:online:win2003:x64:*",
           "cpe:2.3:a:foo\\\\bar:big\\$money_manager_2010:*:*:*:*:special:ipod_touch:80gb:*",
           "cpe:2.3:a:adobe:acrobat:9.*:*:*:en-us:*:*:*:*",
           "cpe:2.3:a:vendor:product:??1.0:*:*:en-123:*:*:*:*",
           "cpe:2.3:h:cisco:router\\:x:-:-:-:-:-:-:-:-",
       }) {
    INFO(name);
    CHECK(IsCpe23FormattedString(name));
  }
}

TEST_CASE("cpe: names that break the binding do not parse", "[stix][validate]") {
  for (const char* name : {
           "invalid",
           "cpe:/a:microsoft:word:2000",                         // the 2.2 URI binding
           "cpe:2.3:a:microsoft:word:2000:*:*:*:*:*:*",          // ten components
           "cpe:2.3:a:microsoft:word:2000:*:*:*:*:*:*:*:extra",  // twelve
           "xcpe:2.3:a:microsoft:word:2000:*:*:*:*:*:*:*",
           "cpe:2.3:x:microsoft:word:2000:*:*:*:*:*:*:*",   // unknown part
           "cpe:2.3:a:micro soft:word:2000:*:*:*:*:*:*:*",  // space
           "cpe:2.3:a:microsoft:word:20*00:*:*:*:*:*:*:*",  // embedded wildcard
           "cpe:2.3:a:microsoft:word:**:*:*:*:*:*:*:*",
           "cpe:2.3:a:microsoft:word:2000:*:*:english:*:*:*:*",  // bad language
           "cpe:2.3:a:microsoft:word:2000:*:*:en-u:*:*:*:*",
           "cpe:2.3:a:microsoft:word:2000:*:*:*:*:*:*:*\\",  // dangling escape
           "cpe:2.3:a:microsoft::2000:*:*:*:*:*:*:*",        // empty component
       }) {
    INFO(name);
    CHECK_FALSE(IsCpe23FormattedString(name));
  }
}

TEST_CASE("cpe: an invalid cpe property is reported whole", "[stix][validate]") {
  const Findings findings = RunMustCheck(CheckCpe, R"({"type": "software",
      "id": "software--ff1e0780-358c-5808-a8c7-d0fca4ef6ef4", "name": "word", "cpe": "invalid"})");
  CHECK(Messages(findings) ==
        std::vector<std::string>{"provided CPE value 'invalid' is not CPE v2.3 compliant"});
  CHECK(Pointers(findings) == std::vector<std::string>{"/cpe"});
}

}  // namespace
}  // namespace stixkit::stix::must
