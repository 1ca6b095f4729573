#include "stix/base/atomic_file.h"

#include <filesystem>

#include <catch2/catch.hpp>

#include "tests/support/paths.h"

namespace stixkit {
namespace {

TEST_CASE("atomic file: the new contents replace the old ones whole", "[stix]") {
  const std::string dir = testing::MakeTempDir();
  const std::string path = dir + "/out.json";
  REQUIRE(WriteFileAtomically(path, "old").ok());
  REQUIRE(WriteFileAtomically(path, "new contents").ok());
  CHECK(testing::ReadTestFile(path) == "new contents");
  // No temporary file is left behind.
  CHECK(std::distance(std::filesystem::directory_iterator(dir),
                      std::filesystem::directory_iterator()) == 1);
  std::filesystem::remove_all(dir);
}

TEST_CASE("atomic file: a missing directory fails and names the path", "[stix]") {
  const absl::Status s = WriteFileAtomically("/nonexistent-dir/out.json", "x");
  CHECK(s.code() == absl::StatusCode::kNotFound);
  CHECK(s.message() ==
        "cannot create a temporary file next to '/nonexistent-dir/out.json': No such file or "
        "directory");
}

TEST_CASE("atomic file: a failed write leaves the old file untouched", "[stix]") {
  const std::string dir = testing::MakeTempDir();
  const std::string path = dir + "/out.json";
  REQUIRE(WriteFileAtomically(path, "good").ok());
  // The target is a directory now, so the final rename must fail.
  std::filesystem::remove(path);
  std::filesystem::create_directory(path);
  std::filesystem::create_directory(path + "/keep");
  CHECK_FALSE(WriteFileAtomically(path, "bad").ok());
  CHECK(std::filesystem::is_directory(path + "/keep"));
  CHECK(std::distance(std::filesystem::directory_iterator(dir),
                      std::filesystem::directory_iterator()) == 1);
  std::filesystem::remove_all(dir);
}

}  // namespace
}  // namespace stixkit
