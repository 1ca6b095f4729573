// TAXII error resources (TAXII 2.1 §3.6.1): every non-2xx answer of the server carries
// one, as {"title", "description", "http_status"} with Content-Type
// application/taxii+json;version=2.1. `http_status` is a string, as the standard's
// example writes it.
//
//   TaxiiError e = TaxiiError::Make(404, "no collection 'x' in API root 'api'");
//   ErrorBody(e);  // {"title":"Not Found","description":"no collection ...","http_status":"404"}
//
// Value type; pure functions; thread-safe.
#ifndef STIXKIT_STIX_TAXII_SERVER_TAXII_ERROR_H_
#define STIXKIT_STIX_TAXII_SERVER_TAXII_ERROR_H_

#include <string>
#include <string_view>

#include "absl/status/status.h"

namespace stixkit::taxii {

struct TaxiiError {
  int http_status = 500;
  std::string title;
  std::string description;

  // An error whose title is the standard reason phrase of `http_status`.
  static TaxiiError Make(int http_status, std::string description);
};

// "Not Found" for 404, ...; "Error" for codes the server never sends.
std::string_view ReasonPhrase(int http_status);

// The JSON text of the error resource.
std::string ErrorBody(const TaxiiError& error);

// The HTTP status for a failed Status from the store or a parser: InvalidArgument 400,
// NotFound 404, PermissionDenied 403, Unauthenticated 401, ResourceExhausted 413,
// FailedPrecondition 422, anything else 500.
int HttpStatusForError(const absl::Status& status);

// HttpStatusForError and the status's message as the description.
TaxiiError ErrorFromStatus(const absl::Status& status);

}  // namespace stixkit::taxii

#endif  // STIXKIT_STIX_TAXII_SERVER_TAXII_ERROR_H_
