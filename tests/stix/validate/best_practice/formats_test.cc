#include <catch2/catch.hpp>

#include "tests/stix/validate/best_practice/check_runner.h"

namespace stixkit::stix::testing {
namespace {

TEST_CASE("open-vocab-format: values must be lower case and hyphenated", "[stix][validate]") {
  const Findings f =
      RunChecks(R"({"type": "malware", "id": "malware--0c7b5b88-8ff7-4a4d-aa9d-feb398cd0061",
    "malware_types": ["remote-access-trojan", "Remote Access", "x86_64"]})",
                Enabling({"open-vocab-format"}));
  REQUIRE(f.size() == 2);
  CHECK(f[0].code == "111");
  CHECK(f[0].pointer == "/malware_types");
  CHECK(f[0].message ==
        "open vocabulary value 'Remote Access' in malware_types should be lower case with "
        "hyphens as word separators");
  CHECK(f[1].message ==
        "open vocabulary value 'x86_64' in malware_types should be lower case with hyphens "
        "as word separators");
}

TEST_CASE("open-vocab-format: a value without letters is not lower case (Python islower)",
          "[stix][validate]") {
  CHECK(
      CodesOf(RunChecks(
          R"({"type": "tool", "id": "tool--8e2e2d2b-17d4-4cbf-938f-98ee46b3cd3f", "tool_types": ["123"]})",
          Enabling({"open-vocab-format"}))) == std::set<std::string>{"111"});
}

TEST_CASE("kill-chain-names: names and phases are lower case and hyphenated", "[stix][validate]") {
  const Findings f =
      RunChecks(R"({"type": "tool", "id": "tool--8e2e2d2b-17d4-4cbf-938f-98ee46b3cd3f",
    "kill_chain_phases": [{"kill_chain_name": "lockheed-martin-cyber-kill-chain", "phase_name": "Something_invalid"}]})",
                Enabling({"kill-chain-names"}));
  REQUIRE(f.size() == 1);
  CHECK(f[0].code == "121");
  CHECK(f[0].pointer == "/kill_chain_phases");
  CHECK(f[0].message ==
        "phase_name 'Something_invalid' should be lower case with hyphens as word separators");
}

TEST_CASE("malware-analysis-product: product is lower case with hyphens", "[stix][validate]") {
  const std::string bad =
      R"({"type": "malware-analysis", "id": "malware-analysis--8e2e2d2b-17d4-4cbf-938f-98ee46b3cd3f", "product": "Microsoft Defender"})";
  const Findings f = RunChecks(bad, Enabling({"143"}));
  REQUIRE(f.size() == 1);
  CHECK(f[0].message ==
        "product 'Microsoft Defender' should be lower case with hyphens as word separators");
  CHECK(
      RunChecks(
          R"({"type": "malware-analysis", "id": "malware-analysis--8e2e2d2b-17d4-4cbf-938f-98ee46b3cd3f", "product": "microsoft-defender"})",
          Enabling({"143"}))
          .empty());
}

}  // namespace
}  // namespace stixkit::stix::testing
