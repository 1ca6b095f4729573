#include "stix/taxii/client/bundle_stream_writer.h"

#include <catch2/catch.hpp>
#include <filesystem>
#include <fstream>

#include "tests/support/paths.h"

namespace stixkit::taxii {
namespace {

size_t FilesIn(const std::string& dir) {
  return std::distance(std::filesystem::directory_iterator(dir),
                       std::filesystem::directory_iterator());
}

TEST_CASE("bundle stream writer: the bundle appears whole only at commit", "[stix][taxii]") {
  const std::string dir = testing::MakeTempDir();
  const std::string path = dir + "/out.json";
  auto writer = BundleStreamWriter::Open(path, "bundle--1");
  REQUIRE(writer.ok());
  rapidjson::Document a, b;
  a.Parse(R"({"type":"indicator", "id":"indicator--1"})");
  b.Parse(R"({"type":"malware","id":"malware--1"})");
  REQUIRE((*writer)->Add(a).ok());
  REQUIRE((*writer)->Add(b).ok());
  CHECK_FALSE(std::filesystem::exists(path));
  REQUIRE((*writer)->Commit().ok());
  CHECK(testing::ReadTestFile(path) ==
        "{\"type\":\"bundle\",\"id\":\"bundle--1\",\"objects\":[\n"
        "{\"type\":\"indicator\",\"id\":\"indicator--1\"},\n"
        "{\"type\":\"malware\",\"id\":\"malware--1\"}\n]}\n");
  writer->reset();
  CHECK(FilesIn(dir) == 1);
  std::filesystem::remove_all(dir);
}

TEST_CASE("bundle stream writer: an abandoned write leaves the old file and no temp",
          "[stix][taxii]") {
  const std::string dir = testing::MakeTempDir();
  const std::string path = dir + "/out.json";
  std::ofstream(path) << "old";
  {
    auto writer = BundleStreamWriter::Open(path, "bundle--1");
    REQUIRE(writer.ok());
    rapidjson::Document a;
    a.Parse(R"({"id":"x"})");
    REQUIRE((*writer)->Add(a).ok());
  }
  CHECK(testing::ReadTestFile(path) == "old");
  CHECK(FilesIn(dir) == 1);
  std::filesystem::remove_all(dir);
}

TEST_CASE("bundle stream writer: an empty bundle has no objects list", "[stix][taxii]") {
  const std::string dir = testing::MakeTempDir();
  auto writer = BundleStreamWriter::Open(dir + "/e.json", "bundle--2");
  REQUIRE(writer.ok());
  REQUIRE((*writer)->Commit().ok());
  CHECK(testing::ReadTestFile(dir + "/e.json") == "{\"type\":\"bundle\",\"id\":\"bundle--2\"}\n");
  std::filesystem::remove_all(dir);
}

TEST_CASE("bundle stream writer: a missing directory is an error naming the path",
          "[stix][taxii]") {
  const auto writer = BundleStreamWriter::Open("/nonexistent-dir/out.json", "bundle--1");
  CHECK(writer.status().code() == absl::StatusCode::kNotFound);
  CHECK(writer.status().message() ==
        "cannot create a temporary file next to '/nonexistent-dir/out.json': No such file or "
        "directory");
}

}  // namespace
}  // namespace stixkit::taxii
