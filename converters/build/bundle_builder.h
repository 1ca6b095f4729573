// From document to bundle: routes the sections, maps text to ATT&CK once, runs the
// builders (builders.h) in order, applies the marking to every object, and writes the
// bundle as deterministic JSON. The same document and options, --now included, always
// give the same bytes.
//
//   ConvertOptions options;  options.author = "Health-ISAC";  options.now = ...;
//   STIXKIT_ASSIGN_OR_RETURN(Conversion c, BuildBundle(document, options));
//   c.bundle_json;  // {"type": "bundle", ...}
//
// Thread-safe: conversions share only the immutable catalog and mapper.
#ifndef STIXKIT_CONVERTERS_BUILD_BUNDLE_BUILDER_H_
#define STIXKIT_CONVERTERS_BUILD_BUNDLE_BUILDER_H_

#include <string>
#include <utility>
#include <vector>

#include "absl/status/statusor.h"
#include "converters/build/convert_options.h"
#include "converters/read/document.h"

namespace stixkit::convert {

struct Conversion {
  std::string bundle_json;  // pretty-printed, two-space indent, trailing newline
  std::vector<std::string> object_json;  // each object compact, in bundle order (envelopes)
  std::vector<std::string> found;     // "indicator [ipv4-addr:value = '198.51.100.3']"
  std::vector<std::string> ignored;   // "report.md:71 (...): url ... (reference, ...)"
  std::vector<std::string> warnings;  // "no TLP marking: ..."
  // For --explain: each object's id and the source line it came from.
  std::vector<std::pair<std::string, std::string>> origins;
};

// The bundle for `document`. Internal only for a bug (a builder failed); problems with
// the report itself are warnings.
absl::StatusOr<Conversion> BuildBundle(const Document& document, const ConvertOptions& options);

}  // namespace stixkit::convert

#endif  // STIXKIT_CONVERTERS_BUILD_BUNDLE_BUILDER_H_
