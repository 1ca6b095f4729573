#include "converters/extract/internal/ioc_scanners.h"

#include <algorithm>
#include <array>
#include <cstdint>

#include "converters/extract/internal/chars.h"
#include "converters/extract/internal/ioc_syntax.h"

namespace stixkit::convert::internal {
namespace {

constexpr std::string_view kUrlSchemes[] = {"ftp", "ftps", "http", "https", "sftp", "ws", "wss"};
constexpr std::size_t kLongestScheme = 5;

// Bytes of a word run (ScanWords): ASCII letters and digits, '.', '-', '_'. Non-ASCII
// letters are decided per code point.
constexpr std::array<bool, 256> MakeWordTable() {
  std::array<bool, 256> t{};
  for (int c = 0; c < 256; ++c) {
    t[c] = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '.' ||
           c == '-' || c == '_';
  }
  return t;
}
constexpr std::array<bool, 256> kWordTable = MakeWordTable();

// The length of the word-run character at text[i], or 0.
std::size_t WordCharLength(std::string_view text, std::size_t i) {
  const char c = text[i];
  if (IsNonAscii(c)) return Utf8LetterLength(text, i);
  return kWordTable[static_cast<unsigned char>(c)] ? 1 : 0;
}

bool IsUrlScheme(std::string_view s) {
  for (std::string_view scheme : kUrlSchemes) {
    if (EqualsIgnoreCase(s, scheme)) return true;
  }
  return false;
}

// Where a URL whose text starts at `from` ends. It stops at whitespace, quotes, '<' and
// '>' (so "<https://x>" works), '|' (table cells), '\', a closing bracket that nothing
// in the URL opened (so "(see https://x/a_(b))" and "[t](https://x)" work), or a
// non-ASCII character that is not a letter; then hands back trailing sentence
// punctuation.
std::size_t UrlEndUntrimmed(std::string_view text, std::size_t from) {
  const std::string_view kOpen = "([{";
  const std::string_view kClose = ")]}";
  int depth[3] = {0, 0, 0};
  std::size_t i = from;
  while (i < text.size()) {
    const char c = text[i];
    if (IsNonAscii(c)) {
      const std::size_t len = Utf8LetterLength(text, i);
      if (len == 0) break;
      i += len;
      continue;
    }
    if (static_cast<unsigned char>(c) <= ' ' || c == 0x7f) break;
    if (std::string_view("\"'`<>|\\^").find(c) != std::string_view::npos) break;
    if (const std::size_t k = kOpen.find(c); k != std::string_view::npos) ++depth[k];
    if (const std::size_t k = kClose.find(c); k != std::string_view::npos) {
      if (depth[k] == 0) break;
      --depth[k];
    }
    ++i;
  }
  return i;
}

std::size_t TrimUrlEnd(std::string_view text, std::size_t from, std::size_t i) {
  // An opening bracket never ends a URL either: it starts a defang marker or an aside
  // ("evil[.]com/a[" in a cut-off line). Kept, it made an invalid 'uri' that the
  // validator refused, so the converter failed with an internal error.
  while (i > from && std::string_view(".,;:!?*([{").find(text[i - 1]) != std::string_view::npos) {
    --i;
  }
  return i;
}

std::size_t UrlEnd(std::string_view text, std::size_t from) {
  return TrimUrlEnd(text, from, UrlEndUntrimmed(text, from));
}

bool IsLocalPartByte(char c) {
  return IsAsciiAlnum(c) || c == '.' || c == '_' || c == '%' || c == '+' || c == '-';
}

bool IsIpv6Byte(char c) { return IsHexDigit(c) || c == ':' || c == '.'; }

bool IsRegistryByte(char c) {
  if (IsNonAscii(c)) return true;
  if (static_cast<unsigned char>(c) <= ' ' || c == 0x7f) return false;
  return std::string_view("\"'`|<>").find(c) == std::string_view::npos;
}

// The end of a registry key path starting at text[from] (the '\' or ':' after the
// hive). Key names may hold spaces ("Windows NT"): a space is taken when the word after
// it runs into another '\' and is not a hive starting the next key. Trailing
// punctuation and '\' are handed back.
std::size_t RegistryEnd(std::string_view text, std::size_t from) {
  std::size_t i = from;
  while (true) {
    while (i < text.size() && IsRegistryByte(text[i])) ++i;
    if (i + 1 < text.size() && text[i] == ' ') {
      std::size_t j = i + 1;
      while (j < text.size() && IsRegistryByte(text[j]) && text[j] != '\\' && text[j] != ':') ++j;
      if (j > i + 1 && j < text.size() && text[j] == '\\' &&
          !ExpandRegistryHive(text.substr(i + 1, j - i - 1))) {
        i = j;
        continue;
      }
    }
    break;
  }
  int open = 0;
  for (std::size_t k = from; k < i; ++k) open += text[k] == '(' ? 1 : text[k] == ')' ? -1 : 0;
  while (i > from) {
    const char c = text[i - 1];
    if (std::string_view(".,;:!?\\").find(c) != std::string_view::npos) {
      --i;
    } else if (c == ')' && open < 0) {
      --i, ++open;
    } else {
      break;
    }
  }
  return i;
}

// A CIDR suffix "/24" at text[pos]: its end, or pos when there is none.
std::size_t PrefixEnd(std::string_view text, std::size_t pos, int max, int* prefix) {
  if (pos >= text.size() || text[pos] != '/') return pos;
  std::size_t end = pos + 1;
  while (end < text.size() && IsDigit(text[end])) ++end;
  if (end < text.size() && (IsAsciiAlpha(text[end]) || text[end] == '_')) return pos;
  const std::optional<int> p = ParsePrefixLength(text.substr(pos + 1, end - pos - 1), max);
  if (!p) return pos;
  *prefix = *p;
  return end;
}

// The word runs of ScanWords, each already trimmed (TrimWord).
class WordScanner {
 public:
  WordScanner(std::string_view text, DefangedSpan defanged, std::vector<RawHit>* out)
      : text_(text), defanged_(defanged), out_(out) {}

