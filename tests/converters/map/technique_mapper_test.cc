#include "converters/map/technique_mapper.h"

#include <catch2/catch.hpp>

#include "converters/map/model_builder.h"
#include "converters/map/model_file.h"
#include "tests/converters/map/test_catalog.h"

namespace stixkit::convert {
namespace {

// A mapper over the hand-made catalog and a model trained on its few sentences.
struct SmallMapper {
  std::unique_ptr<attack::Catalog> catalog = testing::TestCatalog();
  SentenceModel model = *BuildMappingModel(testing::TestSentences(), TrainOptions{}, catalog.get());
  TechniqueMapper mapper{*catalog, model};
};

const TechniqueHit* FindHit(const MapResult& r, std::string_view id) {
  for (const TechniqueHit& h : r.techniques) {
    if (h.id == id) return &h;
  }
  return nullptr;
}

TEST_CASE("technique mapper: an explicit id is certain and points at its span", "[converters]") {
  const SmallMapper m;
  const std::string text = "Initial access was T1566.001.";
  const MapResult r = m.mapper.Map(text, MapOptions{});
  const TechniqueHit* hit = FindHit(r, "T1566.001");
  REQUIRE(hit != nullptr);
  CHECK(hit->score == 1.0f);
  CHECK(hit->name == "Phishing: Spearphishing Attachment");
  CHECK(hit->evidence.starts_with("explicit id T1566.001"));
  CHECK(text.substr(hit->span.begin, hit->span.size()) == "T1566.001");
  CHECK(r.techniques[0].id == "T1566.001");
}

TEST_CASE("technique mapper: a revoked id is followed to its replacement", "[converters]") {
  const SmallMapper m;
  const MapResult r = m.mapper.Map("they used T1574.002", MapOptions{});
  REQUIRE_FALSE(r.techniques.empty());
  CHECK(r.techniques[0].id == "T1574.001");
  CHECK(r.techniques[0].evidence.starts_with(
      "explicit id T1574.002 (revoked; replaced by T1574.001)"));
  CHECK(FindHit(r, "T1574.002") == nullptr);
}

TEST_CASE("technique mapper: unknown ids and empty text give an empty result", "[converters]") {
  const SmallMapper m;
  CHECK(m.mapper.Map("T9999 and S9999", MapOptions{}).techniques.empty());
  const MapResult empty = m.mapper.Map("", MapOptions{});
  CHECK(empty.techniques.empty());
  CHECK(empty.software.empty());
  CHECK(empty.groups.empty());
}

TEST_CASE("technique mapper: software, groups and tactics by name or id", "[converters]") {
  const SmallMapper m;
  const MapResult r = m.mapper.Map("Fancy Bear used Mimikatz and S0154 (TA0006)", MapOptions{});
  REQUIRE(r.software.size() == 2);
  CHECK(r.software[0].id == "S0154");  // an explicit id outranks a name
  CHECK(r.software[0].score == 1.0f);
  CHECK(r.software[1].id == "S0002");
  CHECK(r.software[1].evidence == "name \"mimikatz\"");
  CHECK(r.software[1].score == kEntityNameScore);
  REQUIRE(r.groups.size() == 1);
  CHECK(r.groups[0].id == "G0007");
  REQUIRE(r.tactics.size() == 1);
  CHECK(r.tactics[0].name == "Credential Access");
}

TEST_CASE("technique mapper: threshold, top and a closed technique set limit the result",
          "[converters]") {
  const SmallMapper m;
  const std::string text = "T1566.001 and T1003.001 and T1059.001";
  MapOptions options;
  CHECK(m.mapper.Map(text, options).techniques.size() == 3);
  options.top = 2;
  CHECK(m.mapper.Map(text, options).techniques.size() == 2);
  options.top = 0;
  options.only_techniques = {"t1003.001"};
  const MapResult only = m.mapper.Map(text, options);
  REQUIRE(only.techniques.size() == 1);
  CHECK(only.techniques[0].id == "T1003.001");
}

TEST_CASE("technique mapper: a tactic hint raises that tactic's techniques", "[converters]") {
  const SmallMapper m;
  const std::string text = "the attachment ran a script";
  const int phishing = m.model.LabelIndex("T1566.001");
  REQUIRE(phishing >= 0);
  std::vector<float> plain, hinted;
  m.mapper.ScoreLabels(text, MapOptions{}, &plain);
  MapOptions options;
  options.tactic = "Initial Access";
  m.mapper.ScoreLabels(text, options, &hinted);
  CHECK(hinted[phishing] > plain[phishing]);
  options.tactic = "TA0001";
  std::vector<float> by_id;
  m.mapper.ScoreLabels(text, options, &by_id);
  CHECK(by_id == hinted);
}

TEST_CASE("technique mapper: a batch gives the same results in the same order", "[converters]") {
  const SmallMapper m;
  std::vector<std::string> texts;
  for (int i = 0; i < 300; ++i) texts.push_back(i % 2 ? "T1566.001" : "Mimikatz dumped lsass");
  const std::vector<MapResult> batch = m.mapper.MapBatch(texts, MapOptions{}, 2);
  REQUIRE(batch.size() == texts.size());
  for (size_t i = 0; i < texts.size(); i += 37) {
    const MapResult one = m.mapper.Map(texts[i], MapOptions{});
    REQUIRE(batch[i].techniques.size() == one.techniques.size());
    CHECK(batch[i].techniques[0].id == one.techniques[0].id);
  }
}

// ---- the built-in catalog and model, on real sentences ----

const TechniqueMapper* Builtin() {
  if (attack::Catalog::Embedded().techniques().empty()) return nullptr;
  const absl::StatusOr<const TechniqueMapper*> m = TechniqueMapper::Embedded();
  return m.ok() ? *m : nullptr;
}

TEST_CASE("technique mapper: Mimikatz dumping LSASS is T1003.001 with software S0002",
          "[converters]") {
  const TechniqueMapper* m = Builtin();
  if (m == nullptr) {
    WARN("skipped: this build has no embedded ATT&CK catalog or mapping model");
    return;
  }
  const MapResult r = m->Map("used Mimikatz to dump credentials from LSASS", MapOptions{});
  REQUIRE_FALSE(r.techniques.empty());
  CHECK(r.techniques[0].id == "T1003.001");
  CHECK(r.techniques[0].score >= kDefaultThreshold);
  REQUIRE_FALSE(r.software.empty());
  CHECK(r.software[0].id == "S0002");
}

TEST_CASE("technique mapper: real ids, including a revoked one, map to current techniques",
          "[converters]") {
  const TechniqueMapper* m = Builtin();
  if (m == nullptr) {
    WARN("skipped: this build has no embedded ATT&CK catalog or mapping model");
    return;
  }
  CHECK(m->Map("T1566.001", MapOptions{}).techniques[0].id == "T1566.001");
  // DLL Side-Loading was folded into T1574.001 in ATT&CK v18.
  CHECK(m->Map("T1574.002", MapOptions{}).techniques[0].id == "T1574.001");
}

TEST_CASE("technique mapper: ordinary sentences give nothing above the threshold", "[converters]") {
  const TechniqueMapper* m = Builtin();
  if (m == nullptr) {
    WARN("skipped: this build has no embedded ATT&CK catalog or mapping model");
    return;
  }
  for (const char* text :
       {"(and eggs)", "Please find the minutes of the last board meeting attached.",
        "Please send the quarterly budget to finance by Friday.",
        "The meeting has been moved to Tuesday afternoon.",
        "Our team grew to twelve people this year.", "Thanks!", ""}) {
    INFO(text);
    CHECK(m->Map(text, MapOptions{}).techniques.empty());
  }
}

}  // namespace
}  // namespace stixkit::convert
