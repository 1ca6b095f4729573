#include "stix/json/canonical_json.h"

#include <catch2/catch.hpp>

namespace stixkit::stix {
namespace {

std::string Canon(const char* json) {
  rapidjson::Document doc;
  doc.Parse(json);
  REQUIRE_FALSE(doc.HasParseError());
  return CanonicalJson(doc);
}

TEST_CASE("canonical json: members are sorted and whitespace dropped", "[stix]") {
  CHECK(Canon(R"({ "b" : 1, "a" : [ true, null, "x" ] })") == R"({"a":[true,null,"x"],"b":1})");
}

TEST_CASE("canonical json: strings escape only what RFC 8785 requires", "[stix]") {
  CHECK(Canon(R"({"k":"a/b\u00e9\n\u0001\"\\"})") == "{\"k\":\"a/b\xC3\xA9\\n\\u0001\\\"\\\\\"}");
}

TEST_CASE("canonical json: numbers use the ECMAScript form", "[stix]") {
  CHECK(Canon(R"([7.980693, 1.5, 1e21, 1e-7, 0.000001, 100, -0.5, 1E+30])") ==
        "[7.980693,1.5,1e+21,1e-7,0.000001,100,-0.5,1e+30]");
}

TEST_CASE("canonical json: keys sort by UTF-16 code units", "[stix]") {
  // U+10000 (surrogate D800) sorts before U+FB33 in UTF-16, after it in UTF-8.
  CHECK(Canon("{\"\xEF\xAC\xB3\":1,\"\xF0\x90\x80\x80\":2}") ==
        "{\"\xF0\x90\x80\x80\":2,\"\xEF\xAC\xB3\":1}");
}

}  // namespace
}  // namespace stixkit::stix
