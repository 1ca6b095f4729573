// Measures validation throughput on one file in one mode, so that each mode's peak
// memory is its own process's:
//
//   validate_bench parse FILE      raw RapidJSON parse of the whole file (the floor)
//   validate_bench validate FILE J validation with J worker threads (0: one per core)
//
// Prints objects/s, MB/s, wall and CPU seconds, and peak resident memory. bench/run
// drives it over the ATT&CK ICS bundle and a synthetic 200,000-object bundle.
#include <sys/resource.h>

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <string>

#include "rapidjson/document.h"
#include "stix/base/input_file.h"
#include "stix/validate/validator.h"

namespace {

double CpuSeconds() {
  rusage u;
  getrusage(RUSAGE_SELF, &u);
  return u.ru_utime.tv_sec + u.ru_stime.tv_sec + (u.ru_utime.tv_usec + u.ru_stime.tv_usec) / 1e6;
}

double PeakMb() {
  rusage u;
  getrusage(RUSAGE_SELF, &u);
  return u.ru_maxrss / 1024.0;
}

}  // namespace

int main(int argc, char** argv) {
  if (argc < 3) {
    std::fprintf(stderr, "usage: validate_bench parse|validate FILE [JOBS]\n");
    return 2;
  }
  const std::string mode = argv[1];
  const std::string path = argv[2];
  auto file = stixkit::InputFile::Open(path);
  if (!file.ok()) {
    std::fprintf(stderr, "%s\n", std::string(file.status().message()).c_str());
    return 1;
  }
  const double mb = file->contents().size() / 1e6;
  const auto start = std::chrono::steady_clock::now();
  const double cpu0 = CpuSeconds();
  size_t objects = 0;
  std::string verdict;
  if (mode == "parse") {
    rapidjson::Document doc;
    doc.Parse(file->contents().data(), file->contents().size());
    if (doc.HasParseError()) return 1;
    if (doc.IsObject() && doc.HasMember("objects")) objects = doc["objects"].Size();
    verdict = "parsed";
  } else {
    stixkit::stix::ValidatorSettings settings;
    settings.jobs = argc > 3 ? std::atoi(argv[3]) : 0;
    auto validator = stixkit::stix::Validator::Create({}, settings);
    if (!validator.ok()) return 1;
    const auto report = validator->ValidateFile(path);
    objects = report.object_count;
    verdict = !report.fatal.ok() ? "fatal" : report.valid() ? "valid" : "invalid";
    verdict += " (" + std::to_string(report.error_count()) + " errors, " +
               std::to_string(report.warning_count()) + " warnings)";
  }
  const double wall =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  const double cpu = CpuSeconds() - cpu0;
  std::printf("%-9s %-4s %9zu objects %8.1f MB  %7.3f s wall %7.3f s cpu  %10.0f objects/s "
              "%7.1f MB/s  peak %7.1f MB  %s\n",
              mode.c_str(), argc > 3 ? argv[3] : "-", objects, mb, wall, cpu, objects / wall,
              mb / wall, PeakMb(), verdict.c_str());
  return 0;
}
