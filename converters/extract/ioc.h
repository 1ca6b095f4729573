// Indicators of compromise found in text: the value after refanging and validation,
// what the author wrote, and where. Finding them is ExtractIocs (ioc_extractor.h);
// deciding whether one is an indicator or a reference link is the builder's job, from
// the section and block it sits in.
//
// Plain data.
#ifndef STIXKIT_CONVERTERS_EXTRACT_IOC_H_
#define STIXKIT_CONVERTERS_EXTRACT_IOC_H_

#include <cstddef>
#include <string>
#include <string_view>

namespace stixkit::convert {

enum class IocType {
  kIpv4,         // 198.51.100.3
  kIpv4Cidr,     // 198.51.100.0/24
  kIpv6,         // 2001:db8::1
  kIpv6Cidr,     // 2001:db8::/32
  kDomain,       // evil.example.com (public TLD checked)
  kUrl,          // https://evil.example.com/x
  kEmail,        // bad@evil.example.com
  kMd5,
  kSha1,
  kSha256,
  kSha512,
  kFileName,     // invoice.pdf.exe
  kCve,          // CVE-2024-3400 (upper case)
  kRegistryKey,  // HKEY_LOCAL_MACHINE\Software\... (hive spelled out in full)
  kAsn,          // AS13335 -> value "13335"
  kMac,          // 00:1a:2b:3c:4d:5e (lower case, colon separated)
};

// "ipv4", "sha256", ... stable names for messages, --explain and tests.
std::string_view IocTypeName(IocType type);

struct Ioc {
  IocType type = IocType::kIpv4;
  std::string value;    // normalised and refanged: what goes into a pattern or SCO
  std::string written;  // the text exactly as it appeared ("hxxps[:]//evil[.]com")
  bool defanged = false;  // true when `written` needed refanging to become `value`
  // For hashes: the file name the text ties the hash to ("payload.dll  <sha256>", a
  // table row with a file-name column, "sha256 of invoice.exe: ..."), else "".
  std::string file_name;
  std::size_t offset = 0;  // byte offset of `written` in the text that was scanned
  std::size_t length = 0;  // byte length of `written`
};

}  // namespace stixkit::convert

#endif  // STIXKIT_CONVERTERS_EXTRACT_IOC_H_
