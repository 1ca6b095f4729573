// The syntax of each IOC type: validators that take an already refanged, already
// delimited candidate and return its normalised value, or nothing when the candidate is
// not of that type. The scanners of ioc_extractor.cc decide where a candidate starts and
// ends; these functions decide what it is.
//
//   ParseIpv6("2001:DB8:0::1")   // "2001:db8::1"
//   ClassifyDotted("README.md", /*defanged=*/false)   // kFileName
//
// Pure functions; thread-safe. Internal to converters/extract.
#ifndef STIXKIT_CONVERTERS_EXTRACT_INTERNAL_IOC_SYNTAX_H_
#define STIXKIT_CONVERTERS_EXTRACT_INTERNAL_IOC_SYNTAX_H_

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "converters/extract/ioc.h"

namespace stixkit::convert::internal {

// "198.51.100.3" -> the dotted quad without leading zeros ("010.1.1.1" -> "10.1.1.1");
// nullopt unless there are exactly four decimal parts of at most three digits, each <= 255.
std::optional<std::string> ParseIpv4(std::string_view s);

// An IPv6 address in RFC 5952 form (lower case, longest zero run as "::"); nullopt for
// anything inet_pton refuses, for "::" alone, and for addresses written with fewer than
// two groups except "::1" (so "a::" in code is not an address).
std::optional<std::string> ParseIpv6(std::string_view s);

// The prefix length of a CIDR suffix (the digits after '/'), or nullopt when `digits` is
// empty, longer than three digits or above `max`.
std::optional<int> ParsePrefixLength(std::string_view digits, int max);

// True for a host name of two or more labels (letters, digits, '-', '_', UTF-8
// letters; 1-63 bytes, no '-' at either end; 253 bytes in all) whose last label is a
// known TLD.
bool IsValidHostname(std::string_view host);

// True for local@host with a local part of 1-64 bytes of [A-Za-z0-9._+-] (no leading,
// trailing or doubled dot) and a valid ASCII host name without '_': what the validator's
// 'email' format accepts.
bool IsValidEmail(std::string_view s);

// The hash type of a hex string by its length (32, 40, 64, 128); nullopt for other
// lengths, non-hex bytes, or a string of only digits or only letters.
std::optional<IocType> HashTypeOf(std::string_view hex);

// "cve-2024-3400" -> "CVE-2024-3400"; nullopt unless CVE-YYYY-NNNN with a year from 1999
// and 4 to 7 digits.
std::optional<std::string> ParseCve(std::string_view s);

// "00-1A-2B-3C-4D-5E", "00:1a:2b:3c:4d:5e" or "001a.2b3c.4d5e" -> "00:1a:2b:3c:4d:5e";
// nullopt for anything else (mixed separators included).
std::optional<std::string> ParseMac(std::string_view s);

// The full name of a registry hive as written at the start of a key ("HKLM",
// "hkey_local_machine" -> "HKEY_LOCAL_MACHINE"), or nullopt. The full names are the
// "windows-registry-hives" list of stix/data/registries/.
std::optional<std::string> ExpandRegistryHive(std::string_view hive);

// True when `ext` (no dot, any case) is a common file extension (a fixed table in
// ioc_syntax.cc: executables, scripts, documents, archives, media, key material).
bool IsFileExtension(std::string_view ext);

// The file extensions of that table that are also TLDs, sorted: the ambiguous ones
// that rule 1b of ClassifyDotted is about.
std::vector<std::string_view> FileExtensionsThatAreTlds();

// What a dotted token without '@', ':' or '/' is. The rules (ioc_extractor.h repeats
// them for users):
//  0. A well-known product name ("Node.js", "ASP.NET") not written defanged is neither.
//  1. All labels must be valid host labels for a domain, and the last one a known TLD.
//     It is then a domain when any of these holds:
//       a. it was written defanged ("readme[.]md");
//       b. its TLD is not also a common file extension ("evil.com", but not "README.md");
//       c. it has three or more labels and the second-last one is not a file extension
//          ("docs.evil.md", but not "invoice.pdf.zip").
//     A TLD written Capitalised after an all-lower-case label is a missing space after
//     a full stop ("the end.It was"), not a domain.
//  2. Otherwise it is a file name when the last label is a common file extension and the
//     name before it is not empty.
//  3. Otherwise it is neither ("v2.1.0", "e.g", "3.14", "index.html" is rule 2).
enum class DottedKind { kNone, kDomain, kFileName };
DottedKind ClassifyDotted(std::string_view token, bool defanged);

}  // namespace stixkit::convert::internal

#endif  // STIXKIT_CONVERTERS_EXTRACT_INTERNAL_IOC_SYNTAX_H_
