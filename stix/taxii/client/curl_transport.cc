#include "stix/taxii/client/curl_transport.h"

#include <curl/curl.h>

#include <filesystem>
#include <mutex>

#include "absl/strings/ascii.h"
#include "absl/strings/str_cat.h"
#include "stix/base/strings.h"

namespace stixkit::taxii {
namespace {

struct Exchange {
  HttpResponse response;
  size_t max_bytes = 0;
  bool too_big = false;
};

size_t OnBody(char* data, size_t size, size_t count, void* user) {
  auto* ex = static_cast<Exchange*>(user);
  const size_t n = size * count;
  if (ex->response.body.size() + n > ex->max_bytes) {
    ex->too_big = true;
    return 0;  // makes curl abort the transfer with CURLE_WRITE_ERROR
  }
  ex->response.body.append(data, n);
  return n;
}

size_t OnHeader(char* data, size_t size, size_t count, void* user) {
  auto* ex = static_cast<Exchange*>(user);
  const size_t n = size * count;
  const std::string_view line(data, n);
  // A new status line starts a new response (after "100 Continue" or a proxy CONNECT).
  if (line.substr(0, 5) == "HTTP/") {
    ex->response.headers.clear();
    return n;
  }
  const size_t colon = line.find(':');
  if (colon == std::string_view::npos) return n;
  ex->response.headers.push_back(
      {std::string(absl::StripAsciiWhitespace(Av(line.substr(0, colon)))),
       std::string(absl::StripAsciiWhitespace(Av(line.substr(colon + 1))))});
  return n;
}

absl::Status CheckFile(std::string_view flag, const std::string& path) {
  if (path.empty() || std::filesystem::exists(path)) return absl::OkStatus();
  return absl::InvalidArgumentError(absl::StrCat(Av(flag), " file '", path, "' does not exist"));
}

absl::Status TransferError(CURLcode code, const char* detail, const HttpRequest& request,
                           const CurlOptions& options) {
  const std::string what = absl::StrCat(request.method, " ", request.url, ": ",
                                        *detail ? detail : curl_easy_strerror(code));
  switch (code) {
    case CURLE_OPERATION_TIMEDOUT:
      return absl::DeadlineExceededError(
          absl::StrCat(what, "; no complete answer within the time allowed (--connect-timeout ",
                       absl::ToDoubleSeconds(options.connect_timeout), " s, --timeout ",
                       absl::ToDoubleSeconds(options.timeout), " s)"));
    case CURLE_PEER_FAILED_VERIFICATION:
    case CURLE_SSL_CACERT_BADFILE:
      return absl::UnavailableError(
          absl::StrCat(what,
                       "; the server's certificate could not be verified (use --ca-bundle for a "
                       "private CA)"));
    case CURLE_SSL_CERTPROBLEM:
    case CURLE_SSL_CIPHER:
    case CURLE_SSL_CONNECT_ERROR:
      return absl::UnavailableError(
          absl::StrCat(what, "; TLS failed (check --cert, --key and --ca-bundle)"));
    case CURLE_RECV_ERROR:
    case CURLE_SEND_ERROR:
      // Under TLS 1.3 a server that refuses the client's certificate (or its absence)
      // says so only after the handshake, so curl sees a failed read, not a TLS error.
      if (absl::AsciiStrToLower(request.url.substr(0, 6)) == "https:") {
        return absl::UnavailableError(absl::StrCat(
            what, "; the server broke off the TLS connection: if it requires a client "
                  "certificate (mutual TLS), check --cert and --key"));
      }
      return absl::UnavailableError(what);
    default:
      return absl::UnavailableError(what);
  }
}

// The options every request shares: protocols, TLS, timeouts, bounds, proxy.
void SetConnectionOptions(CURL* curl, const CurlOptions& options) {
  curl_easy_setopt(curl, CURLOPT_NOSIGNAL, 1L);
  curl_easy_setopt(curl, CURLOPT_PROTOCOLS_STR, "http,https");
  curl_easy_setopt(curl, CURLOPT_FOLLOWLOCATION, 0L);
  curl_easy_setopt(curl, CURLOPT_SSLVERSION, static_cast<long>(CURL_SSLVERSION_TLSv1_2));
  curl_easy_setopt(curl, CURLOPT_ACCEPT_ENCODING, "");
  curl_easy_setopt(curl, CURLOPT_USERAGENT, options.user_agent.c_str());
  curl_easy_setopt(curl, CURLOPT_CONNECTTIMEOUT_MS,
                   static_cast<long>(absl::ToInt64Milliseconds(options.connect_timeout)));
  curl_easy_setopt(curl, CURLOPT_TIMEOUT_MS,
                   static_cast<long>(absl::ToInt64Milliseconds(options.timeout)));
  // Refuse early when Content-Length already says the body is too big.
  curl_easy_setopt(curl, CURLOPT_MAXFILESIZE_LARGE,
                   static_cast<curl_off_t>(options.max_response_bytes));
  if (!options.ca_bundle.empty()) curl_easy_setopt(curl, CURLOPT_CAINFO, options.ca_bundle.c_str());
  if (!options.cert.empty()) {
    curl_easy_setopt(curl, CURLOPT_SSLCERT, options.cert.c_str());
    curl_easy_setopt(curl, CURLOPT_SSLKEY, options.key.c_str());
  }
  if (!options.proxy.empty()) curl_easy_setopt(curl, CURLOPT_PROXY, options.proxy.c_str());
}

}  // namespace

absl::StatusOr<std::unique_ptr<CurlTransport>> CurlTransport::Create(CurlOptions options) {
  if (options.cert.empty() != options.key.empty()) {
    return absl::InvalidArgumentError(
        "--cert and --key go together: a client certificate needs its private key");
  }
  for (const auto& [flag, path] :
       {std::pair<std::string_view, std::string_view>{"--ca-bundle", options.ca_bundle},
        {"--cert", options.cert},
        {"--key", options.key}}) {
    if (absl::Status s = CheckFile(flag, std::string(path)); !s.ok()) return s;
  }
  static std::once_flag init;
  std::call_once(init, [] { curl_global_init(CURL_GLOBAL_DEFAULT); });
  CURL* handle = curl_easy_init();
  if (handle == nullptr) return absl::InternalError("libcurl could not start (curl_easy_init)");
  return std::unique_ptr<CurlTransport>(new CurlTransport(std::move(options), handle));
}

CurlTransport::~CurlTransport() { curl_easy_cleanup(static_cast<CURL*>(handle_)); }

absl::StatusOr<HttpResponse> CurlTransport::Send(const HttpRequest& request) {
  CURL* curl = static_cast<CURL*>(handle_);
  curl_easy_reset(curl);  // keeps the connection cache, drops the last request's options
  Exchange ex;
  ex.max_bytes = options_.max_response_bytes;
  char error[CURL_ERROR_SIZE] = {0};
  curl_slist* headers = nullptr;
  for (const HttpHeader& h : request.headers) {
    headers = curl_slist_append(headers, absl::StrCat(h.name, ": ", h.value).c_str());
  }
  // Large POSTs would otherwise wait for "100 Continue", which some servers never send.
  headers = curl_slist_append(headers, "Expect:");

  curl_easy_setopt(curl, CURLOPT_URL, request.url.c_str());
  curl_easy_setopt(curl, CURLOPT_HTTPHEADER, headers);
  curl_easy_setopt(curl, CURLOPT_ERRORBUFFER, error);
  SetConnectionOptions(curl, options_);
  if (request.method == "POST") {
    curl_easy_setopt(curl, CURLOPT_POST, 1L);
    curl_easy_setopt(curl, CURLOPT_POSTFIELDS, request.body.data());
    curl_easy_setopt(curl, CURLOPT_POSTFIELDSIZE_LARGE,
                     static_cast<curl_off_t>(request.body.size()));
  } else if (request.method != "GET") {
    curl_easy_setopt(curl, CURLOPT_CUSTOMREQUEST, request.method.c_str());
  }
  curl_easy_setopt(curl, CURLOPT_WRITEFUNCTION, OnBody);
  curl_easy_setopt(curl, CURLOPT_WRITEDATA, &ex);
  curl_easy_setopt(curl, CURLOPT_HEADERFUNCTION, OnHeader);
  curl_easy_setopt(curl, CURLOPT_HEADERDATA, &ex);

  const CURLcode code = curl_easy_perform(curl);
  curl_slist_free_all(headers);
  if (ex.too_big || code == CURLE_FILESIZE_EXCEEDED) {
    return absl::ResourceExhaustedError(
        absl::StrCat(request.method, " ", request.url, ": the response is larger than ",
                     options_.max_response_bytes,
                     " bytes (--max-response-bytes); lower --limit or raise the bound"));
  }
  if (code != CURLE_OK) return TransferError(code, error, request, options_);
  long status = 0;
  curl_easy_getinfo(curl, CURLINFO_RESPONSE_CODE, &status);
  ex.response.status = static_cast<int>(status);
  return std::move(ex.response);
}

}  // namespace stixkit::taxii
