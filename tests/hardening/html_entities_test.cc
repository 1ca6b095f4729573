// Hostile input, entities: a "billion laughs" DTD and external entities (SYSTEM
// "file:///etc/passwd", parameter entities, an external DTD) in HTML reports. Entities
// are never expanded and nothing is fetched or read: the file's content never reaches
// the bundle.
#include <catch2/catch.hpp>

#include "tests/hardening/hostile_input.h"

namespace stixkit::testing {
namespace {

std::string BillionLaughs() {
  std::string bomb = "<!DOCTYPE html [\n<!ENTITY a \"lollollollol\">\n";
  for (char c = 'b'; c <= 'k'; ++c) {
    bomb += std::string("<!ENTITY ") + c + " \"";
    for (int i = 0; i < 10; ++i) bomb += std::string("&") + static_cast<char>(c - 1) + ";";
    bomb += "\">\n";
  }
  return bomb + "]>\n<html><body><h1>Incident</h1><p>&k;&k;&k; 198.51.100.7</p></body></html>\n";
}

TEST_CASE("entities: a billion-laughs DTD is ignored with a warning, never expanded",
          "[hardening]") {
  auto conversion = ConvertForTest("bomb.html", BillionLaughs());
  REQUIRE(conversion.ok());
  CHECK(conversion->warnings.at(0) ==
        "line 1: DOCTYPE internal subset ignored; its entities are not expanded");
  CHECK(conversion->bundle_json.size() < 20000);
  CHECK(conversion->bundle_json.find("lollol") == std::string::npos);
}

TEST_CASE("entities: a billion-laughs DTD in a markdown or text report stays text",
          "[hardening]") {
  for (auto format : {convert::Format::kMarkdown, convert::Format::kText}) {
    auto conversion = ConvertForTest("bomb.md", BillionLaughs(), format);
    REQUIRE(conversion.ok());
    CHECK(conversion->bundle_json.size() < 40000);
    CHECK(conversion->bundle_json.find("lollollollollol") == std::string::npos);
  }
}

TEST_CASE("entities: external entities never read the file they name", "[hardening]") {
  const std::string passwd = ReadTestFile("/etc/passwd");
  const std::string first_line = passwd.substr(0, passwd.find('\n'));
  REQUIRE_FALSE(first_line.empty());
  const std::vector<std::string> attacks = {
      "<!DOCTYPE html [<!ENTITY xxe SYSTEM \"file:///etc/passwd\">]>\n"
      "<html><body><h1>Incident</h1><p>&xxe;</p></body></html>\n",
      "<!DOCTYPE html [<!ENTITY % xxe SYSTEM \"file:///etc/passwd\"> %xxe;]>\n"
      "<html><body><h1>Incident</h1><p>x</p></body></html>\n",
      "<!DOCTYPE html SYSTEM \"file:///etc/passwd\">\n"
      "<html><body><h1>Incident</h1><p>x</p></body></html>\n",
      "<?xml version=\"1.0\"?>\n<!DOCTYPE r [<!ENTITY xxe SYSTEM \"file:///etc/passwd\">]>\n"
      "<r><h1>Incident</h1><p>&xxe;</p></r>\n",
      "<html><body><h1>Incident</h1><p><xi:include xmlns:xi=\"http://www.w3.org/2001/XInclude\""
      " href=\"file:///etc/passwd\" parse=\"text\"/></p></body></html>\n",
      "<html><body><h1>Incident</h1><iframe src=\"file:///etc/passwd\"></iframe>"
      "<img src=\"file:///etc/passwd\"><p>x</p></body></html>\n",
  };
  for (const std::string& html : attacks) {
    CAPTURE(html);
    auto conversion = ConvertForTest("xxe.html", html);
    REQUIRE(conversion.ok());
    CHECK(conversion->bundle_json.find(first_line) == std::string::npos);
    for (const std::string& w : conversion->warnings) CHECK(w.find(first_line) == std::string::npos);
    auto doc = convert::ReadDocument("xxe.html", html, convert::Format::kHtml);
    REQUIRE(doc.ok());
    for (const convert::Section& s : doc->sections) {
      for (const convert::Block& b : s.blocks) CHECK(b.text.find(first_line) == std::string::npos);
    }
  }
}

TEST_CASE("entities: character references are decoded, not evaluated", "[hardening]") {
  auto doc = convert::ReadDocument(
      "refs.html",
      "<html><body><h1>Incident</h1><p>evil&#46;example&#x2e;com &amp;&lt;script&gt; "
      "&#0; &#xD800; &#x110000; &#99999999999;</p></body></html>",
      convert::Format::kHtml);
  REQUIRE(doc.ok());
  REQUIRE_FALSE(doc->sections.empty());
  bool found = false;
  for (const convert::Section& s : doc->sections) {
    for (const convert::Block& b : s.blocks) {
      if (b.text.find("evil.example.com &<script>") != std::string::npos) found = true;
    }
  }
  CHECK(found);
}

}  // namespace
}  // namespace stixkit::testing
