#include "converters/extract/tlp_label.h"

#include <catch2/catch.hpp>

namespace stixkit::convert {
namespace {

TEST_CASE("tlp_label: \"TLP:AMBER\" is amber", "[converters][extract]") {
  CHECK(FindTlp("TLP:AMBER") == "amber");
  CHECK(FindTlp("Distribution: TLP:AMBER - limited disclosure") == "amber");
  CHECK(FindTlp("tlp:amber") == "amber");
}

TEST_CASE("tlp_label: \"TLP: AMBER+STRICT\" and its spellings are amber+strict",
          "[converters][extract]") {
  CHECK(FindTlp("TLP: AMBER+STRICT") == "amber+strict");
  CHECK(FindTlp("TLP:AMBER + STRICT") == "amber+strict");
  CHECK(FindTlp("TLP Amber Strict") == "amber+strict");
}

TEST_CASE("tlp_label: \"TLP:WHITE\" is clear, as is \"TLP:CLEAR\"", "[converters][extract]") {
  CHECK(FindTlp("TLP:WHITE") == "clear");
  CHECK(FindTlp("TLP:CLEAR") == "clear");
}

TEST_CASE("tlp_label: versions and the long form are understood", "[converters][extract]") {
  CHECK(FindTlp("TLP 2.0 GREEN") == "green");
  CHECK(FindTlp("TLPv2: GREEN") == "green");
  CHECK(FindTlp("TLP v2.0: GREEN") == "green");
  CHECK(FindTlp("Traffic Light Protocol: RED") == "red");
  CHECK(FindTlp("Traffic Light Protocol (TLP): AMBER") == "amber");
  CHECK(FindTlp("TLP-RED") == "red");
}

TEST_CASE("tlp_label: several labels give the strictest", "[converters][extract]") {
  CHECK(FindTlp("Header TLP:GREEN ... appendix TLP:AMBER+STRICT ... TLP:AMBER") == "amber+strict");
  CHECK(FindTlp("TLP:RED then TLP:CLEAR") == "red");
}

TEST_CASE("tlp_label: words that only look like labels are not labels", "[converters][extract]") {
  CHECK(FindTlp("TLP:REDACTED") == std::nullopt);
  CHECK(FindTlp("the TLPs we use") == std::nullopt);
  CHECK(FindTlp("a red team and an amber alert") == std::nullopt);
  CHECK(FindTlp("XTLP:RED") == std::nullopt);
  CHECK(FindTlp("TLP:") == std::nullopt);
  CHECK(FindTlp("") == std::nullopt);
  CHECK(FindTlp("TLP:AMBERSTRICT") == std::nullopt);
}

TEST_CASE("tlp_label: the seed report carries no label", "[converters][extract]") {
  CHECK(FindTlp("Healthcare technology solutions provider CareCloud (Nasdaq: CCLD) has "
                "disclosed a cybersecurity incident") == std::nullopt);
}

TEST_CASE("tlp_label: TlpRank orders the levels and rejects others", "[converters][extract]") {
  CHECK(TlpRank("clear") == 0);
  CHECK(TlpRank("white") == 0);
  CHECK(TlpRank("green") == 1);
  CHECK(TlpRank("amber") == 2);
  CHECK(TlpRank("amber+strict") == 3);
  CHECK(TlpRank("red") == 4);
  CHECK(TlpRank("AMBER") == -1);
  CHECK(TlpRank("purple") == -1);
  CHECK(TlpRank("") == -1);
}

}  // namespace
}  // namespace stixkit::convert
