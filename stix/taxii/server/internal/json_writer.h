// The JSON writer every server resource is rendered with, and two helpers that take
// std::string_view. Internal to stix/taxii/server.
#ifndef STIXKIT_STIX_TAXII_SERVER_INTERNAL_JSON_WRITER_H_
#define STIXKIT_STIX_TAXII_SERVER_INTERNAL_JSON_WRITER_H_

#include <string>
#include <string_view>

#include "rapidjson/stringbuffer.h"
#include "rapidjson/writer.h"

namespace stixkit::taxii::server_internal {

using JsonWriter = rapidjson::Writer<rapidjson::StringBuffer>;

inline void WriteString(JsonWriter& w, std::string_view s) {
  w.String(s.data(), static_cast<rapidjson::SizeType>(s.size()));
}

inline void WriteKey(JsonWriter& w, std::string_view s) {
  w.Key(s.data(), static_cast<rapidjson::SizeType>(s.size()));
}

inline void WriteMember(JsonWriter& w, std::string_view key, std::string_view value) {
  WriteKey(w, key);
  WriteString(w, value);
}

inline std::string Text(const rapidjson::StringBuffer& buffer) {
  return std::string(buffer.GetString(), buffer.GetSize());
}

}  // namespace stixkit::taxii::server_internal

#endif  // STIXKIT_STIX_TAXII_SERVER_INTERNAL_JSON_WRITER_H_