  // Words before this offset lie inside a registry key already found. Any IOC in them
  // would lose to the key (the stronger kind wins), and scanning each one for a key of
  // its own made "HKLM\\HKLM\\HKLM\\..." quadratic in time and memory (64 KB took 3 s).
  std::size_t covered() const { return covered_; }

  void Scan(std::size_t b, std::size_t e) {
    const std::string_view w = text_.substr(b, e - b);
    if (w.size() < 2) return;
    if (StartsWithIgnoreCase(w, "cve-")) return Cve(b, e);
    if (AsciiLower(w[0]) == 'a' && AsciiLower(w[1]) == 's' && Asn(b, e)) return;
    if (AsciiLower(w[0]) == 'h' && AsciiLower(w[1]) == 'k' && Registry(b, e)) return;
    if (w.find('.') == std::string_view::npos) return Undotted(b, e);
    Dotted(b, e);
  }

 private:
  void Add(IocType type, std::size_t b, std::size_t e, std::string value) {
    out_->push_back({type, b, e, std::move(value), false});
  }

  void Cve(std::size_t b, std::size_t e) {
    // "CVE-2024-3400-related": the id ends where its digits do.
    if (e - b < 13) return;
    std::size_t end = b + 9;
    while (end < e && IsDigit(text_[end])) ++end;
    if (end < e && IsAsciiAlnum(text_[end])) return;
    if (auto id = ParseCve(text_.substr(b, end - b))) Add(IocType::kCve, b, end, *std::move(id));
  }

