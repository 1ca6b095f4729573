#include <catch2/catch.hpp>

#include "stix/validate/must/internal/checks.h"
#include "stix/validate/must/internal/format_matchers.h"
#include "stix/validate/must/internal/schema_facts.h"
#include "tests/stix/validate/must/check_runner.h"

namespace stixkit::stix::must {
namespace {

using stixkit::stix::testing::Messages;
using stixkit::stix::testing::Pointers;
using stixkit::stix::testing::RunMustCheck;

TEST_CASE("formats: every format the bundled schemas use is checked", "[stix][validate]") {
  const std::vector<std::string> formats = AllSchemaFormats();
  CHECK_FALSE(formats.empty());
  for (const std::string& format : formats) {
    INFO(format);
    CHECK(IsKnownFormat(format));
  }
}

TEST_CASE("formats: a URL value that is not a URI is reported as jsonschema words it",
          "[stix][validate]") {
  const Findings findings = RunMustCheck(CheckFormats, R"({"type": "url",
      "id": "url--ff1e0780-358c-5808-a8c7-d0fca4ef6ef4", "value": "foo"})");
  CHECK(Messages(findings) == std::vector<std::string>{"'foo' is not a 'uri'"});
  CHECK(Pointers(findings) == std::vector<std::string>{"/value"});
  CHECK(RunMustCheck(CheckFormats, R"({"type": "url", "id": "url--1",
      "value": "https://example.com/"})")
            .empty());
}

TEST_CASE("formats: artifact urls and e-mail addresses are checked", "[stix][validate]") {
  CHECK(Messages(RunMustCheck(CheckFormats, R"({"type": "artifact", "id": "artifact--1",
      "url": "www.g.com", "hashes": {"MD5": "69D0D97D02A03C43782DD571394E6869"}})")) ==
        std::vector<std::string>{"'www.g.com' is not a 'uri'"});
  CHECK(Messages(RunMustCheck(CheckFormats, R"({"type": "email-addr", "id": "email-addr--1",
      "value": "John Doe <jdoe@example.com>"})")) ==
        std::vector<std::string>{"'John Doe <jdoe@example.com>' is not a 'email'"});
}

TEST_CASE("formats: observables inside observed-data are checked against their own type",
          "[stix][validate]") {
  const Findings findings = RunMustCheck(CheckFormats, R"({"type": "observed-data",
      "id": "observed-data--b67d30ff-02ac-498a-92f9-32f845f448cf",
      "created": "2016-04-06T19:58:16.000Z", "modified": "2016-04-06T19:58:16.000Z",
      "objects": {"0": {"type": "url", "value": "foo"}}})");
  CHECK(Pointers(findings) == std::vector<std::string>{"/objects/0/value"});
  CHECK(findings[0].object_id == "observed-data--b67d30ff-02ac-498a-92f9-32f845f448cf");
}

TEST_CASE("formats: non-string values are left to the type check", "[stix][validate]") {
  CHECK(RunMustCheck(CheckFormats, R"({"type": "url", "id": "url--1", "value": 3})").empty());
}

}  // namespace
}  // namespace stixkit::stix::must
