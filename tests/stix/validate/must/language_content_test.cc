#include <catch2/catch.hpp>

#include "stix/validate/must/internal/checks.h"
#include "tests/stix/validate/must/check_runner.h"

namespace stixkit::stix::must {
namespace {

using stixkit::stix::testing::Messages;
using stixkit::stix::testing::Pointers;
using stixkit::stix::testing::RunMustCheck;

TEST_CASE("language content: contents keys must be RFC 5646 codes", "[stix][validate]") {
  const Findings findings = RunMustCheck(CheckLanguageContents, R"({
      "type": "language-content", "spec_version": "2.1",
      "id": "language-content--fa8daccd-4df2-4e83-93a4-e1990a2355c2",
      "created": "2018-02-08T21:31:22.007Z", "modified": "2018-02-08T21:31:22.007Z",
      "object_ref": "identity--2d1c6ab3-5e4e-48ac-a32b-f0c01c2836a8",
      "object_modified": "2014-08-08T15:50:10.983Z",
      "contents": {"es": {"identity_class": "organización"},
                   "español": {"identity_class": "organización"}}})");
  CHECK(Messages(findings) ==
        std::vector<std::string>{"invalid key 'español' in 'contents' property must be an RFC "
                                 "5646 code"});
  CHECK(Pointers(findings) == std::vector<std::string>{"/contents/español"});
}

TEST_CASE("language content: keys below a language must look like property names",
          "[stix][validate]") {
  const Findings findings = RunMustCheck(CheckLanguageContents, R"({
      "type": "language-content", "id": "language-content--fa8daccd-4df2-4e83-93a4-e1990a2355c2",
      "contents": {"es": {"a": "boo", "name": "ok", "Name": "no"}}})");
  CHECK(Messages(findings) ==
        std::vector<std::string>{
            "'a' in 'es' of the 'contents' property is invalid and must match a valid property "
            "name",
            "'Name' in 'es' of the 'contents' property is invalid and must match a valid "
            "property name"});
  CHECK(findings[0].pointer == "/contents/es/a");
}

}  // namespace
}  // namespace stixkit::stix::must
