#include <catch2/catch.hpp>
#include <fstream>
#include <sstream>

#include "attack-data/catalog.h"
#include "converters/map/model_file.h"
#include "rapidjson/document.h"
#include "tests/support/paths.h"
#include "tests/support/run_command.h"

namespace stixkit::testing {
namespace {

bool HaveBuiltinMapper() {
  return !attack::Catalog::Embedded().techniques().empty() && convert::EmbeddedSentenceModel().ok();
}

std::string WriteTemp(const std::string& name, const std::string& contents) {
  const std::string path = MakeTempDir() + "/" + name;
  std::ofstream(path, std::ios::binary) << contents;
  return path;
}

std::vector<std::string> Lines(const std::string& text) {
  std::vector<std::string> lines;
  std::istringstream in(text);
  for (std::string line; std::getline(in, line);) lines.push_back(line);
  return lines;
}

TEST_CASE("cli attack map: --jsonl answers each line with one JSON line, in order", "[cli]") {
  if (!HaveBuiltinMapper()) {
    WARN("skipped: this build has no embedded ATT&CK catalog or mapping model");
    return;
  }
  const std::string path =
      WriteTemp("in.jsonl",
                "{\"text\": \"Initial access: T1566.001\"}\n{\"text\": \"(and eggs)\"}\n\n"
                "{\"text\": \"used Mimikatz to dump credentials from LSASS\", \"id\": 7}\n");
  const CommandResult r = RunStixkit({"attack", "map", "--jsonl", path});
  CHECK(r.exit_code == 0);
  CHECK(r.err.empty());
  const std::vector<std::string> lines = Lines(r.out);
  REQUIRE(lines.size() == 3);
  rapidjson::Document first, second, third;
  first.Parse(lines[0].c_str());
  second.Parse(lines[1].c_str());
  third.Parse(lines[2].c_str());
  REQUIRE(first.IsObject());
  REQUIRE(second.IsObject());
  REQUIRE(third.IsObject());
  CHECK(std::string(first["techniques"][0]["id"].GetString()) == "T1566.001");
  CHECK(first["techniques"][0]["score"].GetDouble() == 1.0);
  CHECK(second["techniques"].Empty());
  CHECK(second["software"].Empty());
  CHECK(second["groups"].Empty());
  const auto& t = third["techniques"][0];
  CHECK(std::string(t["id"].GetString()) == "T1003.001");
  CHECK(t.HasMember("name"));
  CHECK(t.HasMember("evidence"));
  CHECK(t["score"].GetDouble() >= 0.5);
  CHECK(std::string(third["software"][0]["id"].GetString()) == "S0002");
}

TEST_CASE("cli attack map: text and --file print a table", "[cli]") {
  if (!HaveBuiltinMapper()) {
    WARN("skipped: this build has no embedded ATT&CK catalog or mapping model");
    return;
  }
  const CommandResult r = RunStixkit({"attack", "map", "used", "Mimikatz", "to", "dump", "LSASS"});
  CHECK(r.exit_code == 0);
  CHECK(r.out.find("T1003.001") != std::string::npos);
  CHECK(r.out.find("Mimikatz (tool)") != std::string::npos);
  const std::string path =
      WriteTemp("report.txt", "Nothing to see here.\nThe actor sent T1566.001.\n");
  const CommandResult f = RunStixkit({"attack", "map", "--file", path, "--top", "1"});
  CHECK(f.exit_code == 0);
  CHECK(Lines(f.out)[1].find("T1566.001") != std::string::npos);
}

TEST_CASE("cli attack map: a bad JSON line is an error naming the line", "[cli]") {
  const std::string path = WriteTemp("bad.jsonl", "{\"text\": \"ok\"}\n{bad\n");
  const CommandResult r = RunStixkit({"attack", "map", "--jsonl", path});
  CHECK(r.exit_code == 16);
  CHECK(r.out.empty());
  CHECK(r.err == "stixkit attack map: " + path + ":2:2: missing a name for object member\n");
}

TEST_CASE("cli attack map: a line without a string text is an error naming the line", "[cli]") {
  const std::string path = WriteTemp("notext.jsonl", "{\"text\": \"ok\"}\n\n[\"x\"]\n");
  const CommandResult r = RunStixkit({"attack", "map", "--jsonl", path});
  CHECK(r.exit_code == 16);
  CHECK(r.err == "stixkit attack map: " + path +
                     ":3:1: expected an object with a string \"text\", like {\"text\": \"...\"}\n");
}

TEST_CASE("cli attack map: a missing file is a clear error", "[cli]") {
  const CommandResult r = RunStixkit({"attack", "map", "--file", "/nonexistent/report.txt"});
  CHECK(r.exit_code == 16);
  CHECK(r.err ==
        "stixkit attack map: cannot read '/nonexistent/report.txt': No such file or directory\n");
}

TEST_CASE("cli attack map: no input, or two, is a usage error", "[cli]") {
  const CommandResult none = RunStixkit({"attack", "map"});
  CHECK(none.exit_code == 2);
  CHECK(none.err ==
        "stixkit attack map: expected exactly one of TEXT, --file FILE or --jsonl FILE\n");
  const CommandResult two = RunStixkit({"attack", "map", "text", "--file", "x"});
  CHECK(two.exit_code == 2);
  const CommandResult threshold = RunStixkit({"attack", "map", "--threshold", "2", "x"});
  CHECK(threshold.exit_code == 2);
  CHECK(threshold.err == "stixkit attack map: --threshold must be between 0 and 1, got 2\n");
}

TEST_CASE("cli attack map: a damaged --model file is refused", "[cli]") {
  const std::string path = WriteTemp("model.bin", "not a model");
  const CommandResult r = RunStixkit({"attack", "map", "--model", path, "text"});
  CHECK(r.exit_code == 16);
  CHECK(r.err == "stixkit attack map: " + path + ": not a stixkit mapping model (bad magic)\n");
}

}  // namespace
}  // namespace stixkit::testing
