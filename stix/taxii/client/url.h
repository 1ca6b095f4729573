// TAXII URLs: the small parser the client needs, the HTTPS-by-default rule, building
// endpoint URLs under an API root (every TAXII path ends in '/', TAXII 2.1 §3.1), and
// resolving the API roots a discovery resource lists (absolute, or relative starting
// with a single '/', TAXII 2.1 §4.1.1).
//
//   STIXKIT_RETURN_IF_ERROR(CheckTransportSecurity(url, /*insecure_http=*/false));
//   std::string objects = EndpointUrl(api_root, {"collections", id, "objects"});
//
// Pure functions; thread-safe.
#ifndef STIXKIT_STIX_TAXII_CLIENT_URL_H_
#define STIXKIT_STIX_TAXII_CLIENT_URL_H_

#include <initializer_list>
#include <string>
#include <string_view>

#include "absl/status/status.h"
#include "absl/status/statusor.h"

namespace stixkit::taxii {

struct UrlParts {
  std::string scheme;  // lower-cased: "https"
  std::string host;    // lower-cased, IPv6 without brackets: "::1"
  std::string port;    // as written, "" when absent
  std::string path;    // from the first '/', query included; "" when absent
};

// Splits an absolute http(s) URL. InvalidArgument quoting the URL when it has no
// "scheme://host", a scheme other than http or https, or user info ("user:pw@"): secrets
// belong in --user/--password-file, never in a URL that ends up in logs.
absl::StatusOr<UrlParts> ParseUrl(std::string_view url);

// True for "localhost", 127.0.0.0/8 and ::1.
bool IsLoopbackHost(std::string_view host);

// OK for https URLs, and for http URLs whose host is loopback or when `insecure_http`
// is set. InvalidArgument otherwise, saying how to fix it.
absl::Status CheckTransportSecurity(std::string_view url, bool insecure_http);

// `url` with a '/' added to its path when missing (before any query).
std::string WithTrailingSlash(std::string_view url);

// RFC 3986 percent-encoding of everything but the unreserved characters.
std::string PercentEncode(std::string_view text);

// base (with a trailing '/') + each segment percent-encoded and followed by '/'.
std::string EndpointUrl(std::string_view base, std::initializer_list<std::string_view> segments);

// Resolves one entry of a discovery resource's api_roots against the discovery URL.
// Absolute http(s) URLs pass through (with a trailing '/'); a relative root must start
// with exactly one '/' and contain no "." or ".." segment and no query. InvalidArgument
// naming the entry otherwise.
absl::StatusOr<std::string> ResolveApiRoot(std::string_view discovery_url,
                                           std::string_view api_root);

}  // namespace stixkit::taxii

#endif  // STIXKIT_STIX_TAXII_CLIENT_URL_H_
