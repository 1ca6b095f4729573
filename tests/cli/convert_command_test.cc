// `stixkit convert` end to end: the seed report, determinism, output handling and every
// bad input the issue lists, through the built binary.
#include <filesystem>
#include <fstream>

#include <catch2/catch.hpp>

#include "rapidjson/document.h"
#include "tests/support/paths.h"
#include "tests/support/run_command.h"

namespace stixkit::testing {
namespace {

constexpr const char* kNow = "2026-04-01T12:00:00.000Z";

void WriteFile(const std::string& path, const std::string& text) {
  std::ofstream(path, std::ios::binary) << text;
}

rapidjson::Document Parse(const std::string& text) {
  rapidjson::Document d;
  d.Parse(text.c_str(), text.size());
  REQUIRE_FALSE(d.HasParseError());
  return d;
}

std::vector<const rapidjson::Value*> OfType(const rapidjson::Document& bundle,
                                            std::string_view type) {
  std::vector<const rapidjson::Value*> out;
  for (const auto& o : bundle["objects"].GetArray()) {
    if (type == o["type"].GetString()) out.push_back(&o);
  }
  return out;
}

std::optional<std::string> Seed() {
  auto shared = SharedDir();
  if (!shared) return std::nullopt;
  return *shared + "/seeds/carecloud-incident-report.txt";
}

TEST_CASE("cli convert: the seed becomes a report, incident, victim and location", "[cli]") {
  auto seed = Seed();
  if (!seed) {
    WARN("skipped: ../shared/seeds not found (set STIXKIT_SHARED_DIR)");
    return;
  }
  const CommandResult r = RunStixkit({"convert", *seed, "--now", kNow, "--tlp", "amber"});
  REQUIRE(r.exit_code == 0);
  const rapidjson::Document bundle = Parse(r.out);
  CHECK(std::string(bundle["type"].GetString()) == "bundle");
  REQUIRE(OfType(bundle, "report").size() == 1);
  REQUIRE(OfType(bundle, "incident").size() == 1);
  const rapidjson::Value& incident = *OfType(bundle, "incident")[0];
  CHECK(std::string(incident["name"].GetString()) ==
        "CareCloud Network Disruption and Potential Data Breach");
  // Tactics with activity but no technique are named, not invented.
  const std::string description = incident["description"].GetString();
  CHECK(description.find("Collection: Potential access to cloud-based EHR and practice "
                         "management databases.") != std::string::npos);
  CHECK(OfType(bundle, "attack-pattern").empty());
  CHECK_FALSE(incident.HasMember("kill_chain_phases"));
  const auto& ext =
      incident["extensions"]["extension-definition--ef765651-680c-498d-9894-99799f2fa126"];
  CHECK(std::string(ext["determination"].GetString()) == "suspected");
  CHECK(std::string(ext["investigation_status"].GetString()) == "open");

  bool victim = false;
  for (const rapidjson::Value* id : OfType(bundle, "identity")) {
    if (std::string((*id)["name"].GetString()) != "CareCloud") continue;
    victim = true;
    REQUIRE((*id)["sectors"].Size() == 2);
    CHECK(std::string((*id)["sectors"][0].GetString()) == "healthcare");
    CHECK(std::string((*id)["sectors"][1].GetString()) == "technology");
  }
  CHECK(victim);
  REQUIRE(OfType(bundle, "location").size() == 1);
  CHECK(std::string((*OfType(bundle, "location")[0])["administrative_area"].GetString()) ==
        "US-NJ");
  // The SEC filing link in "Recovery actions" is a reference, never an indicator.
  CHECK(OfType(bundle, "indicator").empty());
  const rapidjson::Value& report = *OfType(bundle, "report")[0];
  REQUIRE(report.HasMember("external_references"));
  CHECK(std::string(report["external_references"][0]["url"].GetString()) ==
        "https://www.sec.gov/Archives/edgar/data/1582982/000149315226013239/form8-k.htm");
  // Every other object is listed in the report.
  CHECK(report["object_refs"].Size() == bundle["objects"].Size() - 1);
  // The only validator warning is 302 (a URL without a hash, unavoidable offline).
  CHECK(r.err.find("warning: " + *seed + ": validator: [302]") != std::string::npos);
  CHECK(r.err.find("no TLP") == std::string::npos);
}

TEST_CASE("cli convert: the same input and --now give byte-identical bundles", "[cli]") {
  auto seed = Seed();
  if (!seed) {
    WARN("skipped: ../shared/seeds not found (set STIXKIT_SHARED_DIR)");
    return;
  }
  const CommandResult a = RunStixkit({"convert", *seed, "--now", kNow, "--author", "H-ISAC"});
  const CommandResult b = RunStixkit({"convert", *seed, "--now", kNow, "--author", "H-ISAC"});
  REQUIRE(a.exit_code == 0);
  CHECK(a.out == b.out);
  // A later --now keeps every id and changes only the timestamps.
  const CommandResult later =
      RunStixkit({"convert", *seed, "--now", "2026-05-01T00:00:00.000Z", "--author", "H-ISAC"});
  const rapidjson::Document x = Parse(a.out), y = Parse(later.out);
  REQUIRE(x["objects"].Size() == y["objects"].Size());
  for (rapidjson::SizeType i = 0; i < x["objects"].Size(); ++i) {
    CHECK(std::string(x["objects"][i]["id"].GetString()) == y["objects"][i]["id"].GetString());
  }
  CHECK(a.out != later.out);
}

TEST_CASE("cli convert: an empty file is refused with its name, exit 16", "[cli]") {
  const std::string dir = MakeTempDir();
  WriteFile(dir + "/empty.md", "");
  const CommandResult r = RunStixkit({"convert", dir + "/empty.md"});
  CHECK(r.exit_code == 16);
  CHECK(r.err == "stixkit convert: " + dir + "/empty.md: the file is empty\n");
  CHECK(r.out.empty());
}

TEST_CASE("cli convert: a binary file is refused, exit 16", "[cli]") {
  const std::string dir = MakeTempDir();
  WriteFile(dir + "/image.md", std::string("\x89PNG\r\n\x1a\n\0\0\0\rIHDR", 16));
  const CommandResult r = RunStixkit({"convert", dir + "/image.md"});
  CHECK(r.exit_code == 16);
  CHECK(r.err.find(dir + "/image.md: looks like a binary file") != std::string::npos);
}

TEST_CASE("cli convert: a 100 MB single line is refused with the limit, exit 16",
          "[cli][slow]") {
  const std::string dir = MakeTempDir();
  WriteFile(dir + "/long.txt", std::string(100u << 20, 'a'));
  const CommandResult r = RunStixkit({"convert", dir + "/long.txt"});
  CHECK(r.exit_code == 16);
  CHECK(r.err.find(dir + "/long.txt") != std::string::npos);
  CHECK(r.err.find("limit") != std::string::npos);
}

TEST_CASE("cli convert: an HTML entity bomb converts quickly without expanding", "[cli]") {
  const std::string dir = MakeTempDir();
  std::string bomb = "<!DOCTYPE html [<!ENTITY a \"aaaaaaaaaa\">";
  for (char c = 'b'; c <= 'k'; ++c) {
    bomb += std::string("<!ENTITY ") + c + " \"" + std::string(10, '&') + "\">";
  }
  bomb += "]><html><body><h1>Incident</h1><p>&k;&k;&k;</p></body></html>";
  WriteFile(dir + "/bomb.html", bomb);
  const CommandResult r = RunStixkit({"convert", dir + "/bomb.html", "--now", kNow});
  CHECK(r.exit_code == 0);
  CHECK(r.out.size() < 100000);
}

TEST_CASE("cli convert: a report without sections keeps its IOCs and warns", "[cli]") {
  const std::string dir = MakeTempDir();
  WriteFile(dir + "/notes.txt",
            "we saw beacons to 198.51.100.23 and to update-check[.]net from two hosts.\n");
  const CommandResult r = RunStixkit({"convert", dir + "/notes.txt", "--now", kNow});
  REQUIRE(r.exit_code == 0);
  const rapidjson::Document bundle = Parse(r.out);
  CHECK(OfType(bundle, "indicator").size() == 2);
  CHECK(r.err.find("no recognisable report sections") != std::string::npos);
}

TEST_CASE("cli convert: a failed conversion leaves an existing output file untouched",
          "[cli]") {
  const std::string dir = MakeTempDir();
  WriteFile(dir + "/empty.md", "");
  WriteFile(dir + "/out.json", "{\"good\": true}\n");
  const CommandResult r = RunStixkit({"convert", dir + "/empty.md", "-o", dir + "/out.json"});
  CHECK(r.exit_code == 16);
  CHECK(ReadTestFile(dir + "/out.json") == "{\"good\": true}\n");
}

TEST_CASE("cli convert: many inputs need --out-dir and write one bundle each", "[cli]") {
  const std::string dir = MakeTempDir();
  WriteFile(dir + "/a.md", "# A\n## Indicators of Compromise\n- 198.51.100.1\n");
  WriteFile(dir + "/b.txt", "Indicators:\n- 198.51.100.2\n");
  const CommandResult usage = RunStixkit({"convert", dir + "/a.md", dir + "/b.txt"});
  CHECK(usage.exit_code == 2);
  CHECK(usage.err.find("2 inputs need --out-dir DIR") != std::string::npos);
  const CommandResult r = RunStixkit(
      {"convert", dir + "/a.md", dir + "/b.txt", "--out-dir", dir + "/out", "--now", kNow});
  CHECK(r.exit_code == 0);
  CHECK(std::filesystem::exists(dir + "/out/a.json"));
  CHECK(std::filesystem::exists(dir + "/out/b.json"));
}

TEST_CASE("cli convert: --out-dir names come from the file name only, never '..'", "[cli]") {
  const std::string dir = MakeTempDir();
  std::filesystem::create_directories(dir + "/in/deep");
  WriteFile(dir + "/in/deep/x.md", "# X\n## Indicators of Compromise\n- 198.51.100.1\n");
  const CommandResult r = RunStixkit(
      {"convert", dir + "/in/deep/../deep/x.md", "--out-dir", dir + "/out", "--now", kNow});
  CHECK(r.exit_code == 0);
  CHECK(std::filesystem::exists(dir + "/out/x.json"));
  const CommandResult dots = RunStixkit({"convert", "-", "--out-dir", dir + "/out2"},
                                        "# Y\n## IOCs\n- 198.51.100.9\n");
  CHECK(dots.exit_code == 0);
  CHECK(std::filesystem::exists(dir + "/out2/stdin.json"));
}

TEST_CASE("cli convert: a stricter TLP in the document wins over --tlp", "[cli]") {
  const CommandResult r = RunStixkit({"convert", "-", "--tlp", "green", "--now", kNow},
                                     "TLP:AMBER\n\n# Advisory\n## IOCs\n- 198.51.100.9\n");
  REQUIRE(r.exit_code == 0);
  const rapidjson::Document bundle = Parse(r.out);
  const auto markings = OfType(bundle, "marking-definition");
  REQUIRE(markings.size() == 1);
  CHECK(std::string((*markings[0])["name"].GetString()) == "TLP:AMBER");
  CHECK(r.err.find("stricter than --tlp green") != std::string::npos);
}

TEST_CASE("cli convert: --explain names each object's source line", "[cli]") {
  const CommandResult r = RunStixkit({"convert", "-", "--explain", "--now", kNow},
                                     "# Case\n## Indicators of Compromise\n- C2: 198.51.100.9\n");
  REQUIRE(r.exit_code == 0);
  CHECK(r.err.find("ipv4-addr--") != std::string::npos);
  CHECK(r.err.find("<- -:3 (Indicators of Compromise \u203a C2)") != std::string::npos);
}

TEST_CASE("cli convert: --envelope writes a TAXII envelope", "[cli]") {
  const CommandResult r = RunStixkit({"convert", "-", "--envelope", "--now", kNow},
                                     "# Case\n## IOCs\n- 198.51.100.9\n");
  REQUIRE(r.exit_code == 0);
  const rapidjson::Document envelope = Parse(r.out);
  CHECK(envelope.HasMember("objects"));
  CHECK_FALSE(envelope.HasMember("type"));
}

TEST_CASE("cli convert: bad options are usage errors", "[cli]") {
  CHECK(RunStixkit({"convert", "-", "--tlp", "purple"}).err ==
        "stixkit convert: --tlp: expected clear, green, amber, amber+strict or red, got "
        "'purple'\nRun 'stixkit convert --help' for usage.\n");
  CHECK(RunStixkit({"convert", "-", "--now", "yesterday"}).exit_code == 2);
  CHECK(RunStixkit({"convert", "-", "--format", "pdf"}).exit_code == 2);
  CHECK(RunStixkit({"convert"}).exit_code == 2);
}

}  // namespace
}  // namespace stixkit::testing
