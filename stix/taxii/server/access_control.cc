#include "stix/taxii/server/access_control.h"

#include <openssl/evp.h>
#include <openssl/hmac.h>

#include <algorithm>

#include "absl/strings/ascii.h"
#include "absl/strings/escaping.h"
#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "stix/base/strings.h"
#include "stix/model/uuid.h"
#include "stix/taxii/server/password_hash.h"

namespace stixkit::taxii {
namespace {

// Enough for every real user set; a flood of distinct valid logins only costs re-hashing.
constexpr size_t kMaxCachedLogins = 10000;

bool Grants(const std::vector<std::string>& list, std::string_view id, std::string_view alias) {
  return std::any_of(list.begin(), list.end(), [&](const std::string& entry) {
    return entry == "*" || entry == id || (!alias.empty() && entry == alias);
  });
}

}  // namespace

bool CanRead(const ServerUser& user, std::string_view collection_id, std::string_view alias) {
  return Grants(user.read, collection_id, alias);
}

bool CanWrite(const ServerUser& user, std::string_view collection_id, std::string_view alias) {
  return Grants(user.write, collection_id, alias);
}

absl::StatusOr<std::unique_ptr<AccessControl>> AccessControl::Create(
    std::vector<ServerUser> users) {
  std::unique_ptr<AccessControl> access(new AccessControl());
  for (size_t i = 0; i < users.size(); ++i) {
    const ServerUser& u = users[i];
    if (u.name.empty()) {
      return absl::InvalidArgumentError(absl::StrCat("users[", i, "]: the user has no name"));
    }
    if (absl::StrContains(u.name, ':')) {
      return absl::InvalidArgumentError(absl::StrCat(
          "user '", u.name, "': a name must not contain ':' (HTTP Basic cannot carry it)"));
    }
    if (!access->by_name_.emplace(u.name, i).second) {
      return absl::InvalidArgumentError(absl::StrCat("user '", u.name, "' is listed twice"));
    }
    if (absl::Status s = CheckPasswordHash(u.password_hash); !s.ok()) {
      return absl::InvalidArgumentError(
          absl::StrCat("user '", u.name, "': password_hash: ", s.message()));
    }
  }
  access->users_ = std::move(users);
  access->hmac_key_.resize(32);
  stix::SystemRandom()(reinterpret_cast<uint8_t*>(access->hmac_key_.data()),
                       access->hmac_key_.size());
  return access;
}

std::string AccessControl::CacheKey(std::string_view name, std::string_view password) const {
  const std::string message = absl::StrCat(Av(name), std::string(1, '\0'), Av(password));
  unsigned char mac[EVP_MAX_MD_SIZE];
  unsigned int mac_len = 0;
  HMAC(EVP_sha256(), hmac_key_.data(), static_cast<int>(hmac_key_.size()),
       reinterpret_cast<const unsigned char*>(message.data()), message.size(), mac, &mac_len);
  return std::string(reinterpret_cast<const char*>(mac), mac_len);
}

const ServerUser* AccessControl::Authenticate(std::string_view header) {
  header = Sv(absl::StripAsciiWhitespace(Av(header)));
  // RFC 7617: the scheme name is case-insensitive.
  if (header.size() < 6 || !absl::EqualsIgnoreCase(Av(header.substr(0, 6)), "basic ")) {
    return nullptr;
  }
  std::string decoded;
  if (!absl::Base64Unescape(absl::StripAsciiWhitespace(Av(header.substr(6))), &decoded)) {
    return nullptr;
  }
  const size_t colon = decoded.find(':');
  if (colon == std::string::npos) return nullptr;
  const std::string_view name = std::string_view(decoded).substr(0, colon);
  const std::string_view password = std::string_view(decoded).substr(colon + 1);
  const auto it = by_name_.find(Av(name));
  if (it == by_name_.end()) return nullptr;
  const ServerUser& user = users_[it->second];
  const std::string key = CacheKey(name, password);
  {
    std::lock_guard<std::mutex> lock(mu_);
    if (verified_.contains(key)) return &user;
  }
  absl::StatusOr<bool> ok = VerifyPassword(password, user.password_hash);
  if (!ok.ok() || !*ok) return nullptr;
  std::lock_guard<std::mutex> lock(mu_);
  if (verified_.size() >= kMaxCachedLogins) verified_.clear();
  verified_.insert(key);
  return &user;
}

}  // namespace stixkit::taxii
