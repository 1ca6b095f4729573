// Mutation testing of every entry point that reads outside input: the validator, the
// pattern parser, the markdown, text and HTML readers, the whole convert pipeline, the IOC
// extractor, the TAXII client's response parsing and the TAXII server's request parsing
// (posted envelopes, query parameters, page cursors, media types). Each gets 10,000
// mutants of samples and small inline seeds from a fixed-seed PRNG (byte flips,
// insertions, deletions, splices, repeated chunks; hostile_input.h), and must answer each
// with a result or a clean error: no crash, no hang, no internal error.
//
// Hangs: a watchdog aborts the run, naming the entry point and the mutant's index, when
// one input takes longer than kPerInput or one entry point longer than kPerEntryPoint. It
// is the only use of the real clock in these tests, and its bounds are far above the
// normal times (the whole file takes about 16 s in Release, 25 s under ASan).
//
// Under AddressSanitizer each input costs 5-20x more, so sanitizer builds run
// kSanitizedMutants per entry point instead of 10,000; the Release build keeps 10,000.
#include <atomic>
#include <chrono>
#include <condition_variable>
#include <cstdio>
#include <cstdlib>
#include <mutex>
#include <thread>

#include <catch2/catch.hpp>

#include "converters/extract/ioc_extractor.h"
#include "stix/pattern/checked_pattern.h"
#include "stix/taxii/client/taxii_client.h"
#include "stix/taxii/media_type.h"
#include "stix/taxii/server/envelope_intake.h"
#include "stix/taxii/server/filters.h"
#include "stix/taxii/server/pagination.h"
#include "tests/hardening/hostile_input.h"
#include "tests/support/fake_http_transport.h"

namespace stixkit::testing {
namespace {

constexpr size_t kReleaseMutants = 10000;
constexpr size_t kSanitizedMutants = 1500;
constexpr size_t kMutants = kSanitized ? kSanitizedMutants : kReleaseMutants;
constexpr std::chrono::seconds kPerInput(kSanitized ? 60 : 10);
constexpr std::chrono::seconds kPerEntryPoint(kSanitized ? 300 : 60);

// Aborts the process when an input or an entry point runs over its bound: a hang must
// fail the run with a name, not stall CI until its timeout.
class Watchdog {
 public:
  explicit Watchdog(const char* entry_point)
      : entry_point_(entry_point), entry_start_(Clock::now()), input_start_(entry_start_) {
    thread_ = std::thread([this] { Watch(); });
  }
  ~Watchdog() {
    {
      std::lock_guard<std::mutex> lock(mutex_);
      done_ = true;
    }
    wake_.notify_one();
    thread_.join();
  }
  void Next(size_t index) {
    std::lock_guard<std::mutex> lock(mutex_);
    index_ = index;
    input_start_ = Clock::now();
  }

 private:
  using Clock = std::chrono::steady_clock;

  void Watch() {
    std::unique_lock<std::mutex> lock(mutex_);
    while (!wake_.wait_for(lock, std::chrono::milliseconds(200), [this] { return done_; })) {
      const Clock::time_point now = Clock::now();
      const bool input_over = now - input_start_ > kPerInput;
      if (input_over || now - entry_start_ > kPerEntryPoint) {
        std::fprintf(stderr, "mutation test: %s: %s (mutant %zu); a hang\n", entry_point_,
                     input_over ? "one input ran over its time" : "the entry point ran over its time",
                     index_);
        std::abort();
      }
    }
  }

