#include "converters/extract/public_suffixes.h"

#include <string>

#include "catch2/catch.hpp"
#include "stix/base/embedded_files.h"

namespace stixkit::convert {
namespace {

TEST_CASE("tlds: generic and country-code TLDs are known", "[converters][extract]") {
  for (const char* tld : {"com", "org", "net", "io", "uk", "de", "ru", "md", "zip", "mov"}) {
    INFO(tld);
    CHECK(IsKnownTld(tld));
  }
}

TEST_CASE("tlds: file extensions that are not TLDs are unknown", "[converters][extract]") {
  for (const char* ext : {"html", "js", "exe", "dll", "txt", "pdf", "gz", "json"}) {
    INFO(ext);
    CHECK_FALSE(IsKnownTld(ext));
  }
}

TEST_CASE("tlds: case is ignored", "[converters][extract]") {
  CHECK(IsKnownTld("COM"));
  CHECK(IsKnownTld("Org"));
}

TEST_CASE("tlds: IDN TLDs are known in punycode and in UTF-8", "[converters][extract]") {
  CHECK(IsKnownTld("xn--p1ai"));
  CHECK(IsKnownTld("XN--P1AI"));
  CHECK(IsKnownTld("рф"));
  CHECK(IsKnownTld("中国"));
  CHECK(IsKnownTld("xn--fiqs8s"));
}

TEST_CASE("tlds: empty, dotted, numeric and made-up labels are not TLDs", "[converters][extract]") {
  CHECK_FALSE(IsKnownTld(""));
  CHECK_FALSE(IsKnownTld("co.uk"));
  CHECK_FALSE(IsKnownTld(".com"));
  CHECK_FALSE(IsKnownTld("123"));
  CHECK_FALSE(IsKnownTld("notatld"));
  CHECK_FALSE(IsKnownTld(std::string(300, 'a')));
}

TEST_CASE("tlds: the embedded list names its source and holds one lower-case TLD a line",
          "[converters][extract]") {
  const std::optional<std::string_view> text = FindEmbeddedFile("converters/data/tlds.txt");
  REQUIRE(text);
  CHECK(text->find("# Source: /usr/share/publicsuffix/public_suffix_list.dat") !=
        std::string_view::npos);
  CHECK(text->find("scripts/gen-tlds") != std::string_view::npos);
  std::size_t lines = 0;
  std::size_t pos = 0;
  while (pos < text->size()) {
    const std::size_t end = text->find('\n', pos);
    REQUIRE(end != std::string_view::npos);
    const std::string_view line = text->substr(pos, end - pos);
    pos = end + 1;
    if (line.empty() || line[0] == '#') continue;
    ++lines;
    INFO(std::string(line));
    CHECK(line.find_first_of("ABCDEFGHIJKLMNOPQRSTUVWXYZ. \t*!") == std::string_view::npos);
  }
  CHECK(lines == KnownTldCount());
  CHECK(KnownTldCount() > 1400);
}

}  // namespace
}  // namespace stixkit::convert
