#include "stix/taxii/client/query.h"

#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "absl/time/time.h"
#include "stix/base/status.h"
#include "stix/base/strings.h"
#include "stix/model/timestamp.h"
#include "stix/taxii/client/url.h"

namespace stixkit::taxii {
namespace {

void AddList(std::string_view name, const std::vector<std::string>& values, std::string* out) {
  if (values.empty()) return;
  std::vector<std::string> encoded;
  for (const std::string& v : values) encoded.push_back(PercentEncode(v));
  absl::StrAppend(out, out->empty() ? "?" : "&", PercentEncode(name), "=",
                  absl::StrJoin(encoded, ","));
}

void Add(std::string_view name, std::string_view value, std::string* out) {
  if (value.empty()) return;
  absl::StrAppend(out, out->empty() ? "?" : "&", Av(name), "=", PercentEncode(value));
}

}  // namespace

std::string QueryString(const Query& q) {
  std::string out;
  Add("added_after", q.added_after, &out);
  if (q.limit > 0) Add("limit", absl::StrCat(q.limit), &out);
  AddList("match[id]", q.match_id, &out);
  AddList("match[type]", q.match_type, &out);
  AddList("match[version]", q.match_version, &out);
  AddList("match[spec_version]", q.match_spec_version, &out);
  Add("next", q.next, &out);
  return out;
}

absl::StatusOr<std::string> NormalizeTaxiiTimestamp(std::string_view text) {
  absl::StatusOr<absl::Time> t = stix::ParseTimestamp(text);
  if (!t.ok()) {
    return absl::InvalidArgumentError(absl::StrCat(
        "expected a UTC timestamp such as 2024-05-01T10:00:00.000000Z, got \"", Av(text), "\""));
  }
  return absl::FormatTime("%Y-%m-%dT%H:%M:%E6SZ", *t, absl::UTCTimeZone());
}

absl::Status CheckVersionFilter(const std::vector<std::string>& values) {
  for (const std::string& v : values) {
    if (v == "all" && values.size() > 1) {
      return absl::InvalidArgumentError(
          "--version all cannot be combined with other versions (TAXII 2.1 §3.5.1)");
    }
    if (v == "last" || v == "first" || v == "all") continue;
    if (!stix::ParseTimestamp(v).ok()) {
      return absl::InvalidArgumentError(
          absl::StrCat("--version expects last, first, all or a STIX timestamp, got \"", v, "\""));
    }
  }
  return absl::OkStatus();
}

}  // namespace stixkit::taxii
