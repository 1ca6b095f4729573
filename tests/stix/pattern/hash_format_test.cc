#include "stix/pattern/hash_format.h"

#include <catch2/catch.hpp>
#include <string>

namespace stixkit::stix::pattern {
namespace {

TEST_CASE("hash format: algorithm names are matched the reference's way", "[stix][pattern]") {
  for (const char* name : {"SHA-256", "sha256", "Sha-256", "SHA256", "'SHA-256'"}) {
    CAPTURE(name);
    const HashFormat* format = FindHashFormat(name);
    REQUIRE(format != nullptr);
    CHECK(format->normalized_name == "SHA256");
  }
  CHECK(FindHashFormat("RIPEMD-160")->hex_digits == 40);
  CHECK(FindHashFormat("SHA3-512")->hex_digits == 128);
  CHECK(FindHashFormat("TLSH") == nullptr);
  CHECK(FindHashFormat("x_custom") == nullptr);
}

TEST_CASE("hash format: hex digests need their exact length", "[stix][pattern]") {
  const HashFormat& md5 = *FindHashFormat("MD5");
  CHECK(md5.Matches("79054025255fb1a26e4bc422aef54eb4"));
  CHECK(md5.Matches("79054025255FB1A26E4BC422AEF54EB4"));
  CHECK_FALSE(md5.Matches("79054025255fb1a26e4bc422aef54eb"));
  CHECK_FALSE(md5.Matches("79054025255fb1a26e4bc422aef54eb4a"));
  CHECK_FALSE(md5.Matches("79054025255fb1a26e4bc422aef54ebg"));
  CHECK(md5.expected == "32 hexadecimal digits");
}

TEST_CASE("hash format: one final newline passes, as Python's $ allows", "[stix][pattern]") {
  const HashFormat& md5 = *FindHashFormat("MD5");
  CHECK(md5.Matches("79054025255fb1a26e4bc422aef54eb4\n"));
  CHECK_FALSE(md5.Matches("79054025255fb1a26e4bc422aef54eb4\n\n"));
}

TEST_CASE("hash format: SSDEEP takes 1 to 128 of its characters", "[stix][pattern]") {
  const HashFormat& ssdeep = *FindHashFormat("SSDEEP");
  CHECK(ssdeep.Matches("3:AXGBicFlgVNhBGcL6wCrFQEv:AXGHsNhxLsr2C"));
  CHECK_FALSE(ssdeep.Matches(""));
  CHECK_FALSE(ssdeep.Matches("3:AX GB"));
  CHECK(ssdeep.Matches(std::string(128, 'a')));
  CHECK_FALSE(ssdeep.Matches(std::string(129, 'a')));
}

TEST_CASE("hash format: MD6 accepts any value that starts with 32 hex digits", "[stix][pattern]") {
  const HashFormat& md6 = *FindHashFormat("MD6");
  CHECK(md6.Matches(std::string(32, 'a')));
  CHECK(md6.Matches(std::string(33, 'a') + "xyz"));
  CHECK(md6.Matches("\n    " + std::string(64, 'b')));
  CHECK_FALSE(md6.Matches(std::string(31, 'a')));
  CHECK_FALSE(md6.Matches(std::string(64, 'b').insert(0, "\n   ")));
}

}  // namespace
}  // namespace stixkit::stix::pattern
