#include "stix/taxii/envelope.h"

#include <catch2/catch.hpp>

namespace stixkit::taxii {
namespace {

std::string Object(int n, size_t pad = 0) {
  return "{\"type\":\"indicator\",\"id\":\"indicator--" + std::to_string(n) + "\",\"x\":\"" +
         std::string(pad, 'a') + "\"}";
}

TEST_CASE("envelope: objects are wrapped verbatim, in order", "[stix][taxii]") {
  const std::vector<std::string> objects = {"{\"id\":\"a\"}", "{\"id\":\"b\"}"};
  CHECK(EnvelopeJson(objects) == "{\"objects\":[{\"id\":\"a\"},{\"id\":\"b\"}]}");
  CHECK(EnvelopeSize(objects) == EnvelopeJson(objects).size());
}

TEST_CASE("envelope: no objects make an envelope without the objects list", "[stix][taxii]") {
  CHECK(EnvelopeJson({}) == "{}");
  CHECK(EnvelopeSize({}) == 2);
}

TEST_CASE("envelope: splitting keeps every envelope under the limit and the order",
          "[stix][taxii]") {
  std::vector<std::string> objects;
  for (int i = 0; i < 50; ++i) objects.push_back(Object(i, (i * 37) % 200));
  const size_t limit = 1000;
  const absl::StatusOr<std::vector<std::string>> envelopes = SplitIntoEnvelopes(objects, limit);
  REQUIRE(envelopes.ok());
  CHECK(envelopes->size() > 1);
  std::string joined;
  for (const std::string& e : *envelopes) {
    CHECK(e.size() <= limit);
    joined += e.substr(12, e.size() - 14) + ",";
  }
  std::string expected;
  for (const std::string& o : objects) expected += o + ",";
  CHECK(joined == expected);
}

TEST_CASE("envelope: an envelope exactly at the limit is allowed", "[stix][taxii]") {
  const std::vector<std::string> objects = {Object(1), Object(2)};
  const size_t exact = EnvelopeSize(objects);
  CHECK(SplitIntoEnvelopes(objects, exact)->size() == 1);
  CHECK(SplitIntoEnvelopes(objects, exact - 1)->size() == 2);
}

TEST_CASE("envelope: an object larger than the limit alone is an error naming it",
          "[stix][taxii]") {
  const std::vector<std::string> objects = {Object(1), Object(2, 2000), Object(3)};
  const absl::StatusOr<std::vector<EnvelopeSlice>> plan = PlanEnvelopes(objects, 1000);
  REQUIRE_FALSE(plan.ok());
  CHECK(plan.status().code() == absl::StatusCode::kInvalidArgument);
  CHECK(plan.status().message() ==
        "objects[1] (indicator--2): alone it makes a 2061-byte envelope, over the limit of "
        "1000 bytes");
}

}  // namespace
}  // namespace stixkit::taxii
