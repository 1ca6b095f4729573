// The IOC scanners behind ExtractIocs. Each walks already refanged text once, finds
// its anchors ("://", '@', ':', word runs), grows each candidate over the bytes its
// type allows, trims what cannot end it, and keeps it only when the validators of
// ioc_syntax.h accept it. Scanners may report overlapping candidates (the host of a URL
// is also a word run); ExtractIocs decides which one stands.
//
//   std::vector<RawHit> hits;
//   ScanUrls(clean, &hits);
//
// Pure functions; thread-safe. Internal to converters/extract.
#ifndef STIXKIT_CONVERTERS_EXTRACT_INTERNAL_IOC_SCANNERS_H_
#define STIXKIT_CONVERTERS_EXTRACT_INTERNAL_IOC_SCANNERS_H_

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "absl/functional/function_ref.h"
#include "converters/extract/ioc.h"

namespace stixkit::convert::internal {

// A candidate accepted by a scanner: its span in the scanned text and its value.
struct RawHit {
  IocType type = IocType::kIpv4;
  std::size_t begin = 0;
  std::size_t end = 0;
  std::string value;
  // An IPv6 address standing alone inside "[...]": the brackets are in the span and
  // count as defanging.
  bool bracketed = false;
};

// Whether text[begin, end) was written with a defang marker (answered by the caller,
// which knows the original text).
using DefangedSpan = absl::FunctionRef<bool(std::size_t begin, std::size_t end)>;

// URLs with an http, https, ftp, ftps, sftp, ws or wss scheme and a host that is a
// valid host name, IPv4 address or bracketed IPv6 address. Appends to *out.
void ScanUrls(std::string_view text, std::vector<RawHit>* out);

// Email addresses (see IsValidEmail). Appends to *out.
void ScanEmails(std::string_view text, std::vector<RawHit>* out);

// The forms built around ':': IPv6 addresses and prefixes, and colon-separated MAC
// addresses. Appends to *out.
void ScanColonForms(std::string_view text, std::vector<RawHit>* out);

// Everything found in word runs (letters, digits, '.', '-', '_'): IPv4 addresses and
// prefixes, domains, file names, hashes, CVE ids, ASNs, registry keys, MAC addresses
// written with '-' or '.'. Appends to *out.
void ScanWords(std::string_view text, DefangedSpan defanged, std::vector<RawHit>* out);

// The normalised form of a whole URL (scheme and host lower case), or nullopt when it
// is not one ScanUrls would accept.
std::optional<std::string> NormaliseUrl(std::string_view url);

// The normalised form of a whole registry key ("HKLM\Run" -> "HKEY_LOCAL_MACHINE\Run"),
// or nullopt.
std::optional<std::string> NormaliseRegistryKey(std::string_view key);

// The ASN digits of "AS13335", "ASN13335", "ASN 13335" (any case), without leading
// zeros, or nullopt. With `bare_digits` (a column known to hold ASNs), "13335" and
// "AS 13335" are accepted too.
std::optional<std::string> ParseAsn(std::string_view s, bool bare_digits);

}  // namespace stixkit::convert::internal

#endif  // STIXKIT_CONVERTERS_EXTRACT_INTERNAL_IOC_SCANNERS_H_
