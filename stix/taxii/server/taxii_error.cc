#include "stix/taxii/server/taxii_error.h"

#include "absl/strings/str_cat.h"
#include "stix/base/strings.h"
#include "stix/taxii/server/internal/json_writer.h"

namespace stixkit::taxii {

TaxiiError TaxiiError::Make(int http_status, std::string description) {
  return TaxiiError{http_status, std::string(ReasonPhrase(http_status)), std::move(description)};
}

std::string_view ReasonPhrase(int http_status) {
  switch (http_status) {
    case 400: return "Bad Request";
    case 401: return "Unauthorized";
    case 403: return "Forbidden";
    case 404: return "Not Found";
    case 405: return "Method Not Allowed";
    case 406: return "Not Acceptable";
    case 408: return "Request Timeout";
    case 413: return "Payload Too Large";
    case 414: return "URI Too Long";
    case 415: return "Unsupported Media Type";
    case 416: return "Range Not Satisfiable";
    case 422: return "Unprocessable Entity";
    case 431: return "Request Header Fields Too Large";
    case 500: return "Internal Server Error";
    case 503: return "Service Unavailable";
    default: return "Error";
  }
}

std::string ErrorBody(const TaxiiError& error) {
  rapidjson::StringBuffer buffer;
  server_internal::JsonWriter w(buffer);
  w.StartObject();
  server_internal::WriteMember(w, "title", error.title);
  if (!error.description.empty()) server_internal::WriteMember(w, "description", error.description);
  server_internal::WriteMember(w, "http_status", absl::StrCat(error.http_status));
  w.EndObject();
  return server_internal::Text(buffer);
}

int HttpStatusForError(const absl::Status& status) {
  switch (status.code()) {
    case absl::StatusCode::kInvalidArgument: return 400;
    case absl::StatusCode::kUnauthenticated: return 401;
    case absl::StatusCode::kPermissionDenied: return 403;
    case absl::StatusCode::kNotFound: return 404;
    case absl::StatusCode::kResourceExhausted: return 413;
    case absl::StatusCode::kFailedPrecondition: return 422;
    default: return 500;
  }
}

TaxiiError ErrorFromStatus(const absl::Status& status) {
  return TaxiiError::Make(HttpStatusForError(status), std::string(status.message()));
}

}  // namespace stixkit::taxii
