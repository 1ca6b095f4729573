// Finding indicators of compromise in report text: IPv4/IPv6 addresses and prefixes,
// domains, URLs, email addresses, MD5/SHA-1/SHA-256/SHA-512 hashes (tied to the file
// name they are given with), file names, CVE ids, registry keys, ASNs and MAC addresses.
// Defanged forms are refanged first (refang.h), but only with the markers the type
// allows, and a candidate is kept only if the refanged text validates.
//
//   for (const Ioc& ioc : ExtractIocs("C2: hxxps[:]//evil[.]com/a and 198[.]51[.]100[.]3")) {
//     // {kUrl, "https://evil.com/a", written "hxxps[:]//evil[.]com/a", defanged}, then
//     // {kIpv4, "198.51.100.3", ...}
//   }
//
// What counts (the rules the tests pin down):
//  - Each piece of text yields at most one IOC. A URL's host, an email's domain, a
//    prefix's address and the file name in a registry key are not reported again;
//    where candidates overlap, the stronger kind wins: URL, registry key, email, IPv6
//    and MAC, IPv4, CVE/ASN/hash, domain, file name.
//  - Domains versus file names, for a dotted word without scheme or '@':
//      it is a domain when every label is a valid host label and the last is a public
//      TLD (converters/data/tlds.txt), and at least one of:
//        a. a defang marker was used ("readme[.]md", "evil [dot] md");
//        b. the TLD is not also a common file extension ("evil.com", "evil.zip" is not);
//        c. there are three or more labels and the second-last one is not a file
//           extension ("cdn.evil.md", but "invoice.pdf.zip" is not);
//      a TLD written Capitalised after a lower-case label ("end.It") is a missing space
//      after a full stop, not a domain.
//      Otherwise it is a file name when its last label is a common file extension
//      ("README.md", "index.html", "invoice.pdf.zip", "payload.dll"). The extensions
//      that are also TLDs are cab, md, mov, one, pl, ps, pub, py, rs, sh, so and zip.
//      A few product names ("Node.js", "ASP.NET") are neither unless defanged. A URL
//      scheme or an '@' makes any TLD a host ("https://readme.md", "a@readme.md").
//  - Version-like words: a dotted quad that is a valid address is an IPv4 address even
//    in "version 1.2.3.4" (the extractor does not read context; a builder may); "v2.1.0",
//    "1.2.3.4.5", "3.14", "e.g." and "i.e." are nothing. A range "10.0.0.1-10.0.0.5"
//    gives both addresses.
//  - IPv6 needs two or more groups ("::1" excepted): "::" alone and "10:30:00" are not
//    addresses. Values are RFC 5952 text (lower case, "::" for the longest zero run).
//  - Hashes are whole hex runs of exactly 32, 40, 64 or 128 digits with at least one
//    digit and one letter; a hex run of any other length, or one inside a longer run of
//    letters and digits, is not a hash.
//  - ASNs are "AS"/"ASN" followed directly by digits, or "ASN" + one space + digits
//    (AS13335, ASN13335, ASN 13335), any case; "AS well" is not one. Value: the digits.
//  - Refanging never applies to file names, hashes, CVE ids, registry keys, ASNs or MAC
//    addresses: "payload[.]dll" is nothing.
//  - Hash to file name: a hash takes the nearest file name before it on the same line,
//    else the nearest one after it ("payload.dll  <sha256>", "<sha256>  payload.dll",
//    "invoice.exe (SHA-256: <sha256>)", "SHA256 of setup.msi: <sha256>").
//
// Values: domains, emails, hashes and MACs in lower case (MAC colon-separated), URL
// scheme and host in lower case, CVE ids in upper case, registry hives spelled out
// (HKLM -> HKEY_LOCAL_MACHINE), ASNs digits only, IPv4 without leading zeros.
//
// Pure functions; thread-safe. Linear in the input; results own their strings.
#ifndef STIXKIT_CONVERTERS_EXTRACT_IOC_EXTRACTOR_H_
#define STIXKIT_CONVERTERS_EXTRACT_IOC_EXTRACTOR_H_

#include <string>
#include <string_view>
#include <vector>

#include "converters/extract/ioc.h"

namespace stixkit::convert {

// The IOCs in one block of text, in text order. offset/length locate `written` in
// `text`. Never fails: text without indicators gives an empty vector.
std::vector<Ioc> ExtractIocs(std::string_view text);

// The IOCs in one table row, in cell order. headers[i] names column i (missing or
// empty headers are fine). A header such as "Domain", "IP", "URL", "SHA256" or "File
// name" says what its cells hold, so a cell is read as that type when free-text
// extraction finds nothing of it ("README.md" in a "Domain" column is a domain; a
// "File name" cell is taken whole, last path component). A column headed "Type",
// "Indicator type" or "Kind" names the type of the row's other cells instead, and is
// not scanned itself. Hashes are tied to the row's file-name column if it has one,
// else as in ExtractIocs.
// Offsets count in the row laid out as its cells joined by one separator byte: cell k
// starts at cells[0].size() + ... + cells[k-1].size() + k.
std::vector<Ioc> ExtractIocsFromCells(const std::vector<std::string>& cells,
                                      const std::vector<std::string>& headers);

}  // namespace stixkit::convert

#endif  // STIXKIT_CONVERTERS_EXTRACT_IOC_EXTRACTOR_H_
