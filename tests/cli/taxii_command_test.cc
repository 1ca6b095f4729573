// `stixkit taxii` client verbs run as a user runs them, without a network: the checks
// before sending (validation, TLP:RED, dry run) and command-line errors. The runs
// against a live server are in tests/stix/taxii/client/client_server_test.cc.
#include <catch2/catch.hpp>
#include <filesystem>
#include <fstream>

#include "absl/strings/match.h"
#include "rapidjson/document.h"
#include "tests/support/paths.h"
#include "tests/support/run_command.h"

namespace stixkit::testing {
namespace {

std::string Sample(const std::string& name) { return SourceDir() + "/samples/bundles/" + name; }

TEST_CASE("cli taxii push: --dry-run prints the envelopes and sends nothing", "[cli][taxii]") {
  const CommandResult r =
      RunStixkit({"taxii", "push", "--dry-run", Sample("phishing-campaign.json")});
  INFO(r.err);
  CHECK(r.exit_code == 0);
  rapidjson::Document envelope;
  envelope.Parse(r.out.c_str());
  REQUIRE_FALSE(envelope.HasParseError());
  CHECK(envelope["objects"].Size() == 6);
  CHECK(r.err ==
        "stixkit taxii push: dry run: 6 objects in 1 envelope(s) of at most 10485760 "
        "bytes; nothing was sent\n");
}

TEST_CASE("cli taxii push: --max-envelope-bytes splits a dry run into several envelopes",
          "[cli][taxii]") {
  const CommandResult r = RunStixkit({"taxii", "push", "--dry-run", "--max-envelope-bytes", "1500",
                                      Sample("phishing-campaign.json")});
  CHECK(r.exit_code == 0);
  size_t lines = 0;
  for (char c : r.out) lines += c == '\n';
  CHECK(lines > 1);
  CHECK(absl::StrContains(r.err, "in " + std::to_string(lines) + " envelope(s) of at most 1500"));
}

TEST_CASE("cli taxii push: invalid content is refused with the findings", "[cli][taxii]") {
  const std::string file = Sample("broken-indicator.json");
  const CommandResult r = RunStixkit({"taxii", "push", "--dry-run", file});
  CHECK(r.exit_code == 2);
  CHECK(absl::StrContains(r.err, "[X] STIX JSON: Invalid"));
  CHECK(absl::EndsWith(r.err,
                       "stixkit taxii push: refusing to push invalid content; fix it, "
                       "or use --force to push it anyway\n"));
  CHECK(r.out.empty());
}

TEST_CASE("cli taxii push: --force pushes invalid content anyway", "[cli][taxii]") {
  const CommandResult r =
      RunStixkit({"taxii", "push", "--dry-run", "--force", Sample("broken-indicator.json")});
  CHECK(r.exit_code == 0);
  CHECK(absl::StrContains(r.err, "pushing invalid content because of --force"));
  CHECK_FALSE(r.out.empty());
}

TEST_CASE("cli taxii push: TLP:RED content is refused unless --allow-red", "[cli][taxii]") {
  const std::string dir = MakeTempDir();
  const std::string red = "marking-definition--5e57c739-391a-4eb3-b6be-7d15ca92d5ed";
  std::ofstream(dir + "/red.json")
      << R"({"type":"bundle","id":"bundle--6f6c9d3e-5b1e-4c3f-9b7a-2d0c1a2b3c4d","objects":[
      {"type":"malware","spec_version":"2.1","id":"malware--0c7b5b88-8ff7-4a4d-aa9d-feb398cd0061",
       "created":"2024-01-01T00:00:00.000Z","modified":"2024-01-01T00:00:00.000Z",
       "name":"x","is_family":true,"object_marking_refs":[")"
      << red << R"("]}]})";
  const CommandResult r = RunStixkit({"taxii", "push", "--dry-run", dir + "/red.json"});
  CHECK(r.exit_code == 8);
  CHECK(r.err ==
        "stixkit taxii push: refusing to push 1 object(s) marked TLP:RED (use --allow-red to "
        "push them anyway):\n  malware--0c7b5b88-8ff7-4a4d-aa9d-feb398cd0061 "
        "(object_marking_refs: " +
            red + ")\n");
  CHECK(RunStixkit({"taxii", "push", "--dry-run", "--allow-red", dir + "/red.json"}).exit_code ==
        0);
  std::filesystem::remove_all(dir);
}

