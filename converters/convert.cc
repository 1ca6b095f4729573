#include "converters/convert.h"

#include <algorithm>
#include <iterator>
#include <utility>
#include <vector>

#include "absl/strings/str_cat.h"
#include "stix/base/status.h"
#include "stix/base/strings.h"

namespace stixkit::convert {
namespace {

std::string Describe(const stix::LocatedFinding& f) {
  return absl::StrCat(f.finding.code.empty() ? "" : absl::StrCat("[", f.finding.code, "] "),
                      f.finding.object_id, f.finding.pointer, ": ", f.finding.message);
}

}  // namespace

absl::StatusOr<Conversion> ConvertReport(std::string_view source_name, std::string_view bytes,
                                         std::optional<Format> format,
                                         const ConvertOptions& options,
                                         const stix::Validator& validator,
                                         const ReadLimits& limits) {
  STIXKIT_ASSIGN_OR_RETURN(Document document,
                           ReadDocument(source_name, bytes, format, limits));
  STIXKIT_ASSIGN_OR_RETURN(Conversion conversion, BuildBundle(document, options));
  // The reader's warnings come first, in the order of the lines they name.
  conversion.warnings.insert(conversion.warnings.begin(),
                             std::make_move_iterator(document.warnings.begin()),
                             std::make_move_iterator(document.warnings.end()));
  // Output is validated before anyone writes it: an invalid bundle is our bug.
  const stix::FileReport report =
      validator.ValidateText(conversion.bundle_json, std::string(source_name));
  if (!report.fatal.ok()) {
    return absl::InternalError(absl::StrCat("the bundle built from ", Av(source_name),
                                            " does not parse (a stixkit bug): ",
                                            report.fatal.message()));
  }
  std::string errors;
  // Warnings are grouped by code: one line per code with a count and the first example,
  // so a bundle with forty ATT&CK links does not print forty 302s.
  std::vector<std::pair<std::string, std::pair<size_t, std::string>>> warnings;
  for (const stix::LocatedFinding& f : report.findings) {
    if (f.finding.severity == stix::Severity::kError) {
      absl::StrAppend(&errors, "\n  ", Describe(f));
      continue;
    }
    auto it = std::find_if(warnings.begin(), warnings.end(),
                           [&](const auto& w) { return w.first == f.finding.code; });
    if (it == warnings.end()) {
      warnings.push_back({f.finding.code, {1, Describe(f)}});
    } else {
      ++it->second.first;
    }
  }
  for (const auto& [code, count_example] : warnings) {
    const auto& [count, example] = count_example;
    conversion.warnings.push_back(
        count == 1 ? absl::StrCat("validator: ", example)
                   : absl::StrCat("validator: ", count, " warnings [", code, "], e.g. ",
                                  example));
  }
  if (!errors.empty()) {
    return absl::InternalError(absl::StrCat("the bundle built from ", Av(source_name),
                                            " is invalid (a stixkit bug; please report it "
                                            "with the input):",
                                            errors));
  }
  return conversion;
}

}  // namespace stixkit::convert
