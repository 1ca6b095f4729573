// STIX content for the TAXII server tests: numbered indicators whose id, name and pattern
// follow from the number, envelopes of them, and JSON answers parsed or failed on.
//
//   hub.Post(Envelope({Indicator(1), Indicator(1, "2024-02-01T00:00:00.000Z")}));
//   CHECK(Json(r->body)["total_count"].GetInt() == 2);
//
// Header-only because tests/CMakeLists.txt compiles only *_test.cc and tests/support/*.cc.
#ifndef STIXKIT_TESTS_STIX_TAXII_TEST_OBJECTS_H_
#define STIXKIT_TESTS_STIX_TAXII_TEST_OBJECTS_H_

#include <string>
#include <vector>

#include <catch2/catch.hpp>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "absl/strings/str_join.h"
#include "rapidjson/document.h"

namespace stixkit::testing {

// "0000000n-0000-4000-8000-00000000000n" in hex: a valid UUIDv4 for each number.
inline std::string Uuid4(int n) { return absl::StrFormat("%08x-0000-4000-8000-%012x", n, n); }

inline std::string IndicatorId(int n) { return "indicator--" + Uuid4(n); }

// Indicator `n`, version `modified`, with a pattern on 198.51.100.(n % 250).
inline std::string Indicator(int n, const std::string& modified = "2024-01-01T00:00:00.000Z") {
  return absl::StrCat(
      R"({"type":"indicator","spec_version":"2.1","id":")", IndicatorId(n),
      R"(","created":"2024-01-01T00:00:00.000Z","modified":")", modified,
      R"(","name":"bad address )", n,
      R"(","indicator_types":["malicious-activity"],"pattern":"[ipv4-addr:value = '198.51.100.)",
      n % 250, R"(']","pattern_type":"stix","valid_from":"2024-01-01T00:00:00Z"})");
}

inline std::string Envelope(const std::vector<std::string>& objects) {
  return absl::StrCat(R"({"objects":[)", absl::StrJoin(objects, ","), "]}");
}

// `text` parsed; fails the test, showing its start, when it is not JSON.
inline rapidjson::Document Json(const std::string& text) {
  rapidjson::Document doc;
  doc.Parse(text.c_str(), text.size());
  INFO(text.substr(0, 300));
  REQUIRE_FALSE(doc.HasParseError());
  return doc;
}

}  // namespace stixkit::testing

#endif  // STIXKIT_TESTS_STIX_TAXII_TEST_OBJECTS_H_
