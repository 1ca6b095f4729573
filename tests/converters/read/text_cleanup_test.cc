#include "converters/read/text_cleanup.h"

#include <catch2/catch.hpp>
#include <string>

namespace stixkit::convert {
namespace {

CleanText CleanOk(std::string_view bytes) {
  absl::StatusOr<CleanText> clean = CleanUpText("r.txt", bytes);
  INFO(std::string(clean.status().message()));
  REQUIRE(clean.ok());
  return *std::move(clean);
}

std::string ErrorOf(std::string_view bytes) {
  absl::StatusOr<CleanText> clean = CleanUpText("r.txt", bytes);
  REQUIRE_FALSE(clean.ok());
  CHECK(clean.status().code() == absl::StatusCode::kInvalidArgument);
  return std::string(clean.status().message());
}

TEST_CASE("text cleanup: a byte-order mark goes and CRLF and lone CR become LF",
          "[converters][read]") {
  const CleanText clean = CleanOk("\xEF\xBB\xBFone\r\ntwo\rthree\r\n\r\nfour");
  CHECK(clean.text == "one\ntwo\nthree\n\nfour");
  CHECK(clean.warnings.empty());
}

TEST_CASE("text cleanup: clean UTF-8 passes through unchanged", "[converters][read]") {
  const std::string text = "caf\xC3\xA9 \xE2\x80\xA6 \xF0\x9F\x94\x92\nline two\n";
  CHECK(CleanOk(text).text == text);
}

TEST_CASE("text cleanup: invalid UTF-8 becomes U+FFFD with one warning per line",
          "[converters][read]") {
  // Line 2 has two bad sequences (a lone continuation byte and a truncated 3-byte one), line 4 an
  // overlong encoding and a surrogate.
  const CleanText clean = CleanOk("ok\nbad \x80 and \xE2\x82!\nok\n\xC0\xAF \xED\xA0\x80\n");
  CHECK(clean.text ==
        "ok\nbad \xEF\xBF\xBD and \xEF\xBF\xBD!\nok\n"
        "\xEF\xBF\xBD\xEF\xBF\xBD \xEF\xBF\xBD\xEF\xBF\xBD\xEF\xBF\xBD\n");
  CHECK(clean.warnings == std::vector<std::string>{"line 2: invalid UTF-8 replaced with U+FFFD",
                                                   "line 4: invalid UTF-8 replaced with U+FFFD"});
}

TEST_CASE("text cleanup: after 50 lines of warnings one line counts the rest",
          "[converters][read]") {
  std::string bytes;
  for (int i = 0; i < 60; ++i) bytes += "one bad byte \xFF\n";
  const CleanText clean = CleanOk(bytes);
  REQUIRE(clean.warnings.size() == 51);
  CHECK(clean.warnings[49] == "line 50: invalid UTF-8 replaced with U+FFFD");
  CHECK(clean.warnings[50] == "invalid UTF-8 replaced with U+FFFD on 10 more lines");
}

TEST_CASE("text cleanup: a stray NUL byte is removed with a warning", "[converters][read]") {
  const std::string bytes = std::string(200, 'a') + "\n" + std::string("b\0c", 3) + "\n";
  const CleanText clean = CleanOk(bytes);
  CHECK(clean.text == std::string(200, 'a') + "\nbc\n");
  CHECK(clean.warnings == std::vector<std::string>{"line 2: NUL bytes removed"});
}

TEST_CASE("text cleanup: NUL bytes in the first 8 KB mean a binary file", "[converters][read]") {
  std::string bytes = "\x89PNG\r\n\x1A\n";
  bytes += std::string(16, '\0');
  bytes += "IHDR";
  CHECK(ErrorOf(bytes) ==
        "r.txt: looks like a binary file, not a report (found NUL bytes at "
        "offset 8)");
  // The offset counts from the start of the file, byte-order mark included.
  CHECK(ErrorOf(std::string("\xEF\xBB\xBFxy\0\0\0", 8)) ==
        "r.txt: looks like a binary file, not a report (found NUL bytes at "
        "offset 5)");
}

TEST_CASE("text cleanup: mostly invalid UTF-8 means a binary file", "[converters][read]") {
  std::string bytes;
  for (int i = 0; i < 100; ++i) bytes += "\xFEz\xFF";
  CHECK(ErrorOf(bytes) ==
        "r.txt: looks like a binary file, not a report (200 "
        "of the first 300 bytes are not "
        "UTF-8 text)");
}

TEST_CASE("text cleanup: UTF-16 is refused with what to do", "[converters][read]") {
  CHECK(ErrorOf(std::string("\xFF\xFEh\0i\0", 6)) ==
        "r.txt: the file is UTF-16 text; save it as UTF-8 and try again");
}

TEST_CASE("text cleanup: an empty or blank file is refused", "[converters][read]") {
  CHECK(ErrorOf("") == "r.txt: the file is empty");
  CHECK(ErrorOf(" \r\n\t\n") == "r.txt: the file is empty");
  CHECK(ErrorOf("\xEF\xBB\xBF\n") == "r.txt: the file is empty");
}

TEST_CASE(
    "text cleanup: a file of carriage returns only stays linear and "
    "keeps its lines",
    "[converters][read]") {
  std::string bytes;
  for (int i = 0; i < 200000; ++i) bytes += "x\r";
  const CleanText clean = CleanOk(bytes);
  CHECK(clean.text.size() == bytes.size());
  CHECK(clean.text.find('\r') == std::string::npos);
}

}  // namespace
}  // namespace stixkit::convert
