// `stixkit attack` run as a user runs it: the verb table, import, info, lookup, layer.
#include <catch2/catch.hpp>
#include <filesystem>

#include "rapidjson/document.h"
#include "tests/support/paths.h"
#include "tests/support/run_command.h"

namespace stixkit::testing {
namespace {

std::string Fixture(const std::string& name) {
  return SourceDir() + "/tests/attack-data/fixtures/" + name;
}

rapidjson::Document Json(const std::string& text) {
  rapidjson::Document doc;
  doc.Parse(text.c_str());
  REQUIRE_FALSE(doc.HasParseError());
  return doc;
}

TEST_CASE("cli attack: the verbs are listed, and a typo gets a suggestion", "[attack][cli]") {
  const CommandResult help = RunStixkit({"attack", "--help"});
  CHECK(help.exit_code == 0);
  for (const char* verb : {"import", "info", "lookup", "map", "train", "layer"}) {
    CHECK(help.out.find(std::string("  ") + verb) != std::string::npos);
  }
  const CommandResult typo = RunStixkit({"attack", "lokup", "T1003"});
  CHECK(typo.exit_code == 2);
  CHECK(typo.err ==
        "stixkit attack: unknown command 'lokup', did you mean 'lookup'?\n"
        "Run 'stixkit attack help' for the list of commands.\n");
}

TEST_CASE("cli attack info: version, domains and counts", "[attack][cli]") {
  const CommandResult r = RunStixkit({"attack", "info"});
  CHECK(r.exit_code == 0);
  CHECK(r.out.find("ATT&CK 18.1 catalog (built in)\n"
                   "domains:      enterprise-attack 18.1 (enterprise-attack.json), mobile-attack "
                   "18.1 (mobile-attack.json), ics-attack 18.1 (ics-attack.json)\n"
                   "techniques:   1120 (") == 0);
  CHECK(r.out.find("groups:       191\n") != std::string::npos);
  const CommandResult j = RunStixkit({"attack", "info", "--json"});
  const rapidjson::Document doc = Json(j.out);
  CHECK(std::string(doc["attack_version"].GetString()) == "18.1");
  CHECK(doc["techniques"].GetInt() == 1120);
  CHECK(doc["domains"].Size() == 3);
}

TEST_CASE("cli attack lookup: a technique as text", "[attack][cli]") {
  const CommandResult r = RunStixkit({"attack", "lookup", "t1003.001"});
  CHECK(r.exit_code == 0);
  CHECK(r.err.empty());
  CHECK(r.out ==
        "T1003.001  LSASS Memory  (sub-technique)\n"
        "  parent:      T1003 OS Credential Dumping\n"
        "  tactics:     credential-access (TA0006 Credential Access)\n"
        "  platforms:   Windows\n"
        "  domains:     enterprise-attack\n"
        "  stix id:     attack-pattern--65f2d882-3f41-4d48-8a06-29af77ec9f90\n");
}

TEST_CASE("cli attack lookup: a revoked technique says what replaced it", "[attack][cli]") {
  const CommandResult r = RunStixkit({"attack", "lookup", "T1066"});
  CHECK(r.exit_code == 0);
  CHECK(r.out.find("T1066  Indicator Removal from Tools  (technique, revoked)\n"
                   "  replaced by: T1027.005 Indicator Removal from Tools\n") == 0);
  const rapidjson::Document doc = Json(RunStixkit({"attack", "lookup", "--json", "T1066"}).out);
  CHECK(std::string(doc["matches"][0]["replaced_by"]["id"].GetString()) == "T1027.005");
}

TEST_CASE("cli attack lookup: names and aliases, unquoted words", "[attack][cli]") {
  const CommandResult r = RunStixkit({"attack", "lookup", "cozy", "bear"});
  CHECK(r.exit_code == 0);
  CHECK(r.out.find("G0016  APT29  (group: intrusion-set)\n") == 0);
  const rapidjson::Document doc = Json(RunStixkit({"attack", "lookup", "--json", "Mimikatz"}).out);
  CHECK(std::string(doc["query"].GetString()) == "Mimikatz");
  CHECK(std::string(doc["matches"][0]["kind"].GetString()) == "software");
  CHECK(std::string(doc["matches"][0]["entry"]["id"].GetString()) == "S0002");
}

TEST_CASE("cli attack lookup: an unknown name fails with suggestions", "[attack][cli]") {
  const CommandResult r = RunStixkit({"attack", "lookup", "mimikatzz"});
  CHECK(r.exit_code == 2);
  CHECK(r.out.empty());
  CHECK(r.err ==
        "stixkit attack lookup: no technique, tactic, software, group or mitigation has the id, "
        "name or alias 'mimikatzz'; did you mean: S0002 Mimikatz?\n");
  const CommandResult j = RunStixkit({"attack", "lookup", "--json", "mimikatzz"});
  CHECK(j.exit_code == 2);
  const rapidjson::Document doc = Json(j.out);
  CHECK(doc["matches"].Size() == 0);
  CHECK(std::string(doc["suggestions"][0]["entry"]["id"].GetString()) == "S0002");
}

TEST_CASE("cli attack lookup: --attack-data loads another catalog", "[attack][cli]") {
  const CommandResult r =
      RunStixkit({"attack", "lookup", "--attack-data", Fixture("expected-catalog.json"), "T1066"});
  CHECK(r.exit_code == 0);
  CHECK(r.out.find("  replaced by: T1070 Indicator Removal\n") != std::string::npos);
  const CommandResult bad =
      RunStixkit({"attack", "info", "--attack-data", Fixture("mini-ics-stix21.json")});
  CHECK(bad.exit_code == 16);
  CHECK(bad.err == "stixkit attack info: " + Fixture("mini-ics-stix21.json") +
                       ": this is a STIX bundle, not a stixkit ATT&CK catalog; turn MITRE's "
                       "bundles into a catalog with 'stixkit attack import BUNDLE... -o FILE'\n");
}

TEST_CASE("cli attack: options are not guessed from prefixes", "[attack][cli]") {
  const CommandResult r = RunStixkit({"attack", "info", "--attack", "x"});
  CHECK(r.exit_code == 2);
  CHECK(r.err.find("stixkit attack info: unrecognised option '--attack'") == 0);
}

TEST_CASE("cli attack import: writes the catalog to -o, atomically", "[attack][cli]") {
  const std::string dir = MakeTempDir();
  const std::string out = dir + "/catalog.json";
  const CommandResult r = RunStixkit(
      {"attack", "import", "--attack-version", "18.1", "--license", Fixture("license.txt"), "-o",
       out, Fixture("mini-enterprise-stix20.json"), Fixture("mini-ics-stix21.json")});
  CHECK(r.exit_code == 0);
  CHECK(r.out.empty());
  CHECK(r.err == "wrote " + out +
                     ": ATT&CK 18.1, 7 techniques, 3 tactics, 2 software, 1 groups, 1 "
                     "mitigations\n");
  CHECK(ReadTestFile(out) == ReadTestFile(Fixture("expected-catalog.json")));
  std::filesystem::remove_all(dir);
}

TEST_CASE("cli attack import: without -o the catalog goes to standard output", "[attack][cli]") {
  const CommandResult r = RunStixkit(
      {"attack", "import", "--license", Fixture("license.txt"), Fixture("mini-ics-stix21.json")});
  CHECK(r.exit_code == 0);
  CHECK(r.err.empty());
  CHECK(Json(r.out)["techniques"].Size() == 2);
}

TEST_CASE("cli attack import: the attribution defaults to the current catalog's", "[attack][cli]") {
  const CommandResult r = RunStixkit({"attack", "import", Fixture("mini-ics-stix21.json")});
  CHECK(r.exit_code == 0);
  const std::string attribution = Json(r.out)["attribution"].GetString();
  CHECK(attribution.find("The MITRE Corporation (MITRE) hereby grants you") != std::string::npos);
}

TEST_CASE("cli attack import: a bad bundle fails with its location", "[attack][cli]") {
  const CommandResult r = RunStixkit({"attack", "import", Fixture("array-of-objects.json")});
  CHECK(r.exit_code == 16);
  CHECK(r.out.empty());
  CHECK(r.err == "stixkit attack import: " + Fixture("array-of-objects.json") +
                     ":1:1: expected a STIX bundle ({\"type\": \"bundle\", \"objects\": [...]}), "
                     "found a JSON array\n");
  CHECK(RunStixkit({"attack", "import"}).exit_code == 2);
}

TEST_CASE("cli attack layer: writes a layer with the required fields", "[attack][cli]") {
  const std::string dir = MakeTempDir();
  const std::string out = dir + "/layer.json";
  const CommandResult r = RunStixkit({"attack", "layer", Fixture("report-bundle.json"), "-o", out});
  CHECK(r.exit_code == 0);
  CHECK(r.out.empty());
  CHECK(r.err ==
        "stixkit attack layer: warning: T9999 is not in the ATT&CK 18.1 catalog; Navigator "
        "will not show it\n");
  const rapidjson::Document doc = Json(ReadTestFile(out));
  CHECK(doc["name"].IsString());
  CHECK(std::string(doc["domain"].GetString()) == "enterprise-attack");
  CHECK(std::string(doc["versions"]["layer"].GetString()) == "4.5");
  CHECK(std::string(doc["versions"]["attack"].GetString()) == "18");
  CHECK(doc["versions"]["navigator"].IsString());
  REQUIRE(doc["techniques"].Size() == 3);
  CHECK(std::string(doc["techniques"][1]["techniqueID"].GetString()) == "T1027.005");
  std::filesystem::remove_all(dir);
}

TEST_CASE("cli attack layer: a bundle without ATT&CK techniques writes nothing", "[attack][cli]") {
  const std::string bundle = Fixture("no-attack-objects.json");
  const CommandResult r = RunStixkit({"attack", "layer", bundle});
  CHECK(r.exit_code == 2);
  CHECK(r.out.empty());
  CHECK(r.err == "stixkit attack layer: " + bundle +
                     ": no attack-pattern with an ATT&CK id (an external reference with "
                     "source_name \"mitre-attack\" and an external_id like \"T1566\"); no layer "
                     "written\n");
}

}  // namespace
}  // namespace stixkit::testing
