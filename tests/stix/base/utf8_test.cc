#include "stix/base/utf8.h"

#include <string>

#include <catch2/catch.hpp>

namespace stixkit {
namespace {

constexpr size_t kValid = std::string_view::npos;

TEST_CASE("utf8: ASCII and well-formed multibyte text is valid", "[stix]") {
  CHECK(FindInvalidUtf8("") == kValid);
  CHECK(FindInvalidUtf8("plain ascii text that is longer than eight bytes") == kValid);
  CHECK(FindInvalidUtf8("Heiz\xC3\xB6lr\xC3\xBC" "cksto\xC3\x9F") == kValid);   // Heizölrückstoß
  CHECK(FindInvalidUtf8("\xE2\x82\xAC and \xF0\x9F\x98\x80") == kValid);        // € and 😀
}

TEST_CASE("utf8: the offset of the first bad byte is returned", "[stix]") {
  CHECK(FindInvalidUtf8("abcdefghij\xFFxyz") == 10);
  CHECK(FindInvalidUtf8("caf\xC3") == 3);          // truncated sequence
  CHECK(FindInvalidUtf8("\x80") == 0);             // lone continuation byte
}

TEST_CASE("utf8: overlong encodings are refused", "[stix]") {
  CHECK(FindInvalidUtf8("\xC0\xAF") == 0);          // '/' in two bytes
  CHECK(FindInvalidUtf8("\xE0\x80\xAF") == 0);      // '/' in three bytes
  CHECK(FindInvalidUtf8("\xF0\x80\x80\xAF") == 0);  // '/' in four bytes
}

TEST_CASE("utf8: surrogates and code points above U+10FFFF are refused", "[stix]") {
  CHECK(FindInvalidUtf8("\xED\xA0\x80") == 0);      // U+D800
  CHECK(FindInvalidUtf8("\xF4\x90\x80\x80") == 0);  // U+110000
  CHECK(FindInvalidUtf8("\xF4\x8F\xBF\xBF") == kValid);  // U+10FFFF
}

}  // namespace
}  // namespace stixkit
