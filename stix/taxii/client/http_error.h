// Turning a TAXII server's error response into a Status a person can act on: the
// request, the HTTP status, the TAXII error body's title and description when there is
// one (TAXII 2.1 §3.6.1; many servers send HTML or plain JSON instead, which is
// ignored), and what to do next. The HTTP status travels in a payload so that callers
// (the push planner on 413) can branch on it.
//
//   POST https://h/api/collections/c/objects/: HTTP 403 Forbidden (no write access:
//   user 'bob' may not add objects); the account may not write here; ask the server's
//   administrator for write access to the collection
//
// Pure functions; thread-safe.
#ifndef STIXKIT_STIX_TAXII_CLIENT_HTTP_ERROR_H_
#define STIXKIT_STIX_TAXII_CLIENT_HTTP_ERROR_H_

#include <optional>
#include <string>
#include <string_view>

#include "absl/status/status.h"
#include "absl/time/time.h"
#include "stix/taxii/client/http_transport.h"

namespace stixkit::taxii {

// The Status for a response whose status is not 2xx. Codes: 400 and 422
// InvalidArgument, 401 Unauthenticated, 403 PermissionDenied, 404 NotFound, 406 and 415
// FailedPrecondition, 413 ResourceExhausted, 429 and 5xx Unavailable, 3xx
// FailedPrecondition, others Unknown.
absl::Status HttpErrorStatus(std::string_view method, std::string_view url,
                             const HttpResponse& response);

// The HTTP status carried by a Status from HttpErrorStatus, or 0 for any other Status.
int HttpStatusOf(const absl::Status& status);

// `text` made safe to print: control characters (terminal escapes from a hostile server)
// become '?', and it is cut to `max_bytes` with "..." appended.
std::string PrintableExcerpt(std::string_view text, size_t max_bytes = 300);

// The wait a Retry-After header asks for (RFC 9110 §10.2.3): delay-seconds or an
// HTTP-date, relative to `now`. Nullopt when absent or unparseable; a date in the past
// is a zero wait.
std::optional<absl::Duration> ParseRetryAfter(std::string_view value, absl::Time now);

}  // namespace stixkit::taxii

#endif  // STIXKIT_STIX_TAXII_CLIENT_HTTP_ERROR_H_
