#include "stix/pattern/internal/unicode.h"

#include <catch2/catch.hpp>

namespace stixkit::stix::pattern::internal {
namespace {

TEST_CASE("unicode: UTF-8 sequences decode to code points", "[stix][pattern]") {
  char32_t c = 0;
  CHECK(DecodeUtf8("a", 0, &c) == 1);
  CHECK(c == U'a');
  CHECK(DecodeUtf8("é", 0, &c) == 2);
  CHECK(c == U'é');
  CHECK(DecodeUtf8("\u3000", 0, &c) == 3);
  CHECK(c == 0x3000);
  CHECK(DecodeUtf8("\U0001F600", 0, &c) == 4);
  CHECK(c == 0x1F600);
}

TEST_CASE("unicode: malformed UTF-8 decodes to nothing", "[stix][pattern]") {
  char32_t c = 0;
  CHECK(DecodeUtf8("\xff", 0, &c) == 0);
  CHECK(DecodeUtf8("\xc3", 0, &c) == 0);          // truncated
  CHECK(DecodeUtf8("\xc0\xaf", 0, &c) == 0);      // overlong
  CHECK(DecodeUtf8("\xed\xa0\x80", 0, &c) == 0);  // surrogate
  CHECK(DecodeUtf8("a", 1, &c) == 0);             // past the end
}

TEST_CASE("unicode: pattern whitespace is Unicode White_Space", "[stix][pattern]") {
  for (char32_t c : {0x09, 0x0A, 0x0B, 0x0C, 0x0D, 0x20, 0x85, 0xA0, 0x1680, 0x2000, 0x200A, 0x2028,
                     0x2029, 0x202F, 0x205F, 0x3000}) {
    CAPTURE(static_cast<int>(c));
    CHECK(IsPatternSpace(c));
    CHECK(IsPythonSpace(c));
  }
  CHECK_FALSE(IsPatternSpace(0x1C));
  CHECK(IsPythonSpace(0x1C));
  CHECK_FALSE(IsPatternSpace(0x200B));
  CHECK_FALSE(IsPythonSpace(U'a'));
}

}  // namespace
}  // namespace stixkit::stix::pattern::internal
