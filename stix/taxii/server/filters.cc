#include "stix/taxii/server/filters.h"

#include <algorithm>

#include "absl/strings/ascii.h"
#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_split.h"
#include "stix/base/strings.h"
#include "stix/taxii/server/taxii_time.h"

namespace stixkit::taxii {
namespace {

// Every comma-separated value of every occurrence of `name`; a repeated field is read as
// one longer list rather than refused.
std::vector<std::string> Values(const QueryParams& params, const std::string& name) {
  std::vector<std::string> out;
  const auto [begin, end] = params.equal_range(name);
  for (auto it = begin; it != end; ++it) {
    for (absl::string_view v : absl::StrSplit(it->second, ',')) {
      v = absl::StripAsciiWhitespace(v);
      if (!v.empty()) out.emplace_back(v);
    }
  }
  return out;
}

std::optional<std::string> Single(const QueryParams& params, const std::string& name) {
  const auto it = params.find(name);
  if (it == params.end()) return std::nullopt;
  return std::string(absl::StripAsciiWhitespace(it->second));
}

absl::Status ParseVersions(const QueryParams& params, ObjectFilter* f) {
  const std::vector<std::string> values = Values(params, "match[version]");
  if (values.empty()) {
    f->version_last = true;  // TAXII 2.1 §3.5.1: the default is "last"
    return absl::OkStatus();
  }
  bool all = false;
  for (const std::string& v : values) {
    if (v == "all") {
      all = true;
    } else if (v == "last") {
      f->version_last = true;
    } else if (v == "first") {
      f->version_first = true;
    } else {
      absl::StatusOr<int64_t> t = ParseTaxiiTimestamp(v);
      if (!t.ok()) {
        return absl::InvalidArgumentError(absl::StrCat(
            "match[version]: expected last, first, all or a timestamp like "
            "2016-01-20T12:31:12.123Z, got \"",
            v, "\""));
      }
      f->version_times.push_back(*t);
    }
  }
  // "all" already includes every other value, so it wins rather than failing the request.
  if (all) {
    f->version_first = f->version_last = false;
    f->version_times.clear();
  }
  return absl::OkStatus();
}

absl::Status ParseSpecVersions(const QueryParams& params, bool default_all, ObjectFilter* f) {
  f->spec_versions = Values(params, "match[spec_version]");
  for (const std::string& v : f->spec_versions) {
    const bool shape = v.size() >= 3 && v.size() <= 8 &&
                       std::all_of(v.begin(), v.end(), [](char c) {
                         return absl::ascii_isdigit(static_cast<unsigned char>(c)) || c == '.';
                       }) &&
                       std::count(v.begin(), v.end(), '.') == 1 && v.front() != '.' &&
                       v.back() != '.';
    if (!shape) {
      return absl::InvalidArgumentError(absl::StrCat(
          "match[spec_version]: expected a STIX version like 2.1, got \"", v, "\""));
    }
  }
  f->all_spec_versions = f->spec_versions.empty() && default_all;
  return absl::OkStatus();
}

absl::Status ParsePaging(const QueryParams& params, const PageLimits& limits,
                         const CursorSeal& seal, ObjectFilter* f) {
  if (std::optional<std::string> v = Single(params, "added_after")) {
    absl::StatusOr<int64_t> t = ParseTaxiiTimestamp(*v);
    if (!t.ok()) {
      return absl::InvalidArgumentError(absl::StrCat("added_after: ", t.status().message()));
    }
    f->added_after = *t;
  }
  f->limit = limits.default_limit;
  if (std::optional<std::string> v = Single(params, "limit")) {
    long long n = 0;
    // A positive integer too large for 64 bits is still just "more than max_limit":
    // lowered like any other large limit rather than refused (docs/taxii.md).
    const bool huge =
        !v->empty() && v->size() <= 1000 &&
        std::all_of(v->begin(), v->end(),
                    [](char c) { return absl::ascii_isdigit(static_cast<unsigned char>(c)); }) &&
        v->find_first_not_of('0') != std::string::npos;
    if (absl::SimpleAtoi(*v, &n) && n >= 1) {
      f->limit = static_cast<size_t>(n);
    } else if (huge) {
      f->limit = limits.max_limit;
    } else {
      return absl::InvalidArgumentError(
          absl::StrCat("limit: expected a positive integer, got \"", v->substr(0, 64), "\""));
    }
  }
  f->limit = std::max<size_t>(1, std::min(f->limit, limits.max_limit));
  if (std::optional<std::string> v = Single(params, "next")) {
    absl::StatusOr<PageCursor> at = DecodeCursor(*v, seal);
    if (!at.ok()) return at.status();
    f->after = *at;
  }
  return absl::OkStatus();
}

}  // namespace

absl::StatusOr<ObjectFilter> ParseFilter(const QueryParams& params, FilterEndpoint endpoint,
                                         const PageLimits& limits, const CursorSeal& seal) {
  ObjectFilter f;
  switch (endpoint) {
    case FilterEndpoint::kObjects:
      f.ids = Values(params, "match[id]");
      f.types = Values(params, "match[type]");
      if (absl::Status s = ParseVersions(params, &f); !s.ok()) return s;
      if (absl::Status s = ParseSpecVersions(params, false, &f); !s.ok()) return s;
      if (absl::Status s = ParsePaging(params, limits, seal, &f); !s.ok()) return s;
      break;
    case FilterEndpoint::kObject:
      if (absl::Status s = ParseVersions(params, &f); !s.ok()) return s;
      if (absl::Status s = ParseSpecVersions(params, false, &f); !s.ok()) return s;
      if (absl::Status s = ParsePaging(params, limits, seal, &f); !s.ok()) return s;
      break;
    case FilterEndpoint::kVersions:
      if (absl::Status s = ParseSpecVersions(params, false, &f); !s.ok()) return s;
      if (absl::Status s = ParsePaging(params, limits, seal, &f); !s.ok()) return s;
      break;
    case FilterEndpoint::kDelete:
      // TAXII 2.1 §5.7 names no default; deleting "the object" means all its versions.
      if (params.count("match[version]") > 0) {
        if (absl::Status s = ParseVersions(params, &f); !s.ok()) return s;
      }
      if (absl::Status s = ParseSpecVersions(params, true, &f); !s.ok()) return s;
      break;
  }
  return f;
}

}  // namespace stixkit::taxii
