#include "converters/extract/actors.h"

#include <catch2/catch.hpp>
#include <string>
#include <vector>

namespace stixkit::convert {
namespace {

using Names = std::vector<std::string>;

std::string Span(std::string_view text, const ActorHit& hit) {
  return std::string(text.substr(hit.offset, hit.length));
}

// The one actor in `text`; fails the test when there is not exactly one.
ActorHit Only(std::string_view text) {
  const std::vector<ActorHit> hits = FindActors(text);
  INFO(text);
  REQUIRE(hits.size() == 1);
  return hits[0];
}

TEST_CASE("actors: \"a group known as Scattered Spider\" is an intrusion set",
          "[converters][extract]") {
  const std::string text = "The breach was claimed by a group known as Scattered Spider.";
  const ActorHit hit = Only(text);
  CHECK(hit.name == "Scattered Spider");
  CHECK(hit.kind == ActorKind::kIntrusionSet);
  CHECK(Span(text, hit) == "Scattered Spider");
  CHECK(hit.aliases.empty());
}

TEST_CASE("actors: \"a threat actor known as X\" is a threat actor", "[converters][extract]") {
  CHECK(Only("a threat actor known as Lapsus").kind == ActorKind::kThreatActor);
  CHECK(Only("an insider known as Jack Sparrow").kind == ActorKind::kThreatActor);
  CHECK(Only("a hacker group calling itself Killnet").kind == ActorKind::kIntrusionSet);
  CHECK(Only("a ransomware gang dubbed Akira").name == "Akira");
}

TEST_CASE("actors: \"tracked as X by Mandiant, also known as Y\" gives X with alias Y",
          "[converters][extract]") {
  const std::string text =
      "The intrusion was tracked as UNC3944 by Mandiant, also known as Scattered Spider.";
  const ActorHit hit = Only(text);
  CHECK(hit.name == "UNC3944");
  CHECK(hit.kind == ActorKind::kIntrusionSet);
  CHECK(hit.aliases == Names{"Scattered Spider"});
  CHECK(Span(text, hit) == "UNC3944");
}

TEST_CASE("actors: \"tracked as X by A and Y by B\" makes Y an alias", "[converters][extract]") {
  const ActorHit hit = Only(
      "activity tracked as UNC3944 by Mandiant and Octo Tempest by "
      "Microsoft was seen");
  CHECK(hit.name == "UNC3944");
  CHECK(hit.aliases == Names{"Octo Tempest"});
}

TEST_CASE("actors: \"the X threat actor\" and \"threat actor X\" are threat actors",
          "[converters][extract]") {
  const ActorHit before = Only("the Lapsus threat actor stole source code");
  CHECK(before.name == "Lapsus");
  CHECK(before.kind == ActorKind::kThreatActor);
  const ActorHit after = Only("Analysts linked threat actor Scattered Spider to the attack");
  CHECK(after.name == "Scattered Spider");
  CHECK(after.kind == ActorKind::kThreatActor);
}

TEST_CASE("actors: \"the X ransomware gang\" is an intrusion set", "[converters][extract]") {
  for (const char* text : {"the LockBit ransomware gang", "The LockBit ransomware group",
                           "the LockBit ransomware operators", "LockBit ransomware gang"}) {
    INFO(text);
    const ActorHit hit = Only(text);
    CHECK(hit.name == "LockBit");
    CHECK(hit.kind == ActorKind::kIntrusionSet);
  }
}

TEST_CASE("actors: \"attributed to X\" names X", "[converters][extract]") {
  CHECK(Only("The campaign was attributed to APT29.").name == "APT29");
  const ActorHit gang = Only("The attack was attributed to the BlackCat ransomware gang.");
  CHECK(gang.name == "BlackCat");
  CHECK(gang.kind == ActorKind::kIntrusionSet);
  const ActorHit actor = Only("attributed to the threat actor Midnight Blizzard");
  CHECK(actor.name == "Midnight Blizzard");
  CHECK(actor.kind == ActorKind::kThreatActor);
}

TEST_CASE("actors: \"X (also known as Y, Z)\" gives X with aliases Y and Z",
          "[converters][extract]") {
  const std::string text =
      "Researchers say Midnight Blizzard (also known as APT29, Cozy Bear) "
      "was behind it.";
  const ActorHit hit = Only(text);
  CHECK(hit.name == "Midnight Blizzard");
  CHECK(hit.aliases == Names{"APT29", "Cozy Bear"});
  CHECK(Span(text, hit) == "Midnight Blizzard");
  CHECK(Only("Lazarus aka Hidden Cobra").aliases == Names{"Hidden Cobra"});
  CHECK(Only("Lazarus, a.k.a. Hidden Cobra and Zinc, struck").aliases ==
        Names{"Hidden Cobra", "Zinc"});
  CHECK(Only("Lazarus (aka Hidden Cobra), Microsoft said").aliases == Names{"Hidden Cobra"});
  CHECK(Only("Lazarus, aka Hidden Cobra, Microsoft said").aliases == Names{"Hidden Cobra"});
}

TEST_CASE("actors: vendor designators are intrusion sets on their own", "[converters][extract]") {
  const std::vector<ActorHit> hits =
      FindActors("Overlaps with FIN7, TA505, DEV-0537 and Storm-0558 were noted.");
  REQUIRE(hits.size() == 4);
  CHECK(hits[0].name == "FIN7");
  CHECK(hits[1].name == "TA505");
  CHECK(hits[2].name == "DEV-0537");
  CHECK(hits[3].name == "Storm-0558");
  CHECK(hits[3].kind == ActorKind::kIntrusionSet);
  CHECK(FindActors("the tactic TA0001 (Initial Access)").empty());
  CHECK(FindActors("apt29 in lower case").empty());
}

TEST_CASE("actors: later mentions of a name or alias join the first hit", "[converters][extract]") {
  const std::string text =
      "The intrusion was tracked as UNC3944 by Mandiant, also known as Scattered Spider. "
      "Later the Scattered Spider threat actor returned, and UNC3944 struck again.";
  const ActorHit hit = Only(text);
  CHECK(hit.name == "UNC3944");
  CHECK(hit.aliases == Names{"Scattered Spider"});
  CHECK(hit.offset == text.find("UNC3944"));
}

TEST_CASE("actors: a report field names the actor", "[converters][extract]") {
  const std::string text = "Threat Actor: Scattered Spider";
  const ActorHit hit = Only(text);
  CHECK(hit.name == "Scattered Spider");
  CHECK(hit.kind == ActorKind::kThreatActor);
  CHECK(Span(text, hit) == "Scattered Spider");
  const ActorHit field = Only("## Attribution\n- **Attribution:** APT29 (aka Cozy Bear)\n");
  CHECK(field.name == "APT29");
  CHECK(field.aliases == Names{"Cozy Bear"});
  CHECK(Only("Intrusion Set: Volt Typhoon").kind == ActorKind::kIntrusionSet);
  CHECK(FindActors("Threat Actor: [Not Disclosed]").empty());
  CHECK(FindActors("Threat Actor: Unknown").empty());
  CHECK(FindActors("the threat actor: Scattered Spider").empty());  // not a field at line start
}

TEST_CASE("actors: versions and a final dollar sign belong to the name", "[converters][extract]") {
  CHECK(Only("the LockBit 3.0 ransomware group").name == "LockBit 3.0");
  CHECK(Only("Lapsus$ group members were arrested").name == "Lapsus$");
  CHECK(Only("a group known as Lazarus 2024 campaign").name == "Lazarus");
}

TEST_CASE("actors: a comma may set off \"known as\"", "[converters][extract]") {
  const ActorHit hit = Only("The threat actor, known as Muddled Libra, used SIM swapping.");
  CHECK(hit.name == "Muddled Libra");
  CHECK(hit.kind == ActorKind::kThreatActor);
}

TEST_CASE("actors: generic words, titles and lower-case names are no actors",
          "[converters][extract]") {
  CHECK(FindActors("a group known as the Board of Directors").empty());
  CHECK(FindActors("a group known as the Department of Justice").empty());
  CHECK(FindActors("The threat actor moved laterally").empty());
  CHECK(FindActors("An unknown threat actor; Unknown threat actor").empty());
  CHECK(FindActors("a Russian threat actor and North Korean hackers").empty());
  CHECK(FindActors("a group known as scattered spider").empty());
  CHECK(FindActors("malware known as Emotet").empty());
  CHECK(FindActors("the attack was attributed to human error").empty());
  CHECK(FindActors("the Microsoft Threat Intelligence team and the Microsoft Threat "
                   "Intelligence group")
            .empty());
  CHECK(FindActors("tracked as [Not Disclosed]").empty());
  CHECK(FindActors("a group known as Unknown").empty());
  CHECK(FindActors("").empty());
}

TEST_CASE("actors: the seed report names no actor", "[converters][extract]") {
  const std::string text =
      "Healthcare technology solutions provider CareCloud (Nasdaq: CCLD) has disclosed a "
      "cybersecurity incident that may have resulted in patient information compromise. "
      "CareCloud, a Nasdaq-listed healthcare technology provider, experienced a cybersecurity "
      "incident in mid-March 2026. Specific lateral movement techniques have not been "
      "disclosed; however, the incident was significant enough to affect the corporate "
      "network. Early detection of \"disruptions\" is critical for healthcare providers to "
      "prevent full-scale ransomware encryption. Initial Access: [Unknown/Investigation "
      "Pending]. Implementation of enhanced Managed Detection and Response (MDR).";
  CHECK(FindActors(text).empty());
}

}  // namespace
}  // namespace stixkit::convert
