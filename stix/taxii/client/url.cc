#include "stix/taxii/client/url.h"

#include <arpa/inet.h>

#include "absl/strings/ascii.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_split.h"
#include "stix/base/status.h"
#include "stix/base/strings.h"

namespace stixkit::taxii {
namespace {

absl::Status BadUrl(std::string_view url, std::string_view why) {
  return absl::InvalidArgumentError(absl::StrCat("invalid URL '", Av(url), "': ", Av(why)));
}

}  // namespace

absl::StatusOr<UrlParts> ParseUrl(std::string_view url) {
  const size_t sep = url.find("://");
  if (sep == std::string_view::npos || sep == 0) {
    return BadUrl(url, "expected an absolute URL such as https://taxii.example.org/api/");
  }
  UrlParts parts;
  parts.scheme = absl::AsciiStrToLower(Av(url.substr(0, sep)));
  if (parts.scheme != "http" && parts.scheme != "https") {
    return BadUrl(url, absl::StrCat("expected https:// (or http:// for a local test server), "
                                    "got '",
                                    parts.scheme, "://'"));
  }
  const std::string_view rest = url.substr(sep + 3);
  const size_t path_at = rest.find_first_of("/?#");
  const std::string_view authority = rest.substr(0, path_at);
  if (path_at != std::string_view::npos) parts.path = std::string(rest.substr(path_at));
  if (authority.find('@') != std::string_view::npos) {
    return BadUrl(url,
                  "credentials in the URL are not accepted; use --user with "
                  "--password-file, or --token-file");
  }
  std::string_view host = authority;
  if (!host.empty() && host.front() == '[') {
    const size_t close = host.find(']');
    if (close == std::string_view::npos) return BadUrl(url, "unclosed '[' in the host");
    const std::string_view after = host.substr(close + 1);
    if (!after.empty() && after.front() == ':') parts.port = std::string(after.substr(1));
    host = host.substr(1, close - 1);
  } else if (const size_t colon = host.rfind(':'); colon != std::string_view::npos) {
    parts.port = std::string(host.substr(colon + 1));
    host = host.substr(0, colon);
  }
  if (host.empty()) return BadUrl(url, "no host name");
  parts.host = absl::AsciiStrToLower(Av(host));
  return parts;
}

bool IsLoopbackHost(std::string_view host) {
  if (host == "localhost" || host == "::1") return true;
  in_addr v4;
  const std::string h(host);
  return ::inet_pton(AF_INET, h.c_str(), &v4) == 1 &&
         (ntohl(v4.s_addr) >> 24) == 127;  // 127.0.0.0/8 (RFC 1122 §3.2.1.3)
}

absl::Status CheckTransportSecurity(std::string_view url, bool insecure_http) {
  absl::StatusOr<UrlParts> parts = ParseUrl(url);
  if (!parts.ok()) return parts.status();
  if (parts->scheme == "https" || insecure_http || IsLoopbackHost(parts->host)) {
    return absl::OkStatus();
  }
  return absl::InvalidArgumentError(
      absl::StrCat("refusing plain http:// to '", parts->host,
                   "': credentials and content would travel unencrypted; use https://, or pass "
                   "--insecure-http if you accept that (plain http is allowed without it only for "
                   "127.0.0.1, ::1 and localhost)"));
}

std::string WithTrailingSlash(std::string_view url) {
  const size_t query = url.find_first_of("?#");
  std::string base(url.substr(0, query));
  if (base.empty() || base.back() != '/') base += '/';
  if (query != std::string_view::npos) base += url.substr(query);
  return base;
}

std::string PercentEncode(std::string_view text) {
  static constexpr char kHex[] = "0123456789ABCDEF";
  std::string out;
  out.reserve(text.size());
  for (const char ch : text) {
    const unsigned char c = static_cast<unsigned char>(ch);
    if (absl::ascii_isalnum(c) || c == '-' || c == '.' || c == '_' || c == '~') {
      out += ch;
    } else {
      out += '%';
      out += kHex[c >> 4];
      out += kHex[c & 15];
    }
  }
  return out;
}

std::string EndpointUrl(std::string_view base, std::initializer_list<std::string_view> segments) {
  std::string url = WithTrailingSlash(base);
  for (const std::string_view s : segments) absl::StrAppend(&url, PercentEncode(s), "/");
  return url;
}

absl::StatusOr<std::string> ResolveApiRoot(std::string_view discovery_url,
                                           std::string_view api_root) {
  auto bad = [&](std::string_view why) {
    return absl::InvalidArgumentError(
        absl::StrCat("discovery lists API root '", Av(api_root), "', which ", Av(why)));
  };
  if (api_root.find("://") != std::string_view::npos) {
    if (!ParseUrl(api_root).ok()) return bad("is not an http(s) URL");
    return WithTrailingSlash(api_root);
  }
  // TAXII 2.1 §4.1.1 and Appendix B: relative roots start with one '/', and a client
  // must not let "//host" or ".." take it to another host or outside the server.
  if (api_root.empty() || api_root.front() != '/' || api_root.substr(0, 2) == "//") {
    return bad("is neither an absolute URL nor a path starting with a single '/'");
  }
  if (api_root.find_first_of("?#\\") != std::string_view::npos) {
    return bad("contains a query, fragment or backslash");
  }
  for (const absl::string_view seg : absl::StrSplit(Av(api_root), '/')) {
    if (seg == "." || seg == "..") return bad("contains a '.' or '..' segment");
  }
  STIXKIT_ASSIGN_OR_RETURN(const UrlParts parts, ParseUrl(discovery_url));
  std::string host =
      parts.host.find(':') != std::string::npos ? absl::StrCat("[", parts.host, "]") : parts.host;
  if (!parts.port.empty()) absl::StrAppend(&host, ":", parts.port);
  return WithTrailingSlash(absl::StrCat(parts.scheme, "://", host, Av(api_root)));
}

}  // namespace stixkit::taxii