  bool Asn(std::size_t b, std::size_t e) {
    std::size_t end = e;
    // "ASN 13335": the number is the next word.
    if (EqualsIgnoreCase(text_.substr(b, e - b), "asn") && e + 1 < text_.size() &&
        text_[e] == ' ' && IsDigit(text_[e + 1])) {
      end = e + 1;
      while (end < text_.size() && IsDigit(text_[end])) ++end;
      if (end < text_.size() && (IsAsciiAlpha(text_[end]) || text_[end] == '_')) return false;
    }
    auto asn = ParseAsn(text_.substr(b, end - b), /*bare_digits=*/false);
    if (!asn) return false;
    Add(IocType::kAsn, b, end, *std::move(asn));
    return true;
  }

  bool Registry(std::size_t b, std::size_t e) {
    if (e >= text_.size()) return false;
    const bool drive = text_[e] == ':' && e + 1 < text_.size() && text_[e + 1] == '\\';
    if (text_[e] != '\\' && !drive) return false;
    // The hive first: it is cheap, and RegistryEnd may run to the end of the text.
    if (!ExpandRegistryHive(text_.substr(b, e - b))) return false;
    const std::size_t end = RegistryEnd(text_, e);
    auto key = NormaliseRegistryKey(text_.substr(b, end - b));
    if (!key) return false;
    Add(IocType::kRegistryKey, b, end, *std::move(key));
    covered_ = end;
    return true;
  }

  // Hashes and dash-separated MACs. A hash is a whole hex run: "sha256-<hex>" and
  // "<hex>_x" split at '-' and '_', but a longer run of hex never yields a hash.
  void Undotted(std::size_t b, std::size_t e) {
    if (e - b == 17) {
      if (auto mac = ParseMac(text_.substr(b, e - b))) return Add(IocType::kMac, b, e, *mac);
    }
    std::size_t s = b;
    while (s < e) {
      std::size_t t = s;
      while (t < e && text_[t] != '-' && text_[t] != '_') ++t;
      const std::string_view run = text_.substr(s, t - s);
      if (const auto type = HashTypeOf(run)) Add(*type, s, t, AsciiLowered(run));
      s = t + 1;
    }
  }

  void Dotted(std::size_t b, std::size_t e) {
    const std::string_view w = text_.substr(b, e - b);
    if (IsDigit(w[0])) {
      if (auto ip = ParseIpv4(w)) {
        int prefix = 0;
        const std::size_t end = PrefixEnd(text_, e, 32, &prefix);
        if (end == e) return Add(IocType::kIpv4, b, e, *std::move(ip));
        return Add(IocType::kIpv4Cidr, b, end, *ip + "/" + std::to_string(prefix));
      }
    }
    if (w.size() == 14) {
      if (auto mac = ParseMac(w)) return Add(IocType::kMac, b, e, *std::move(mac));
    }
    // An address range "10.0.0.1-10.0.0.5" is one word run holding two addresses.
    if (const std::size_t dash = w.find('-'); dash != std::string_view::npos && IsDigit(w[0])) {
      auto first = ParseIpv4(w.substr(0, dash));
      auto last = ParseIpv4(w.substr(dash + 1));
      if (first && last) {
        Add(IocType::kIpv4, b, b + dash, *std::move(first));
        return Add(IocType::kIpv4, b + dash + 1, e, *std::move(last));
      }
    }
    switch (ClassifyDotted(w, defanged_(b, e))) {
      case DottedKind::kDomain:
        return Add(IocType::kDomain, b, e, AsciiLowered(w));
      case DottedKind::kFileName:
        return Add(IocType::kFileName, b, e, std::string(w));
      default:
        return;
    }
  }

