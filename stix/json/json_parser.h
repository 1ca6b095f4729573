// Parsing one JSON value into a RapidJSON document with the checks STIX input needs
// beyond RFC 8259: valid UTF-8, bounded nesting, no duplicate member names, and
// I-JSON numbers (integers within ±(2^53-1), no overflowing doubles). Errors name the
// user's file, line and column.
//
//   rapidjson::Document doc;
//   JsonSpan span{text, /*offset=*/0, LineColumn{}};
//   STIXKIT_RETURN_IF_ERROR(ParseJson(span, "bundle.json", JsonLimits{}, &doc));
//
// Thread-safe for distinct documents.
#ifndef STIXKIT_STIX_JSON_JSON_PARSER_H_
#define STIXKIT_STIX_JSON_JSON_PARSER_H_

#include <string_view>

#include "absl/status/status.h"
#include "rapidjson/document.h"
#include "stix/base/source_location.h"
#include "stix/json/json_limits.h"

namespace stixkit::stix {

// A piece of an input file: its text, and where it starts in the file, so that errors
// inside it can be reported in file coordinates.
struct JsonSpan {
  std::string_view text;
  size_t offset = 0;
  LineColumn start;
};

// Parses span.text into *doc. On failure returns InvalidArgument (DataLoss for input
// that ends early) with the message "path:line:col: what was expected, what was found";
// *doc is then unspecified.
absl::Status ParseJson(const JsonSpan& span, std::string_view path, const JsonLimits& limits,
                       rapidjson::Document* doc);

// The file line and column of `offset` bytes into the span.
LineColumn SpanLineColumn(const JsonSpan& span, size_t offset);

}  // namespace stixkit::stix

#endif  // STIXKIT_STIX_JSON_JSON_PARSER_H_
