#include "stix/validate/must/internal/json_access.h"

#include <catch2/catch.hpp>

namespace stixkit::stix::must {
namespace {

rapidjson::Document Parse(const char* json) {
  rapidjson::Document doc;
  doc.Parse(json);
  REQUIRE_FALSE(doc.HasParseError());
  return doc;
}

TEST_CASE("json access: pointer tokens escape ~ and /", "[stix][validate]") {
  CHECK(PointerToken("a/b~c") == "a~1b~0c");
  CHECK(Pointer("/objects", "0") == "/objects/0");
}

TEST_CASE("json access: Cat joins text and integers", "[stix][validate]") {
  const std::string_view view = "b";
  CHECK(Cat("a", view, std::string("c"), 7, 'd', size_t{8}) == "abc7d8");
}

TEST_CASE("json access: Printable shows strings bare and other values as JSON",
          "[stix][validate]") {
  const rapidjson::Document doc = Parse(R"({"s": "x y", "l": ["en", 1]})");
  CHECK(Printable(doc["s"]) == "x y");
  CHECK(Printable(doc["l"]) == R"(["en",1])");
}

TEST_CASE("json access: VisitPath follows names, list items and dictionary members",
          "[stix][validate]") {
  const rapidjson::Document doc = Parse(R"({"a": [{"b": 1}, {"c": 2}, {"b": 3}],
                                            "d": {"x": {"b": 4}, "y/z": {"b": 5}}})");
  std::vector<std::string> seen;
  const auto collect = [&](const rapidjson::Value& v, const std::string& at) {
    seen.push_back(at + "=" + std::to_string(v.GetInt()));
  };
  VisitPath(doc, "", std::vector<std::string>{"a", "[]", "b"}, collect);
  VisitPath(doc, "", std::vector<std::string>{"d", "*", "b"}, collect);
  VisitPath(doc, "", std::vector<std::string>{"a", "b"}, collect);  // "b" of a list: nothing
  CHECK(seen == std::vector<std::string>{"/a/0/b=1", "/a/2/b=3", "/d/x/b=4", "/d/y~1z/b=5"});
}

}  // namespace
}  // namespace stixkit::stix::must
