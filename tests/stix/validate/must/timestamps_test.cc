#include <catch2/catch.hpp>

#include "stix/validate/must/internal/checks.h"
#include "tests/stix/validate/must/check_runner.h"

namespace stixkit::stix::must {
namespace {

using stixkit::stix::testing::Messages;
using stixkit::stix::testing::Pointers;
using stixkit::stix::testing::RunMustCheck;

constexpr char kCampaign[] = R"({
  "type": "campaign", "spec_version": "2.1",
  "id": "campaign--0c7b5b88-8ff7-4a4d-aa9d-feb398cd0061",
  "created": "2016-09-31T08:17:27.000Z", "modified": "2023-09-27T20:12:54.984Z",
  "name": "Green Group Attacks Against Finance",
  "first_seen": "2019-09-31T04:00:00.000Z", "last_seen": "2020-08-01T04:00:00.000Z"})";

TEST_CASE("timestamps: a date that does not exist is reported with its property",
          "[stix][validate]") {
  const Findings findings = RunMustCheck(CheckTimestamps, kCampaign);
  REQUIRE(findings.size() == 2);
  CHECK(findings[0].object_id == "campaign--0c7b5b88-8ff7-4a4d-aa9d-feb398cd0061");
  CHECK(findings[0].code.empty());
  CHECK(findings[0].severity == Severity::kError);
  CHECK(Pointers(findings) == std::vector<std::string>{"/created", "/first_seen"});
  CHECK(Messages(findings) ==
        std::vector<std::string>{
            "'created': '2016-09-31T08:17:27.000Z' is not a valid timestamp: day is out of "
            "range for month: 2016-09-31T08:17:27.000Z",
            "'first_seen': '2019-09-31T04:00:00.000Z' is not a valid timestamp: day is out of "
            "range for month: 2019-09-31T04:00:00.000Z"});
}

TEST_CASE("timestamps: values without the timestamp shape are left to the schema",
          "[stix][validate]") {
  CHECK(RunMustCheck(CheckTimestamps, R"({"type": "malware", "id": "malware--1",
      "created": "2016-05-32T08:17:27.000Z", "modified": "yesterday"})")
            .empty());
}

TEST_CASE("timestamps: custom objects get created and modified checked", "[stix][validate]") {
  const Findings findings = RunMustCheck(CheckTimestamps, R"({"type": "x-example-com-thing",
      "id": "x-example-com-thing--4527e5de-8572-446a-a57a-706f15467461",
      "created": "2021-02-30T09:16:08.989000Z", "modified": "2021-02-20T09:16:08.989000Z",
      "first_seen": "2021-02-30T09:16:08.989000Z"})");
  CHECK(Pointers(findings) == std::vector<std::string>{"/created"});
}

TEST_CASE("timestamps: SCO timestamps name the type, extension and property", "[stix][validate]") {
  const Findings pe = RunMustCheck(CheckTimestamps, R"({"type": "file",
      "id": "file--ff1e0780-358c-5808-a8c7-d0fca4ef6ef4", "spec_version": "2.1", "name": "a.dll",
      "extensions": {"windows-pebinary-ext": {"pe_type": "dll",
                                              "time_date_stamp": "2016-11-31T08:17:27Z"}}})");
  CHECK(Messages(pe) ==
        std::vector<std::string>{"'file': 'windows-pebinary-ext': 'time_date_stamp': "
                                 "'2016-11-31T08:17:27Z' is not a valid timestamp: day is out of "
                                 "range for month: 2016-11-31T08:17:27Z"});
  CHECK(Pointers(pe) ==
        std::vector<std::string>{"/extensions/windows-pebinary-ext/time_date_stamp"});

  const Findings x509 = RunMustCheck(CheckTimestamps, R"({"type": "x509-certificate",
      "id": "x509-certificate--ff1e0780-358c-5808-a8c7-d0fca4ef6ef4",
      "x509_v3_extensions": {"private_key_usage_period_not_before": "2016-11-31T08:17:27.000000Z"}})");
  CHECK(Messages(x509) ==
        std::vector<std::string>{"'x509-certificate': 'private_key_usage_period_not_before': "
                                 "'2016-11-31T08:17:27.000000Z' is not a valid timestamp: day is "
                                 "out of range for month: 2016-11-31T08:17:27.000000Z"});

  const Findings traffic = RunMustCheck(CheckTimestamps, R"({"type": "network-traffic",
      "id": "network-traffic--280d1c0d-51d1-5ee8-951f-1fb434a38686", "protocols": ["tcp"],
      "start": "2016-04-31T20:06:37.000Z"})");
  CHECK(Messages(traffic) ==
        std::vector<std::string>{"'network-traffic': 'start': '2016-04-31T20:06:37.000Z' is not "
                                 "a valid timestamp: day is out of range for month: "
                                 "2016-04-31T20:06:37.000Z"});
}

