#include "converters/extract/ioc.h"

namespace stixkit::convert {

std::string_view IocTypeName(IocType type) {
  switch (type) {
    case IocType::kIpv4:
      return "ipv4";
    case IocType::kIpv4Cidr:
      return "ipv4-cidr";
    case IocType::kIpv6:
      return "ipv6";
    case IocType::kIpv6Cidr:
      return "ipv6-cidr";
    case IocType::kDomain:
      return "domain";
    case IocType::kUrl:
      return "url";
    case IocType::kEmail:
      return "email";
    case IocType::kMd5:
      return "md5";
    case IocType::kSha1:
      return "sha1";
    case IocType::kSha256:
      return "sha256";
    case IocType::kSha512:
      return "sha512";
    case IocType::kFileName:
      return "file-name";
    case IocType::kCve:
      return "cve";
    case IocType::kRegistryKey:
      return "registry-key";
    case IocType::kAsn:
      return "asn";
    case IocType::kMac:
      return "mac";
  }
  return "unknown";
}

}  // namespace stixkit::convert
