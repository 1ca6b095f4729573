// The HttpTransport over libcurl: HTTPS with certificate checks (TLS 1.2 or later),
// optional client certificate (mutual TLS), CA bundle and proxy, connect and total
// timeouts, and a bound on the response size so that a hostile server cannot exhaust
// memory (the bound applies after decompression). Redirects are not followed: a TAXII
// client builds its URLs itself, and following one could carry credentials elsewhere.
//
//   STIXKIT_ASSIGN_OR_RETURN(auto transport, CurlTransport::Create(options));
//   TaxiiClient client(transport.get(), client_options);
//
// One CurlTransport reuses one connection; use it from one thread at a time.
#ifndef STIXKIT_STIX_TAXII_CLIENT_CURL_TRANSPORT_H_
#define STIXKIT_STIX_TAXII_CLIENT_CURL_TRANSPORT_H_

#include <cstddef>
#include <memory>
#include <string>

#include "absl/status/statusor.h"
#include "absl/time/time.h"
#include "stix/taxii/client/http_transport.h"

namespace stixkit::taxii {

struct CurlOptions {
  absl::Duration connect_timeout = absl::Seconds(10);
  // The whole exchange of one request, upload and download included.
  absl::Duration timeout = absl::Seconds(60);
  std::string ca_bundle;  // PEM file of trusted CAs; "" uses the system's
  std::string cert;       // client certificate (PEM) for mutual TLS
  std::string key;        // its private key (PEM)
  std::string proxy;      // "http://proxy:3128"; "" uses curl's environment rules
  size_t max_response_bytes = size_t{256} << 20;
  std::string user_agent = "stixkit";
};

class CurlTransport : public HttpTransport {
 public:
  // InvalidArgument when --cert is given without --key (or the reverse), or a named
  // file does not exist; Internal when libcurl cannot start.
  static absl::StatusOr<std::unique_ptr<CurlTransport>> Create(CurlOptions options);
  ~CurlTransport() override;

  absl::StatusOr<HttpResponse> Send(const HttpRequest& request) override;

 private:
  CurlTransport(CurlOptions options, void* handle)
      : options_(std::move(options)), handle_(handle) {}

  CurlOptions options_;
  void* handle_;  // CURL*, kept between requests so the connection is reused
};

}  // namespace stixkit::taxii

#endif  // STIXKIT_STIX_TAXII_CLIENT_CURL_TRANSPORT_H_
