// Hostile input, output paths: `convert --out-dir DIR` with input names holding "..",
// names that are only dots, a symlink planted in DIR, and a DIR that is a file. Every
// bundle lands inside DIR, or the command refuses with the whole message. Runs the built
// binary, as a user would.
#include <algorithm>
#include <filesystem>
#include <fstream>

#include <catch2/catch.hpp>

#include "tests/support/paths.h"
#include "tests/support/run_command.h"

namespace stixkit::testing {
namespace {

namespace fs = std::filesystem;

constexpr const char* kNow = "2026-04-01T12:00:00.000Z";
constexpr const char* kReport = "# X\n## Indicators of Compromise\n- 198.51.100.1\n";

void WriteFile(const std::string& path, const std::string& text) {
  std::ofstream(path, std::ios::binary) << text;
}

// Every regular file under `dir`, relative to it.
std::vector<std::string> FilesUnder(const std::string& dir) {
  std::vector<std::string> out;
  for (const auto& e : fs::recursive_directory_iterator(dir)) {
    if (e.is_regular_file() || e.is_symlink()) out.push_back(fs::relative(e.path(), dir));
  }
  std::sort(out.begin(), out.end());
  return out;
}

TEST_CASE("out-dir paths: inputs named with '..' write only inside DIR", "[hardening][cli]") {
  const std::string dir = MakeTempDir();
  fs::create_directories(dir + "/in/a/b");
  WriteFile(dir + "/in/a/b/x.md", kReport);
  WriteFile(dir + "/in/..md", kReport);
  const CommandResult r =
      RunStixkit({"convert", dir + "/in/a/b/../../a/b/x.md", dir + "/in/..md", "--out-dir",
                  dir + "/out", "--now", kNow, "-q", "--tlp", "clear"});
  CHECK(r.exit_code == 0);
  // "..md" has the stem ".", which is never used as a name: it becomes "stdin".
  CHECK(FilesUnder(dir + "/out") == std::vector<std::string>{"stdin.json", "x.json"});
  CHECK(FilesUnder(dir + "/in") == std::vector<std::string>{"..md", "a/b/x.md"});
  CHECK(FilesUnder(dir) ==
        std::vector<std::string>{"in/..md", "in/a/b/x.md", "out/stdin.json", "out/x.json"});
}

TEST_CASE("out-dir paths: two inputs that would share a name are refused before writing",
          "[hardening][cli]") {
  const std::string dir = MakeTempDir();
  WriteFile(dir + "/..md", kReport);
  WriteFile(dir + "/...md", kReport);
  const CommandResult r = RunStixkit(
      {"convert", dir + "/..md", dir + "/...md", "--out-dir", dir + "/out", "--now", kNow});
  CHECK(r.exit_code == 2);
  CHECK(r.err == "stixkit convert: two inputs would both write " + dir +
                     "/out/stdin.json; convert them in separate calls\n"
                     "Run 'stixkit convert --help' for usage.\n");
  CHECK_FALSE(fs::exists(dir + "/out"));
}

TEST_CASE("out-dir paths: a directory given as input is refused by name", "[hardening][cli]") {
  const std::string dir = MakeTempDir();
  const CommandResult r =
      RunStixkit({"convert", dir + "/..", "--out-dir", dir + "/out", "--now", kNow});
  CHECK(r.exit_code == 16);
  CHECK(r.err == "stixkit convert: '" + dir + "/..' is a directory\n");
  CHECK(FilesUnder(dir + "/out") == std::vector<std::string>{});
}

TEST_CASE("out-dir paths: a symlink planted in DIR is replaced, never followed",
          "[hardening][cli]") {
  const std::string dir = MakeTempDir();
  fs::create_directories(dir + "/out");
  WriteFile(dir + "/x.md", kReport);
  WriteFile(dir + "/victim.txt", "keep me\n");
  fs::create_symlink(dir + "/victim.txt", dir + "/out/x.json");
  const CommandResult r =
      RunStixkit({"convert", dir + "/x.md", "--out-dir", dir + "/out", "--now", kNow, "-q"});
  CHECK(r.exit_code == 0);
  CHECK(ReadTestFile(dir + "/victim.txt") == "keep me\n");
  CHECK_FALSE(fs::is_symlink(dir + "/out/x.json"));
  CHECK(ReadTestFile(dir + "/out/x.json").find("\"type\": \"bundle\"") != std::string::npos);
}

TEST_CASE("out-dir paths: an --out-dir that is a file is refused, the file untouched",
          "[hardening][cli]") {
  const std::string dir = MakeTempDir();
  WriteFile(dir + "/x.md", kReport);
  WriteFile(dir + "/file", "not a directory\n");
  const CommandResult r =
      RunStixkit({"convert", dir + "/x.md", "--out-dir", dir + "/file", "--now", kNow});
  CHECK(r.exit_code == 16);
  CHECK(r.err == "stixkit convert: cannot create --out-dir " + dir + "/file: Not a directory\n");
  CHECK(ReadTestFile(dir + "/file") == "not a directory\n");
  // A path through the file fails the same way.
  const CommandResult below =
      RunStixkit({"convert", dir + "/x.md", "--out-dir", dir + "/file/sub", "--now", kNow});
  CHECK(below.exit_code == 16);
  CHECK(below.err == "stixkit convert: cannot create --out-dir " + dir + "/file/sub: Not a directory\n");
}

}  // namespace
}  // namespace stixkit::testing
