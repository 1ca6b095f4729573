#include "converters/extract/internal/embedded_json.h"

#include <cstdio>
#include <cstdlib>
#include <optional>
#include <string>

#include "absl/strings/str_cat.h"
#include "converters/extract/internal/entity_text.h"
#include "rapidjson/error/en.h"
#include "stix/base/embedded_files.h"
#include "stix/base/source_location.h"
#include "stix/base/strings.h"
#include "stix/json/json_access.h"

namespace stixkit::convert::internal::entity {

void DieMalformedData(std::string_view path, std::string_view message) {
  std::fprintf(stderr, "stixkit: malformed embedded data file %.*s: %.*s\n",
               static_cast<int>(path.size()), path.data(), static_cast<int>(message.size()),
               message.data());
  std::abort();
}

rapidjson::Document LoadEmbeddedJson(std::string_view path) {
  const std::optional<std::string_view> text = FindEmbeddedFile(path);
  if (!text) DieMalformedData(path, "not embedded in this binary");
  rapidjson::Document doc;
  doc.Parse(text->data(), text->size());
  if (doc.HasParseError()) {
    std::string message = rapidjson::GetParseError_En(doc.GetParseError());
    if (!message.empty() && message.back() == '.') message.pop_back();
    if (!message.empty() && IsUpper(message[0])) message[0] = LowerChar(message[0]);
    // FormatInputLocation gives "path:line:col: message"; the path is already in it.
    const std::string located = FormatInputLocation(path, *text, doc.GetErrorOffset(), message);
    std::fprintf(stderr, "stixkit: malformed embedded data file %s\n", located.c_str());
    std::abort();
  }
  if (!doc.IsObject()) DieMalformedData(path, "expected a JSON object");
  RequireString(path, doc, "source");
  return doc;
}

const rapidjson::Value& RequireArray(std::string_view path, const rapidjson::Value& object,
                                     std::string_view name) {
  const rapidjson::Value* value = stix::Member(object, name);
  if (value == nullptr || !value->IsArray()) {
    DieMalformedData(path, absl::StrCat("expected an array \"", Av(name), "\""));
  }
  return *value;
}

std::string_view RequireString(std::string_view path, const rapidjson::Value& object,
                               std::string_view name) {
  const rapidjson::Value* value = stix::Member(object, name);
  if (value == nullptr) {
    DieMalformedData(path, absl::StrCat("expected a non-empty string \"", Av(name), "\""));
  }
  return RequireStringValue(path, *value, name);
}

std::string_view RequireStringValue(std::string_view path, const rapidjson::Value& value,
                                    std::string_view what) {
  if (!value.IsString() || value.GetStringLength() == 0) {
    DieMalformedData(path, absl::StrCat("expected ", Av(what), " to be a non-empty string"));
  }
  return stix::View(value);
}

}  // namespace stixkit::convert::internal::entity
