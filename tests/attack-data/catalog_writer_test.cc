// Writing catalog JSON: one entry a line, defaults left out.
#include "attack-data/catalog_writer.h"

#include <catch2/catch.hpp>

namespace stixkit::attack {
namespace {

TEST_CASE("catalog writer: an entry leaves out false flags and empty strings", "[attack]") {
  Technique t;
  t.id = "T1";
  t.name = "One \"quoted\"";
  t.tactics = {"discovery"};
  CHECK(
      EntryJson(t) ==
      R"({"id":"T1","name":"One \"quoted\"","tactics":["discovery"],"platforms":[],"domains":[]})");
  t.revoked = true;
  t.revoked_by = "T2";
  CHECK(EntryJson(t) ==
        R"({"id":"T1","name":"One \"quoted\"","tactics":["discovery"],"platforms":[],)"
        R"("domains":[],"revoked":true,"revoked_by":"T2"})");
}

TEST_CASE("catalog writer: each list has one entry a line", "[attack]") {
  CatalogData data;
  data.attack_version = "1.0";
  data.domains = {{"enterprise-attack", "1.0", "e.json"}};
  data.attribution = "licence";
  Mitigation m;
  m.id = "M1";
  m.name = "Mitigate";
  data.mitigations = {m, m};
  CHECK(WriteCatalogJson(data) ==
        "{\"format\":\"stixkit-attack-catalog\",\"format_version\":1,\n"
        "\"attack_version\":\"1.0\",\n"
        "\"domains\":[\n{\"name\":\"enterprise-attack\",\"version\":\"1.0\",\"source\":\"e.json\"}"
        "\n],\n"
        "\"copyright\":[],\n"
        "\"attribution\":\"licence\",\n"
        "\"tactics\":[],\n"
        "\"techniques\":[],\n"
        "\"software\":[],\n"
        "\"groups\":[],\n"
        "\"mitigations\":[\n"
        "{\"id\":\"M1\",\"name\":\"Mitigate\",\"domains\":[]},\n"
        "{\"id\":\"M1\",\"name\":\"Mitigate\",\"domains\":[]}\n"
        "]\n}\n");
}

}  // namespace
}  // namespace stixkit::attack
