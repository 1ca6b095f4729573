#include "stix/taxii/server/envelope_intake.h"

#include "absl/strings/str_cat.h"
#include "stix/base/strings.h"
#include "stix/json/json_access.h"
#include "stix/json/json_parser.h"
#include "stix/taxii/server/internal/json_writer.h"
#include "stix/taxii/server/taxii_time.h"

namespace stixkit::taxii {
namespace {

using stix::StringMember;

// At most this many error findings are quoted in one failure message.
constexpr size_t kQuotedErrors = 3;

std::string Compact(const rapidjson::Value& value) {
  rapidjson::StringBuffer buffer;
  server_internal::JsonWriter w(buffer);
  value.Accept(w);
  return server_internal::Text(buffer);
}

// The first error findings, "pointer: message; ...", or "" when there are none.
std::string ErrorSummary(const stix::FileReport& report) {
  if (!report.fatal.ok()) return std::string(Sv(report.fatal.message()));
  std::string out;
  size_t quoted = 0;
  for (const stix::LocatedFinding& lf : report.findings) {
    const stix::Finding& f = lf.finding;
    if (f.severity != stix::Severity::kError) continue;
    if (quoted == kQuotedErrors) {
      absl::StrAppend(&out, "; ...");
      break;
    }
    absl::StrAppend(&out, quoted == 0 ? "" : "; ", f.pointer.empty() ? "" : f.pointer,
                    f.pointer.empty() ? "" : ": ", f.message);
    ++quoted;
  }
  return out;
}

// STIX 2.1 §3.6: SCOs may omit spec_version (it is then 2.1); an SDO or SRO without one
// is STIX 2.0, and those always have `created`.
std::string SpecVersionOf(const rapidjson::Value& object) {
  const std::string_view sv = StringMember(object, "spec_version");
  if (!sv.empty()) return std::string(sv);
  return stix::Has(object, "created") ? "2.0" : "2.1";
}

// Checks one envelope entry; returns the failure message, or "" and fills *out.
std::string ReadOne(const rapidjson::Value& value, size_t index, const stix::Validator& validator,
                    NewObject* out) {
  const std::string where = absl::StrCat("objects[", index, "]");
  if (!value.IsObject()) {
    return absl::StrCat(where, ": expected a STIX object, found ",
                        Av(stix::JsonKindName(value)));
  }
  if (!stix::Has(value, "id") || !stix::Member(value, "id")->IsString()) {
    return absl::StrCat(where, ": the object has no \"id\" string");
  }
  out->json = Compact(value);
  const stix::FileReport report = validator.ValidateText(out->json, where);
  if (!report.valid()) {
    const std::string summary = ErrorSummary(report);
    return absl::StrCat(where, ": ", summary.empty() ? "the object is not valid STIX" : summary);
  }
  out->object_id = stix::IdOf(value);
  out->type = stix::TypeOf(value);
  out->spec_version = SpecVersionOf(value);
  out->media_type = absl::StrCat("application/stix+json;version=", out->spec_version);
  std::string_view version = StringMember(value, "modified");
  if (version.empty()) version = StringMember(value, "created");
  if (!version.empty()) {
    absl::StatusOr<int64_t> us = ParseTaxiiTimestamp(version);
    if (!us.ok()) {
      return absl::StrCat(where, ": ", us.status().message());
    }
    out->version = std::string(version);
    out->version_us = *us;
  }
  return std::string();
}

// The version to report for an object that failed: what it says, if anything.
std::string ClaimedVersion(const rapidjson::Value& value) {
  std::string_view v = StringMember(value, "modified");
  if (v.empty()) v = StringMember(value, "created");
  return std::string(v);
}

}  // namespace

absl::StatusOr<Intake> ReadPostedEnvelope(std::string_view body, const stix::Validator& validator,
                                          const stix::JsonLimits& limits) {
  rapidjson::Document doc;
  if (absl::Status s = stix::ParseJson(stix::JsonSpan{body, 0, {}}, "request body", limits, &doc);
      !s.ok()) {
    return absl::InvalidArgumentError(s.message());
  }
  if (!doc.IsObject()) {
    return absl::FailedPreconditionError(absl::StrCat(
        "expected a TAXII envelope {\"objects\": [...]}, found ", Av(stix::JsonKindName(doc))));
  }
  const rapidjson::Value* objects = stix::Member(doc, "objects");
  if (objects == nullptr || !objects->IsArray()) {
    return absl::FailedPreconditionError(
        "expected a TAXII envelope {\"objects\": [...]}, found an object without an "
        "\"objects\" array");
  }
  Intake intake;
  intake.total_count = objects->Size();
  for (rapidjson::SizeType i = 0; i < objects->Size(); ++i) {
    const rapidjson::Value& value = (*objects)[i];
    NewObject object;
    std::string failure = ReadOne(value, i, validator, &object);
    if (failure.empty()) {
      intake.accepted.push_back(std::move(object));
    } else {
      intake.failures.push_back({std::string(stix::IdOf(value)), ClaimedVersion(value),
                                 std::move(failure)});
    }
  }
  return intake;
}

}  // namespace stixkit::taxii
