// Navigator layers: the layer format 4.5 required fields, scores, comments, revoked
// techniques and the choice of domain.
#include "attack-data/navigator_layer.h"

#include <catch2/catch.hpp>

#include "rapidjson/document.h"
#include "tests/support/paths.h"

namespace stixkit::attack {
namespace {

std::string FixturePath(const std::string& name) {
  return testing::SourceDir() + "/tests/attack-data/fixtures/" + name;
}

// The fixture catalog (T1066 revoked by T1070), so the layer does not move with
// ATT&CK releases.
const Catalog& FixtureCatalog() {
  static const auto catalog = *Catalog::Parse(
      testing::ReadTestFile(FixturePath("expected-catalog.json")), "expected-catalog.json");
  return *catalog;
}

Layer ReportLayer(const Catalog& catalog, LayerOptions options = {}) {
  const std::string path = FixturePath("report-bundle.json");
  const auto found = FindTechniqueReferences(testing::ReadTestFile(path), path);
  REQUIRE(found.ok());
  options.source = path;
  return BuildNavigatorLayer(*found, catalog, options);
}

// The members layer format 4.5 marks "Required: Yes", with their types, at every
// level this writer produces (layers/spec/v4.5/layerformat.md).
void CheckRequiredFields(const rapidjson::Document& layer) {
  REQUIRE(layer.IsObject());
  REQUIRE(layer.HasMember("name"));
  CHECK(layer["name"].IsString());
  REQUIRE(layer.HasMember("domain"));
  const std::string domain = layer["domain"].GetString();
  CHECK((domain == "enterprise-attack" || domain == "mobile-attack" || domain == "ics-attack"));
  REQUIRE(layer.HasMember("versions"));
  const auto& versions = layer["versions"];
  CHECK(std::string(versions["layer"].GetString()) == "4.5");
  CHECK(versions["navigator"].IsString());
  CHECK(versions["attack"].IsString());
  REQUIRE(layer["techniques"].IsArray());
  for (const auto& t : layer["techniques"].GetArray()) {
    REQUIRE(t.HasMember("techniqueID"));
    CHECK(t["techniqueID"].IsString());
    if (t.HasMember("tactic")) CHECK(t["tactic"].IsString());
    if (t.HasMember("score")) CHECK(t["score"].IsNumber());
    if (t.HasMember("comment")) CHECK(t["comment"].IsString());
    if (t.HasMember("enabled")) CHECK(t["enabled"].IsBool());
  }
  if (layer.HasMember("gradient")) {
    const auto& g = layer["gradient"];
    REQUIRE(g["colors"].IsArray());
    CHECK(g["colors"].Size() >= 2);
    CHECK(g["maxValue"].GetDouble() > g["minValue"].GetDouble());
  }
  if (layer.HasMember("metadata")) {
    for (const auto& m : layer["metadata"].GetArray()) {
      CHECK(m["name"].IsString());
      CHECK(m["value"].IsString());
    }
  }
}

rapidjson::Document Parsed(const Layer& layer) {
  rapidjson::Document doc;
  doc.Parse(layer.json.c_str());
  REQUIRE_FALSE(doc.HasParseError());
  return doc;
}

TEST_CASE("navigator layer: the output has layer format 4.5's required fields", "[attack]") {
  CheckRequiredFields(Parsed(ReportLayer(FixtureCatalog())));
  CheckRequiredFields(Parsed(ReportLayer(Catalog::Embedded())));
}

TEST_CASE("navigator layer: versions name ATT&CK 18, Navigator and layer 4.5", "[attack]") {
  const rapidjson::Document doc = Parsed(ReportLayer(Catalog::Embedded()));
  CHECK(std::string(doc["versions"]["attack"].GetString()) == "18");
  CHECK(std::string(doc["versions"]["navigator"].GetString()) == "5.2.0");
  CHECK(std::string(doc["versions"]["layer"].GetString()) == "4.5");
  CHECK(std::string(doc["name"].GetString()) == "stixkit: report-bundle.json");
}

TEST_CASE("navigator layer: each technique has a score and names its referrers", "[attack]") {
  const Layer layer = ReportLayer(FixtureCatalog());
  const rapidjson::Document doc = Parsed(layer);
  CHECK(layer.domain == "enterprise-attack");
  CHECK(layer.technique_count == 3);
  const auto& techniques = doc["techniques"];
  REQUIRE(techniques.Size() == 3);
  const auto& lsass = techniques[0];
  CHECK(std::string(lsass["techniqueID"].GetString()) == "T1003.001");
  CHECK(std::string(lsass["tactic"].GetString()) == "credential-access");
  CHECK(lsass["score"].GetInt() == 4);
  CHECK(lsass["enabled"].GetBool());
  CHECK(std::string(lsass["comment"].GetString()) ==
        "Referenced by attack-pattern--80000000-0000-4000-8000-000000000003 \"LSASS Memory\"; "
        "report--80000000-0000-4000-8000-000000000002 \"Credential theft at ACME\"; "
        "relationship--80000000-0000-4000-8000-000000000006: "
        "intrusion-set--80000000-0000-4000-8000-000000000005 \"APT29\" uses; "
        "relationship--80000000-0000-4000-8000-000000000008: "
        "indicator--80000000-0000-4000-8000-000000000007 \"procdump writing lsass.dmp\" "
        "indicates");
  CHECK(doc["gradient"]["maxValue"].GetInt() == 4);
}

TEST_CASE("navigator layer: a revoked technique becomes its replacement", "[attack]") {
  const rapidjson::Document doc = Parsed(ReportLayer(FixtureCatalog()));
  const auto& replaced = doc["techniques"][1];
  CHECK(std::string(replaced["techniqueID"].GetString()) == "T1070");
  CHECK_FALSE(replaced.HasMember("tactic"));
  CHECK(replaced["score"].GetInt() == 2);
  CHECK(std::string(replaced["comment"].GetString()).find(". T1066 (revoked) is now T1070") !=
        std::string::npos);
}

TEST_CASE("navigator layer: techniques the catalog lacks stay, with a warning", "[attack]") {
  const Layer layer = ReportLayer(FixtureCatalog());
  CHECK(layer.warnings ==
        std::vector<std::string>{"T9999 is not in the ATT&CK 18.1 catalog; Navigator will not "
                                 "show it"});
}

TEST_CASE("navigator layer: the domain follows the techniques, or the option", "[attack]") {
  BundleTechniques ics;
  ics.techniques.push_back({"T0817", {}, {{"attack-pattern--x", "attack-pattern--x"}}});
  CHECK(BuildNavigatorLayer(ics, FixtureCatalog(), {.source = "b.json"}).domain == "ics-attack");
  const Layer forced = BuildNavigatorLayer(ics, FixtureCatalog(),
                                           {.source = "b.json", .domain = "enterprise-attack"});
  CHECK(forced.domain == "enterprise-attack");
  CHECK(forced.warnings ==
        std::vector<std::string>{"T0817 is not in enterprise-attack; Navigator will not show it on "
                                 "this layer"});
}

}  // namespace
}  // namespace stixkit::attack
