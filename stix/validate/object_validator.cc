#include "stix/validate/object_validator.h"

#include <string>

#include "absl/strings/str_cat.h"
#include "stix/json/json_access.h"
#include "stix/validate/best_practice_checks.h"
#include "stix/validate/interop_checks.h"
#include "stix/validate/must_checks.h"
#include "stix/validate/schema_check.h"

namespace stixkit::stix {
namespace {

// STIX 2.0 had no spec_version on objects; 2.1 requires it on SDOs, SROs and meta
// objects (STIX 2.1 §3.2). SCOs may omit it, and bundles never carry it in 2.1. The
// reference validator checks such objects against its 2.0 schemas; stixkit checks
// 2.1 only, so it says so instead of guessing.
bool IsStix20Object(const rapidjson::Value& object) {
  if (!object.IsObject()) return false;
  if (TypeOf(object) == "bundle") return false;
  if (Has(object, "spec_version")) return StringMember(object, "spec_version") == "2.0";
  return Has(object, "created");
}

void PromoteUnderStrict(const CheckContext& ctx, size_t first, Findings* out) {
  if (!ctx.options.strict) return;
  for (size_t i = first; i < out->size(); ++i) {
    Finding& f = (*out)[i];
    if (!f.code.empty()) f.severity = Severity::kError;
  }
}

}  // namespace

void ValidateObject(const rapidjson::Value& object, const CheckContext& ctx, Findings* out) {
  const std::string id(IdOf(object));
  if (!object.IsObject()) {
    out->push_back(Finding::Error("", id, "", "expected a STIX object (a JSON object)"));
    return;
  }
  if (IsStix20Object(object)) {
    out->push_back(Finding::Warning(
        "", id, "/spec_version",
        "this is STIX 2.0 content (no \"spec_version\": \"2.1\"); stixkit validates STIX 2.1 "
        "only and did not check this object: add \"spec_version\": \"2.1\" after upgrading "
        "it to 2.1"));
    return;
  }
  const size_t first = out->size();
  CheckSchema(object, ctx.options, out);
  RunMustChecks(object, ctx, out);
  if (ctx.options.interop) RunInteropChecks(object, out);
  RunBestPracticeChecks(object, ctx, out);
  PromoteUnderStrict(ctx, first, out);
}

}  // namespace stixkit::stix
