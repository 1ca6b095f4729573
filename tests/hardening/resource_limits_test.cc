// The resource limits of docs/limits.md that are new with the hardening work: the
// number of objects in a bundle or array (--max-objects), the size of a file given to
// `validate` (--max-input-bytes), and the ceiling on --max-depth. Each refuses with the
// whole message, in the library and through the command line.
#include <filesystem>
#include <fstream>

#include <catch2/catch.hpp>

#include "tests/hardening/hostile_input.h"
#include "tests/support/paths.h"
#include "tests/support/run_command.h"

namespace stixkit::testing {
namespace {

constexpr char kIdentity[] =
    R"({"type": "identity", "spec_version": "2.1", "id": "identity--8c6af861-7b20-41ef-9b59-6344fd872a8f", "created": "2016-08-08T15:50:10.983Z", "modified": "2016-08-08T15:50:10.983Z", "name": "Franistan Intelligence", "identity_class": "organization"})";

std::string Bundle(int objects) {
  std::string text = "{\"type\": \"bundle\", \"id\": \"bundle--44af6c39-c09b-49c5-9de2-394224b04982\","
                     "\n\"objects\": [";
  for (int i = 0; i < objects; ++i) text += std::string(i ? ",\n" : "\n") + kIdentity;
  return text + "\n]}";
}

stix::FileReport ValidateWith(const stix::JsonLimits& limits, const std::string& text) {
  stix::ValidatorSettings settings;
  settings.jobs = 1;
  settings.limits = limits;
  auto validator = stix::Validator::Create({}, settings);
  REQUIRE(validator.ok());
  return validator->ValidateText(text, "in.json");
}

TEST_CASE("limits: a bundle with more objects than --max-objects is refused at the first one over",
          "[hardening]") {
  stix::JsonLimits limits;
  limits.max_objects = 2;
  CHECK(ValidateWith(limits, Bundle(2)).fatal.ok());
  const stix::FileReport over = ValidateWith(limits, Bundle(3));
  CHECK(over.fatal.code() == absl::StatusCode::kInvalidArgument);
  CHECK(over.fatal.message() == "in.json:5:1: more than 2 objects (limit: --max-objects)");
  // A top-level array counts the same way.
  const std::string array = "[" + std::string(kIdentity) + ", " + kIdentity + ", " + kIdentity + "]";
  CHECK(ValidateWith(limits, array).fatal.message() ==
        "in.json:1:498: more than 2 objects (limit: --max-objects)");
}

TEST_CASE("limits: the default --max-objects is ten million", "[hardening]") {
  CHECK(stix::JsonLimits{}.max_objects == 10'000'000);
}

TEST_CASE("limits: a file over --max-input-bytes is refused before it is read", "[hardening]") {
  stix::JsonLimits limits;
  limits.max_input_bytes = 100;
  CHECK(ValidateWith(limits, std::string(kIdentity)).fatal.message() ==
        "in.json: the file is 246 bytes, more than the 100-byte limit (limit: --max-input-bytes)");
  limits.max_input_bytes = 246;
  CHECK(ValidateWith(limits, std::string(kIdentity)).fatal.ok());
  // 0, the default, means no limit.
  CHECK(stix::JsonLimits{}.max_input_bytes == 0);
}

TEST_CASE("limits: --max-depth above 1000 is refused when the validator is made",
          "[hardening]") {
  stix::ValidatorSettings settings;
  settings.limits.max_depth = 1001;
  CHECK(stix::Validator::Create({}, settings).status().message() ==
        "--max-depth: expected at most 1000, got 1001");
  settings.limits.max_depth = 1000;
  CHECK(stix::Validator::Create({}, settings).ok());
}

TEST_CASE("limits: validate --max-objects and --max-input-bytes refuse with exit 16",
          "[hardening][cli]") {
  const std::string dir = MakeTempDir();
  const std::string path = dir + "/b.json";
  std::ofstream(path, std::ios::binary) << Bundle(3);
  const CommandResult objects = RunStixkit({"validate", "--max-objects", "2", path});
  CHECK(objects.exit_code == 16);
  const std::string rule(79, '=');
  CHECK(objects.out == rule + "\n[-] Results for: " + path + "\n    [X] Fatal Error: " + path +
                           ":5:1: more than 2 objects (limit: --max-objects)\n");
  CHECK(objects.err == "");
  const CommandResult bytes = RunStixkit({"validate", "--max-input-bytes", "100", path});
  CHECK(bytes.exit_code == 16);
  CHECK(bytes.out == rule + "\n[-] Results for: " + path + "\n    [X] Fatal Error: " + path +
                         ": the file is 831 bytes, more than the 100-byte limit (limit: "
                         "--max-input-bytes)\n");
  const CommandResult fits = RunStixkit({"validate", "--max-objects", "3", path});
  CHECK(fits.exit_code == 0);
}

TEST_CASE("limits: validate --max-depth above 1000 is a usage error", "[hardening][cli]") {
  const CommandResult r = RunStixkit({"validate", "--max-depth", "5000", "-"}, "{}");
  CHECK(r.exit_code == 2);
  CHECK(r.err == "stixkit validate: --max-depth: expected at most 1000, got 5000\n");
}

TEST_CASE("limits: convert --max-input-bytes refuses a larger report with exit 16",
          "[hardening][cli]") {
  const CommandResult r = RunStixkit({"convert", "-", "--max-input-bytes", "10"},
                                     "# Incident\n\n- 198.51.100.7\n");
  CHECK(r.exit_code == 16);
  CHECK(r.err ==
        "stixkit convert: -: the file is 27 bytes, more than the 10-byte limit for a report\n");
}

// A pipe has no size to check first: before the limit was applied while reading,
// `validate -` and `convert -` read an endless pipe until memory ran out.
TEST_CASE("limits: an endless pipe on standard input stops at --max-input-bytes",
          "[hardening][cli]") {
  const CommandResult validate =
      RunStixkitFromPipe("yes '{}'", {"validate", "--max-input-bytes", "100000", "-"});
  CHECK(validate.exit_code == 16);
  CHECK(validate.out == std::string(79, '=') + "\n[-] Results for: -\n    [X] Fatal Error: -: "
                        "the input is more than the 100000-byte limit (limit: "
                        "--max-input-bytes)\n");
  const CommandResult convert =
      RunStixkitFromPipe("yes 'IOC: 198.51.100.7'", {"convert", "-", "--max-input-bytes", "5000"});
  CHECK(convert.exit_code == 16);
  CHECK(convert.err ==
        "stixkit convert: -: the input is more than the 5000-byte limit for a report\n");
}

}  // namespace
}  // namespace stixkit::testing
