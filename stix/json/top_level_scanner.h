// Finds the STIX objects in an input file without building a DOM of the whole file.
// The input may be a bundle, a single object, or a JSON array of objects (the shapes the
// reference validator accepts). For a bundle, each member of "objects" is handed to the
// caller as its own span of text, in order, so that members can be parsed and checked
// one at a time, on several threads, in bounded memory; the bundle's other members are
// returned as a small "shell" object.
//
//   STIXKIT_ASSIGN_OR_RETURN(TopLevel top, ScanTopLevel(text, path, limits,
//       [&](const JsonSpan& object, size_t index) { return Queue(object, index); }));
//
// The scanner checks structure only (brackets, strings, depth, string length); each
// span still goes through ParseJson, which checks the rest. Spans point into `text`.
#ifndef STIXKIT_STIX_JSON_TOP_LEVEL_SCANNER_H_
#define STIXKIT_STIX_JSON_TOP_LEVEL_SCANNER_H_

#include <functional>
#include <string>
#include <string_view>

#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "stix/json/json_parser.h"

namespace stixkit::stix {

enum class TopLevelKind { kBundle, kArray, kSingleObject };

struct TopLevel {
  TopLevelKind kind = TopLevelKind::kSingleObject;
  // kBundle: the bundle's members other than "objects", as one JSON object text.
  std::string bundle_shell;
  // kBundle: where the bundle starts. kSingleObject: the whole object.
  JsonSpan whole;
  // Elements handed to the callback.
  size_t element_count = 0;
};

using ElementCallback = std::function<absl::Status(const JsonSpan& element, size_t index)>;

// Scans `text`. Calls `on_element` for every bundle member or array element (never for
// a single object: that comes back in TopLevel::whole). Fails with a located error for
// an empty or binary file, a top level that is not an object or array, a bundle whose
// "objects" is not an array, an element that is not an object, unbalanced brackets,
// an over-long string, over-deep nesting, or more than limits.max_objects elements ("more
// than N objects (limit: --max-objects)", located at the first element over); and with
// whatever on_element returns.
absl::StatusOr<TopLevel> ScanTopLevel(std::string_view text, std::string_view path,
                                      const JsonLimits& limits,
                                      const ElementCallback& on_element);

}  // namespace stixkit::stix

#endif  // STIXKIT_STIX_JSON_TOP_LEVEL_SCANNER_H_
