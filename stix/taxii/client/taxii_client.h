// A TAXII 2.1 client over an injectable HttpTransport: one method per endpoint the
// toolkit uses (discovery, API root, collections, objects, manifest, status, add
// objects). Every request carries `Accept: application/taxii+json;version=2.1` (and the
// same Content-Type on POST, TAXII 2.1 §3.1), the configured authentication headers, and
// goes only to https:// or loopback http:// URLs unless insecure_http is set. 429 and
// 503 are retried with backoff, honouring Retry-After, at most `retries` times. Other
// failures come back as the Status from HttpErrorStatus (http_error.h).
//
//   auto transport = CurlTransport::Create(curl_options);
//   TaxiiClient client(transport->get(), ClientOptions{});
//   STIXKIT_ASSIGN_OR_RETURN(ApiRoot root, client.GetApiRoot("https://h/api/"));
//
// The client borrows the transport, which must outlive it. Not thread-safe; use one
// client per thread.
#ifndef STIXKIT_STIX_TAXII_CLIENT_TAXII_CLIENT_H_
#define STIXKIT_STIX_TAXII_CLIENT_TAXII_CLIENT_H_

#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "absl/status/statusor.h"
#include "absl/time/time.h"
#include "rapidjson/document.h"
#include "stix/taxii/client/http_transport.h"
#include "stix/taxii/client/query.h"
#include "stix/taxii/client/resources.h"

namespace stixkit::taxii {

// Time as the client sees it; tests inject a fake one so retries and polling take no
// real time.
struct Clock {
  std::function<absl::Time()> now;
  std::function<void(absl::Duration)> sleep;

  // absl::Now and absl::SleepFor.
  static Clock Real();
};

struct ClientOptions {
  // Sent on every request: "Authorization: Basic ...", a bearer token, or a custom
  // token header (auth.h builds them).
  std::vector<HttpHeader> auth_headers;
  // Allow http:// to hosts that are not loopback.
  bool insecure_http = false;
  // Retries of one request answered 429 or 503.
  int retries = 3;
  // The longest single wait between retries, whatever Retry-After asks.
  absl::Duration max_retry_wait = absl::Seconds(60);
  // Also enforced by CurlTransport while receiving; checked here for any transport.
  size_t max_response_bytes = size_t{256} << 20;
  Clock clock = Clock::Real();
  // Told about each retry ("HTTP 429 from URL; retrying in 2s (1 of 3)"); may be empty.
  std::function<void(std::string_view)> log;
};

// One page of a paged response: an envelope (objects) or a manifest.
struct Page {
  rapidjson::Document body;
  bool more = false;
  std::string next;
  std::string date_added_first;  // X-TAXII-Date-Added-First, "" when absent
  std::string date_added_last;   // X-TAXII-Date-Added-Last, "" when absent

  // The page's "objects" array (STIX objects or manifest records), or nullptr when the
  // page has none. Borrows from `body`.
  const rapidjson::Value* items() const;
};

class TaxiiClient {
 public:
  TaxiiClient(HttpTransport* transport, ClientOptions options)
      : transport_(transport), options_(std::move(options)) {}

  // GET the discovery resource. A URL with no path gets "/taxii2/" appended.
  absl::StatusOr<Discovery> GetDiscovery(std::string_view url);
  absl::StatusOr<ApiRoot> GetApiRoot(std::string_view api_root);
  absl::StatusOr<std::vector<Collection>> GetCollections(std::string_view api_root);
  absl::StatusOr<Collection> GetCollection(std::string_view api_root, std::string_view id);
  // One page of GET .../objects/ or .../manifest/ with `query`.
  absl::StatusOr<Page> GetObjects(std::string_view api_root, std::string_view collection,
                                  const Query& query);
  absl::StatusOr<Page> GetManifest(std::string_view api_root, std::string_view collection,
                                   const Query& query);
  absl::StatusOr<StatusResource> GetStatus(std::string_view api_root, std::string_view id);
  // POST an envelope to .../objects/; the server's status resource on 202 (or 200).
  absl::StatusOr<StatusResource> AddObjects(std::string_view api_root, std::string_view collection,
                                            std::string envelope_json);

  const Clock& clock() const { return options_.clock; }
  const ClientOptions& options() const { return options_; }

 private:
  absl::StatusOr<HttpResponse> Send(std::string_view method, const std::string& url,
                                    std::string body);
  absl::StatusOr<rapidjson::Document> SendForJson(std::string_view method, const std::string& url,
                                                  std::string body,
                                                  HttpResponse* response = nullptr);
  absl::StatusOr<Page> GetPage(const std::string& url, const Query& query);

  HttpTransport* transport_;
  ClientOptions options_;
};

}  // namespace stixkit::taxii

#endif  // STIXKIT_STIX_TAXII_CLIENT_TAXII_CLIENT_H_
