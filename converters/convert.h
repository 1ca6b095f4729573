// The whole conversion of one report, in the order data flows:
// read (converters/read) -> document -> extract and map (converters/extract, map) ->
// build (converters/build) -> bundle -> validate (stix/validate). Writing is the
// caller's (cli/convert_command.cc), after this has returned a valid bundle.
//
//   STIXKIT_ASSIGN_OR_RETURN(auto validator, stix::Validator::Create({}));
//   STIXKIT_ASSIGN_OR_RETURN(Conversion c,
//                            ConvertReport("report.md", bytes, {}, options, validator));
//
// Thread-safe: files may be converted in parallel with one shared validator.
#ifndef STIXKIT_CONVERTERS_CONVERT_H_
#define STIXKIT_CONVERTERS_CONVERT_H_

#include <optional>
#include <string_view>

#include "absl/status/statusor.h"
#include "converters/build/bundle_builder.h"
#include "converters/build/convert_options.h"
#include "converters/read/document.h"
#include "converters/read/reader.h"
#include "stix/validate/validator.h"

namespace stixkit::convert {

// Converts the report `bytes` read from `source_name`. On failure:
//   InvalidArgument - the input is not a report we can read (empty, binary, over a
//                     limit), with the source name and, where known, the line;
//   Internal        - the bundle we built is invalid: a stixkit bug, with the findings.
// Validator warnings are added to Conversion::warnings.
absl::StatusOr<Conversion> ConvertReport(std::string_view source_name, std::string_view bytes,
                                         std::optional<Format> format,
                                         const ConvertOptions& options,
                                         const stix::Validator& validator,
                                         const ReadLimits& limits = {});

}  // namespace stixkit::convert

#endif  // STIXKIT_CONVERTERS_CONVERT_H_
