// Measures `stixkit attack map` the way issue 3 sets its targets:
//  - start-up: from nothing to the first mapped sentence with the embedded catalog and
//    model (catalog parse, model parse, name index), target < 50 ms;
//  - throughput on one core: sentences mapped per second by TechniqueMapper::Map,
//    target >= 20,000/s; and MapBatch on every core;
//  - the size of the embedded catalog and model, target < 20 MB together.
// Times are given as wall clock and as CPU time of the measuring thread, because a busy
// machine stretches the first but not the second.
//
//   attack_map_bench [SENTENCES.json] [ROUNDS]
//
// SENTENCES.json is a JSON array of {"text": ...} (default ../shared/eval/
// tram2-single-label-dev.json); without it, a built-in handful of sentences is repeated.
#include <time.h>

#include <chrono>
#include <cstdio>
#include <string>
#include <vector>

#include "attack-data/catalog.h"
#include "bench/bench_clock.h"
#include "converters/map/model_file.h"
#include "converters/map/technique_mapper.h"
#include "rapidjson/document.h"
#include "stix/base/embedded_files.h"
#include "stix/base/input_file.h"

namespace {

using stixkit::convert::MapOptions;
using stixkit::convert::TechniqueMapper;

using stixkit::bench::ThreadCpuSeconds;
using stixkit::bench::Timer;
using stixkit::bench::WallSeconds;

std::vector<std::string> LoadSentences(const std::string& path) {
  std::vector<std::string> texts;
  if (auto file = stixkit::InputFile::Open(path); file.ok()) {
    rapidjson::Document doc;
    doc.Parse(file->contents().data(), file->contents().size());
    if (doc.IsArray()) {
      for (const auto& item : doc.GetArray()) {
        if (item.IsObject() && item.HasMember("text") && item["text"].IsString()) {
          texts.emplace_back(item["text"].GetString());
        }
      }
    }
  }
  if (texts.empty()) {
    std::fprintf(stderr, "note: %s not readable; using built-in sentences\n", path.c_str());
    texts = {"used Mimikatz to dump credentials from LSASS",
             "The malware establishes persistence through a Run registry key.",
             "The actor sent spearphishing emails with malicious Word attachments (T1566.001).",
             "Data was compressed with RAR and exfiltrated over the C2 channel.",
             "The meeting has been moved to Tuesday afternoon."};
  }
  return texts;
}

size_t EmbeddedSize(std::string_view path) {
  const auto file = stixkit::FindEmbeddedFile(path);
  return file ? file->size() : 0;
}

}  // namespace

int main(int argc, char** argv) {
  const std::string path = argc > 1 ? argv[1] : "../shared/eval/tram2-single-label-dev.json";
  const int rounds = argc > 2 ? std::atoi(argv[2]) : 5;

  Timer start;
  const stixkit::attack::Catalog& catalog = stixkit::attack::Catalog::Embedded();
  const double catalog_ms = start.Wall() * 1e3;
  Timer model_timer;
  auto mapper = TechniqueMapper::Embedded();
  if (!mapper.ok()) {
    std::fprintf(stderr, "attack_map_bench: %s\n", std::string(mapper.status().message()).c_str());
    return 1;
  }
  const double mapper_ms = model_timer.Wall() * 1e3;
  (*mapper)->Map("used Mimikatz to dump credentials from LSASS", MapOptions{});
  std::printf(
      "start-up to first mapped sentence: %.1f ms wall, %.1f ms CPU "
      "(catalog %.1f ms, model + name index %.1f ms; %zu techniques)\n",
      start.Wall() * 1e3, start.Cpu() * 1e3, catalog_ms, mapper_ms, catalog.techniques().size());
  const size_t catalog_bytes = EmbeddedSize("attack-data/catalog.json");
  const size_t model_bytes = EmbeddedSize(stixkit::convert::kEmbeddedModelPath);
  std::printf("embedded data: catalog %.2f MB + model %.2f MB = %.2f MB\n", catalog_bytes / 1e6,
              model_bytes / 1e6, (catalog_bytes + model_bytes) / 1e6);

  const std::vector<std::string> texts = LoadSentences(path);
  size_t found = 0;
  Timer one;
  for (int r = 0; r < rounds; ++r) {
    for (const std::string& t : texts) found += (*mapper)->Map(t, MapOptions{}).techniques.size();
  }
  const double n = static_cast<double>(texts.size()) * rounds;
  std::printf(
      "one core: %zu sentences x %d rounds: %.0f sentences/s wall, %.0f sentences/s CPU "
      "(%.1f us each; %.2f techniques per sentence)\n",
      texts.size(), rounds, n / one.Wall(), n / one.Cpu(), one.Cpu() / n * 1e6, found / n);
  Timer all;
  for (int r = 0; r < rounds; ++r) (*mapper)->MapBatch(texts, MapOptions{});
  std::printf("MapBatch, every core: %.0f sentences/s wall\n", n / all.Wall());
  return 0;
}
