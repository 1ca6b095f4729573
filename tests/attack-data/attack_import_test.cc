// Importing MITRE bundles: exact output for hand-made STIX 2.0 and 2.1 bundles, every
// error with its whole message, and the committed catalog against ../shared.
#include "attack-data/attack_import.h"

#include <catch2/catch.hpp>
#include <filesystem>
#include <fstream>

#include "attack-data/catalog_writer.h"
#include "tests/support/paths.h"

namespace stixkit::attack {
namespace {

std::string FixturePath(const std::string& name) {
  return testing::SourceDir() + "/tests/attack-data/fixtures/" + name;
}

ImportOptions Options(const std::string& version = "18.1") {
  ImportOptions options;
  options.attack_version = version;
  options.attribution =
      "Fixture licence text for the import tests.\n\n"
      "\"(c) The MITRE Corporation (test fixture).\"";
  return options;
}

absl::Status ImportError(const std::vector<std::string>& paths,
                         const ImportOptions& options = Options()) {
  const absl::StatusOr<CatalogData> data = ImportAttackBundles(paths, options);
  REQUIRE_FALSE(data.ok());
  return data.status();
}

// Writes `text` to a fresh temporary file and returns its path.
std::string TempBundle(const std::string& text) {
  const std::string path = testing::MakeTempDir() + "/bundle.json";
  std::ofstream(path) << text;
  return path;
}

TEST_CASE("import: a STIX 2.0 and a STIX 2.1 bundle give the expected catalog", "[attack]") {
  const absl::StatusOr<CatalogData> data = ImportAttackBundles(
      {FixturePath("mini-enterprise-stix20.json"), FixturePath("mini-ics-stix21.json")}, Options());
  REQUIRE(data.ok());
  CHECK(WriteCatalogJson(*data) == testing::ReadTestFile(FixturePath("expected-catalog.json")));
}

TEST_CASE("import: no description reaches the catalog", "[attack]") {
  const absl::StatusOr<CatalogData> data =
      ImportAttackBundles({FixturePath("mini-enterprise-stix20.json")}, Options());
  REQUIRE(data.ok());
  const std::string json = WriteCatalogJson(*data);
  CHECK(json.find("must not reach") == std::string::npos);
  CHECK(json.find("description") == std::string::npos);
}

TEST_CASE("import: a STIX 2.1 bundle takes its version from x-mitre-collection", "[attack]") {
  const absl::StatusOr<CatalogData> data =
      ImportAttackBundles({FixturePath("mini-ics-stix21.json")}, Options(""));
  REQUIRE(data.ok());
  CHECK(data->attack_version == "18.1");
  REQUIRE(data->domains.size() == 1);
  CHECK(data->domains[0].name == "ics-attack");
  CHECK(data->domains[0].source == "mini-ics-stix21.json");
}

TEST_CASE("import: --domain names the domain of a bundle without a matrix", "[attack]") {
  const std::string path =
      TempBundle(R"({"type":"bundle","id":"bundle--1","objects":[{"type":"attack-pattern",)"
                 R"("id":"attack-pattern--1","name":"One","external_references":[)"
                 R"({"source_name":"mitre-attack","external_id":"T1001"}]}]})");
  CHECK(ImportError({path}).message() ==
        path +
            ": no x-mitre-matrix object tells the ATT&CK domain; pass it with --domain "
            "(enterprise-attack, mobile-attack or ics-attack)");
  ImportOptions options = Options();
  options.domain = "mobile-attack";
  const absl::StatusOr<CatalogData> data = ImportAttackBundles({path}, options);
  REQUIRE(data.ok());
  CHECK(data->techniques[0].domains == std::vector<std::string>{"mobile-attack"});
  std::filesystem::remove_all(std::filesystem::path(path).parent_path());
}

TEST_CASE("import: text that is not JSON is an error at its position", "[attack]") {
  const std::string path = FixturePath("not-json.json");
  const absl::Status s = ImportError({path});
  CHECK(s.code() == absl::StatusCode::kInvalidArgument);
  CHECK(s.message() ==
        path + ":1:1: expected a STIX bundle, object or array of objects, found 't'");
}

TEST_CASE("import: a truncated bundle is data loss", "[attack]") {
  const std::string path = FixturePath("truncated.json");
  const absl::Status s = ImportError({path});
  CHECK(s.code() == absl::StatusCode::kDataLoss);
  CHECK(s.message() == path + ":2:3: unexpected end of input: this value is never closed");
}

TEST_CASE("import: an array or a single object is not a bundle", "[attack]") {
  const std::string array = FixturePath("array-of-objects.json");
  CHECK(ImportError({array}).message() ==
        array +
            ":1:1: expected a STIX bundle ({\"type\": \"bundle\", \"objects\": [...]}), "
            "found a JSON array");
  const std::string single = FixturePath("single-indicator.json");
  CHECK(ImportError({single}).message() ==
        single +
            ":1:1: expected a STIX bundle ({\"type\": \"bundle\", \"objects\": [...]}), "
            "found a single \"indicator\" object");
}

TEST_CASE("import: a member of the wrong type names the object and the member", "[attack]") {
  const std::string path = FixturePath("bad-name-type.json");
  CHECK(ImportError({path}).message() ==
        path +
            ": objects[1] (attack-pattern--30000000-0000-4000-8000-000000000042): /name: "
            "expected a string, found a number");
}

TEST_CASE("import: a bundle without ATT&CK objects is refused", "[attack]") {
  const std::string path = FixturePath("no-attack-objects.json");
  CHECK(ImportError({path}).message() ==
        path +
            ": no ATT&CK objects (attack-pattern, x-mitre-tactic, intrusion-set, malware, "
            "tool or course-of-action with a mitre-attack external id); is this an ATT&CK "
            "bundle?");
}

TEST_CASE("import: a missing file is not found", "[attack]") {
  const std::string path = FixturePath("no-such-file.json");
  const absl::Status s = ImportError({path});
  CHECK(s.code() == absl::StatusCode::kNotFound);
  CHECK(s.message() == "cannot read '" + path + "': No such file or directory");
}

TEST_CASE("import: the ATT&CK version must be known and agree", "[attack]") {
  const std::string enterprise = FixturePath("mini-enterprise-stix20.json");
  const std::string ics = FixturePath("mini-ics-stix21.json");
  CHECK(ImportError({enterprise}, Options("")).message() ==
        enterprise +
            ": no x-mitre-collection object tells the ATT&CK version (MITRE's cti "
            "repository omits it); pass the version with --attack-version, e.g. 18.1");
  CHECK(ImportError({ics}, Options("17.0")).message() ==
        ics +
            ": the bundle's x-mitre-collection says ATT&CK 18.1, but --attack-version says "
            "17.0");
  std::string older = testing::ReadTestFile(ics);
  older.replace(older.find("\"18.1\""), 6, "\"17.0\"");
  const std::string path = TempBundle(older);
  CHECK(ImportError({ics, path}, Options("")).message() ==
        path + ": this is ATT&CK 17.0, but '" + ics +
            "' is ATT&CK 18.1; import the bundles of one release together");
  std::filesystem::remove_all(std::filesystem::path(path).parent_path());
}

TEST_CASE("import: the committed catalog is what the shared v18.1 bundles give", "[attack][slow]") {
  const std::optional<std::string> shared = testing::SharedDir();
  if (!shared) {
    WARN("skipped: ../shared is absent, so attack-data/catalog.json cannot be regenerated");
    return;
  }
  const std::string dir = *shared + "/attack-data/";
  ImportOptions options;
  options.attack_version = "18.1";
  options.attribution =
      testing::ReadTestFile(testing::SourceDir() + "/attack-data/LICENSE-ATTACK.txt");
  while (!options.attribution.empty() && isspace(options.attribution.back())) {
    options.attribution.pop_back();
  }
  const absl::StatusOr<CatalogData> data = ImportAttackBundles(
      {dir + "enterprise-attack.json", dir + "mobile-attack.json", dir + "ics-attack.json"},
      options);
  REQUIRE(data.ok());
  // If this fails, run scripts/import-attack and review the diff.
  CHECK(WriteCatalogJson(*data) ==
        testing::ReadTestFile(testing::SourceDir() + "/attack-data/catalog.json"));
}

TEST_CASE("import: the STIX 2.0 and 2.1 editions of ICS give the same entries", "[attack][slow]") {
  const std::optional<std::string> shared = testing::SharedDir();
  if (!shared) {
    WARN("skipped: ../shared is absent");
    return;
  }
  const auto v21 = ImportAttackBundles({*shared + "/attack-data/ics-attack.json"}, Options(""));
  const auto v20 =
      ImportAttackBundles({*shared + "/attack-data/ics-attack-stix20.json"}, Options("18.1"));
  REQUIRE(v21.ok());
  REQUIRE(v20.ok());
  CatalogData a = *v21, b = *v20;
  a.domains.clear();
  b.domains.clear();
  CHECK(WriteCatalogJson(a) == WriteCatalogJson(b));
}

}  // namespace
}  // namespace stixkit::attack
