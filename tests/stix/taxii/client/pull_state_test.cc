#include "stix/taxii/client/pull_state.h"

#include <catch2/catch.hpp>
#include <filesystem>
#include <fstream>

#include "tests/support/paths.h"

namespace stixkit::taxii {
namespace {

TEST_CASE("pull state: a missing file means the first run", "[stix][taxii]") {
  const auto s = ReadPullState("/nonexistent-dir/state.json");
  REQUIRE(s.ok());
  CHECK_FALSE(s->has_value());
}

TEST_CASE("pull state: what is written is read back", "[stix][taxii]") {
  const std::string dir = testing::MakeTempDir();
  const std::string path = dir + "/state.json";
  REQUIRE(WritePullState(path, {"https://h/api/", "c1", "2024-01-01T00:00:00.123456Z"}).ok());
  const auto s = ReadPullState(path);
  REQUIRE(s.ok());
  REQUIRE(s->has_value());
  CHECK((*s)->api_root == "https://h/api/");
  CHECK((*s)->collection == "c1");
  CHECK((*s)->added_after == "2024-01-01T00:00:00.123456Z");
  std::filesystem::remove_all(dir);
}

TEST_CASE("pull state: a file that is not a state file is refused", "[stix][taxii]") {
  const std::string dir = testing::MakeTempDir();
  const std::string path = dir + "/state.json";
  std::ofstream(path) << "[1,2]";
  CHECK(ReadPullState(path).status().message() ==
        "'" + path +
            "' is not a taxii pull state file (expected a JSON object with "
            "\"added_after\"); delete it to start from the beginning");
  std::filesystem::remove_all(dir);
}

}  // namespace
}  // namespace stixkit::taxii
