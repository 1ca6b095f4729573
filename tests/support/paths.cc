#include "tests/support/paths.h"

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>

#include <catch2/catch.hpp>

namespace stixkit::testing {

std::string SourceDir() { return STIXKIT_SOURCE_DIR; }

std::string StixkitBinary() { return STIXKIT_BINARY; }

std::optional<std::string> SharedDir() {
  std::string dir;
  if (const char* env = std::getenv("STIXKIT_SHARED_DIR")) {
    dir = env;
  } else {
    dir = SourceDir() + "/../shared";
  }
  if (!std::filesystem::is_directory(dir)) return std::nullopt;
  return std::filesystem::weakly_canonical(dir).string();
}

std::string ReadTestFile(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) FAIL("cannot read test input " << path);
  std::ostringstream out;
  out << in.rdbuf();
  return out.str();
}

std::string MakeTempDir() {
  std::string pattern = (std::filesystem::temp_directory_path() / "stixkit-test-XXXXXX").string();
  if (mkdtemp(pattern.data()) == nullptr) FAIL("mkdtemp failed for " << pattern);
  return pattern;
}

}  // namespace stixkit::testing
