// What a conversion can be asked to do: the options of `stixkit convert`.
//
// Plain data.
#ifndef STIXKIT_CONVERTERS_BUILD_CONVERT_OPTIONS_H_
#define STIXKIT_CONVERTERS_BUILD_CONVERT_OPTIONS_H_

#include <optional>
#include <string>

#include "absl/time/time.h"

namespace stixkit::convert {

struct ConvertOptions {
  // The producer: the identity every object's created_by_ref names.
  std::string author = "stixkit";
  // TLP 2.0 level ("clear", "green", "amber", "amber+strict", "red") from --tlp; a TLP
  // banner in the document wins only if it is stricter.
  std::optional<std::string> tlp;
  // created/modified of every object, and published when the report gives no date.
  // Fixed by --now so that output is reproducible.
  absl::Time now = absl::UnixEpoch();
  // Add "incident" (report-type-ov since the 2025 errata) to report_types. The
  // reference validator does not know it yet (check 218), so it is off by default.
  bool report_type_incident = false;
  // Also emit the Incident Core Extension's own links (incident targets identity,
  // located-at location, attributed-to actor). Platforms such as OpenCTI import them,
  // but core STIX suggests no relationships for incident, so check 202 warns.
  bool incident_core_relationships = false;
};

}  // namespace stixkit::convert

#endif  // STIXKIT_CONVERTERS_BUILD_CONVERT_OPTIONS_H_
