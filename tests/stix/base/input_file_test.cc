#include "stix/base/input_file.h"

#include <sys/stat.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <thread>

#include <catch2/catch.hpp>

#include "tests/support/paths.h"

namespace stixkit {
namespace {

TEST_CASE("input file: a regular file is mapped whole", "[stix]") {
  const std::string dir = testing::MakeTempDir();
  std::ofstream(dir + "/a.json") << "{\"type\": \"bundle\"}";
  auto file = InputFile::Open(dir + "/a.json");
  REQUIRE(file.ok());
  CHECK(file->contents() == "{\"type\": \"bundle\"}");
  std::filesystem::remove_all(dir);
}

TEST_CASE("input file: a pipe is read whole, not taken for empty", "[stix]") {
  const std::string dir = testing::MakeTempDir();
  const std::string fifo = dir + "/pipe";
  REQUIRE(::mkfifo(fifo.c_str(), 0600) == 0);
  std::thread writer([&] { std::ofstream(fifo) << "[{\"type\": \"x\"}]"; });
  auto file = InputFile::Open(fifo);
  writer.join();
  REQUIRE(file.ok());
  CHECK(file->contents() == "[{\"type\": \"x\"}]");
  std::filesystem::remove_all(dir);
}

TEST_CASE("input file: a directory and a missing file are named errors", "[stix]") {
  const std::string dir = testing::MakeTempDir();
  CHECK(InputFile::Open(dir).status().message() == "'" + dir + "' is a directory");
  CHECK(InputFile::Open(dir + "/none.json").status().message() ==
        "cannot read '" + dir + "/none.json': No such file or directory");
  std::filesystem::remove_all(dir);
}

}  // namespace
}  // namespace stixkit
