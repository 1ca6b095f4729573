#include "stix/json/top_level_scanner.h"

#include <string>
#include <vector>

#include <catch2/catch.hpp>

namespace stixkit::stix {
namespace {

struct Scan {
  absl::StatusOr<TopLevel> top;
  std::vector<std::string> elements;
  std::vector<LineColumn> starts;
};

Scan Run(const std::string& text, JsonLimits limits = {}) {
  Scan scan;
  scan.top = ScanTopLevel(text, "in.json", limits, [&](const JsonSpan& span, size_t) {
    scan.elements.emplace_back(span.text);
    scan.starts.push_back(span.start);
    return absl::OkStatus();
  });
  return scan;
}

TEST_CASE("scanner: a bundle's members come out one by one with their positions", "[stix]") {
  const Scan s = Run("{\"type\": \"bundle\", \"id\": \"bundle--1\",\n \"objects\": [\n"
                     "  {\"type\": \"a\", \"x\": \"}\\\"]\"},\n  {\"type\": \"b\"}\n]}");
  REQUIRE(s.top.ok());
  CHECK(s.top->kind == TopLevelKind::kBundle);
  REQUIRE(s.elements.size() == 2);
  CHECK(s.elements[0] == "{\"type\": \"a\", \"x\": \"}\\\"]\"}");
  CHECK(s.starts[1].line == 4);
  CHECK(s.starts[1].column == 3);
  CHECK(s.top->bundle_shell == "{\"type\": \"bundle\",\"id\": \"bundle--1\"}");
}

TEST_CASE("scanner: the bundle type may come after its objects", "[stix]") {
  const Scan s = Run(R"({"objects": [{"type": "a"}], "type": "bundle"})");
  REQUIRE(s.top.ok());
  CHECK(s.top->kind == TopLevelKind::kBundle);
  CHECK(s.elements.size() == 1);
}

TEST_CASE("scanner: a single object is returned whole", "[stix]") {
  const Scan s = Run(R"({"type": "observed-data", "objects": [1, 2]})");
  REQUIRE(s.top.ok());
  CHECK(s.top->kind == TopLevelKind::kSingleObject);
  CHECK(s.elements.empty());
}

TEST_CASE("scanner: an array's elements must be objects", "[stix]") {
  const Scan s = Run("[{\"type\": \"a\"}, 42]");
  REQUIRE_FALSE(s.top.ok());
  CHECK(s.top.status().message() == "in.json:1:17: expected a STIX object ('{'), found '4'");
}

TEST_CASE("scanner: bad top-level shapes get clear messages", "[stix]") {
  CHECK(Run("").top.status().message() ==
        "in.json:1:1: the file is empty; expected a STIX bundle, object or array of objects");
  CHECK(Run("  \n ").top.status().message() ==
        "in.json:2:2: the file is empty; expected a STIX bundle, object or array of objects");
  CHECK(Run(std::string("\x7f\x45\x4c\x46\x02\x00", 6)).top.status().message() ==
        "in.json:1:1: this is a binary file, not JSON text");
  CHECK(Run("\"text\"").top.status().message() ==
        "in.json:1:1: expected a STIX bundle, object or array of objects, found '\"'");
  CHECK(Run(R"({"type": "bundle", "objects": {"a": 1}})").top.status().message() ==
        "in.json:1:31: a bundle's \"objects\" must be an array of STIX objects, found '{'");
  CHECK(Run("{\"type\": \"bundle\"} x").top.status().message() ==
        "in.json:1:20: unexpected 'x' after the end of the top-level value");
}

TEST_CASE("scanner: an unclosed object is reported where it opens", "[stix]") {
  const Scan s = Run("{\"type\": \"bundle\", \"objects\": [\n  {\"type\": [\"a\"");
  REQUIRE_FALSE(s.top.ok());
  CHECK(s.top.status().code() == absl::StatusCode::kDataLoss);
  CHECK(s.top.status().message() ==
        "in.json:2:3: unexpected end of input: this value is never closed");
}

TEST_CASE("scanner: an over-long string is refused before it is copied", "[stix]") {
  JsonLimits limits;
  limits.max_string_bytes = 8;
  const Scan s = Run(R"([{"type": "abcdefghijk"}])", limits);
  CHECK(s.top.status().message() ==
        "in.json:1:11: string longer than 8 bytes (limit: --max-string-bytes)");
}

TEST_CASE("scanner: a byte order mark is skipped", "[stix]") {
  const Scan s = Run("\xEF\xBB\xBF[{\"type\": \"a\"}]");
  REQUIRE(s.top.ok());
  CHECK(s.elements.size() == 1);
}

}  // namespace
}  // namespace stixkit::stix
