#include <filesystem>
#include <fstream>
#include <sstream>

#include <catch2/catch.hpp>

#include "rapidjson/document.h"
#include "tests/support/paths.h"
#include "tests/support/run_command.h"

namespace stixkit::testing {
namespace {

std::string Sample(const std::string& name) { return SourceDir() + "/samples/bundles/" + name; }

TEST_CASE("cli validate: a valid sample bundle exits 0 and says so", "[cli]") {
  const CommandResult r = RunStixkit({"validate", Sample("phishing-campaign.json")});
  CHECK(r.exit_code == 0);
  CHECK(r.out.find("[+] STIX JSON: Valid") != std::string::npos);
  CHECK(r.err.empty());
}

TEST_CASE("cli validate: errors exit 2 and name file, line, object and problem", "[cli]") {
  const std::string file = Sample("broken-indicator.json");
  const CommandResult r = RunStixkit({"validate", file});
  CHECK(r.exit_code == 2);
  CHECK(r.out.find("[X] STIX JSON: Invalid") != std::string::npos);
  CHECK(r.out.find("[X] " + file + ":5:5: indicator--b4d1b8a1-1c55-4a3c-9a0e-9c1a7d6e5f40: ") !=
        std::string::npos);
}

TEST_CASE("cli validate: JSON output is one record per file", "[cli]") {
  const CommandResult r = RunStixkit(
      {"validate", "--format", "json", Sample("phishing-campaign.json"),
       Sample("broken-indicator.json")});
  CHECK(r.exit_code == 2);
  std::istringstream lines(r.out);
  std::string first, second;
  std::getline(lines, first);
  std::getline(lines, second);
  rapidjson::Document a, b;
  a.Parse(first.c_str());
  b.Parse(second.c_str());
  REQUIRE_FALSE(a.HasParseError());
  REQUIRE_FALSE(b.HasParseError());
  CHECK(a["valid"].GetBool());
  CHECK(a["objects"].GetUint() == 6);
  CHECK(a["fatal"].IsNull());
  CHECK_FALSE(b["valid"].GetBool());
  REQUIRE(b["errors"].Size() >= 2);
  const auto& e = b["errors"][0];
  CHECK(std::string(e["object_id"].GetString()) ==
        "indicator--b4d1b8a1-1c55-4a3c-9a0e-9c1a7d6e5f40");
  CHECK(e["line"].GetUint() == 5);
  CHECK(e.HasMember("code"));
  CHECK(e.HasMember("pointer"));
  CHECK(e.HasMember("message"));
}

TEST_CASE("cli validate: SARIF output is a 2.1.0 log with located results", "[cli]") {
  const CommandResult r =
      RunStixkit({"validate", "--format", "sarif", Sample("broken-indicator.json")});
  CHECK(r.exit_code == 2);
  rapidjson::Document log;
  log.Parse(r.out.c_str());
  REQUIRE_FALSE(log.HasParseError());
  CHECK(std::string(log["version"].GetString()) == "2.1.0");
  const auto& results = log["runs"][0]["results"];
  REQUIRE(results.Size() >= 1);
  CHECK(std::string(results[0]["level"].GetString()) == "error");
  CHECK(results[0]["locations"][0]["physicalLocation"]["region"]["startLine"].GetUint() == 5);
}

TEST_CASE("cli validate: bad JSON is fatal (16) with line and column", "[cli]") {
  const CommandResult r = RunStixkit({"validate", "-"}, "{\"type\": \"bundle\",\n \"id\" 1}");
  CHECK(r.exit_code == 16);
  CHECK(r.out.find("[X] Fatal Error: -:2:7: expected ':' after a member name, found '1'") !=
        std::string::npos);
}

TEST_CASE("cli validate: exit codes are OR-ed over files", "[cli]") {
  const std::string dir = MakeTempDir();
  std::ofstream(dir + "/empty.json") << "";
  const CommandResult r =
      RunStixkit({"validate", Sample("broken-indicator.json"), dir + "/empty.json"});
  CHECK(r.exit_code == (2 | 16));
  std::filesystem::remove_all(dir);
}

TEST_CASE("cli validate: directories are searched recursively for .json files", "[cli]") {
  const CommandResult r = RunStixkit({"validate", "--format", "json", SourceDir() + "/samples"});
  CHECK(r.out.find("phishing-campaign.json") != std::string::npos);
  CHECK(r.out.find("broken-indicator.json") != std::string::npos);
}

TEST_CASE("cli validate: --output writes the report to a file", "[cli]") {
  const std::string dir = MakeTempDir();
  const CommandResult r = RunStixkit(
      {"validate", "--format", "json", "-o", dir + "/report.jsonl", Sample("phishing-campaign.json")});
  CHECK(r.exit_code == 0);
  CHECK(r.out.empty());
  CHECK(ReadTestFile(dir + "/report.jsonl").find("\"valid\":true") != std::string::npos);
  std::filesystem::remove_all(dir);
}

TEST_CASE("cli validate: an unknown check name is a usage error naming it", "[cli]") {
  const CommandResult r =
      RunStixkit({"validate", "--disable", "no-such-check", Sample("phishing-campaign.json")});
  CHECK(r.exit_code == 2);
  CHECK(r.err.find("no-such-check") != std::string::npos);
}

TEST_CASE("cli: an unknown command suggests the nearest one", "[cli]") {
  const CommandResult r = RunStixkit({"validat"});
  CHECK(r.exit_code == 2);
  CHECK(r.err == "stixkit: unknown command 'validat', did you mean 'validate'?\n"
                 "Run 'stixkit help' for the list of commands.\n");
}

TEST_CASE("cli validate: prefixes of options are not guessed", "[cli]") {
  const CommandResult r = RunStixkit({"validate", "--stri", Sample("phishing-campaign.json")});
  CHECK(r.exit_code == 2);
  CHECK(r.err.find("unrecognised option '--stri'") != std::string::npos);
}

}  // namespace
}  // namespace stixkit::testing
