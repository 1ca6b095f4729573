// TAXII client throughput against our own server, both in this process over HTTP on
// 127.0.0.1: push N generated indicators (validation skipped: the planner, envelope
// splitting, POSTs and status), then pull them back page by page into a bundle file.
// Prints objects/s each way and peak resident memory per phase. The pull phase's peak is
// measured on its own (VmHWM is reset through /proc/self/clear_refs after the push and
// the pushed objects are freed): the client holds one page at a time, so it stays flat
// as N grows; what grows is the server's SQLite cache, which shares this process.
//
//   taxii_bench [N=100000] [PAGE=1000]
#include <malloc.h>
#include <unistd.h>

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <string>

#include "absl/strings/str_cat.h"
#include "stix/model/uuid.h"
#include "stix/taxii/client/auth.h"
#include "stix/taxii/client/bundle_stream_writer.h"
#include "stix/taxii/client/curl_transport.h"
#include "stix/taxii/client/pager.h"
#include "stix/taxii/client/push_planner.h"
#include "stix/taxii/client/pusher.h"
#include "stix/taxii/server/server.h"

namespace {

using namespace stixkit::taxii;  // NOLINT: a benchmark's main

// "VmHWM" (peak) or "VmRSS" (now) of this process, in MB.
double ProcMb(const char* field) {
  std::ifstream status("/proc/self/status");
  std::string line;
  while (std::getline(status, line)) {
    if (line.rfind(field, 0) == 0) return std::atof(line.c_str() + std::strlen(field) + 1) / 1024;
  }
  return 0;
}

void ResetPeak() { std::ofstream("/proc/self/clear_refs") << "5"; }

std::string Indicator(int n, stixkit::stix::RandomBytes& random) {
  return absl::StrCat(
      R"({"type":"indicator","spec_version":"2.1","id":"indicator--)",
      stixkit::stix::UuidV4(random).ToString(),
      R"(","created":"2024-01-01T00:00:00.000Z","modified":"2024-01-01T00:00:00.000Z",)",
      R"("name":"bad address )", n, R"(","indicator_types":["malicious-activity"],)",
      R"("pattern":"[ipv4-addr:value = '10.)", (n >> 16) & 255, ".", (n >> 8) & 255, ".", n & 255,
      R"(']","pattern_type":"stix","valid_from":"2024-01-01T00:00:00Z"})");
}

double Seconds(std::chrono::steady_clock::time_point since) {
  return std::chrono::duration<double>(std::chrono::steady_clock::now() - since).count();
}

int Fail(const absl::Status& s) {
  std::fprintf(stderr, "taxii_bench: %s\n", std::string(s.message()).c_str());
  return 1;
}

}  // namespace

int main(int argc, char** argv) {
  const int n = argc > 1 ? std::atoi(argv[1]) : 100000;
  const int page = argc > 2 ? std::atoi(argv[2]) : 1000;
  char dir_template[] = "/tmp/stixkit-taxii-bench-XXXXXX";
  const std::string dir = ::mkdtemp(dir_template);
  PasswordHashOptions hash;
  hash.iterations = 1000;  // the default 600,000 would measure PBKDF2, not TAXII
  ServerOptions options;
  options.db_path = dir + "/hub.db";
  options.threads = 2;
  options.max_page_size = static_cast<size_t>(page);
  options.users = {{"bench", HashPassword("pw", hash), {"*"}, {"*"}}};
  auto server = Server::Start(options);
  if (!server.ok()) return Fail(server.status());
  auto collection = (*server)->CreateCollection("api", "Bench");
  if (!collection.ok()) return Fail(collection.status());
  const std::string root = (*server)->base_url() + "/api/";

  auto transport = CurlTransport::Create({});
  if (!transport.ok()) return Fail(transport.status());
  ClientOptions client_options;
  client_options.auth_headers = *AuthHeaders({.user = "bench", .password = "pw"});
  TaxiiClient client(transport->get(), client_options);

  // Push: plan (parse, compact, TLP scan), split, POST, status.
  stixkit::stix::RandomBytes random = stixkit::stix::SystemRandom();
  std::string bundle =
      R"({"type":"bundle","id":"bundle--6f6c9d3e-5b1e-4c3f-9b7a-2d0c1a2b3c4d","objects":[)";
  for (int i = 0; i < n; ++i) absl::StrAppend(&bundle, i ? "," : "", Indicator(i, random));
  bundle += "]}";
  const double bundle_mb = bundle.size() / 1e6;
  auto start = std::chrono::steady_clock::now();
  PushPlanner planner;
  if (absl::Status s = planner.AddText(bundle, "generated"); !s.ok()) return Fail(s);
  {
    const PushPlan plan = std::move(planner).Finish();
    bundle.clear();
    bundle.shrink_to_fit();
    auto pushed = PushObjects(client, root, *collection, plan, {});
    if (!pushed.ok()) return Fail(pushed.status());
    if (!pushed->stopped.ok()) return Fail(pushed->stopped);
    const double secs = Seconds(start);
    std::printf(
        "push: %d objects (%.1f MB) in %zu envelopes of <= %zu bytes: %.2f s, %.0f "
        "objects/s, %zu succeeded; peak RSS so far %.0f MB\n",
        n, bundle_mb, pushed->envelopes, pushed->envelope_limit, secs, n / secs,
        pushed->Count(Outcome::kSuccess), ProcMb("VmHWM:"));
  }
  malloc_trim(0);
  ResetPeak();
  const double before_pull = ProcMb("VmRSS:");

  // Pull: every page streamed into one bundle file.
  start = std::chrono::steady_clock::now();
  auto out = BundleStreamWriter::Open(dir + "/pulled.json", "bundle--1");
  if (!out.ok()) return Fail(out.status());
  Query query;
  query.limit = page;
  auto summary = FetchAllPages(
      query, [&](const Query& q) { return client.GetObjects(root, *collection, q); },
      [&](const rapidjson::Value& o) { return (*out)->Add(o); }, {});
  if (!summary.ok()) return Fail(summary.status());
  if (absl::Status s = (*out)->Commit(); !s.ok()) return Fail(s);
  const double secs = Seconds(start);
  std::printf(
      "pull: %zu objects in %d pages of %d: %.2f s, %.0f objects/s; RSS before %.0f "
      "MB, peak during pull %.0f MB (client holds one page at a time; server shares "
      "the process); bundle %.1f MB\n",
      summary->items, summary->pages, page, secs, summary->items / secs, before_pull,
      ProcMb("VmHWM:"), std::filesystem::file_size(dir + "/pulled.json") / 1e6);
  (*server)->Stop();
  std::filesystem::remove_all(dir);
  return summary->items == static_cast<size_t>(n) ? 0 : 1;
}
