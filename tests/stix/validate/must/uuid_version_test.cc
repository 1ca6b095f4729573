#include <catch2/catch.hpp>

#include "stix/validate/must/internal/checks.h"
#include "tests/stix/validate/must/check_runner.h"

namespace stixkit::stix::must {
namespace {

using stixkit::stix::testing::Messages;
using stixkit::stix::testing::Pointers;
using stixkit::stix::testing::RunMustCheck;

TEST_CASE("uuid version: an SCO without contributing properties needs a UUIDv4",
          "[stix][validate]") {
  const Findings findings = RunMustCheck(CheckUuidVersion, R"({"type": "x509-certificate",
      "id": "x509-certificate--ff1e0780-358c-5808-a8c7-d0fca4ef6ef4",
      "x509_v3_extensions": {"basic_constraints": "CA:TRUE"}})");
  CHECK(
      Messages(findings) ==
      std::vector<std::string>{"if no Contributing Properties are present, a UUIDv4 must be used"});
  CHECK(Pointers(findings) == std::vector<std::string>{"/id"});
}

TEST_CASE("uuid version: a contributing property or a UUIDv4 satisfies the rule",
          "[stix][validate]") {
  CHECK(RunMustCheck(CheckUuidVersion, R"({"type": "x509-certificate",
      "id": "x509-certificate--ff1e0780-358c-5808-a8c7-d0fca4ef6ef4",
      "serial_number": "36:f7:d4:32:f4:ab:70:ea:d3:ce:98:6e:ea:99:93:49:32:0a:b7:06"})")
            .empty());
  CHECK(RunMustCheck(CheckUuidVersion, R"({"type": "user-account",
      "id": "user-account--ff1e0780-358c-4808-a8c7-d0fca4ef6ef4", "display_name": "x"})")
            .empty());
  // file is not one of the types: one of its contributing properties is required anyway.
  CHECK(RunMustCheck(CheckUuidVersion, R"({"type": "file",
      "id": "file--ff1e0780-358c-5808-a8c7-d0fca4ef6ef4", "size": 3})")
            .empty());
}

TEST_CASE("uuid version: process ids must be UUIDv4", "[stix][validate]") {
  const Findings findings = RunMustCheck(CheckProcessUuid, R"({"type": "process",
      "id": "process--ff1e0780-358c-5808-a8c7-d0fca4ef6ef4", "pid": 314})");
  CHECK(Messages(findings) ==
        std::vector<std::string>{"a process object must use UUIDv4 for its id"});
  CHECK(RunMustCheck(CheckProcessUuid, R"({"type": "process",
      "id": "process--ff1e0780-358c-4808-a8c7-d0fca4ef6ef4", "pid": 314})")
            .empty());
}

TEST_CASE("uuid version: a non-RFC 4122 variant has no version, as in Python", "[stix][validate]") {
  // Variant nibble "c": Python's uuid.UUID(...).version is None, so not 4.
  CHECK(RunMustCheck(CheckProcessUuid, R"({"type": "process",
      "id": "process--ff1e0780-358c-4808-c8c7-d0fca4ef6ef4"})")
            .size() == 1);
  // Not a UUID at all: the schema stage reports the id.
  CHECK(RunMustCheck(CheckProcessUuid, R"({"type": "process", "id": "process--abc"})").empty());
}

}  // namespace
}  // namespace stixkit::stix::must
