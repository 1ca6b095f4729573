#include "converters/read/html_reader.h"

#include <catch2/catch.hpp>
#include <string>
#include <thread>
#include <vector>

#include "tests/converters/read/read_test_util.h"

namespace stixkit::convert {
namespace {

using testing::FieldKeyed;
using testing::SectionTitled;
using testing::Texts;
using testing::Titles;

Document HtmlOk(std::string_view html, int max_depth = 256) {
  absl::StatusOr<Document> doc = ReadHtml("page.html", html, max_depth);
  INFO(std::string(doc.status().message()));
  REQUIRE(doc.ok());
  return *std::move(doc);
}

constexpr std::string_view kPage = R"(<!DOCTYPE html>
<html><head><title>Vendor Blog</title><style>p { color: red }</style>
<script>var report = "<p>not text</p>";</script></head>
<body>
<header><nav><a href="/">Home</a> <a href="/blog">Blog</a></nav></header>
<nav><ul><li>Products</li></ul></nav>
<article>
<h1>Incident &amp; Response</h1>
<p>Intro with <a href="https://example.com/advisory">the advisory</a> and &#46;&lt;x&gt;
and hxxp://bad[.]example/p.</p>
<p><b>Discovery Date:</b> March 16<br><strong>Vector</strong>: phishing<br>A plain line</p>
<h2>Details</h2>
<ul>
  <li>Top item
    <ul><li><b>Host:</b> web01</li><li>Nested two</li></ul>
  </li>
  <li>Second</li>
</ul>
<dl><dt>Sector</dt><dd>Healthcare</dd><dt>Geography</dt><dd>New Jersey</dd></dl>
<table>
  <thead><tr><th>Type</th><th>Value</th></tr></thead>
  <tbody>
    <tr><td>IPv4</td><td>198.51.100.1</td></tr>
    <tr><td>URL</td><td><a href="hxxp://x[.]example">x</a></td></tr>
  </tbody>
</table>
<pre>
Get-Process | Stop-Process
  -Force
</pre>
<form><p>Subscribe</p></form>
<noscript>Enable JavaScript</noscript>
<iframe src="https://ads.example"></iframe>
<template><p>hidden</p></template>
</article>
<footer><p>Copyright 2026</p></footer>
</body></html>
)";

TEST_CASE("html reader: headings become sections and the first h1 the title",
          "[converters][read]") {
  const Document doc = HtmlOk(kPage);
  CHECK(doc.title == "Incident & Response");
  CHECK(Titles(doc) == std::vector<std::string>{"Incident & Response", "Details"});
  CHECK(doc.sections[0].level == 1);
  CHECK(doc.sections[0].line == 8);
  CHECK(doc.sections[1].path == std::vector<std::string>{"Incident & Response", "Details"});
  CHECK(doc.warnings.empty());
}

TEST_CASE("html reader: navigation, scripts, styles, forms and footers are dropped",
          "[converters][read]") {
  const Document doc = HtmlOk(kPage);
  std::string all;
  for (const Section& s : doc.sections) {
    for (const Block& b : s.blocks) all += b.text + "\n";
  }
  for (const char* dropped : {"Home", "Products", "not text", "color", "Subscribe",
                              "Enable JavaScript", "hidden", "Copyright"}) {
    INFO(dropped);
    CHECK(all.find(dropped) == std::string::npos);
  }
}

TEST_CASE("html reader: paragraphs decode references and keep anchors and bare URLs",
          "[converters][read]") {
  const Document doc = HtmlOk(kPage);
  const Block& p = SectionTitled(doc, "Incident & Response").blocks.at(0);
  CHECK(p.kind == BlockKind::kParagraph);
  CHECK(p.text == "Intro with the advisory and .<x> and hxxp://bad[.]example/p.");
  CHECK(p.line == 9);
  REQUIRE(p.links.size() == 2);
  CHECK(p.links[0].text == "the advisory");
  CHECK(p.links[0].url == "https://example.com/advisory");
  CHECK(p.links[0].line == 9);
  CHECK(p.links[1].url == "hxxp://bad[.]example/p");
  CHECK(p.links[1].line == 10);
}

TEST_CASE("html reader: bold keys split at <br> into fields", "[converters][read]") {
  const Document doc = HtmlOk(kPage);
  const Section& s = SectionTitled(doc, "Incident & Response");
  REQUIRE(s.blocks.size() == 4);
  CHECK(FieldKeyed(s, "Discovery Date").text == "March 16");
  CHECK(FieldKeyed(s, "Vector").text == "phishing");
  CHECK(FieldKeyed(s, "Vector").line == 11);
  CHECK(s.blocks[3].kind == BlockKind::kParagraph);
  CHECK(s.blocks[3].text == "A plain line");
}

TEST_CASE(
    "html reader: list items keep depth, dl pairs are fields, tables "
    "have headers",
    "[converters][read]") {
  const Document doc = HtmlOk(kPage);
  const Section& s = SectionTitled(doc, "Details");
  REQUIRE(s.blocks.size() == 9);
  CHECK(s.blocks[0].kind == BlockKind::kListItem);
  CHECK(s.blocks[0].text == "Top item");
  CHECK(s.blocks[0].depth == 0);
  CHECK(s.blocks[0].line == 14);
  CHECK(s.blocks[1].kind == BlockKind::kField);
  CHECK(s.blocks[1].key == "Host");
  CHECK(s.blocks[1].text == "web01");
  CHECK(s.blocks[1].depth == 1);
  CHECK(s.blocks[2].text == "Nested two");
  CHECK(s.blocks[2].depth == 1);
  CHECK(s.blocks[3].text == "Second");
  CHECK(s.blocks[3].depth == 0);
  CHECK(FieldKeyed(s, "Sector").text == "Healthcare");
  CHECK(FieldKeyed(s, "Geography").text == "New Jersey");

  const Block& ip = s.blocks[6];
  CHECK(ip.kind == BlockKind::kTableRow);
  CHECK(ip.headers == std::vector<std::string>{"Type", "Value"});
  CHECK(ip.cells == std::vector<std::string>{"IPv4", "198.51.100.1"});
  CHECK(ip.text == "IPv4 | 198.51.100.1");
  CHECK(ip.line == 23);
  const Block& url = s.blocks[7];
  REQUIRE(url.links.size() == 1);
  CHECK(url.links[0].url == "hxxp://x[.]example");
  CHECK(url.links[0].text == "x");
}

TEST_CASE("html reader: pre is verbatim code", "[converters][read]") {
  const Document doc = HtmlOk(kPage);
  const Block& pre = SectionTitled(doc, "Details").blocks.at(8);
  CHECK(pre.kind == BlockKind::kCode);
  CHECK(pre.text == "Get-Process | Stop-Process\n  -Force");
  CHECK(pre.line == 27);
  const Document code = HtmlOk("<pre>\nGet-Process | Stop-Process\n  -Force\n</pre><p>after</p>");
  REQUIRE(code.sections[0].blocks.size() == 2);
  CHECK(code.sections[0].blocks[0].kind == BlockKind::kCode);
  CHECK(code.sections[0].blocks[0].text == "Get-Process | Stop-Process\n  -Force");
}

TEST_CASE("html reader: <title> is the title when there is no h1", "[converters][read]") {
  const Document doc = HtmlOk(
      "<html><head><title> APT  Report </title></head><body><h2>Sub</h2>"
      "<p>x</p></body></html>");
  CHECK(doc.title == "APT Report");
  CHECK(Titles(doc) == std::vector<std::string>{"Sub"});
}

TEST_CASE("html reader: a billion-laughs DOCTYPE is neither loaded nor expanded",
          "[converters][read]") {
  std::string html = "<!DOCTYPE lolz [\n <!ENTITY lol \"lol\">\n";
  for (int i = 1; i < 10; ++i) {
    html += " <!ENTITY lol" + std::to_string(i + 1) + " \"";
    for (int j = 0; j < 10; ++j)
      html += "&lol" + (i == 1 ? std::string() : std::to_string(i)) + ";";
    html += "\">\n";
  }
  html += "]>\n<html><body><p>&lol10;</p><p>after</p></body></html>\n";
  const Document doc = HtmlOk(html);
  REQUIRE(doc.sections.size() == 1);
  CHECK(Texts(doc.sections[0]) == std::vector<std::string>{"&lol10;", "after"});
  CHECK(doc.sections[0].blocks[0].line == 13);
  CHECK(doc.warnings ==
        std::vector<std::string>{"line 1: DOCTYPE internal subset ignored; its entities are not "
                                 "expanded"});
}

TEST_CASE("html reader: an external entity is never fetched or expanded", "[converters][read]") {
  const Document doc = HtmlOk(
      "<!DOCTYPE html [<!ENTITY xxe SYSTEM \"file:///etc/passwd\">]>\n"
      "<html><body><p>&xxe;</p></body></html>");
  CHECK(Texts(doc.sections[0]) == std::vector<std::string>{"&xxe;"});
}

TEST_CASE("html reader: nesting deeper than the limit is refused with its line",
          "[converters][read]") {
  std::string html = "<html><body>\n";
  for (int i = 0; i < 20; ++i) html += "<div>";
  html += "deep";
  const absl::StatusOr<Document> doc = ReadHtml("deep.html", html, 10);
  REQUIRE_FALSE(doc.ok());
  CHECK(doc.status().code() == absl::StatusCode::kInvalidArgument);
  CHECK(doc.status().message() ==
        "deep.html:2: HTML elements are nested deeper than the 10-level limit");
}

TEST_CASE("html reader: nesting past libxml2's own 256 levels is refused too",
          "[converters][read]") {
  std::string html;
  for (int i = 0; i < 5000; ++i) html += "<span>";
  const absl::StatusOr<Document> doc = ReadHtml("deep.html", html, 100000);
  REQUIRE_FALSE(doc.ok());
  CHECK(doc.status().message() ==
        "deep.html:1: HTML elements are nested deeper than the 256-level limit");
}

TEST_CASE("html reader: pages read in parallel threads give the same document",
          "[converters][read]") {
  // libxml2 is initialised once, whichever thread comes first.
  std::vector<std::vector<std::string>> titles(4);
  std::vector<std::thread> threads;
  for (size_t t = 0; t < titles.size(); ++t) {
    threads.emplace_back([&titles, t] {
      for (int i = 0; i < 20; ++i) {
        absl::StatusOr<Document> doc = ReadHtml("page.html", kPage, 256);
        if (doc.ok()) titles[t] = Titles(*doc);
      }
    });
  }
  for (std::thread& thread : threads) thread.join();
  for (const std::vector<std::string>& t : titles) {
    CHECK(t == std::vector<std::string>{"Incident & Response", "Details"});
  }
}

}  // namespace
}  // namespace stixkit::convert
