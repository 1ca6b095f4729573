// Reading catalog JSON: the fixture catalog loads, and every kind of bad file gets a
// message naming the file and the member at fault.
#include "attack-data/catalog_reader.h"

#include <catch2/catch.hpp>

#include "attack-data/catalog.h"
#include "attack-data/catalog_writer.h"
#include "tests/support/paths.h"

namespace stixkit::attack {
namespace {

std::string Fixture(const std::string& name) {
  return testing::ReadTestFile(testing::SourceDir() + "/tests/attack-data/fixtures/" + name);
}

// A minimal valid catalog with `techniques` spliced in.
std::string CatalogWith(const std::string& techniques) {
  return R"({"format":"stixkit-attack-catalog","format_version":1,"attack_version":"18.1",)"
         R"("domains":[{"name":"enterprise-attack","version":"18.1"}],"attribution":"x",)"
         R"("tactics":[],"techniques":)" +
         techniques + R"(,"software":[],"groups":[],"mitigations":[]})";
}

std::string ErrorOf(const std::string& json) {
  const absl::StatusOr<CatalogData> data = ReadCatalogJson(json, "cat.json");
  REQUIRE_FALSE(data.ok());
  CHECK(data.status().code() == absl::StatusCode::kInvalidArgument);
  return std::string(data.status().message());
}

TEST_CASE("catalog reader: the fixture catalog reads back to the same text", "[attack]") {
  const std::string text = Fixture("expected-catalog.json");
  const absl::StatusOr<CatalogData> data = ReadCatalogJson(text, "expected-catalog.json");
  REQUIRE(data.ok());
  CHECK(data->attack_version == "18.1");
  CHECK(data->techniques.size() == 7);
  CHECK(WriteCatalogJson(*data) == text);
}

TEST_CASE("catalog reader: Catalog::Parse indexes what it reads", "[attack]") {
  const auto catalog = Catalog::Parse(Fixture("expected-catalog.json"), "expected-catalog.json");
  REQUIRE(catalog.ok());
  const Technique* t = (*catalog)->FindTechnique("T1066");
  REQUIRE(t != nullptr);
  CHECK(t->revoked_by == "T1070");
  CHECK((*catalog)->CurrentTechnique("T1066")->name == "Indicator Removal");
  CHECK((*catalog)->FindGroup("g0016")->domains ==
        std::vector<std::string>{"enterprise-attack", "ics-attack"});
}

TEST_CASE("catalog reader: optional members may be left out", "[attack]") {
  const absl::StatusOr<CatalogData> data =
      ReadCatalogJson(CatalogWith(R"([{"id":"T1","name":"One"}])"), "cat.json");
  REQUIRE(data.ok());
  REQUIRE(data->techniques.size() == 1);
  CHECK(data->techniques[0].tactics.empty());
  CHECK_FALSE(data->techniques[0].revoked);
}

TEST_CASE("catalog reader: text that is not JSON is located", "[attack]") {
  CHECK(ErrorOf("{\"format\": }") == "cat.json:1:12: invalid value");
}

TEST_CASE("catalog reader: a STIX bundle is told apart from a catalog", "[attack]") {
  CHECK(ErrorOf(R"({"type": "bundle", "id": "bundle--1", "objects": []})") ==
        "cat.json: this is a STIX bundle, not a stixkit ATT&CK catalog; turn MITRE's bundles "
        "into a catalog with 'stixkit attack import BUNDLE... -o FILE'");
}

TEST_CASE("catalog reader: other JSON is not a catalog", "[attack]") {
  CHECK(ErrorOf("[]") == "cat.json: expected a catalog (a JSON object), found an array");
  CHECK(ErrorOf("{}") ==
        "cat.json: /format: expected \"stixkit-attack-catalog\"; this file is not a catalog "
        "written by 'stixkit attack import'");
  CHECK(ErrorOf(R"({"format":"stixkit-attack-catalog","format_version":2})") ==
        "cat.json: /format_version: expected 1; regenerate the catalog with this version of "
        "'stixkit attack import'");
}

TEST_CASE("catalog reader: a member of the wrong type names its JSON pointer", "[attack]") {
  CHECK(ErrorOf(CatalogWith(R"([{"id":"T1","name":1}])")) ==
        "cat.json: /techniques/0/name: expected a string, found a number");
  CHECK(ErrorOf(CatalogWith(R"([{"id":"T1","name":"x","tactics":["a",null]}])")) ==
        "cat.json: /techniques/0/tactics/1: expected a string, found null");
  CHECK(ErrorOf(CatalogWith(R"([{"id":"T1","name":"x","revoked":"yes"}])")) ==
        "cat.json: /techniques/0/revoked: expected true or false, found a string");
  CHECK(ErrorOf(CatalogWith(R"([7])")) ==
        "cat.json: /techniques/0: expected an object, found a number");
  CHECK(ErrorOf(CatalogWith(R"({})")) ==
        "cat.json: /techniques: expected an array of objects, found an object");
}

TEST_CASE("catalog reader: a missing member is named", "[attack]") {
  CHECK(ErrorOf(CatalogWith(R"([{"name":"x"}])")) ==
        "cat.json: /techniques/0/id: missing; expected a string");
  std::string json = CatalogWith("[]");
  json.replace(json.find(",\"mitigations\":[]"), 17, "");
  CHECK(ErrorOf(json) == "cat.json: /mitigations: missing; expected an array of objects");
}

}  // namespace
}  // namespace stixkit::attack
