#include "converters/build/observable.h"

#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"
#include "rapidjson/document.h"
#include "rapidjson/stringbuffer.h"
#include "rapidjson/writer.h"
#include "stix/base/status.h"
#include "stix/base/strings.h"
#include "stix/model/sco_id.h"
#include "stix/pattern/checked_pattern.h"
#include "stix/pattern/formatter.h"

namespace stixkit::convert {
namespace {

namespace pattern = stix::pattern;

struct TypeRow {
  IocType type;
  std::string_view sco_type;
  std::string_view property;  // "value", "key", "name", "number" or a hash algorithm
  std::string_view label;
  bool is_hash;
};

// IOC type -> SCO type and the property a pattern compares (STIX 2.1 §6; hash names
// from hash-algorithm-ov).
constexpr TypeRow kRows[] = {
    {IocType::kIpv4, "ipv4-addr", "value", "IPv4 address", false},
    {IocType::kIpv4Cidr, "ipv4-addr", "value", "IPv4 network", false},
    {IocType::kIpv6, "ipv6-addr", "value", "IPv6 address", false},
    {IocType::kIpv6Cidr, "ipv6-addr", "value", "IPv6 network", false},
    {IocType::kDomain, "domain-name", "value", "Domain", false},
    {IocType::kUrl, "url", "value", "URL", false},
    {IocType::kEmail, "email-addr", "value", "Email address", false},
    {IocType::kMd5, "file", "MD5", "MD5", true},
    {IocType::kSha1, "file", "SHA-1", "SHA-1", true},
    {IocType::kSha256, "file", "SHA-256", "SHA-256", true},
    {IocType::kSha512, "file", "SHA-512", "SHA-512", true},
    {IocType::kFileName, "file", "name", "File name", false},
    {IocType::kRegistryKey, "windows-registry-key", "key", "Registry key", false},
    {IocType::kAsn, "autonomous-system", "number", "Autonomous system", false},
    {IocType::kMac, "mac-addr", "value", "MAC address", false},
};

const TypeRow* RowOf(IocType type) {
  for (const TypeRow& r : kRows) {
    if (r.type == type) return &r;
  }
  return nullptr;
}

std::string Compact(const rapidjson::Value& v) {
  rapidjson::StringBuffer buffer;
  rapidjson::Writer<rapidjson::StringBuffer> writer(buffer);
  v.Accept(writer);
  return std::string(buffer.GetString(), buffer.GetSize());
}

rapidjson::Value Str(std::string_view s, rapidjson::Document::AllocatorType& a) {
  return rapidjson::Value(s.data(), static_cast<rapidjson::SizeType>(s.size()), a);
}

}  // namespace

absl::StatusOr<Observable> MakeObservable(const Ioc& ioc) {
  const TypeRow* row = RowOf(ioc.type);
  if (row == nullptr) {
    return absl::InvalidArgumentError(
        absl::StrCat(Av(IocTypeName(ioc.type)), " '", ioc.value, "' is not an observable"));
  }
  rapidjson::Document sco(rapidjson::kObjectType);
  auto& a = sco.GetAllocator();
  sco.AddMember("type", Str(row->sco_type, a), a);
  sco.AddMember("spec_version", "2.1", a);
  Observable out;
  out.sco_type = std::string(row->sco_type);
  out.label = std::string(row->label);
  const std::string object = std::string(row->sco_type);
  if (row->is_hash) {
    if (!ioc.file_name.empty()) sco.AddMember("name", Str(ioc.file_name, a), a);
    rapidjson::Value hashes(rapidjson::kObjectType);
    hashes.AddMember(Str(row->property, a), Str(ioc.value, a), a);
    sco.AddMember("hashes", hashes, a);
    out.pattern = absl::StrCat("[file:hashes.", pattern::FormatPathKey(row->property), " = ",
                               pattern::Quote(ioc.value));
    if (!ioc.file_name.empty()) {
      absl::StrAppend(&out.pattern, " AND file:name = ", pattern::Quote(ioc.file_name));
    }
    out.pattern += "]";
  } else if (ioc.type == IocType::kAsn) {
    int64_t number = 0;
    if (!absl::SimpleAtoi(Av(ioc.value), &number) || number < 0) {
      return absl::InvalidArgumentError(absl::StrCat("bad AS number '", ioc.value, "'"));
    }
    sco.AddMember("number", number, a);
    out.pattern = absl::StrCat("[autonomous-system:number = ", number, "]");
  } else {
    sco.AddMember(Str(row->property, a), Str(ioc.value, a), a);
    out.pattern = absl::StrCat("[", object, ":", Av(row->property), " = ",
                               pattern::Quote(ioc.value), "]");
  }
  STIXKIT_ASSIGN_OR_RETURN(out.sco_id, stix::ScoId(sco, stix::SystemRandom()));
  rapidjson::Document with_id(rapidjson::kObjectType);
  auto& b = with_id.GetAllocator();
  for (auto& m : sco.GetObject()) {
    with_id.AddMember(rapidjson::Value(m.name, b), rapidjson::Value(m.value, b), b);
    if (std::string_view(m.name.GetString()) == "spec_version") {
      with_id.AddMember("id", Str(out.sco_id, b), b);
    }
  }
  out.sco_json = Compact(with_id);
  auto parsed = pattern::ParseCheckedPattern(out.pattern, pattern::PatternRules::kSpec);
  if (!parsed.ok()) {
    return absl::InternalError(absl::StrCat("built pattern ", out.pattern,
                                            " fails the pattern checks: ",
                                            parsed.status().message()));
  }
  return out;
}

}  // namespace stixkit::convert
