#include "converters/extract/ioc_extractor.h"

#include <string>
#include <vector>

#include "catch2/catch.hpp"

namespace stixkit::convert {
namespace {

// "type value" per IOC, in order: whole results compare in one CHECK.
std::vector<std::string> Summary(const std::vector<Ioc>& iocs) {
  std::vector<std::string> out;
  for (const Ioc& ioc : iocs) out.push_back(std::string(IocTypeName(ioc.type)) + " " + ioc.value);
  return out;
}
std::vector<std::string> Summary(std::string_view text) { return Summary(ExtractIocs(text)); }

using Lines = std::vector<std::string>;

// The single IOC in `text`; fails the test when there is not exactly one.
Ioc One(std::string_view text) {
  const std::vector<Ioc> iocs = ExtractIocs(text);
  INFO(text);
  REQUIRE(iocs.size() == 1);
  return iocs[0];
}

const std::string kMd5 = "d41d8cd98f00b204e9800998ecf8427e";
const std::string kSha1 = "da39a3ee5e6b4b0d3255bfef95601890afd80709";
const std::string kSha256 = "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855";
const std::string kSha512 =
    "cf83e1357eefb8bdf1542850d66d8007d620e4050b5715dc83f4a921d36ce9ce"
    "47d0d13c5d85f2b0ff8318d2877eec2f63b931bd47417a81a538327af927da3e";

// --- IPv4 ---------------------------------------------------------------------------

TEST_CASE("ioc: an IPv4 address is found with its span", "[converters][extract]") {
  const Ioc ioc = One("Beacon to 198.51.100.3 every hour.");
  CHECK(ioc.type == IocType::kIpv4);
  CHECK(ioc.value == "198.51.100.3");
  CHECK(ioc.written == "198.51.100.3");
  CHECK(ioc.offset == 10);
  CHECK(ioc.length == 12);
  CHECK_FALSE(ioc.defanged);
}

TEST_CASE("ioc: a defanged IPv4 address is refanged", "[converters][extract]") {
  const Ioc ioc = One("C2 at 198[.]51[.]100[.]3.");
  CHECK(ioc.value == "198.51.100.3");
  CHECK(ioc.written == "198[.]51[.]100[.]3");
  CHECK(ioc.offset == 6);
  CHECK(ioc.defanged);
  CHECK(Summary("198(.)51(.)100(.)3 and 203{.}0{.}113{.}9 and 192 [dot] 0 [dot] 2 [dot] 1") ==
        Lines{"ipv4 198.51.100.3", "ipv4 203.0.113.9", "ipv4 192.0.2.1"});
}

TEST_CASE("ioc: an IPv4 prefix is one CIDR, not also an address", "[converters][extract]") {
  const Ioc ioc = One("blocked 198.51.100.0/24.");
  CHECK(ioc.type == IocType::kIpv4Cidr);
  CHECK(ioc.value == "198.51.100.0/24");
  CHECK(ioc.written == "198.51.100.0/24");
  CHECK(Summary("198[.]51[.]100[.]0/24") == Lines{"ipv4-cidr 198.51.100.0/24"});
  CHECK(Summary("198.51.100.0/33") == Lines{"ipv4 198.51.100.0"});
}

TEST_CASE("ioc: an IPv4 address keeps no port and loses leading zeros", "[converters][extract]") {
  const Ioc ioc = One("connects to 198.51.100.3:8080 over TLS");
  CHECK(ioc.written == "198.51.100.3");
  CHECK(Summary("198.051.100.003") == Lines{"ipv4 198.51.100.3"});
}

TEST_CASE("ioc: an address range gives both addresses", "[converters][extract]") {
  CHECK(Summary("scanned 10.0.0.1-10.0.0.5.") == Lines{"ipv4 10.0.0.1", "ipv4 10.0.0.5"});
}

TEST_CASE("ioc: out-of-range and malformed dotted quads are not IPv4", "[converters][extract]") {
  CHECK(Summary("256.1.1.1 and 1.2.3 and 1.2.3.4.5 and 1234.1.1.1").empty());
}

TEST_CASE("ioc: a dotted quad after the word version is still an IPv4 address",
          "[converters][extract]") {
  // Decided: the extractor does not read context; a valid address is reported and the
  // builder may discount it from the sentence around it.
  CHECK(Summary("Updated to version 1.2.3.4 today.") == Lines{"ipv4 1.2.3.4"});
}

TEST_CASE("ioc: version numbers and decimals are not IPs or domains", "[converters][extract]") {
  CHECK(Summary("Upgrade to v2.1.0 or 2.1.0-rc1; pi is 3.14 and build 10.0.19041").empty());
}

// --- IPv6 ---------------------------------------------------------------------------

TEST_CASE("ioc: an IPv6 address is found in canonical lower case", "[converters][extract]") {
  const Ioc ioc = One("Traffic from 2001:DB8:0:0:0:0:0:1 was seen.");
  CHECK(ioc.type == IocType::kIpv6);
  CHECK(ioc.value == "2001:db8::1");
  CHECK(ioc.written == "2001:DB8:0:0:0:0:0:1");
  CHECK(Summary("fe80::1%eth0 and ::1 and 2001:db8::") ==
        Lines{"ipv6 fe80::1", "ipv6 ::1", "ipv6 2001:db8::"});
}

TEST_CASE("ioc: an IPv6 prefix is one CIDR", "[converters][extract]") {
  CHECK(Summary("route 2001:db8::/32 is bad") == Lines{"ipv6-cidr 2001:db8::/32"});
}

TEST_CASE("ioc: IPv6 with brackets inside or around it is refanged", "[converters][extract]") {
  Ioc ioc = One("host 2001:db8[:]:1 answered");
  CHECK(ioc.value == "2001:db8::1");
  CHECK(ioc.written == "2001:db8[:]:1");
  CHECK(ioc.defanged);
  ioc = One("host [2001:db8::1] answered");
  CHECK(ioc.value == "2001:db8::1");
  CHECK(ioc.written == "[2001:db8::1]");
  CHECK(ioc.offset == 5);
  CHECK(ioc.defanged);
  ioc = One("listening on [2001:db8::1]:443.");
  CHECK(ioc.written == "[2001:db8::1]");
  CHECK(Summary("2001[:]db8[:][:]2") == Lines{"ipv6 2001:db8::2"});
}

TEST_CASE("ioc: an IPv4-mapped IPv6 address is not also an IPv4 one", "[converters][extract]") {
  CHECK(Summary("::ffff:192.0.2.1") == Lines{"ipv6 ::ffff:192.0.2.1"});
}

TEST_CASE("ioc: timestamps, \"::\" alone and C++ scopes are not IPv6", "[converters][extract]") {
  CHECK(Summary("at 10:30:00 and 2024-01-01T10:30:00Z").empty());
  CHECK(Summary("the :: token, std::string, Foo::Bar and a::").empty());
  CHECK(Summary("ratio 12:34 and 1:2:3").empty());
}

// --- Domains ------------------------------------------------------------------------

TEST_CASE("ioc: a domain is found in lower case", "[converters][extract]") {
  const Ioc ioc = One("Resolves EVIL.Example.COM daily");
  CHECK(ioc.type == IocType::kDomain);
  CHECK(ioc.value == "evil.example.com");
  CHECK(ioc.written == "EVIL.Example.COM");
}

TEST_CASE("ioc: every dot defang form gives a domain", "[converters][extract]") {
  for (const char* written :
       {"evil[.]com", "evil(.)com", "evil{.}com", "evil[dot]com", "evil(dot)com", "evil{dot}com",
        "evil [dot] com", "evil [ . ] com", "evil (DOT) com"}) {
    INFO(written);
    const Ioc ioc = One(std::string("see ") + written + " now");
    CHECK(ioc.type == IocType::kDomain);
    CHECK(ioc.value == "evil.com");
    CHECK(ioc.written == written);
    CHECK(ioc.offset == 4);
    CHECK(ioc.defanged);
  }
}

TEST_CASE("ioc: a domain needs a real TLD", "[converters][extract]") {
  CHECK(Summary("evil.notatld and evil[.]notatld and host.local").empty());
  CHECK(Summary("evil.co.uk") == Lines{"domain evil.co.uk"});
}

TEST_CASE("ioc: trailing punctuation is not part of a domain", "[converters][extract]") {
  CHECK(One("It was evil.com.").written == "evil.com");
  CHECK(One("(evil.com),").written == "evil.com");
  CHECK(One("\"evil.com\";").written == "evil.com");
  CHECK(One("“evil.com”’s").written == "evil.com");
}

TEST_CASE("ioc: sentence ends and abbreviations are not domains", "[converters][extract]") {
  CHECK(Summary("Use a tool, e.g. a scanner, i.e. one that works. The end.It was late.").empty());
}

TEST_CASE("ioc: a bare \" dot \" in prose is not a defanged domain", "[converters][extract]") {
  CHECK(Summary("evil dot com").empty());
}

TEST_CASE("ioc: prose in parentheses does not become a domain", "[converters][extract]") {
  CHECK(Summary("I had ham (and eggs). Then we left (at) noon.").empty());
}

TEST_CASE("ioc: an internationalised domain is found in UTF-8 and punycode",
          "[converters][extract]") {
  CHECK(Summary("visit пример.рф and xn--e1afmkfd.xn--p1ai") ==
        Lines{"domain пример.рф", "domain xn--e1afmkfd.xn--p1ai"});
}

// --- Domains versus file names ------------------------------------------------------

TEST_CASE("ioc: index.html is a file name, .html is not a TLD", "[converters][extract]") {
  const Ioc ioc = One("dropped index.html");
  CHECK(ioc.type == IocType::kFileName);
  CHECK(ioc.value == "index.html");
}

TEST_CASE("ioc: Node.js is neither a domain nor a file name", "[converters][extract]") {
  CHECK(Summary("The backend runs Node.js and Vue.js on ASP.NET.").empty());
  CHECK(Summary("node[.]js and asp[.]net") == Lines{"domain asp.net"});
}

TEST_CASE("ioc: README.md is a file name though md is a TLD", "[converters][extract]") {
  CHECK(Summary("see README.md") == Lines{"file-name README.md"});
  CHECK(Summary("evil.zip, invoice.pdf.zip, install.sh") ==
        Lines{"file-name evil.zip", "file-name invoice.pdf.zip", "file-name install.sh"});
}

TEST_CASE("ioc: an extension-like TLD is a domain when defanged, in a URL or with a subdomain",
          "[converters][extract]") {
  CHECK(Summary("readme[.]md") == Lines{"domain readme.md"});
  CHECK(Summary("cdn.readme.md") == Lines{"domain cdn.readme.md"});
  CHECK(Summary("https://readme.md/x") == Lines{"url https://readme.md/x"});
  CHECK(Summary("a@readme.md") == Lines{"email a@readme.md"});
  CHECK(Summary("evil[.]zip") == Lines{"domain evil.zip"});
}

TEST_CASE("ioc: a TLD that is not a file extension makes a domain", "[converters][extract]") {
  CHECK(Summary("update.com and files.io") == Lines{"domain update.com", "domain files.io"});
}

// --- URLs ---------------------------------------------------------------------------

TEST_CASE("ioc: a URL is found and its host is not reported again", "[converters][extract]") {
  const Ioc ioc = One("GET https://evil.example.com/a/payload.exe?b=1#c then");
  CHECK(ioc.type == IocType::kUrl);
  CHECK(ioc.value == "https://evil.example.com/a/payload.exe?b=1#c");
}

TEST_CASE("ioc: a URL's scheme and host are lower-cased, its path is not",
          "[converters][extract]") {
  CHECK(One("HTTP://EVIL.Com:8080/Path").value == "http://evil.com:8080/Path");
}

TEST_CASE("ioc: every scheme defang form gives a URL", "[converters][extract]") {
  for (const char* written :
       {"hxxp://evil.com/a", "hXXp://evil.com/a", "h**p://evil.com/a", "hxxp[:]//evil.com/a",
        "hxxp[://]evil.com/a", "hxxp(://)evil.com/a", "http[:]//evil[.]com/a"}) {
    INFO(written);
    const Ioc ioc = One(std::string("at ") + written + " today");
    CHECK(ioc.type == IocType::kUrl);
    CHECK(ioc.value == "http://evil.com/a");
    CHECK(ioc.written == written);
    CHECK(ioc.defanged);
  }
  CHECK(One("hxxps[:]//evil[.]com/x").value == "https://evil.com/x");
  CHECK(One("fxp://files.evil.com/a").value == "ftp://files.evil.com/a");
}

TEST_CASE("ioc: \"://\" with spaces is joined only in a bracket form", "[converters][extract]") {
  const Ioc ioc = One("go to hxxp [://] evil [.] com now");
  CHECK(ioc.value == "http://evil.com");
  CHECK(ioc.written == "hxxp [://] evil [.] com");
  CHECK(Summary("http :// evil.com") == Lines{"domain evil.com"});
}

TEST_CASE("ioc: a URL ending in [.]htm keeps its extension", "[converters][extract]") {
  CHECK(One("hxxp://evil[.]com/invoice[.]htm.").value == "http://evil.com/invoice.htm");
}

TEST_CASE("ioc: markdown links and angle brackets around URLs are not part of them",
          "[converters][extract]") {
  Ioc ioc = One("[click here](hxxps://evil[.]com/a)");
  CHECK(ioc.value == "https://evil.com/a");
  CHECK(ioc.written == "hxxps://evil[.]com/a");
  CHECK(ioc.offset == 13);
  ioc = One("<https://evil.com/x>");
  CHECK(ioc.written == "https://evil.com/x");
  CHECK(Summary("[https://a.com/](https://b.com/)") ==
        Lines{"url https://a.com/", "url https://b.com/"});
}

TEST_CASE("ioc: trailing punctuation leaves a URL, balanced parentheses stay",
          "[converters][extract]") {
  CHECK(One("(see https://evil.com/a).").value == "https://evil.com/a");
  CHECK(One("https://en.wikipedia.org/wiki/Foo_(bar), ok").value ==
        "https://en.wikipedia.org/wiki/Foo_(bar)");
}

TEST_CASE("ioc: a URL with an IP host is one URL", "[converters][extract]") {
  CHECK(Summary("http://198.51.100.3:8080/x and http://[2001:db8::1]/y") ==
        Lines{"url http://198.51.100.3:8080/x", "url http://[2001:db8::1]/y"});
}

TEST_CASE("ioc: a URL may have an empty port", "[converters][extract]") {
  CHECK(Summary("http://x.evil.io:/a") == Lines{"url http://x.evil.io:/a"});
}

TEST_CASE("ioc: a URL whose host is no public name is not a URL", "[converters][extract]") {
  CHECK(Summary("http://intranet/x and http:// and ftp://999.1.1.1/").empty());
}

// --- Emails -------------------------------------------------------------------------

TEST_CASE("ioc: an email is found in lower case, its domain not again", "[converters][extract]") {
  const Ioc ioc = One("From: John.Doe@Evil.Example.COM.");
  CHECK(ioc.type == IocType::kEmail);
  CHECK(ioc.value == "john.doe@evil.example.com");
  CHECK(ioc.written == "John.Doe@Evil.Example.COM");
}

TEST_CASE("ioc: every at defang form gives an email", "[converters][extract]") {
  for (const char* written :
       {"john[@]evil.com", "john(@)evil.com", "john[at]evil.com", "john(at)evil.com",
        "john [at] evil [dot] com", "john(at)evil(dot)com", "john{at}evil{.}com"}) {
    INFO(written);
    const Ioc ioc = One(std::string("mail ") + written + ".");
    CHECK(ioc.type == IocType::kEmail);
    CHECK(ioc.value == "john@evil.com");
    CHECK(ioc.written == written);
    CHECK(ioc.defanged);
  }
  CHECK(One("john[.]doe[@]evil[.]com").value == "john.doe@evil.com");
}

TEST_CASE("ioc: an at sign without a public host is not an email", "[converters][extract]") {
  CHECK(Summary("@handle, user@localhost, a@b, team @ evil.com").size() == 1);
  CHECK(Summary("team @ evil.com") == Lines{"domain evil.com"});
}

// --- Hashes and file names ----------------------------------------------------------

TEST_CASE("ioc: MD5, SHA-1, SHA-256 and SHA-512 are told apart by length",
          "[converters][extract]") {
  CHECK(Summary(kMd5 + " " + kSha1 + "\n" + kSha256 + "\n" + kSha512) ==
        Lines{"md5 " + kMd5, "sha1 " + kSha1, "sha256 " + kSha256, "sha512 " + kSha512});
}

TEST_CASE("ioc: hashes are lower-cased", "[converters][extract]") {
  std::string upper = kSha256;
  for (char& c : upper) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  CHECK(One("SHA256: " + upper).value == kSha256);
}

TEST_CASE("ioc: hex runs of the wrong length are not hashes", "[converters][extract]") {
  CHECK(Summary(kMd5.substr(1) + " " + kMd5 + "a " + kSha256.substr(2)).empty());
}

TEST_CASE("ioc: a hash inside a longer hex or word run is not matched", "[converters][extract]") {
  CHECK(Summary(kMd5 + kMd5.substr(0, 6) + " 0x" + kMd5 + " g" + kMd5).empty());
  CHECK(Summary("sha256-" + kSha256) == Lines{"sha256 " + kSha256});
}

TEST_CASE("ioc: all-digit and all-letter runs are not hashes", "[converters][extract]") {
  CHECK(Summary(std::string(32, '1') + " " + std::string(32, 'a')).empty());
}

TEST_CASE("ioc: file names keep their case", "[converters][extract]") {
  CHECK(Summary("ran Invoice.PDF.exe and payload_v2-final.dll") ==
        Lines{"file-name Invoice.PDF.exe", "file-name payload_v2-final.dll"});
}

TEST_CASE("ioc: underscores stay on names but markdown emphasis goes", "[converters][extract]") {
  CHECK(Summary("__init__.py, _dmarc.evil.com and _evil.org_") ==
        Lines{"file-name __init__.py", "domain _dmarc.evil.com", "domain evil.org"});
}

TEST_CASE("ioc: a defanged file name is not refanged", "[converters][extract]") {
  CHECK(Summary("payload[.]dll").empty());
}

TEST_CASE("ioc: a hash takes the file name on its line", "[converters][extract]") {
  std::vector<Ioc> iocs = ExtractIocs("payload.dll  " + kSha256);
  REQUIRE(iocs.size() == 2);
  CHECK(iocs[1].file_name == "payload.dll");
  iocs = ExtractIocs("invoice.exe (SHA-256: " + kSha256 + ")");
  REQUIRE(iocs.size() == 2);
  CHECK(iocs[1].file_name == "invoice.exe");
  iocs = ExtractIocs("SHA256 of setup.msi: " + kSha256);
  REQUIRE(iocs.size() == 2);
  CHECK(iocs[1].file_name == "setup.msi");
  iocs = ExtractIocs(kSha256 + "  dropper.exe");  // sha256sum output
  REQUIRE(iocs.size() == 2);
  CHECK(iocs[0].file_name == "dropper.exe");
}

TEST_CASE("ioc: each hash takes the nearest file name before it", "[converters][extract]") {
  const std::vector<Ioc> iocs = ExtractIocs("a.exe " + kMd5 + ", b.dll " + kSha1);
  REQUIRE(iocs.size() == 4);
  CHECK(iocs[1].file_name == "a.exe");
  CHECK(iocs[3].file_name == "b.dll");
}

TEST_CASE("ioc: a hash on another line keeps no file name", "[converters][extract]") {
  const std::vector<Ioc> iocs = ExtractIocs("payload.dll\n" + kSha256);
  REQUIRE(iocs.size() == 2);
  CHECK(iocs[1].file_name.empty());
}

// --- CVE, registry, ASN, MAC --------------------------------------------------------

TEST_CASE("ioc: CVE ids are normalised to upper case", "[converters][extract]") {
  CHECK(Summary("CVE-2024-3400 and cve-2024-3400, CVE-2021-44228.") ==
        Lines{"cve CVE-2024-3400", "cve CVE-2024-3400", "cve CVE-2021-44228"});
  CHECK(One("CVE-2024-3400-related").written == "CVE-2024-3400");
  CHECK(Summary("CVE-24-1 CVE-2024-12 CVE-2024-3400x CVE-1998-0001").empty());
}

TEST_CASE("ioc: registry keys get their hive spelled out", "[converters][extract]") {
  const Ioc ioc = One(R"(Persists in HKCU\Software\Microsoft\Windows\CurrentVersion\Run.)");
  CHECK(ioc.type == IocType::kRegistryKey);
  CHECK(ioc.value == R"(HKEY_CURRENT_USER\Software\Microsoft\Windows\CurrentVersion\Run)");
  CHECK(ioc.written == R"(HKCU\Software\Microsoft\Windows\CurrentVersion\Run)");
  CHECK(Summary(R"(HKLM\SYSTEM\x HKCR\y HKU\z HKCC\w hkey_local_machine\v)") ==
        Lines{R"(registry-key HKEY_LOCAL_MACHINE\SYSTEM\x)", R"(registry-key HKEY_CLASSES_ROOT\y)",
              R"(registry-key HKEY_USERS\z)", R"(registry-key HKEY_CURRENT_CONFIG\w)",
              R"(registry-key HKEY_LOCAL_MACHINE\v)"});
}

TEST_CASE("ioc: registry keys may hold spaces, escaped backslashes and a PowerShell drive",
          "[converters][extract]") {
  CHECK(One(R"(`HKLM\SOFTWARE\Microsoft\Windows NT\CurrentVersion\Winlogon` was changed)").value ==
        R"(HKEY_LOCAL_MACHINE\SOFTWARE\Microsoft\Windows NT\CurrentVersion\Winlogon)");
  CHECK(One(R"(reg add HKCU\Software\Run /v Updater)").value ==
        R"(HKEY_CURRENT_USER\Software\Run)");
  CHECK(One(R"("HKLM\\SOFTWARE\\Evil")").value == R"(HKEY_LOCAL_MACHINE\SOFTWARE\Evil)");
  CHECK(One(R"(Get-Item HKLM:\SOFTWARE\Evil)").value == R"(HKEY_LOCAL_MACHINE\SOFTWARE\Evil)");
}

TEST_CASE("ioc: a file name inside a registry key is not reported again", "[converters][extract]") {
  CHECK(Summary(R"(HKCU\Software\Run\evil.exe)") ==
        Lines{R"(registry-key HKEY_CURRENT_USER\Software\Run\evil.exe)"});
}

TEST_CASE("ioc: words starting with HK are not registry keys", "[converters][extract]") {
  CHECK(Summary(R"(HKLM alone, HKG\x and HKEY_BOGUS\y)").empty());
}

TEST_CASE("ioc: ASNs need AS or ASN right before the digits", "[converters][extract]") {
  CHECK(Summary("AS13335, ASN 13335, ASN13335 and as15169") ==
        Lines{"asn 13335", "asn 13335", "asn 13335", "asn 15169"});
  CHECK(One("announced by ASN 13335.").written == "ASN 13335");
}

TEST_CASE("ioc: AS words are not ASNs", "[converters][extract]") {
  CHECK(Summary("AS well as ASAP, AS 13335, AS0 and ASN x1").empty());
  CHECK(Summary("as1 2") == Lines{"asn 1"});
}

TEST_CASE("ioc: MAC addresses come out lower case with colons", "[converters][extract]") {
  CHECK(Summary("00:1A:2B:3C:4D:5E, 00-1A-2B-3C-4D-5F and 001a.2b3c.4d60") ==
        Lines{"mac 00:1a:2b:3c:4d:5e", "mac 00:1a:2b:3c:4d:5f", "mac 00:1a:2b:3c:4d:60"});
  CHECK(Summary("00:1A-2B:3C:4D:5E and 00[:]1a:2b:3c:4d:5e").empty());
}

// --- Whole paragraphs ---------------------------------------------------------------

TEST_CASE("ioc: a defang zoo paragraph yields each indicator once, in order",
          "[converters][extract]") {
  const std::string text =
      "The actor used hxxps[:]//login-evil[.]com/auth[.]htm and h**p://198[.]51[.]100[.]7/a "
      "(see [report](hxxp://evil(dot)net/r)). Mail came from admin[at]evil[.]org and "
      "j.doe(@)mail{.}evil{dot}org; C2 at 203.0.113[.]9:443, 2001:db8[:]:7 and "
      "[2001:db8::8]. Payload invoice.pdf.exe (SHA-256: " +
      kSha256 +
      ") exploited cve-2024-3400 via evil [dot] co [dot] uk, announced by AS64500. "
      "Persistence: HKLM\\Software\\Evil. NIC 00-1A-2B-3C-4D-5E. I had ham (and eggs). "
      "Version v2.1.0, e.g. README.md, Node.js.";
  const std::vector<Ioc> iocs = ExtractIocs(text);
  CHECK(Summary(iocs) == Lines{"url https://login-evil.com/auth.htm", "url http://198.51.100.7/a",
                               "url http://evil.net/r", "email admin@evil.org",
                               "email j.doe@mail.evil.org", "ipv4 203.0.113.9", "ipv6 2001:db8::7",
                               "ipv6 2001:db8::8", "file-name invoice.pdf.exe", "sha256 " + kSha256,
                               "cve CVE-2024-3400", "domain evil.co.uk", "asn 64500",
                               "registry-key HKEY_LOCAL_MACHINE\\Software\\Evil",
                               "mac 00:1a:2b:3c:4d:5e", "file-name README.md"});
  for (const Ioc& ioc : iocs) {
    INFO(ioc.written);
    CHECK(text.substr(ioc.offset, ioc.length) == ioc.written);
  }
  REQUIRE(iocs.size() == 16);
  CHECK(iocs[9].file_name == "invoice.pdf.exe");
  CHECK(iocs[0].defanged);
  CHECK_FALSE(iocs[8].defanged);
}

TEST_CASE("ioc: empty text has no indicators", "[converters][extract]") {
  CHECK(ExtractIocs("").empty());
  CHECK(ExtractIocs("Nothing to see here, just prose.").empty());
}

// --- Table cells --------------------------------------------------------------------

TEST_CASE("ioc cells: a hash is tied to the row's file-name cell", "[converters][extract]") {
  const std::vector<Ioc> iocs =
      ExtractIocsFromCells({"my invoice.pdf", kMd5, kSha256}, {"File name", "MD5", "SHA-256"});
  REQUIRE(iocs.size() == 3);
  CHECK(iocs[0].type == IocType::kFileName);
  CHECK(iocs[0].value == "my invoice.pdf");
  CHECK(iocs[1].type == IocType::kMd5);
  CHECK(iocs[1].file_name == "my invoice.pdf");
  CHECK(iocs[1].offset == 15);
  CHECK(iocs[2].file_name == "my invoice.pdf");
  CHECK(iocs[2].offset == 15 + 32 + 1);
}

TEST_CASE("ioc cells: without headers a hash takes a file name from the row",
          "[converters][extract]") {
  const std::vector<Ioc> iocs = ExtractIocsFromCells({"payload.dll", kSha1}, {});
  REQUIRE(iocs.size() == 2);
  CHECK(iocs[1].file_name == "payload.dll");
}

TEST_CASE("ioc cells: a Type column names the type of the value cell", "[converters][extract]") {
  std::vector<Ioc> iocs = ExtractIocsFromCells({"Domain", "evil[.]com"}, {"Type", "Indicator"});
  REQUIRE(iocs.size() == 1);
  CHECK(iocs[0].type == IocType::kDomain);
  CHECK(iocs[0].value == "evil.com");
  CHECK(iocs[0].written == "evil[.]com");
  CHECK(iocs[0].offset == 7);
  CHECK(iocs[0].defanged);
  iocs = ExtractIocsFromCells({"domain-name", "README.md"}, {"Indicator type", "Value"});
  REQUIRE(iocs.size() == 1);
  CHECK(iocs[0].type == IocType::kDomain);
  CHECK(iocs[0].value == "readme.md");
}

TEST_CASE("ioc cells: a Domain column reads an extension-like TLD as a domain",
          "[converters][extract]") {
  const std::vector<Ioc> iocs = ExtractIocsFromCells({" `README.md` "}, {"Domain"});
  REQUIRE(iocs.size() == 1);
  CHECK(iocs[0].type == IocType::kDomain);
  CHECK(iocs[0].written == "README.md");
  CHECK(iocs[0].offset == 2);
}

TEST_CASE("ioc cells: typed columns accept values free text would not", "[converters][extract]") {
  CHECK(Summary(ExtractIocsFromCells({"13335", "AS 64500", "AS well"}, {"ASN", "ASN", "ASN"})) ==
        Lines{"asn 13335", "asn 64500"});
  CHECK(Summary(ExtractIocsFromCells({R"(C:\Users\Public\evil)"}, {"Filename"})) ==
        Lines{"file-name evil"});
}

TEST_CASE("ioc cells: free text in cells is still scanned", "[converters][extract]") {
  CHECK(Summary(ExtractIocsFromCells({"hxxp://evil[.]com/a", "seen from 198.51.100.3"},
                                     {"Indicator", "Notes"})) ==
        Lines{"url http://evil.com/a", "ipv4 198.51.100.3"});
}

// --- Scale --------------------------------------------------------------------------

TEST_CASE("ioc: 10 MB of generated text is scanned", "[converters][extract]") {
  const std::string block =
      "The operators moved laterally (and then some). Version 2.4.1 of the tool, e.g. the "
      "loader, wrote README.md and called hxxps[:]//cdn.evil[.]com/x[.]htm from 198.51.100.3; "
      "payload.dll " +
      kSha256 + " and CVE-2024-3400 followed at 10:30:00 via AS64500.\n";
  std::string text;
  while (text.size() < 10 * 1024 * 1024) text += block;
  const std::size_t blocks = text.size() / block.size();
  const std::vector<Ioc> iocs = ExtractIocs(text);
  // Per block: file-name README.md, url, ipv4, file-name payload.dll, sha256, cve, asn.
  REQUIRE(iocs.size() == 7 * blocks);
  CHECK(iocs.back().type == IocType::kAsn);
  CHECK(iocs[4].file_name == "payload.dll");
  CHECK(iocs[7 * (blocks - 1) + 1].offset == (blocks - 1) * block.size() + 118);
}

}  // namespace
}  // namespace stixkit::convert
