// The one seam between the TAXII client and the network: an HttpTransport sends one
// HTTP request and returns the response. CurlTransport (curl_transport.h) is the real
// one; tests inject a fake that answers from a script, so that retries, pagination and
// error messages are tested without a network.
//
//   absl::StatusOr<HttpResponse> r = transport.Send({"GET", url, headers, ""});
//
// Implementations need not be thread-safe: one TaxiiClient uses its transport from one
// thread at a time.
#ifndef STIXKIT_STIX_TAXII_CLIENT_HTTP_TRANSPORT_H_
#define STIXKIT_STIX_TAXII_CLIENT_HTTP_TRANSPORT_H_

#include <string>
#include <string_view>
#include <vector>

#include "absl/status/statusor.h"

namespace stixkit::taxii {

struct HttpHeader {
  std::string name;
  std::string value;
};

struct HttpRequest {
  std::string method;  // "GET", "POST"
  std::string url;
  std::vector<HttpHeader> headers;
  std::string body;
};

struct HttpResponse {
  int status = 0;
  std::vector<HttpHeader> headers;
  std::string body;

  // The value of the first header called `name` (case-insensitive), or "" when absent.
  // The view borrows from this response.
  std::string_view Header(std::string_view name) const;
};

class HttpTransport {
 public:
  virtual ~HttpTransport() = default;

  // Sends `request` and returns the response whatever its HTTP status (4xx and 5xx are
  // responses, not errors). Fails with Unavailable when the server cannot be reached or
  // TLS fails, DeadlineExceeded on a timeout, and ResourceExhausted when the response
  // body is larger than the transport's bound.
  virtual absl::StatusOr<HttpResponse> Send(const HttpRequest& request) = 0;
};

}  // namespace stixkit::taxii

#endif  // STIXKIT_STIX_TAXII_CLIENT_HTTP_TRANSPORT_H_
