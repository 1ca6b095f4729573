// Measures `stixkit convert` against issue 4's targets:
//  - seed-sized reports per second on one core (target >= 1,000/s), through the whole
//    pipeline: read, extract, map, build, serialise and validate;
//  - a 10 MB text (target < 2 s), and 1, 2.5, 5 and 10 MB to show cost grows linearly.
// Times are wall clock and CPU time of the measuring thread (a busy machine stretches
// the first but not the second).
//
//   convert_bench [REPORT] [ROUNDS]
//
// REPORT defaults to ../shared/seeds/carecloud-incident-report.txt, else the first
// sample report.
#include <time.h>

#include <chrono>
#include <cstdio>
#include <string>

#include "absl/time/time.h"
#include "bench/bench_clock.h"
#include "converters/convert.h"
#include "stix/base/input_file.h"

namespace {

using stixkit::convert::ConvertOptions;
using stixkit::convert::ConvertReport;

using stixkit::bench::ThreadCpuSeconds;
using stixkit::bench::WallSeconds;

std::string Load(const std::string& path) {
  auto file = stixkit::InputFile::Open(path);
  if (!file.ok()) return "";
  return std::string(file->contents());
}

// A large report: the sample's sections repeated, each copy with its own IOC so the
// indicator count grows with the size too.
std::string Grow(const std::string& report, size_t bytes) {
  std::string out = report;
  for (int i = 0; out.size() < bytes; ++i) {
    out += "\n## Indicators of Compromise\n- **Network indicators:** 198.51." +
           std::to_string(i / 250 % 250) + "." + std::to_string(i % 250 + 1) + "\n";
    out += report;
  }
  return out;
}

}  // namespace

int main(int argc, char** argv) {
  std::string path = argc > 1 ? argv[1] : "../shared/seeds/carecloud-incident-report.txt";
  std::string report = Load(path);
  if (report.empty()) {
    path = "samples/reports/01-clinic-seed-format.md";
    report = Load(path);
  }
  if (report.empty()) {
    std::fprintf(stderr, "convert_bench: no report to convert (give one)\n");
    return 1;
  }
  const int rounds = argc > 2 ? std::atoi(argv[2]) : 2000;
  stixkit::stix::ValidatorSettings settings;
  settings.jobs = 1;
  auto validator = stixkit::stix::Validator::Create({}, settings);
  if (!validator.ok()) return 1;
  ConvertOptions options;
  options.now = absl::FromUnixSeconds(1775000000);
  // Warm-up: the catalog, the model and the schemas load on first use.
  const double start_wall = WallSeconds();
  auto first = ConvertReport(path, report, std::nullopt, options, *validator);
  if (!first.ok()) {
    std::fprintf(stderr, "convert_bench: %s\n", std::string(first.status().message()).c_str());
    return 1;
  }
  std::printf("first conversion (loads catalog, model, schemas): %.1f ms\n",
              (WallSeconds() - start_wall) * 1e3);
  double wall = WallSeconds(), cpu = ThreadCpuSeconds();
  size_t objects = 0;
  for (int i = 0; i < rounds; ++i) {
    auto c = ConvertReport(path, report, std::nullopt, options, *validator);
    objects += c.ok() ? c->object_json.size() : 0;
  }
  wall = WallSeconds() - wall;
  cpu = ThreadCpuSeconds() - cpu;
  std::printf("%s (%zu bytes): %d conversions, %.0f reports/s wall, %.0f reports/s cpu, "
              "%.0f objects/s cpu (one core)\n",
              path.c_str(), report.size(), rounds, rounds / wall, rounds / cpu, objects / cpu);
  for (size_t mb : {1u << 20, 5u << 19, 5u << 20, 10u << 20}) {
    const std::string big = Grow(report, mb);
    double w = WallSeconds(), c = ThreadCpuSeconds();
    auto r = ConvertReport("big.md", big, std::nullopt, options, *validator);
    w = WallSeconds() - w;
    c = ThreadCpuSeconds() - c;
    std::printf("%5.1f MB text: %.2f s wall, %.2f s cpu, %.1f MB/s cpu, %zu objects%s\n",
                big.size() / 1048576.0, w, c, big.size() / 1048576.0 / c,
                r.ok() ? r->object_json.size() : 0,
                r.ok() ? "" : (" (" + std::string(r.status().message()) + ")").c_str());
  }
  return 0;
}
