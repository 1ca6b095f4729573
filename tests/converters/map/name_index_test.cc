#include "converters/map/name_index.h"

#include <catch2/catch.hpp>

#include "tests/converters/map/test_catalog.h"

namespace stixkit::convert {
namespace {

// "at", "ping" and "malware" are ordinary words; "mimikatz" is not.
bool Common(std::string_view w) { return w == "at" || w == "ping" || w == "malware"; }

std::vector<std::string> Found(const NameIndex& index, std::string_view text) {
  std::vector<NameMatch> matches;
  index.Find(text, &matches);
  std::vector<std::string> ids;
  for (const NameMatch& m : matches) {
    ids.push_back(m.technique != nullptr ? m.technique->id : m.entity->id);
  }
  return ids;
}

TEST_CASE("name index: names and aliases match in any case on word boundaries", "[converters]") {
  const auto catalog = testing::TestCatalog();
  const NameIndex index(*catalog, Common);
  CHECK(Found(index, "used mimikatz to read LSASS memory") ==
        std::vector<std::string>{"S0002", "T1003.001"});
  CHECK(Found(index, "Cozy Bear, aka the dukes") == std::vector<std::string>{"G0016", "G0016"});
  CHECK(Found(index, "Mimikatzz and xmimikatz").empty());
}

TEST_CASE("name index: the longest name wins and its span is kept", "[converters]") {
  const auto catalog = testing::TestCatalog();
  const NameIndex index(*catalog, Common);
  std::vector<NameMatch> matches;
  const std::string text = "a Hijack Execution Flow: DLL case";
  index.Find(text, &matches);
  REQUIRE(matches.size() == 1);
  CHECK(matches[0].technique->id == "T1574.001");
  CHECK(text.substr(matches[0].begin, matches[0].end - matches[0].begin) ==
        "Hijack Execution Flow: DLL");
}

TEST_CASE("name index: ordinary-word software names need case or context", "[converters]") {
  const auto catalog = testing::TestCatalog();
  const NameIndex index(*catalog, Common);
  CHECK(Found(index, "we met at noon").empty());
  CHECK(Found(index, "At noon they left").empty());
  CHECK(Found(index, "they scheduled it with the at command") == std::vector<std::string>{"S0110"});
  CHECK(Found(index, "ran at.exe twice") == std::vector<std::string>{"S0110"});
  CHECK(Found(index, "a ping of the host").empty());
  CHECK(Found(index, "Ping was used").empty());  // capitals at a sentence start prove nothing
  CHECK(Found(index, "they used Ping to find hosts") == std::vector<std::string>{"S0097"});
}

TEST_CASE("name index: one-word sub-technique names need their parent", "[converters]") {
  const auto catalog = testing::TestCatalog();
  const NameIndex index(*catalog, Common);
  CHECK(Found(index, "the malware spread").empty());
  CHECK(Found(index, "Obtain Capabilities: Malware") == std::vector<std::string>{"T1588.001"});
}

TEST_CASE("name index: a name shared by two domains gives both; revoked ones none",
          "[converters]") {
  const auto catalog = testing::TestCatalog();
  const NameIndex index(*catalog, Common);
  CHECK(Found(index, "phishing") == std::vector<std::string>{"T1566", "T1660"});
  CHECK(Found(index, "DLL side-loading").empty());
}

}  // namespace
}  // namespace stixkit::convert
