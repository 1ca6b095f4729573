#include "stix/taxii/client/http_error.h"

#include "absl/strings/ascii.h"
#include "absl/strings/cord.h"
#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"
#include "rapidjson/document.h"
#include "stix/base/strings.h"
#include "stix/json/json_access.h"

namespace stixkit::taxii {
namespace {

constexpr char kHttpStatusPayload[] = "stixkit.taxii/http-status";

std::string_view ReasonPhrase(int code) {
  switch (code) {
    case 400:
      return "Bad Request";
    case 401:
      return "Unauthorized";
    case 403:
      return "Forbidden";
    case 404:
      return "Not Found";
    case 405:
      return "Method Not Allowed";
    case 406:
      return "Not Acceptable";
    case 408:
      return "Request Timeout";
    case 413:
      return "Payload Too Large";
    case 415:
      return "Unsupported Media Type";
    case 422:
      return "Unprocessable Content";
    case 429:
      return "Too Many Requests";
    case 500:
      return "Internal Server Error";
    case 502:
      return "Bad Gateway";
    case 503:
      return "Service Unavailable";
    case 504:
      return "Gateway Timeout";
    default:
      return "";
  }
}

// What the user can do about each status (the reason the message exists).
std::string Advice(int code, std::string_view method, const HttpResponse& response) {
  const bool write = method != "GET";
  switch (code) {
    case 400:
      return "the server refused the request; check the filter values (--added-after, "
             "--match-type, --match-id, --version, --limit)";
    case 401:
      return "check --user and --password-file (or STIXKIT_TAXII_PASSWORD), or "
             "--token-file (or STIXKIT_TAXII_TOKEN)";
    case 403:
      return absl::StrCat("the account may not ", write ? "write" : "read",
                          " here; ask the server's administrator for ", write ? "write" : "read",
                          " access to the collection");
    case 404:
      return "check the API root URL and the collection id (servers also answer 404 for a "
             "collection the account may not see)";
    case 406:
      return "the server does not offer application/taxii+json;version=2.1 (it may speak "
             "only TAXII 2.0)";
    case 413:
      return "the request is larger than the server accepts; lower the envelope size with "
             "--max-envelope-bytes";
    case 415:
      return "the server refused the Content-Type application/taxii+json;version=2.1";
    case 422:
      return "the server could not process the content; check it with 'stixkit validate' "
             "and the collection's media types";
    case 429:
    case 503:
      return "the server is busy; try again later or raise --retries";
    default:
      break;
  }
  if (code >= 300 && code < 400) {
    const std::string_view location = response.Header("Location");
    if (!location.empty()) {
      return absl::StrCat("the server redirects to '", PrintableExcerpt(location),
                          "'; use that URL");
    }
  }
  return "";
}

// " (title: description)" from a TAXII error body, or "" for any other body.
std::string ServerSays(std::string_view body) {
  rapidjson::Document doc;
  doc.Parse(body.data(), body.size());
  if (doc.HasParseError() || !doc.IsObject()) return "";
  const std::string_view title = stix::StringMember(doc, "title");
  const std::string_view description = stix::StringMember(doc, "description");
  if (title.empty() && description.empty()) return "";
  std::string out = " (" + PrintableExcerpt(title.empty() ? description : title);
  if (!title.empty() && !description.empty()) {
    absl::StrAppend(&out, ": ", PrintableExcerpt(description));
  }
  return out + ")";
}

absl::StatusCode CodeFor(int http) {
  switch (http) {
    case 400:
    case 422:
      return absl::StatusCode::kInvalidArgument;
    case 401:
      return absl::StatusCode::kUnauthenticated;
    case 403:
      return absl::StatusCode::kPermissionDenied;
    case 404:
      return absl::StatusCode::kNotFound;
    case 406:
    case 415:
      return absl::StatusCode::kFailedPrecondition;
    case 413:
      return absl::StatusCode::kResourceExhausted;
    case 429:
      return absl::StatusCode::kUnavailable;
    default:
      break;
  }
  if (http >= 500) return absl::StatusCode::kUnavailable;
  if (http >= 300 && http < 400) return absl::StatusCode::kFailedPrecondition;
  return absl::StatusCode::kUnknown;
}

}  // namespace

absl::Status HttpErrorStatus(std::string_view method, std::string_view url,
                             const HttpResponse& response) {
  const int code = response.status;
  std::string message = absl::StrCat(Av(method), " ", Av(url), ": HTTP ", code);
  if (const std::string_view reason = ReasonPhrase(code); !reason.empty()) {
    absl::StrAppend(&message, " ", Av(reason));
  }
  absl::StrAppend(&message, ServerSays(response.body));
  if (const std::string advice = Advice(code, method, response); !advice.empty()) {
    absl::StrAppend(&message, "; ", advice);
  }
  absl::Status status(CodeFor(code), message);
  status.SetPayload(kHttpStatusPayload, absl::Cord(absl::StrCat(code)));
  return status;
}

int HttpStatusOf(const absl::Status& status) {
  const auto payload = status.GetPayload(kHttpStatusPayload);
  int code = 0;
  if (!payload || !absl::SimpleAtoi(std::string(*payload), &code)) return 0;
  return code;
}

std::string PrintableExcerpt(std::string_view text, size_t max_bytes) {
  std::string out;
  const bool cut = text.size() > max_bytes;
  for (const char c : text.substr(0, max_bytes)) {
    const auto u = static_cast<unsigned char>(c);
    out += (u < 0x20 || u == 0x7f) ? '?' : c;
  }
  if (cut) out += "...";
  return out;
}

std::optional<absl::Duration> ParseRetryAfter(std::string_view value, absl::Time now) {
  const absl::string_view v = absl::StripAsciiWhitespace(Av(value));
  if (v.empty()) return std::nullopt;
  int64_t seconds = 0;
  if (absl::SimpleAtoi(v, &seconds)) {
    if (seconds < 0) return std::nullopt;
    return absl::Seconds(seconds);
  }
  // IMF-fixdate, the form RFC 9110 §5.6.7 requires senders to use; RFC 850 and asctime
  // dates are obsolete and read as "no hint".
  absl::Time when;
  std::string err;
  if (!absl::ParseTime("%a, %d %b %Y %H:%M:%S GMT", std::string(v), absl::UTCTimeZone(), &when,
                       &err)) {
    return std::nullopt;
  }
  return when > now ? when - now : absl::ZeroDuration();
}

}  // namespace stixkit::taxii
