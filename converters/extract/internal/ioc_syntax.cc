#include "converters/extract/internal/ioc_syntax.h"

#include <arpa/inet.h>

#include <algorithm>
#include <array>
#include <cstdint>

#include "converters/extract/internal/chars.h"
#include "converters/extract/public_suffixes.h"
#include "stix/model/vocabularies.h"

namespace stixkit::convert::internal {
namespace {

// Common file extensions in incident reports: executables and libraries, scripts,
// documents, archives and disk images, media, key material. Hand-picked, sorted for
// binary search. Deliberately absent although they are extensions: "com" (a COM file
// is rare, .com domains are not), "app", "ai", "cc", "in", "ml" (busy TLDs), and
// one-letter ones ("c", "h") that prose abbreviations would match. The extensions
// that are also TLDs (md, mov, one, pl, ps, pub, py, rs, sh, so, zip, ...) are what
// ClassifyDotted's rule 1b is about.
constexpr std::string_view kFileExtensions[] = {
    "7z",    "apk",  "appx",  "asp",  "aspx", "avi",    "bak",  "bat",  "bin",  "bmp",  "bz2",
    "cab",   "cer",  "cfg",   "cgi",  "chm",  "class",  "cmd",  "conf", "cpl",  "crt",  "csv",
    "dat",   "db",   "deb",   "der",  "dll",  "dmg",    "doc",  "docm", "docx", "dotm", "drv",
    "dylib", "efi",  "elf",   "eml",  "exe",  "gif",    "gz",   "hta",  "htm",  "html", "ico",
    "img",   "inf",  "ini",   "iso",  "jar",  "jpeg",   "jpg",  "js",   "jse",  "json", "jsp",
    "key",   "ko",   "lnk",   "log",  "lua",  "md",     "mov",  "mp3",  "mp4",  "msg",  "msi",
    "msix",  "msp",  "ocx",   "odt",  "one",  "pdb",    "pdf",  "pem",  "pfx",  "php",  "pif",
    "pkg",   "pl",   "plist", "png",  "pps",  "ppsx",   "ppt",  "pptm", "pptx", "ps",   "ps1",
    "psd1",  "psm1", "pst",   "pub",  "py",   "pyc",    "rar",  "rb",   "reg",  "rpm",  "rs",
    "rtf",   "scr",  "sh",    "so",   "sql",  "sqlite", "svg",  "sys",  "tar",  "tgz",  "tmp",
    "txt",   "url",  "vbe",   "vbs",  "vhd",  "vhdx",   "vmdk", "war",  "wav",  "wsf",  "xla",
    "xlam",  "xll",  "xls",   "xlsb", "xlsm", "xlsx",   "xml",  "xz",   "yaml", "yml",  "zip",
};

static_assert(std::is_sorted(std::begin(kFileExtensions), std::end(kFileExtensions)));

// Product names spelled like file names or domains; in a report they name software,
// not a file on a victim or a host to block.
constexpr std::string_view kProductNames[] = {
    "ado.net", "angular.js", "asp.net",    "backbone.js", "chart.js",
    "d3.js",   "ember.js",   "express.js", "next.js",     "node.js",
    "nuxt.js", "react.js",   "three.js",   "vb.net",      "vue.js",
};

// The usual abbreviations of the registry hives (Microsoft, "Registry Hives").
static_assert(std::is_sorted(std::begin(kProductNames), std::end(kProductNames)));

struct HiveAbbreviation {
  std::string_view abbreviation;
  std::string_view hive;
};
constexpr HiveAbbreviation kHiveAbbreviations[] = {
    {"HKCC", "HKEY_CURRENT_CONFIG"}, {"HKCR", "HKEY_CLASSES_ROOT"}, {"HKCU", "HKEY_CURRENT_USER"},
    {"HKLM", "HKEY_LOCAL_MACHINE"},  {"HKU", "HKEY_USERS"},
};

bool AllOf(std::string_view s, bool (*pred)(char)) {
  return std::all_of(s.begin(), s.end(), [pred](char c) { return pred(c); });
}

bool IsHostLabel(std::string_view label) {
  if (label.empty() || label.size() > 63 || label.front() == '-' || label.back() == '-') {
    return false;
  }
  return AllOf(label,
               [](char c) { return IsAsciiAlnum(c) || c == '-' || c == '_' || IsNonAscii(c); });
}

// Splits on '.' into *labels; returns the label count, or N + 1 when there are more.
template <std::size_t N>
std::size_t SplitLabels(std::string_view s, std::array<std::string_view, N>* labels) {
  std::size_t count = 0;
  std::size_t pos = 0;
  while (true) {
    const std::size_t dot = s.find('.', pos);
    if (count == N) return N + 1;
    (*labels)[count++] = s.substr(pos, dot == std::string_view::npos ? dot : dot - pos);
    if (dot == std::string_view::npos) return count;
    pos = dot + 1;
  }
}

bool IsLowerWord(std::string_view s) {
  return !s.empty() && AllOf(s, [](char c) { return c >= 'a' && c <= 'z'; });
}

bool IsCapitalisedWord(std::string_view s) {
  return s.size() >= 2 && s[0] >= 'A' && s[0] <= 'Z' && IsLowerWord(s.substr(1));
}

}  // namespace

std::optional<std::string> ParseIpv4(std::string_view s) {
  std::string out;
  int parts = 0;
  std::size_t pos = 0;
  while (parts < 4) {
    std::size_t end = pos;
    while (end < s.size() && IsDigit(s[end])) ++end;
    if (end == pos || end - pos > 3) return std::nullopt;
    int value = 0;
    for (std::size_t i = pos; i < end; ++i) value = value * 10 + (s[i] - '0');
    if (value > 255) return std::nullopt;
    if (parts > 0) out.push_back('.');
    out.append(std::to_string(value));
    ++parts;
    if (parts < 4 && (end >= s.size() || s[end] != '.')) return std::nullopt;
    pos = end + 1;
    if (parts == 4 && end != s.size()) return std::nullopt;
  }
  return out;
}

std::optional<std::string> ParseIpv6(std::string_view s) {
  if (s.size() < 3 || s.size() > 45 || s == "::") return std::nullopt;
  if (!AllOf(s, [](char c) { return IsHexDigit(c) || c == ':' || c == '.'; })) {
    return std::nullopt;
  }
  // Groups as written; a trailing dotted quad counts as two.
  int groups = 0;
  for (std::size_t i = 0; i < s.size();) {
    if (s[i] == ':') {
      ++i;
      continue;
    }
    const std::size_t end = std::min(s.find(':', i), s.size());
    groups += s.substr(i, end - i).find('.') != std::string_view::npos ? 2 : 1;
    i = end;
  }
  if (groups < 2 && s != "::1") return std::nullopt;
  const std::string z(s);
  in6_addr addr;
  if (inet_pton(AF_INET6, z.c_str(), &addr) != 1) return std::nullopt;
  char buf[INET6_ADDRSTRLEN];
  if (inet_ntop(AF_INET6, &addr, buf, sizeof(buf)) == nullptr) return std::nullopt;
  return std::string(buf);
}

std::optional<int> ParsePrefixLength(std::string_view digits, int max) {
  if (digits.empty() || digits.size() > 3 || !AllOf(digits, IsDigit)) return std::nullopt;
  int value = 0;
  for (char c : digits) value = value * 10 + (c - '0');
  if (value > max) return std::nullopt;
  return value;
}

bool IsValidHostname(std::string_view host) {
  if (host.size() > 253) return false;
  std::array<std::string_view, 127> labels;
  const std::size_t n = SplitLabels(host, &labels);
  if (n < 2 || n > labels.size()) return false;
  for (std::size_t i = 0; i < n; ++i) {
    if (!IsHostLabel(labels[i])) return false;
  }
  return labels[n - 1].find('_') == std::string_view::npos && IsKnownTld(labels[n - 1]);
}

bool IsValidEmail(std::string_view s) {
  const std::size_t at = s.find('@');
  if (at == std::string_view::npos || at == 0 || at > 64) return false;
  const std::string_view local = s.substr(0, at);
  if (local.front() == '.' || local.back() == '.' || local.find("..") != std::string_view::npos) {
    return false;
  }
  // Only what the validator's 'email' format accepts (stix/validate/must/
  // format_matchers.cc): a '%' in the local part or a non-ASCII domain (an IDN, or a
  // U+FFFD from repaired bytes) made an email-addr it refuses, so the converter failed
  // with an internal error.
  const bool local_ok = AllOf(local, [](char c) {
    return IsAsciiAlnum(c) || c == '.' || c == '_' || c == '+' || c == '-';
  });
  // Host labels may carry '_' (IsHostLabel), but that format does not allow it in an
  // email's domain: "a@start_time.com" (found by convert_fuzz) made an email-addr the
  // validator refuses, so the conversion failed with an internal error.
  const std::string_view domain = s.substr(at + 1);
  return local_ok && AllOf(domain, [](char c) { return !IsNonAscii(c) && c != '_'; }) &&
         IsValidHostname(domain);
}

std::optional<IocType> HashTypeOf(std::string_view hex) {
  std::optional<IocType> type;
  switch (hex.size()) {
    case 32:
      type = IocType::kMd5;
      break;
    case 40:
      type = IocType::kSha1;
      break;
    case 64:
      type = IocType::kSha256;
      break;
    case 128:
      type = IocType::kSha512;
      break;
    default:
      return std::nullopt;
  }
  bool digit = false;
  bool letter = false;
  for (char c : hex) {
    if (IsDigit(c)) {
      digit = true;
    } else if (IsHexDigit(c)) {
      letter = true;
    } else {
      return std::nullopt;
    }
  }
  // A 32-digit number or a run of "deadbeef..." letters is far likelier to be something
  // else than a hash that happens to have no digit or no letter (chance < 1e-6).
  if (!digit || !letter) return std::nullopt;
  return type;
}

std::optional<std::string> ParseCve(std::string_view s) {
  if (s.size() < 13 || s.size() > 16 || !StartsWithIgnoreCase(s, "cve-") || s[8] != '-') {
    return std::nullopt;
  }
  const std::string_view year = s.substr(4, 4);
  const std::string_view number = s.substr(9);
  if (!AllOf(year, IsDigit) || !AllOf(number, IsDigit) || year < "1999") return std::nullopt;
  std::string out(s);
  out[0] = 'C', out[1] = 'V', out[2] = 'E';
  return out;
}

std::optional<std::string> ParseMac(std::string_view s) {
  std::string hex;
  if (s.size() == 17) {
    const char sep = s[2];
    if (sep != ':' && sep != '-') return std::nullopt;
    for (std::size_t i = 0; i < 17; ++i) {
      if (i % 3 == 2 ? s[i] != sep : !IsHexDigit(s[i])) return std::nullopt;
      if (i % 3 != 2) hex.push_back(AsciiLower(s[i]));
    }
  } else if (s.size() == 14) {
    for (std::size_t i = 0; i < 14; ++i) {
      if (i % 5 == 4 ? s[i] != '.' : !IsHexDigit(s[i])) return std::nullopt;
      if (i % 5 != 4) hex.push_back(AsciiLower(s[i]));
    }
  } else {
    return std::nullopt;
  }
  std::string out;
  for (std::size_t i = 0; i < 12; i += 2) {
    if (i > 0) out.push_back(':');
    out.append(hex, i, 2);
  }
  return out;
}

std::optional<std::string> ExpandRegistryHive(std::string_view hive) {
  std::string upper(hive);
  for (char& c : upper) c = AsciiUpper(c);
  for (const HiveAbbreviation& a : kHiveAbbreviations) {
    if (upper == a.abbreviation) return std::string(a.hive);
  }
  if (upper.rfind("HKEY_", 0) == 0 && stix::InVocabulary("windows-registry-hives", upper)) {
    return upper;
  }
  return std::nullopt;
}

bool IsFileExtension(std::string_view ext) {
  if (ext.empty() || ext.size() > 8) return false;
  const std::string lower = AsciiLowered(ext);
  return std::binary_search(std::begin(kFileExtensions), std::end(kFileExtensions),
                            std::string_view(lower));
}

std::vector<std::string_view> FileExtensionsThatAreTlds() {
  std::vector<std::string_view> out;
  for (std::string_view ext : kFileExtensions) {
    if (IsKnownTld(ext)) out.push_back(ext);
  }
  return out;
}

DottedKind ClassifyDotted(std::string_view token, bool defanged) {
  std::array<std::string_view, 127> labels;
  const std::size_t n = SplitLabels(token, &labels);
  if (n < 2 || n > labels.size()) return DottedKind::kNone;
  const std::string lower = AsciiLowered(token);
  if (!defanged && std::binary_search(std::begin(kProductNames), std::end(kProductNames),
                                      std::string_view(lower))) {
    return DottedKind::kNone;
  }
  const std::string_view tld = labels[n - 1];
  const bool tld_is_extension = IsFileExtension(tld);
  if (IsValidHostname(token) && !(IsCapitalisedWord(tld) && IsLowerWord(labels[n - 2]))) {
    if (defanged || !tld_is_extension) return DottedKind::kDomain;
    if (n >= 3 && !IsFileExtension(labels[n - 2])) return DottedKind::kDomain;
  }
  if (!tld_is_extension || labels[0].empty()) return DottedKind::kNone;
  for (std::size_t i = 0; i + 1 < n; ++i) {
    if (labels[i].empty() && i > 0) return DottedKind::kNone;  // "a..exe"
  }
  return DottedKind::kFileName;
}

}  // namespace stixkit::convert::internal
