#include "stix/validate/validator.h"

#include <filesystem>
#include <fstream>

#include <catch2/catch.hpp>

#include "tests/support/paths.h"

namespace stixkit::stix {
namespace {

const char kIdentity[] =
    R"({"type": "identity", "spec_version": "2.1", "id": "identity--8c6af861-7b20-41ef-9b59-6344fd872a8f", "created": "2016-08-08T15:50:10.983Z", "modified": "2016-08-08T15:50:10.983Z", "name": "Franistan Intelligence", "identity_class": "organization"})";

FileReport Check(const std::string& text, ValidationOptions options = {}) {
  auto validator = Validator::Create(options);
  REQUIRE(validator.ok());
  return validator->ValidateText(text, "in.json");
}

std::string Fatal(const std::string& text) {
  const FileReport report = Check(text);
  REQUIRE_FALSE(report.fatal.ok());
  return std::string(report.fatal.message());
}

TEST_CASE("validator: a valid identity passes", "[stix][validate]") {
  const FileReport report = Check(kIdentity);
  CHECK(report.fatal.ok());
  CHECK(report.valid());
  CHECK(report.object_count == 1);
}

TEST_CASE("validator: a bundle's members are each validated and located", "[stix][validate]") {
  const std::string bad = std::string(kIdentity).replace(
      std::string(kIdentity).find("\"modified\": \"2016"), 23, "\"modified\": \"2015");
  const FileReport report = Check(
      "{\"type\": \"bundle\", \"id\": \"bundle--44af6c39-c09b-49c5-9de2-394224b04982\",\n"
      "\"objects\": [\n" + std::string(kIdentity) + ",\n  " + bad + "\n]}");
  CHECK(report.object_count == 2);
  REQUIRE_FALSE(report.valid());
  REQUIRE(report.error_count() >= 1);
  const LocatedFinding& f = report.findings.front();
  CHECK(f.object_index == 1);
  CHECK(f.at.line == 4);
  CHECK(f.at.column == 3);
  CHECK(f.finding.object_id == "identity--8c6af861-7b20-41ef-9b59-6344fd872a8f");
}

TEST_CASE("validator: duplicate ids with one modified time warn with 203", "[stix][validate]") {
  const FileReport report =
      Check("{\"type\": \"bundle\", \"id\": \"bundle--44af6c39-c09b-49c5-9de2-394224b04982\", "
            "\"objects\": [" + std::string(kIdentity) + "," + kIdentity + "]}");
  REQUIRE(report.findings.size() == 1);
  CHECK(report.findings[0].finding.code == "203");
  CHECK(report.findings[0].finding.object_id == "bundle--44af6c39-c09b-49c5-9de2-394224b04982");
  CHECK(report.valid());  // a warning without --strict
}

TEST_CASE("validator: STIX 2.0 objects are named as such, not checked", "[stix][validate]") {
  const FileReport report = Check(
      R"({"type": "identity", "id": "identity--8c6af861-7b20-41ef-9b59-6344fd872a8f", "created": "2016-08-08T15:50:10.983Z", "modified": "2016-08-08T15:50:10.983Z", "name": "X"})");
  REQUIRE(report.findings.size() == 1);
  CHECK(report.findings[0].finding.severity == Severity::kWarning);
  CHECK(report.findings[0].finding.message.rfind("this is STIX 2.0 content", 0) == 0);
}

// The bad inputs of issue 2: each is a clear fatal error (exit 16), never a crash.
TEST_CASE("validator: invalid JSON reports its line and column", "[stix][validate]") {
  CHECK(Fatal("{\n  \"type\": \"identity\",\n  \"name\" \"x\"\n}") ==
        "in.json:3:10: missing a colon after a name of object member");
}

TEST_CASE("validator: an empty file is fatal", "[stix][validate]") {
  CHECK(Fatal("") ==
        "in.json:1:1: the file is empty; expected a STIX bundle, object or array of objects");
}

TEST_CASE("validator: a binary file is fatal", "[stix][validate]") {
  CHECK(Fatal(std::string("\x89PNG\r\n\x1a\n\0\0\0\rIHDR", 16)) ==
        "in.json:1:1: this is a binary file, not JSON text");
}

TEST_CASE("validator: nesting 100,000 deep is fatal", "[stix][validate]") {
  CHECK(Fatal("[{\"a\":" + std::string(100000, '[') + std::string(100000, ']') + "}]") ==
        "in.json:1:106: nesting deeper than 100 levels (limit: --max-depth)");
}

TEST_CASE("validator: invalid UTF-8 is fatal", "[stix][validate]") {
  CHECK(Fatal("{\"type\": \"identity\", \"name\": \"\xFF\xFE\"}") ==
        "in.json:1:31: invalid UTF-8; STIX JSON must be UTF-8 (RFC 8259 §8.1)");
}

TEST_CASE("validator: duplicate keys are fatal", "[stix][validate]") {
  CHECK(Fatal(R"({"type": "identity", "name": "a", "name": "b"})") ==
        "in.json:1:1: duplicate member name at /name; a JSON object may name each member once");
}

TEST_CASE("validator: numbers beyond the I-JSON range are fatal", "[stix][validate]") {
  CHECK(Fatal(R"({"type": "autonomous-system", "number": 123456789012345678901234})") ==
        "in.json:1:41: integer 123456789012345678901234 is outside the I-JSON range of "
        "-(2^53-1) to 2^53-1");
}

TEST_CASE("validator: a bundle whose objects is not an array is fatal", "[stix][validate]") {
  CHECK(Fatal(R"({"type": "bundle", "id": "bundle--44af6c39-c09b-49c5-9de2-394224b04982", "objects": {"a": 1}})") ==
        "in.json:1:85: a bundle's \"objects\" must be an array of STIX objects, found '{'");
}

TEST_CASE("validator: a missing file is fatal and named", "[stix][validate]") {
  auto validator = Validator::Create({});
  REQUIRE(validator.ok());
  const FileReport report = validator->ValidateFile("/no/such/file.json");
  CHECK(report.fatal.message() == "cannot read '/no/such/file.json': No such file or directory");
}

TEST_CASE("validator: a 1 GB single string is fatal, in bounded time", "[stix][validate][slow]") {
  const std::string dir = testing::MakeTempDir();
  const std::string path = dir + "/huge.json";
  {
    std::ofstream out(path, std::ios::binary);
    out << "{\"type\": \"note\", \"content\": \"";
    const std::string block(1 << 20, 'a');
    for (int i = 0; i < 1024; ++i) out << block;
    out << "\"}";
  }
  auto validator = Validator::Create({});
  REQUIRE(validator.ok());
  const FileReport report = validator->ValidateFile(path);
  std::filesystem::remove_all(dir);
  CHECK(report.fatal.message() ==
        path + ":1:29: string longer than 268435456 bytes (limit: --max-string-bytes)");
}

TEST_CASE("validator: unknown check names are refused when options are read", "[stix][validate]") {
  ValidationOptions options;
  options.disabled = {"no-such-check"};
  CHECK_FALSE(Validator::Create(options).ok());
}

}  // namespace
}  // namespace stixkit::stix
