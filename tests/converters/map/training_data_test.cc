#include "converters/map/training_data.h"

#include <catch2/catch.hpp>

namespace stixkit::convert {
namespace {

// A bundle in MITRE's shape: two techniques, one revoked by the other, a deprecated one,
// and `uses` relationships with procedure descriptions.
constexpr char kBundle[] = R"json({"type": "bundle", "id": "bundle--1", "objects": [
 {"type": "attack-pattern", "id": "attack-pattern--a", "name": "DLL",
  "external_references": [{"source_name": "mitre-attack", "external_id": "T1574.001"}]},
 {"type": "attack-pattern", "id": "attack-pattern--b", "name": "DLL Side-Loading", "revoked": true,
  "external_references": [{"source_name": "mitre-attack", "external_id": "T1574.002"}]},
 {"type": "attack-pattern", "id": "attack-pattern--c", "name": "Old", "x_mitre_deprecated": true,
  "external_references": [{"source_name": "mitre-attack", "external_id": "T1000"}]},
 {"type": "relationship", "id": "relationship--1", "relationship_type": "revoked-by",
  "source_ref": "attack-pattern--b", "target_ref": "attack-pattern--a"},
 {"type": "relationship", "id": "relationship--2", "relationship_type": "uses",
  "source_ref": "malware--m", "target_ref": "attack-pattern--b",
  "description": "[PlugX](https://attack.mitre.org/software/S0013) side-loads a DLL.(Citation: Foo 2020)"},
 {"type": "relationship", "id": "relationship--3", "relationship_type": "uses",
  "source_ref": "malware--m", "target_ref": "attack-pattern--c", "description": "did an old thing"},
 {"type": "relationship", "id": "relationship--4", "relationship_type": "uses", "revoked": true,
  "source_ref": "malware--m", "target_ref": "attack-pattern--a", "description": "revoked use"},
 {"type": "relationship", "id": "relationship--5", "relationship_type": "mitigates",
  "source_ref": "course-of-action--x", "target_ref": "attack-pattern--a", "description": "no"}
]})json";

TEST_CASE("training data: citations go and markdown links keep their text", "[converters]") {
  CHECK(CleanProcedureText(
            " [APT28](https://attack.mitre.org/groups/G0007) used [Mimikatz](https://x/S0002)."
            "(Citation: A 2020)(Citation: B) ") == "APT28 used Mimikatz.");
  CHECK(CleanProcedureText("a [bracket] stays") == "a [bracket] stays");
  CHECK(CleanProcedureText("(Citation: only)") == "");
}

TEST_CASE("training data: procedure examples follow revocations and skip deprecated ones",
          "[converters]") {
  TrainingData data;
  REQUIRE(AddAttackBundle(kBundle, "b.json", &data).ok());
  REQUIRE(data.sentences.size() == 2);
  CHECK(data.sentences[0].text == "PlugX side-loads a DLL.");
  CHECK(data.sentences[0].label == "T1574.002");
  CHECK(data.sentences[0].document.empty());
  NormalizeLabels(&data);
  REQUIRE(data.sentences.size() == 1);
  CHECK(data.sentences[0].label == "T1574.001");
}

TEST_CASE("training data: group, campaign and software introductions are background",
          "[converters]") {
  TrainingData data;
  REQUIRE(AddAttackBundle(R"json({"type": "bundle", "id": "bundle--2", "objects": [
    {"type": "intrusion-set", "id": "intrusion-set--1", "name": "APT1",
     "description": "[APT1](https://attack.mitre.org/groups/G0006) is a Chinese threat group. It has been active since at least 2006.(Citation: Mandiant)"},
    {"type": "malware", "id": "malware--1", "name": "X",
     "description": "X is a backdoor used by APT1 since 2010. X can capture screenshots of the desktop."},
    {"type": "intrusion-set", "id": "intrusion-set--2", "revoked": true,
     "description": "A revoked group that says nothing useful at all."}
  ]})json",
                          "b.json", &data)
              .ok());
  REQUIRE(data.sentences.size() == 3);
  CHECK(data.sentences[0].text == "APT1 is a Chinese threat group.");
  CHECK(data.sentences[1].text == "It has been active since at least 2006.");
  CHECK(data.sentences[2].text == "X is a backdoor used by APT1 since 2010.");
  CHECK(data.sentences[2].label == kBackgroundLabel);
}

TEST_CASE("training data: a file that is not a bundle is refused by name", "[converters]") {
  TrainingData data;
  const absl::Status s = AddAttackBundle(R"({"type": "indicator"})", "x.json", &data);
  CHECK(s.code() == absl::StatusCode::kInvalidArgument);
  CHECK(s.message() == "x.json: expected a STIX bundle with an \"objects\" array");
  const absl::Status bad = AddAttackBundle("{\"type\": ", "y.json", &data);
  CHECK(bad.message().substr(0, 11) == "y.json:1:10");
}

TEST_CASE("training data: TRAM sentences keep their document", "[converters]") {
  TrainingData data;
  REQUIRE(AddTramSentences(R"([{"text": "t", "label": "T1003.001", "doc_title": "D"}])",
                           "tram.json", &data)
              .ok());
  REQUIRE(data.sentences.size() == 1);
  CHECK(data.sentences[0].document == "D");
}

TEST_CASE("training data: malformed TRAM files name the element at fault", "[converters]") {
  TrainingData data;
  CHECK(AddTramSentences(R"({"text": "t"})", "tram.json", &data).message() ==
        "tram.json: expected a JSON array of {\"text\", \"label\", \"doc_title\"} objects");
  CHECK(AddTramSentences(R"([{"text": "t", "label": "T1"}, {"text": 3}])", "tram.json", &data)
            .message() == "tram.json: [1]: expected an object with string \"text\" and \"label\"");
}

}  // namespace
}  // namespace stixkit::convert