  const char* entry_point_;
  std::mutex mutex_;
  std::condition_variable wake_;
  bool done_ = false;
  size_t index_ = 0;
  Clock::time_point entry_start_, input_start_;
  std::thread thread_;
};

// Runs `check` on kMutants mutants of `seeds`. A quarter of the mutants mutate the
// previous mutant again, so that damage accumulates beyond one round.
template <typename Check>
void RunMutants(const char* entry_point, const std::vector<std::string>& seeds, uint64_t seed,
                Check check) {
  REQUIRE_FALSE(seeds.empty());
  Prng prng(seed);
  Watchdog watchdog(entry_point);
  std::string last = seeds[0];
  for (size_t i = 0; i < kMutants; ++i) {
    watchdog.Next(i);
    const std::string& base = prng.Below(4) == 0 ? last : seeds[i % seeds.size()];
    last = Mutate(base, seeds, prng);
    check(last, i);
  }
}

std::vector<std::string> Samples(std::initializer_list<const char*> names) {
  std::vector<std::string> out;
  for (const char* name : names) out.push_back(Sample(name));
  return out;
}

const std::vector<std::string>& ReportSeeds() {
  static const std::vector<std::string> seeds = [] {
    std::vector<std::string> s = Samples(
        {"reports/01-clinic-seed-format.md", "reports/02-full-disclosure.md",
         "reports/04-ioc-tables.md", "reports/05-advisory-tlp-amber.txt",
         "reports/06-web-advisory.html", "reports/07-defang-zoo.md",
         "reports/10-ransomware-utility.txt", "reports/12-no-sections.txt",
         "reports/13-crlf-bom.md"});
    s.push_back("# A\n## IOCs\n- 198.51.100.1\n- hxxps[:]//evil[.]com/a?b=1\n| IP | Hash |\n|--|--|\n"
                "| 10.0.0.1 | d41d8cd98f00b204e9800998ecf8427e |\n");
    s.push_back("TLP:AMBER\n\nSUMMARY\n\nHKLM\\Software\\Run\\x evil@example.com AS13335 CVE-2024-3400\n");
    s.push_back("<html><body><h1>T</h1><ul><li><b>IP:</b> 198.51.100.2</li></ul><table><tr><th>URL"
                "</th></tr><tr><td>http://a.example/x</td></tr></table></body></html>");
    return s;
  }();
  return seeds;
}

// Whether the failure is one a user can act on: InvalidArgument or DataLoss naming `name`.
void RequireCleanError(const absl::Status& status, std::string_view name, size_t index,
                       const std::string& input) {
  if (status.ok() || IsCleanInputError(status, name)) return;
  CAPTURE(index, input, status);
  FAIL("not a clean input error");
}

TEST_CASE("mutation: the validator answers 10,000 mutants with a report or a located error",
          "[hardening]") {
  std::vector<std::string> seeds =
      Samples({"bundles/phishing-campaign.json", "bundles/broken-indicator.json"});
  seeds.push_back(
      R"([{"type": "indicator", "spec_version": "2.1", "id": "indicator--8c6af861-7b20-41ef-9b59-6344fd872a8f", "created": "2016-08-08T15:50:10.983Z", "modified": "2016-08-08T15:50:10.983Z", "pattern_type": "stix", "valid_from": "2016-08-08T15:50:10.983Z", "pattern": "[ipv4-addr:value = '1.2.3.4'] AND [file:hashes.'SHA-256' = 'aa'] WITHIN 5 SECONDS"}])");
  seeds.push_back(R"({"type": "x", "a": [1, -2.5e10, true, null, "\u00e9\ud83d\ude00"], "b": {}})");
  RunMutants("validator", seeds, 1, [](const std::string& input, size_t i) {
    const stix::FileReport report = ValidateForTest(input);
    RequireCleanError(report.fatal, "in.json", i, input);
  });
}

TEST_CASE("mutation: the pattern parser answers 10,000 mutants with a tree or an error",
          "[hardening]") {
  const std::vector<std::string> seeds = {
      "[file:hashes.'SHA-256' = 'aec070645fe53ee3b3763059376134f058cc337247c978add178b6ccdfb0019f']",
      "([ipv4-addr:value = '198.51.100.1/32' OR ipv4-addr:value ISSUBSET '203.0.113.0/24'] "
      "FOLLOWEDBY [domain-name:value LIKE '%.evil.com']) WITHIN 300 SECONDS REPEATS 2 TIMES",
      "[network-traffic:extensions.'http-request-ext'.request_header.'User-Agent' MATCHES "
      "'^Mozilla' AND network-traffic:dst_port IN (80, 443, -1)] START t'2016-06-01T00:00:00Z' "
      "STOP t'2016-07-01T00:00:00Z'",
      "[x-custom:a[*].b[-1] != h'0aff' AND file:content_ref.payload_bin = b'aGVsbG8=' /* c */]",
      "[process:pid > +3.5 AND NOT process:name = 'a\\'b' AND process:x <= 1e10]",
  };
  RunMutants("pattern parser", seeds, 2, [](const std::string& input, size_t i) {
    const auto rules = i % 2 ? stix::pattern::PatternRules::kSpec
                             : stix::pattern::PatternRules::kReference;
    const auto pattern = stix::pattern::ParseCheckedPattern(input, rules);
    if (!pattern.ok() && pattern.status().code() != absl::StatusCode::kInvalidArgument) {
      CAPTURE(i, input, pattern.status());
      FAIL("the pattern parser failed with a code other than InvalidArgument");
    }
  });
}

void ReaderMutants(const char* entry_point, convert::Format format, uint64_t seed) {
  RunMutants(entry_point, ReportSeeds(), seed, [format](const std::string& input, size_t i) {
    const auto doc = convert::ReadDocument("r.in", input, format);
    RequireCleanError(doc.status(), "r.in", i, input);
  });
}

TEST_CASE("mutation: the markdown reader answers 10,000 mutants", "[hardening]") {
  ReaderMutants("markdown reader", convert::Format::kMarkdown, 3);
}

TEST_CASE("mutation: the text reader answers 10,000 mutants", "[hardening]") {
  ReaderMutants("text reader", convert::Format::kText, 4);
}

TEST_CASE("mutation: the HTML reader answers 10,000 mutants", "[hardening]") {
  ReaderMutants("HTML reader", convert::Format::kHtml, 5);
}

TEST_CASE("mutation: the convert pipeline answers 10,000 mutants with a valid bundle or an "
          "input error",
          "[hardening]") {
  RunMutants("convert pipeline", ReportSeeds(), 6, [](const std::string& input, size_t i) {
    const auto conversion = ConvertForTest("r.in", input);
    // Internal would be an invalid bundle: a converter bug, however odd the input.
    RequireCleanError(conversion.status(), "r.in", i, input);
  });
}

TEST_CASE("mutation: the IOC extractor answers 10,000 mutants in text and table cells",
          "[hardening]") {
  RunMutants("IOC extractor", ReportSeeds(), 7, [](const std::string& input, size_t i) {
    const std::vector<convert::Ioc> iocs = convert::ExtractIocs(input);
    for (const convert::Ioc& ioc : iocs) {
      if (ioc.offset > input.size() || ioc.length > input.size() - ioc.offset) {
        CAPTURE(i, input, ioc.value);
        FAIL("an IOC's span lies outside the text");
      }
    }
    const size_t cut = input.size() / 3;
    convert::ExtractIocsFromCells({input.substr(0, cut), input.substr(cut)},
                                  {i % 2 ? "SHA256" : "Type", "File name"});
  });
}

TEST_CASE("mutation: the TAXII client answers 10,000 mutated responses with a resource or "
          "an error",
          "[hardening]") {
  const std::vector<std::string> seeds = {
      R"({"title": "Hub", "default": "https://h.example/api/", "api_roots": ["https://h.example/api/", "/b/"]})",
      R"({"title": "API", "versions": ["application/taxii+json;version=2.1"], "max_content_length": 104857600})",
      R"({"collections": [{"id": "91a7b528-80eb-42ed-a74d-c6fbd5a26116", "title": "C", "can_read": true, "can_write": false, "media_types": ["application/stix+json;version=2.1"]}]})",
      R"({"more": true, "next": "abc", "objects": [{"type": "indicator", "id": "indicator--8c6af861-7b20-41ef-9b59-6344fd872a8f"}]})",
      R"({"id": "2d086da7-4bdc-4f91-900e-d77486753710", "status": "complete", "request_timestamp": "2016-11-02T12:34:34.123456Z", "total_count": 2, "success_count": 1, "failure_count": 1, "pending_count": 0, "failures": [{"id": "indicator--1", "version": "2016-11-02T12:34:34.123Z", "message": "bad"}]})",
  };
  RunMutants("TAXII client", seeds, 8, [](const std::string& input, size_t i) {
    FakeTransport transport([&](const taxii::HttpRequest&) -> absl::StatusOr<taxii::HttpResponse> {
      std::vector<taxii::HttpHeader> headers;
      if (i % 3 == 0) headers.push_back({"X-TAXII-Date-Added-First", input.substr(0, 30)});
      return TaxiiResponse(i % 7 == 0 ? 206 : 200, input, std::move(headers));
    });
    FakeClock clock;
    taxii::TaxiiClient client(&transport, clock.Options());
    const std::string root = "https://h.example/api/";
    switch (i % 6) {
      case 0: (void)client.GetDiscovery("https://h.example/taxii2/"); break;
      case 1: (void)client.GetApiRoot(root); break;
      case 2: (void)client.GetCollections(root); break;
      case 3: (void)client.GetObjects(root, "c1", taxii::Query{}); break;
      case 4: (void)client.GetManifest(root, "c1", taxii::Query{}); break;
      default: (void)client.GetStatus(root, "s1");
    }
  });
}

TEST_CASE("mutation: the TAXII server answers 10,000 mutated requests with a result or a "
          "client error",
          "[hardening]") {
  const std::vector<std::string> seeds = {
      std::string(R"({"objects": [)") + Sample("bundles/phishing-campaign.json") + "]}",
      R"({"objects": [{"type": "indicator", "spec_version": "2.1", "id": "indicator--8c6af861-7b20-41ef-9b59-6344fd872a8f", "created": "2016-08-08T15:50:10.983Z", "modified": "2016-08-08T15:50:10.983Z", "pattern_type": "stix", "valid_from": "2016-08-08T15:50:10.983Z", "pattern": "[ipv4-addr:value = '1.2.3.4']"}, 5, {"id": 1}]})",
      "added_after=2016-01-01T00:00:00.000Z&limit=10&match[type]=indicator,malware"
      "&match[version]=first,last,2016-01-01T00:00:00Z&match[spec_version]=2.1",
      "application/taxii+json;version=2.1, application/*;q=0.5, */*;q=0",
  };
  const std::string cursor = taxii::EncodeCursor({1704067200000000, 42});
  RunMutants("TAXII server", seeds, 9, [&](const std::string& input, size_t i) {
    switch (i % 4) {
      case 0: {
        const auto intake = taxii::ReadPostedEnvelope(input, TestValidator(), stix::JsonLimits{});
        const auto code = intake.status().code();
        if (!intake.ok() && code != absl::StatusCode::kInvalidArgument &&
            code != absl::StatusCode::kDataLoss &&
            code != absl::StatusCode::kFailedPrecondition) {
          CAPTURE(i, input, intake.status());
          FAIL("a posted envelope failed with an unexpected code");
        }
        break;
      }
      case 1: {
        // The query string, split the way the server receives it: percent-decoded pairs.
        taxii::QueryParams params;
        size_t start = 0;
        while (start <= input.size()) {
          size_t end = input.find('&', start);
          if (end == std::string::npos) end = input.size();
          const std::string pair = input.substr(start, end - start);
          const size_t eq = pair.find('=');
          params.emplace(pair.substr(0, eq), eq == std::string::npos ? "" : pair.substr(eq + 1));
          start = end + 1;
        }
        for (auto endpoint : {taxii::FilterEndpoint::kObjects, taxii::FilterEndpoint::kObject,
                              taxii::FilterEndpoint::kVersions, taxii::FilterEndpoint::kDelete}) {
          (void)taxii::ParseFilter(params, endpoint, taxii::PageLimits{});
        }
        break;
      }
      case 2: {
        taxii::MediaType mt;
        (void)taxii::ParseMediaType(input, &mt);
        (void)taxii::AcceptAllowsTaxii21(input);
        (void)taxii::IsTaxii21ContentType(input);
        break;
      }
      default:
        (void)taxii::DecodeCursor(input.substr(0, 64));
        (void)taxii::DecodeCursor(cursor + input.substr(0, i % 5));
    }
  });
}

}  // namespace
}  // namespace stixkit::testing
