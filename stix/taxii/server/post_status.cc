#include "stix/taxii/server/post_status.h"

#include "stix/taxii/server/internal/json_writer.h"
#include "stix/taxii/server/taxii_time.h"

namespace stixkit::taxii {
namespace {

void WriteDetails(server_internal::JsonWriter& w, std::string_view key,
                  const std::vector<PostStatusDetail>& details) {
  if (details.empty()) return;
  server_internal::WriteKey(w, key);
  w.StartArray();
  for (const PostStatusDetail& d : details) {
    w.StartObject();
    server_internal::WriteMember(w, "id", d.id);
    server_internal::WriteMember(w, "version", d.version);
    if (!d.message.empty()) server_internal::WriteMember(w, "message", d.message);
    w.EndObject();
  }
  w.EndArray();
}

}  // namespace

std::string PostStatusJson(const PostStatus& s) {
  rapidjson::StringBuffer buffer;
  server_internal::JsonWriter w(buffer);
  w.StartObject();
  server_internal::WriteMember(w, "id", s.id);
  server_internal::WriteMember(w, "status", s.pendings.empty() ? "complete" : "pending");
  server_internal::WriteMember(w, "request_timestamp", FormatTaxiiTimestamp(s.request_timestamp));
  server_internal::WriteKey(w, "total_count");
  w.Uint64(s.total_count);
  server_internal::WriteKey(w, "success_count");
  w.Uint64(s.successes.size());
  WriteDetails(w, "successes", s.successes);
  server_internal::WriteKey(w, "failure_count");
  w.Uint64(s.failures.size());
  WriteDetails(w, "failures", s.failures);
  server_internal::WriteKey(w, "pending_count");
  w.Uint64(s.pendings.size());
  WriteDetails(w, "pendings", s.pendings);
  w.EndObject();
  return server_internal::Text(buffer);
}

}  // namespace stixkit::taxii
