#include "stix/taxii/client/tlp_red.h"

#include <catch2/catch.hpp>

namespace stixkit::taxii {
namespace {

constexpr char kTlp1Red[] = "marking-definition--5e57c739-391a-4eb3-b6be-7d15ca92d5ed";
constexpr char kTlp2Red[] = "marking-definition--e828b379-4e03-4974-9ac4-e53a884c97c1";
constexpr char kTlp1Amber[] = "marking-definition--f88d31f6-486f-44da-b317-01333bde0b82";

std::vector<RedObject> Scan(const std::vector<std::string>& objects) {
  RedMarkingFinder finder;
  std::vector<rapidjson::Document> docs(objects.size());
  for (size_t i = 0; i < objects.size(); ++i) {
    docs[i].Parse(objects[i].c_str());
    finder.Add(docs[i]);
  }
  return finder.Finish();
}

TEST_CASE("tlp red: TLP 1.0 red in object_marking_refs is found and named", "[stix][taxii]") {
  const auto red = Scan({std::string(R"({"type":"indicator","id":"indicator--1",
      "object_marking_refs":[")") +
                         kTlp1Amber + "\",\"" + kTlp1Red + "\"]}"});
  REQUIRE(red.size() == 1);
  CHECK(red[0].id == "indicator--1");
  CHECK(red[0].reason == std::string("object_marking_refs: ") + kTlp1Red);
}

TEST_CASE("tlp red: TLP 2.0 red in granular markings is found", "[stix][taxii]") {
  const auto red = Scan({std::string(R"({"type":"report","id":"report--1",
      "granular_markings":[{"marking_ref":")") +
                         kTlp2Red + R"(","selectors":["name"]}]})"});
  REQUIRE(red.size() == 1);
  CHECK(red[0].reason == std::string("granular_markings: ") + kTlp2Red);
}

TEST_CASE("tlp red: a custom red definition used before it is defined still counts",
          "[stix][taxii]") {
  const auto red = Scan({
      R"({"type":"indicator","id":"indicator--1","object_marking_refs":["marking-definition--c"]})",
      R"({"type":"marking-definition","id":"marking-definition--c","definition_type":"tlp",
          "definition":{"tlp":"RED"}})",
  });
  REQUIRE(red.size() == 2);
  CHECK(red[0].id == "indicator--1");
  CHECK(red[1].id == "marking-definition--c");
  CHECK(red[1].reason == "a TLP:RED marking definition");
}

TEST_CASE("tlp red: a TLP 2.0 red marking definition object in the content is reported",
          "[stix][taxii]") {
  const auto red = Scan(
      {std::string(R"({"type":"marking-definition","id":")") + kTlp2Red +
       R"(","name":"TLP:RED","extensions":{"extension-definition--60a3c5c5-0d10-413e-aab3-9e08dde9e88d":{"extension_type":"property-extension","tlp_2_0":"red"}}})"});
  REQUIRE(red.size() == 1);
  CHECK(red[0].id == kTlp2Red);
}

TEST_CASE("tlp red: amber, green and unmarked content is not red", "[stix][taxii]") {
  CHECK(Scan({std::string(R"({"type":"indicator","id":"indicator--1","object_marking_refs":[")") +
                  kTlp1Amber + "\"]}",
              R"({"type":"malware","id":"malware--1"})"})
            .empty());
}

}  // namespace
}  // namespace stixkit::taxii
