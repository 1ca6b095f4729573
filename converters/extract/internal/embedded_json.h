// Loading the entity finders' data tables (converters/data/*.json), which CMake compiles
// into the binary. A missing or malformed table is a build defect, not bad user input,
// so these stop the program at once, naming the file, instead of returning a Status:
// extraction with a silently empty gazetteer would be worse than no extraction.
//
//   static const Table* table = new Table(Build(LoadEmbeddedJson("converters/data/x.json")));
//
// Thread-safe. Never included from outside converters/extract/.
#ifndef STIXKIT_CONVERTERS_EXTRACT_INTERNAL_EMBEDDED_JSON_H_
#define STIXKIT_CONVERTERS_EXTRACT_INTERNAL_EMBEDDED_JSON_H_

#include <string_view>

#include "rapidjson/document.h"

namespace stixkit::convert::internal::entity {

// Prints "stixkit: malformed embedded data file <path>: <message>" and aborts.
[[noreturn]] void DieMalformedData(std::string_view path, std::string_view message);

// The parsed JSON object in the embedded file `path`. Aborts (above) when the file was
// not embedded, is not JSON, is not an object, or lacks a non-empty "source" string
// (house style: every data table names where it comes from).
rapidjson::Document LoadEmbeddedJson(std::string_view path);

// The array member `name` of `object`; aborts when it is missing or not an array.
const rapidjson::Value& RequireArray(std::string_view path, const rapidjson::Value& object,
                                     std::string_view name);

// The string member `name` of `object` (non-empty); aborts otherwise.
std::string_view RequireString(std::string_view path, const rapidjson::Value& object,
                               std::string_view name);

// Element `value` as a non-empty string; aborts otherwise. `what` names it in the message.
std::string_view RequireStringValue(std::string_view path, const rapidjson::Value& value,
                                    std::string_view what);

}  // namespace stixkit::convert::internal::entity

#endif  // STIXKIT_CONVERTERS_EXTRACT_INTERNAL_EMBEDDED_JSON_H_
