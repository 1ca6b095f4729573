#include "stix/json/json_parser.h"

#include <string>

#include <catch2/catch.hpp>

namespace stixkit::stix {
namespace {

absl::Status Parse(const std::string& text, JsonLimits limits = {}) {
  rapidjson::Document doc;
  return ParseJson(JsonSpan{text, 0, {}}, "in.json", limits, &doc);
}

TEST_CASE("json parser: a syntax error names file, line and column", "[stix]") {
  const absl::Status s = Parse("{\n  \"type\": \"indicator\",\n  \"id\" \"x\"\n}");
  CHECK(s.code() == absl::StatusCode::kInvalidArgument);
  CHECK(s.message() == "in.json:3:8: missing a colon after a name of object member");
}

TEST_CASE("json parser: input that stops early is data loss", "[stix]") {
  const absl::Status s = Parse("{\"type\": \"indicator\"");
  CHECK(s.code() == absl::StatusCode::kDataLoss);
  CHECK(s.message() == "in.json:1:21: missing a comma or '}' after an object member");
}

TEST_CASE("json parser: duplicate member names are refused with their path", "[stix]") {
  const absl::Status s = Parse(R"({"a": {"id": 1, "id": 2}})");
  CHECK(s.message() ==
        "in.json:1:1: duplicate member name at /a/id; a JSON object may name each member once");
}

TEST_CASE("json parser: integers beyond the I-JSON range are refused", "[stix]") {
  CHECK(Parse(R"({"n": 9007199254740991})").ok());
  const absl::Status s = Parse(R"({"n": 9007199254740992})");
  CHECK(s.message() ==
        "in.json:1:7: integer 9007199254740992 is outside the I-JSON range of -(2^53-1) to "
        "2^53-1");
  CHECK(Parse(R"({"n": 1e400})").message() ==
        "in.json:1:7: number does not fit in an IEEE 754 double (I-JSON, RFC 7493 §2.2)");
}

TEST_CASE("json parser: invalid UTF-8 is refused", "[stix]") {
  const absl::Status s = Parse("{\"name\": \"caf\xC3\x28\"}");
  CHECK(s.message() ==
        "in.json:1:14: invalid UTF-8; STIX JSON must be UTF-8 (RFC 8259 §8.1)");
}

TEST_CASE("json parser: nesting beyond the limit is refused without recursion", "[stix]") {
  const std::string deep = std::string(100000, '[') + std::string(100000, ']');
  const absl::Status s = Parse(deep);
  CHECK(s.message() == "in.json:1:101: nesting deeper than 100 levels (limit: --max-depth)");
}

TEST_CASE("json parser: errors in a span are reported in file coordinates", "[stix]") {
  const std::string file = "[\n  {\"a\": 1},\n  {\"a\" 1}\n]";
  const size_t start = file.find("{\"a\" 1}");
  rapidjson::Document doc;
  const absl::Status s =
      ParseJson(JsonSpan{std::string_view(file).substr(start, 7), start, {3, 3}}, "f.json", {},
                &doc);
  CHECK(s.message() == "f.json:3:8: missing a colon after a name of object member");
}

}  // namespace
}  // namespace stixkit::stix
