// Fuzz target: the TAXII client reading what a hostile server answers. The input is a
// script of HTTP responses served by a fake transport (no network, a fake clock so that
// Retry-After costs no time) to one client operation: discovery, API root, collections,
// one collection, an objects page, a manifest page, a status, a POST, or a pagination
// walk over as many pages as the script holds.
//
// Input: one operation byte, then responses separated by "\n=====\n". Each response is
// "STATUS\nName: value\n...\n\nBODY"; a response without a numeric first line is a 200
// with that whole text as the body.
#include <cstddef>
#include <cstdint>
#include <charconv>
#include <cstdlib>
#include <string>
#include <string_view>
#include <vector>

#include "stix/taxii/client/http_error.h"
#include "stix/taxii/client/pager.h"
#include "stix/taxii/client/query.h"
#include "stix/taxii/client/resources.h"
#include "stix/taxii/client/taxii_client.h"
#include "stix/taxii/client/url.h"
#include "tests/support/fake_http_transport.h"

namespace {

namespace taxii = stixkit::taxii;
constexpr std::string_view kRoot = "https://taxii.example/api/";
constexpr std::string_view kCollection = "91a7b528-80eb-42ed-a74d-c6fbd5a26116";

taxii::HttpResponse ParseResponse(std::string_view text) {
  taxii::HttpResponse r;
  r.status = 200;
  size_t eol = text.find('\n');
  const std::string_view first = text.substr(0, eol);
  int status = 0;
  const auto [end, ec] = std::from_chars(first.data(), first.data() + first.size(), status);
  if (eol == std::string_view::npos || ec != std::errc() || end != first.data() + first.size()) {
    r.body = std::string(text);
    return r;
  }
  r.status = status;
  size_t at = eol + 1;
  while (at <= text.size()) {
    eol = text.find('\n', at);
    const std::string_view line =
        text.substr(at, eol == std::string_view::npos ? std::string_view::npos : eol - at);
    if (line.empty()) {
      if (eol != std::string_view::npos) r.body = std::string(text.substr(eol + 1));
      break;
    }
    const size_t colon = line.find(':');
    if (colon != std::string_view::npos) {
      std::string_view value = line.substr(colon + 1);
      while (!value.empty() && value.front() == ' ') value.remove_prefix(1);
      r.headers.push_back({std::string(line.substr(0, colon)), std::string(value)});
    }
    if (eol == std::string_view::npos) break;
    at = eol + 1;
  }
  return r;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  if (size == 0) return 0;
  const int op = data[0] % 10;
  std::string_view script(reinterpret_cast<const char*>(data) + 1, size - 1);

  stixkit::testing::FakeTransport transport;
  constexpr std::string_view kSep = "\n=====\n";
  for (;;) {
    const size_t sep = script.find(kSep);
    transport.Queue(ParseResponse(script.substr(0, sep)));
    if (sep == std::string_view::npos) break;
    script.remove_prefix(sep + kSep.size());
  }
  stixkit::testing::FakeClock clock;
  taxii::ClientOptions options = clock.Options();
  options.max_response_bytes = 1 << 20;
  taxii::TaxiiClient client(&transport, options);

  switch (op) {
    case 0: (void)client.GetDiscovery("https://taxii.example/taxii2/"); break;
    case 1: (void)client.GetApiRoot(kRoot); break;
    case 2: (void)client.GetCollections(kRoot); break;
    case 3: (void)client.GetCollection(kRoot, kCollection); break;
    case 4: (void)client.GetObjects(kRoot, kCollection, {}); break;
    case 5: (void)client.GetManifest(kRoot, kCollection, {}); break;
    case 6: (void)client.GetStatus(kRoot, "2d086da7-4bdc-4f91-900e-d77486753710"); break;
    case 7: (void)client.AddObjects(kRoot, kCollection, R"({"objects":[]})"); break;
    case 8:
    case 9: {
      taxii::Query first;
      first.limit = 10;
      if (op == 9) first.match_type = {"indicator"};
      size_t items = 0;
      const auto walked = taxii::FetchAllPages(
          first,
          [&](const taxii::Query& q) {
            return op == 8 ? client.GetObjects(kRoot, kCollection, q)
                           : client.GetManifest(kRoot, kCollection, q);
          },
          [&](const rapidjson::Value&) {
            ++items;
            return absl::OkStatus();
          },
          taxii::PagingLimits{64});
      if (walked.ok() && walked->items != items) abort();
      break;
    }
  }
  // The helpers the client applies to header and body text.
  const taxii::HttpResponse& last = ParseResponse(script);
  (void)taxii::ParseRetryAfter(last.Header("Retry-After"), clock.now);
  (void)taxii::PrintableExcerpt(last.body, 64);
  (void)taxii::NormalizeTaxiiTimestamp(last.Header("X-TAXII-Date-Added-Last"));
  (void)taxii::ResolveApiRoot("https://taxii.example/taxii2/", last.Header("Location"));
  return 0;
}
