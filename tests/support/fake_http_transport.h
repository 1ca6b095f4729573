// A scripted HttpTransport and a fake Clock for TAXII client tests: no network, no real
// waiting. Responses come from a handler, or from a queue in order; every request is
// recorded so tests can assert URLs and headers.
//
//   FakeTransport transport;
//   transport.Queue(TaxiiResponse(200, R"({"title":"root","versions":[],...})"));
//   FakeClock clock;
//   TaxiiClient client(&transport, clock.Options());
#ifndef STIXKIT_TESTS_SUPPORT_FAKE_HTTP_TRANSPORT_H_
#define STIXKIT_TESTS_SUPPORT_FAKE_HTTP_TRANSPORT_H_

#include <deque>
#include <functional>
#include <string>
#include <vector>

#include "absl/time/time.h"
#include "stix/taxii/client/http_transport.h"
#include "stix/taxii/client/taxii_client.h"

namespace stixkit::testing {

inline taxii::HttpResponse TaxiiResponse(int status, std::string body,
                                         std::vector<taxii::HttpHeader> headers = {}) {
  headers.push_back({"Content-Type", "application/taxii+json;version=2.1"});
  return taxii::HttpResponse{status, std::move(headers), std::move(body)};
}

class FakeTransport : public taxii::HttpTransport {
 public:
  using Handler = std::function<absl::StatusOr<taxii::HttpResponse>(const taxii::HttpRequest&)>;

  FakeTransport() = default;
  explicit FakeTransport(Handler handler) : handler_(std::move(handler)) {}

  void Queue(taxii::HttpResponse response) { queue_.push_back(std::move(response)); }

  absl::StatusOr<taxii::HttpResponse> Send(const taxii::HttpRequest& request) override {
    requests.push_back(request);
    if (handler_) return handler_(request);
    if (queue_.empty()) return absl::InternalError("fake transport: no response queued");
    taxii::HttpResponse r = std::move(queue_.front());
    queue_.pop_front();
    return r;
  }

  std::vector<taxii::HttpRequest> requests;

 private:
  Handler handler_;
  std::deque<taxii::HttpResponse> queue_;
};

// Starts at 2024-01-01T00:00:00Z; sleeping advances it and is recorded.
struct FakeClock {
  absl::Time now = absl::FromUnixSeconds(1704067200);
  std::vector<absl::Duration> sleeps;

  taxii::Clock clock() {
    return taxii::Clock{[this] { return now; },
                        [this](absl::Duration d) {
                          sleeps.push_back(d);
                          now += d;
                        }};
  }
  taxii::ClientOptions Options() {
    taxii::ClientOptions o;
    o.clock = clock();
    return o;
  }
};

// The value of header `name` in a recorded request, or "" when absent.
inline std::string RequestHeader(const taxii::HttpRequest& r, std::string_view name) {
  for (const taxii::HttpHeader& h : r.headers) {
    if (h.name == name) return h.value;
  }
  return "";
}

}  // namespace stixkit::testing

#endif  // STIXKIT_TESTS_SUPPORT_FAKE_HTTP_TRANSPORT_H_
