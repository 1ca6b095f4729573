#include "stix/taxii/client/auth.h"

#include <cerrno>
#include <cstring>
#include <fstream>

#include "absl/strings/ascii.h"
#include "absl/strings/escaping.h"
#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "stix/base/strings.h"

namespace stixkit::taxii {
namespace {

absl::Status CheckNoLineBreak(std::string_view what, std::string_view value) {
  if (value.find_first_of("\r\n") == std::string_view::npos) return absl::OkStatus();
  return absl::InvalidArgumentError(absl::StrCat(Av(what), " contains a line break"));
}

}  // namespace

absl::StatusOr<std::vector<HttpHeader>> AuthHeaders(const Credentials& c) {
  std::vector<HttpHeader> headers;
  if (!c.user.empty()) {
    if (c.user.find(':') != std::string::npos) {
      return absl::InvalidArgumentError(
          "the user name contains ':', which HTTP Basic authentication cannot carry");
    }
    if (c.password.empty()) {
      return absl::InvalidArgumentError(
          absl::StrCat("--user ", c.user,
                       " needs a password: use --password-file FILE or set "
                       "STIXKIT_TAXII_PASSWORD"));
    }
    if (absl::Status s = CheckNoLineBreak("the password", c.password); !s.ok()) return s;
    headers.push_back(
        {"Authorization", "Basic " + absl::Base64Escape(absl::StrCat(c.user, ":", c.password))});
  }
  if (!c.token.empty()) {
    if (absl::Status s = CheckNoLineBreak("the token", c.token); !s.ok()) return s;
    const bool bearer =
        c.token_header.empty() || absl::EqualsIgnoreCase(Av(c.token_header), "Authorization");
    if (bearer && !c.user.empty()) {
      return absl::InvalidArgumentError(
          "both --user and a bearer token need the Authorization header; use one, or send "
          "the token in another header with --token-header NAME");
    }
    if (bearer) {
      headers.push_back({"Authorization", "Bearer " + c.token});
    } else {
      if (c.token_header.find_first_of(": \t\r\n") != std::string::npos) {
        return absl::InvalidArgumentError(
            absl::StrCat("--token-header '", c.token_header, "' is not a header name"));
      }
      headers.push_back({c.token_header, c.token});
    }
  }
  return headers;
}

absl::StatusOr<std::string> ReadSecretFile(std::string_view path) {
  const std::string p(path);
  std::ifstream in(p, std::ios::binary);
  if (!in) {
    const std::string message =
        absl::StrCat("cannot read secret file '", p, "': ", std::strerror(errno));
    return errno == EACCES ? absl::PermissionDeniedError(message) : absl::NotFoundError(message);
  }
  std::string line;
  std::getline(in, line);
  if (!line.empty() && line.back() == '\r') line.pop_back();
  if (line.empty()) {
    return absl::InvalidArgumentError(
        absl::StrCat("secret file '", p, "' is empty; its first line should hold the secret"));
  }
  return line;
}

}  // namespace stixkit::taxii
