#include "stix/validate/must/internal/format_matchers.h"

#include "stix/validate/must/internal/json_access.h"

namespace stixkit::stix::must {
namespace {

bool IsAlpha(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }
bool IsDigit(char c) { return c >= '0' && c <= '9'; }
bool IsAlnum(char c) { return IsAlpha(c) || IsDigit(c); }
bool IsHex(char c) { return IsDigit(c) || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F'); }

// RFC 3986 section 2: unreserved and sub-delims.
bool IsUnreserved(char c) { return IsAlnum(c) || c == '-' || c == '.' || c == '_' || c == '~'; }
bool IsSubDelim(char c) {
  static constexpr std::string_view kSubDelims = "!$&'()*+,;=";
  return kSubDelims.find(c) != std::string_view::npos;
}

// True if every character of `text` is allowed by `plain` or is a valid
// pct-encoded triplet ("%" HEXDIG HEXDIG).
template <typename Plain>
bool AllChars(std::string_view text, Plain plain) {
  for (size_t i = 0; i < text.size(); ++i) {
    if (text[i] == '%') {
      if (i + 2 >= text.size() || !IsHex(text[i + 1]) || !IsHex(text[i + 2])) return false;
      i += 2;
    } else if (!plain(text[i])) {
      return false;
    }
  }
  return true;
}

bool IsPchar(char c) { return IsUnreserved(c) || IsSubDelim(c) || c == ':' || c == '@'; }
bool IsPathChar(char c) { return IsPchar(c) || c == '/'; }
bool IsQueryChar(char c) { return IsPchar(c) || c == '/' || c == '?'; }

// dec-octet "." dec-octet "." dec-octet "." dec-octet, without leading zeros.
bool IsIpv4Address(std::string_view text) {
  int octets = 0;
  size_t i = 0;
  while (true) {
    const size_t start = i;
    int value = 0;
    while (i < text.size() && IsDigit(text[i]) && i - start < 3)
      value = value * 10 + (text[i++] - '0');
    const size_t len = i - start;
    if (len == 0 || value > 255 || (len > 1 && text[start] == '0')) return false;
    if (++octets == 4) return i == text.size();
    if (i >= text.size() || text[i] != '.') return false;
    ++i;
  }
}

// Counts the h16 groups of `part` (groups separated by ":"), allowing a final IPv4
// address (worth two groups) when `may_end_in_ipv4`; -1 if malformed.
int CountGroups(std::string_view part, bool may_end_in_ipv4) {
  if (part.empty()) return 0;
  int groups = 0;
  size_t start = 0;
  while (true) {
    const size_t colon = part.find(':', start);
    const std::string_view group = part.substr(start, colon - start);
    if (colon == std::string_view::npos && may_end_in_ipv4 && group.find('.') != group.npos) {
      return IsIpv4Address(group) ? groups + 2 : -1;
    }
    if (group.empty() || group.size() > 4) return -1;
    for (const char c : group) {
      if (!IsHex(c)) return -1;
    }
    ++groups;
    if (colon == std::string_view::npos) return groups;
    start = colon + 1;
  }
}

// "v" 1*HEXDIG "." 1*( unreserved / sub-delims / ":" )
bool IsIpvFuture(std::string_view text) {
  if (text.size() < 4 || (text[0] != 'v' && text[0] != 'V')) return false;
  size_t i = 1;
  while (i < text.size() && IsHex(text[i])) ++i;
  if (i == 1 || i >= text.size() || text[i] != '.' || i + 1 == text.size()) return false;
  for (const char c : text.substr(i + 1)) {
    if (!IsUnreserved(c) && !IsSubDelim(c) && c != ':') return false;
  }
  return true;
}

// authority = [ userinfo "@" ] host [ ":" port ]
bool IsAuthority(std::string_view text) {
  if (const size_t at = text.find('@'); at != std::string_view::npos) {
    const auto userinfo = [](char c) { return IsUnreserved(c) || IsSubDelim(c) || c == ':'; };
    if (!AllChars(text.substr(0, at), userinfo)) return false;
    text.remove_prefix(at + 1);
  }
  std::string_view port;
  if (!text.empty() && text[0] == '[') {
    const size_t close = text.find(']');
    if (close == std::string_view::npos) return false;
    const std::string_view literal = text.substr(1, close - 1);
    if (!IsIpv6Address(literal) && !IsIpvFuture(literal)) return false;
    const std::string_view rest = text.substr(close + 1);
    if (!rest.empty() && rest[0] != ':') return false;
    port = rest.empty() ? rest : rest.substr(1);
  } else {
    const size_t colon = text.find(':');
    const auto reg_name = [](char c) { return IsUnreserved(c) || IsSubDelim(c); };
    if (!AllChars(text.substr(0, colon), reg_name)) return false;
    if (colon != std::string_view::npos) port = text.substr(colon + 1);
  }
  for (const char c : port) {
    if (!IsDigit(c)) return false;
  }
  return true;
}

// hier-part: "//" authority path-abempty, or path-absolute, path-rootless, path-empty.
// The three paths without authority are exactly the strings of pchar and "/" that do
// not start with "//", which the first branch has taken.
bool IsHierPart(std::string_view text) {
  if (text.starts_with("//")) {
    text.remove_prefix(2);
    const size_t slash = text.find('/');
    if (!IsAuthority(text.substr(0, slash))) return false;
    return slash == std::string_view::npos || AllChars(text.substr(slash), IsPathChar);
  }
  return AllChars(text, IsPathChar);
}

}  // namespace

bool IsIpv6Address(std::string_view text) {
  const size_t gap = text.find("::");
  if (gap == std::string_view::npos) return CountGroups(text, true) == 8;
  const std::string_view left = text.substr(0, gap);
  const std::string_view right = text.substr(gap + 2);
  if (right.find("::") != std::string_view::npos) return false;
  const int left_groups = CountGroups(left, false);
  const int right_groups = CountGroups(right, true);
  // "::" stands for at least one group.
  return left_groups >= 0 && right_groups >= 0 && left_groups + right_groups <= 7;
}

bool IsUri(std::string_view text) {
  text = WithoutPythonFinalNewline(text);
  // scheme = ALPHA *( ALPHA / DIGIT / "+" / "-" / "." )
  if (text.empty() || !IsAlpha(text[0])) return false;
  size_t i = 1;
  while (i < text.size() &&
         (IsAlnum(text[i]) || text[i] == '+' || text[i] == '-' || text[i] == '.')) {
    ++i;
  }
  if (i == text.size() || text[i] != ':') return false;
  std::string_view rest = text.substr(i + 1);
  if (const size_t hash = rest.find('#'); hash != std::string_view::npos) {
    if (!AllChars(rest.substr(hash + 1), IsQueryChar)) return false;
    rest = rest.substr(0, hash);
  }
  if (const size_t question = rest.find('?'); question != std::string_view::npos) {
    if (!AllChars(rest.substr(question + 1), IsQueryChar)) return false;
    rest = rest.substr(0, question);
  }
  return IsHierPart(rest);
}

bool IsReferenceEmail(std::string_view text) {
  text = WithoutPythonFinalNewline(text);
  const size_t at = text.find('@');
  if (at == 0 || at == std::string_view::npos) return false;
  for (const char c : text.substr(0, at)) {
    if (!IsAlnum(c) && c != '_' && c != '.' && c != '+' && c != '-') return false;
  }
  const std::string_view domain = text.substr(at + 1);
  const size_t dot = domain.find('.');
  if (dot == 0 || dot == std::string_view::npos || dot + 1 == domain.size()) return false;
  for (const char c : domain.substr(0, dot)) {
    if (!IsAlnum(c) && c != '-') return false;
  }
  for (const char c : domain.substr(dot + 1)) {
    if (!IsAlnum(c) && c != '-' && c != '.') return false;
  }
  return true;
}

bool IsKnownFormat(std::string_view format) { return format == "uri" || format == "email"; }

bool MatchesFormat(std::string_view format, std::string_view text) {
  if (format == "uri") return IsUri(text);
  if (format == "email") return IsReferenceEmail(text);
  return true;
}

}  // namespace stixkit::stix::must