  std::string_view text_;
  DefangedSpan defanged_;
  std::vector<RawHit>* out_;
  std::size_t covered_ = 0;
};

// Trims a word run to what may start and end an indicator: no '.' or '-' at either end
// (sentence ends, dashes), and '_' only as a markdown emphasis pair ("_evil.com_"), so
// "__init__.py" and "_dmarc.evil.com" keep theirs.
void TrimWord(std::string_view text, std::size_t* b, std::size_t* e) {
  const auto trim = [&] {
    while (*b < *e && (text[*b] == '.' || text[*b] == '-')) ++*b;
    while (*e > *b && (text[*e - 1] == '.' || text[*e - 1] == '-')) --*e;
  };
  trim();
  if (*e - *b >= 2 && text[*b] == '_' && text[*e - 1] == '_') {
    while (*b < *e && text[*b] == '_') ++*b;
    while (*e > *b && text[*e - 1] == '_') --*e;
    trim();
  }
}

// `text` with every byte RFC 3986 does not allow there percent-encoded: outside the
// authority, unreserved, sub-delims, ':', '@', '/', '?', one '#' and valid "%XX" stay;
// in the userinfo, '/', '?', '@' and '#' are encoded too. Non-ASCII bytes become %XX as
// RFC 3987 §3.1 maps an IRI to a URI. Without this a '[' or '{' in a path ("gate.php?
// id[]=1"), or any non-ASCII byte, made a URL the validator refuses as a 'uri', and the
// converter failed with an internal error on a report it should convert.
std::string PercentEncodeUriPart(std::string_view text, bool userinfo) {
  static constexpr std::string_view kAllowed = "-._~!$&'()*+,;=:";
  std::string out;
  bool fragment = userinfo;  // a userinfo holds no '#'
  for (std::size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    const bool escape =
        c == '%' && i + 2 < text.size() && IsHexDigit(text[i + 1]) && IsHexDigit(text[i + 2]);
    const bool delimiter = !userinfo && (c == '/' || c == '?' || c == '@');
    if (IsAsciiAlnum(c) || kAllowed.find(c) != std::string_view::npos || delimiter || escape) {
      out.push_back(c);
    } else if (c == '#' && !fragment) {
      fragment = true;
      out.push_back(c);
    } else {
      static constexpr char kHex[] = "0123456789ABCDEF";
      const unsigned char b = static_cast<unsigned char>(c);
      out += {'%', kHex[b >> 4], kHex[b & 15]};
    }
  }
  return out;
}

}  // namespace

std::optional<std::string> NormaliseUrl(std::string_view url) {
  const std::size_t sep = url.find("://");
  if (sep == std::string_view::npos || !IsUrlScheme(url.substr(0, sep))) return std::nullopt;
  const std::string_view rest = url.substr(sep + 3);
  const std::size_t authority_end = std::min(rest.find_first_of("/?#"), rest.size());
  const std::string_view authority = rest.substr(0, authority_end);
  const std::size_t at = authority.rfind('@');
  const std::string_view host_port =
      at == std::string_view::npos ? authority : authority.substr(at + 1);
  std::string_view host = host_port;
  std::string_view port;
  if (!host_port.empty() && host_port[0] == '[') {
    const std::size_t close = host_port.find(']');
    if (close == std::string_view::npos || !ParseIpv6(host_port.substr(1, close - 1))) {
      return std::nullopt;
    }
    host = host_port.substr(0, close + 1);
    port = host_port.substr(close + 1);
  } else {
    const std::size_t colon = std::min(host_port.find(':'), host_port.size());
    host = host_port.substr(0, colon);
    port = host_port.substr(colon);
    const bool numeric = !host.empty() && IsDigit(host.back());
    if (numeric ? !ParseIpv4(host) : !IsValidHostname(host)) return std::nullopt;
    // A URL value must be a 'uri' (RFC 3986), whose host is ASCII; an IDN host would
    // need punycode, which we do not write. Without this, "https://caf\u00e9.example/"
    // (or a U+FFFD from repaired bytes) made an invalid bundle: an internal error.
    for (const char c : host) {
      if (IsNonAscii(c)) return std::nullopt;
    }
  }
  if (!port.empty()) {
    // RFC 3986 §3.2.3: the port may be empty ("http://evil.com:/").
    if (port[0] != ':' || port.size() > 6) return std::nullopt;
    for (char c : port.substr(1)) {
      if (!IsDigit(c)) return std::nullopt;
    }
  }
  std::string value = AsciiLowered(url.substr(0, sep));
  value.append("://");
  if (at != std::string_view::npos) {
    value.append(PercentEncodeUriPart(authority.substr(0, at), /*userinfo=*/true));
    value.push_back('@');
  }
  value.append(AsciiLowered(host));
  value.append(port);
  value.append(PercentEncodeUriPart(rest.substr(authority_end), /*userinfo=*/false));
  return value;
}

std::optional<std::string> NormaliseRegistryKey(std::string_view key) {
  const std::size_t sep = std::min(key.find_first_of(":\\"), key.size());
  const std::optional<std::string> hive = ExpandRegistryHive(key.substr(0, sep));
  if (!hive) return std::nullopt;
  std::size_t pos = sep;
  if (pos < key.size() && key[pos] == ':') ++pos;  // PowerShell's "HKLM:\"
  if (pos >= key.size() || key[pos] != '\\') return std::nullopt;
  std::string value = *hive;
  bool named = false;
  for (; pos < key.size(); ++pos) {
    // "\\" is how JSON, code and some tools escape a backslash.
    if (key[pos] == '\\' && !value.empty() && value.back() == '\\') continue;
    named |= key[pos] != '\\';
    value.push_back(key[pos]);
  }
  if (!named) return std::nullopt;
  return value;
}

std::optional<std::string> ParseAsn(std::string_view s, bool bare_digits) {
  std::size_t i = 0;
  if (StartsWithIgnoreCase(s, "asn")) {
    i = 3;
    if (i < s.size() && s[i] == ' ') ++i;
  } else if (StartsWithIgnoreCase(s, "as")) {
    i = 2;
    if (bare_digits && i < s.size() && s[i] == ' ') ++i;
  } else if (!bare_digits) {
    return std::nullopt;
  }
  const std::string_view digits = s.substr(i);
  if (digits.empty() || digits.size() > 10) return std::nullopt;
  std::uint64_t value = 0;
  for (char c : digits) {
    if (!IsDigit(c)) return std::nullopt;
    value = value * 10 + static_cast<std::uint64_t>(c - '0');
  }
  // 32-bit AS numbers (RFC 6793); AS0 is reserved and never announced (RFC 7607).
  if (value == 0 || value > 0xFFFFFFFFull) return std::nullopt;
  return std::to_string(value);
}

void ScanUrls(std::string_view text, std::vector<RawHit>* out) {
  std::size_t pos = 0;
  while (true) {
    const std::size_t sep = text.find("://", pos);
    if (sep == std::string_view::npos) return;
    pos = sep + 3;
    std::size_t s = sep;
    while (s > 0 && sep - s <= kLongestScheme && IsAsciiAlpha(text[s - 1])) --s;
    if (s == sep || (s > 0 && (IsAsciiAlnum(text[s - 1]) || text[s - 1] == '_'))) continue;
    // Whether a URL is valid depends only on its scheme and authority, which ends at the
    // first '/', '?' or '#'. Judge that first, scanning no further than the authority:
    // measuring the whole URL of every failing candidate made a run such as
    // "http://http://http://..." quadratic (4 MB took minutes). The next "://" holds a
    // '/', so these scans never overlap; a valid candidate moves `pos` past its end.
    const std::size_t slash = text.find_first_of("/?#", sep + 3);
    const std::size_t authority_end = slash == std::string_view::npos ? text.size() : slash;
    const std::size_t stop = UrlEndUntrimmed(text.substr(0, authority_end), sep + 3);
    if (stop == authority_end) {
      const std::size_t trimmed = TrimUrlEnd(text, sep + 3, authority_end);
      if (!NormaliseUrl(text.substr(s, trimmed - s))) continue;
    }
    const std::size_t e =
        stop < authority_end ? TrimUrlEnd(text, sep + 3, stop) : UrlEnd(text, sep + 3);
    if (auto value = NormaliseUrl(text.substr(s, e - s))) {
      out->push_back({IocType::kUrl, s, e, *std::move(value), false});
      pos = std::max(pos, e);
    }
  }
}

void ScanEmails(std::string_view text, std::vector<RawHit>* out) {
  std::size_t pos = 0;
  while (true) {
    const std::size_t at = text.find('@', pos);
    if (at == std::string_view::npos) return;
    pos = at + 1;
    // 64 bytes is the longest local part (RFC 5321 §4.5.3.1.1); the cap also keeps a
    // run of '@'s linear.
    std::size_t l = at;
    while (l > 0 && at - l < 64 && IsLocalPartByte(text[l - 1])) --l;
    while (l < at && text[l] == '.') ++l;
    std::size_t r = at + 1;
    while (r < text.size()) {
      const std::size_t len = WordCharLength(text, r);
      if (len == 0) break;
      r += len;
    }
    while (r > at + 1 && (text[r - 1] == '.' || text[r - 1] == '-')) --r;
    if (l == at || r == at + 1) continue;
    const std::string_view candidate = text.substr(l, r - l);
    if (!IsValidEmail(candidate)) continue;
    out->push_back({IocType::kEmail, l, r, AsciiLowered(candidate), false});
    pos = r;
  }
}

void ScanColonForms(std::string_view text, std::vector<RawHit>* out) {
  std::size_t pos = 0;
  while (true) {
    const std::size_t colon = text.find(':', pos);
    if (colon == std::string_view::npos) return;
    std::size_t l = colon;
    while (l > 0 && IsIpv6Byte(text[l - 1])) --l;
    std::size_t r = colon;
    while (r < text.size() && IsIpv6Byte(text[r])) ++r;
    pos = r;  // the whole run is judged once, so a line of colons stays linear
    while (l < r && text[l] == '.') ++l;
    while (r > l && text[r - 1] == '.') --r;
    // A lone ':' at either end is punctuation ("ip:2001:db8::1", "fe80::1: up").
    if (r - l >= 2 && text[l] == ':' && text[l + 1] != ':') ++l;
    if (r - l >= 2 && text[r - 1] == ':' && text[r - 2] != ':') --r;
    if (l > 0 && (IsAsciiAlnum(text[l - 1]) || text[l - 1] == '_')) continue;
    if (r < text.size() && (IsAsciiAlnum(text[r]) || text[r] == '_')) continue;
    const std::string_view candidate = text.substr(l, r - l);
    if (auto mac = ParseMac(candidate)) {
      out->push_back({IocType::kMac, l, r, *std::move(mac), false});
      continue;
    }
    auto ip = ParseIpv6(candidate);
    if (!ip) continue;
    int prefix = 0;
    const std::size_t end = PrefixEnd(text, r, 128, &prefix);
    if (end != r) {
      out->push_back({IocType::kIpv6Cidr, l, end, *ip + "/" + std::to_string(prefix), false});
    } else if (l > 0 && text[l - 1] == '[' && r < text.size() && text[r] == ']') {
      out->push_back({IocType::kIpv6, l - 1, r + 1, *std::move(ip), true});
    } else {
      out->push_back({IocType::kIpv6, l, r, *std::move(ip), false});
    }
  }
}

void ScanWords(std::string_view text, DefangedSpan defanged, std::vector<RawHit>* out) {
  WordScanner scanner(text, defanged, out);
  std::size_t i = 0;
  const std::size_t n = text.size();
  while (i < n) {
    std::size_t len = WordCharLength(text, i);
    if (len == 0) {
      ++i;
      continue;
    }
    std::size_t b = i;
    while (i < n && len != 0) {
      i += len;
      len = i < n ? WordCharLength(text, i) : 0;
    }
    std::size_t e = i;
    TrimWord(text, &b, &e);
    if (b < e && b >= scanner.covered()) scanner.Scan(b, e);
  }
}

}  // namespace stixkit::convert::internal