TEST_CASE("timestamps: observables inside observed-data are not checked, as in the reference",
          "[stix][validate]") {
  CHECK(RunMustCheck(CheckTimestamps, R"({"type": "observed-data",
      "id": "observed-data--b67d30ff-02ac-498a-92f9-32f845f448cf",
      "created": "2016-04-06T19:58:16.000Z", "modified": "2016-04-06T19:58:16.000Z",
      "first_observed": "2015-12-21T19:00:00Z", "last_observed": "2015-12-21T19:00:00Z",
      "number_observed": 1,
      "objects": {"0": {"type": "file", "name": "a", "ctime": "2016-02-30T00:00:00Z"}}})")
            .empty());
}

TEST_CASE("timestamp order: modified before created is reported", "[stix][validate]") {
  const Findings findings = RunMustCheck(CheckTimestampOrder, R"({"type": "identity",
      "id": "identity--2d1c6ab3-5e4e-48ac-a32b-f0c01c2836a8",
      "created": "2014-08-08T15:50:10.983123Z", "modified": "2014-08-08T15:50:10.983Z"})");
  CHECK(Pointers(findings) == std::vector<std::string>{"/modified"});
  CHECK(Messages(findings) ==
        std::vector<std::string>{"'modified' (2014-08-08T15:50:10.983Z) must be later than or "
                                 "equal to 'created' (2014-08-08T15:50:10.983123Z)"});
}

TEST_CASE("timestamp order: strict pairs reject equal values, others accept them",
          "[stix][validate]") {
  const Findings relationship = RunMustCheck(CheckTimestampOrder, R"({"type": "relationship",
      "id": "relationship--44298a74-ba52-4f0c-87a3-1824e67d7fad",
      "created": "2016-04-06T20:06:37.000Z", "modified": "2016-04-06T20:06:37.000Z",
      "start_time": "2016-04-06T20:06:37.000Z", "stop_time": "2016-04-06T20:06:37Z"})");
  CHECK(Messages(relationship) ==
        std::vector<std::string>{"'stop_time' (2016-04-06T20:06:37Z) must be later than "
                                 "'start_time' (2016-04-06T20:06:37.000Z)"});
  CHECK(RunMustCheck(CheckTimestampOrder, R"({"type": "sighting", "id": "sighting--1",
      "first_seen": "2016-08-22T14:09:00.123Z", "last_seen": "2016-08-22T14:09:00.123Z"})")
            .empty());
}

TEST_CASE("timestamp order: network-traffic end before start names the object",
          "[stix][validate]") {
  const Findings findings = RunMustCheck(CheckObservableTimestampOrder, R"({
      "type": "network-traffic", "id": "network-traffic--280d1c0d-51d1-5ee8-951f-1fb434a38686",
      "protocols": ["tcp"], "start": "2016-04-06T20:06:37.000123Z",
      "end": "2016-04-06T20:06:37.000Z"})");
  CHECK(Messages(findings) ==
        std::vector<std::string>{"in object 'network-traffic--280d1c0d-51d1-5ee8-951f-"
                                 "1fb434a38686', 'end' (2016-04-06T20:06:37.000Z) must be later "
                                 "than or equal to 'start' (2016-04-06T20:06:37.000123Z)"});
}

}  // namespace
}  // namespace stixkit::stix::must