TEST_CASE("cli taxii: plain http to a remote host is a usage error", "[cli][taxii]") {
  const CommandResult r = RunStixkit({"taxii", "collections", "http://taxii.example.org/api/"});
  CHECK(r.exit_code == 2);
  CHECK(r.err ==
        "stixkit taxii collections: refusing plain http:// to 'taxii.example.org': credentials "
        "and content would travel unencrypted; use https://, or pass --insecure-http if you "
        "accept that (plain http is allowed without it only for 127.0.0.1, ::1 and "
        "localhost)\nRun 'stixkit taxii collections --help'.\n");
}

TEST_CASE("cli taxii: a config file supplies the connection, unknown keys are refused",
          "[cli][taxii]") {
  const std::string dir = MakeTempDir();
  std::ofstream(dir + "/bad.json") << R"({"url":"https://h/api/","pasword-file":"pw"})";
  const CommandResult bad =
      RunStixkit({"taxii", "pull", "--config", dir + "/bad.json", "--collection", "c"});
  CHECK(bad.exit_code == 2);
  CHECK(absl::StartsWith(bad.err, "stixkit taxii pull: config file '" + dir +
                                      "/bad.json': unknown key \"pasword-file\" (known: url, "
                                      "collection, user, password-file, token-file, "
                                      "token-header, cert, key, ca-bundle, proxy)\n"));
  // A password file named relative to the config file is found next to it.
  std::ofstream(dir + "/good.json")
      << R"({"url":"http://taxii.example.org/api/","user":"alice","password-file":"pw"})";
  std::ofstream(dir + "/pw") << "secret\n";
  const CommandResult good =
      RunStixkit({"taxii", "pull", "--config", dir + "/good.json", "--collection", "c"});
  CHECK(good.exit_code == 2);
  CHECK(absl::StrContains(good.err, "refusing plain http:// to 'taxii.example.org'"));
  std::filesystem::remove_all(dir);
}

TEST_CASE("cli taxii pull: a user without a password is told where to put it", "[cli][taxii]") {
  const CommandResult r = RunStixkit(
      {"taxii", "pull", "--url", "https://h/api/", "--collection", "c", "--user", "alice"});
  CHECK(r.exit_code == 2);
  CHECK(r.err ==
        "stixkit taxii pull: --user alice needs a password: use --password-file FILE or set "
        "STIXKIT_TAXII_PASSWORD\nRun 'stixkit taxii pull --help'.\n");
}

TEST_CASE("cli taxii pull: a bad --version value is named", "[cli][taxii]") {
  const CommandResult r = RunStixkit(
      {"taxii", "pull", "--url", "https://h/api/", "--collection", "c", "--version", "newest"});
  CHECK(r.exit_code == 2);
  CHECK(absl::StartsWith(r.err,
                         "stixkit taxii pull: --version expects last, first, all or a "
                         "STIX timestamp, got \"newest\"\n"));
}

TEST_CASE("cli taxii: a server that cannot be reached exits 4", "[cli][taxii][network]") {
  // Port 1 on loopback: nothing listens there.
  const CommandResult r =
      RunStixkit({"taxii", "discover", "http://127.0.0.1:1/", "--connect-timeout", "2"});
  CHECK(r.exit_code == 4);
  CHECK(absl::StartsWith(r.err, "stixkit taxii discover: GET http://127.0.0.1:1/taxii2/: "));
}

}  // namespace
}  // namespace stixkit::testing
