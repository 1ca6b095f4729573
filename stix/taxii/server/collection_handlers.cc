// Collections (TAXII 2.1 §5.1) and one collection (§5.2). `can_read` and `can_write`
// describe the requesting user; collections the user can neither read nor write are
// not listed.
#include "stix/taxii/media_type.h"
#include "stix/taxii/server/internal/json_writer.h"
#include "stix/taxii/server/internal/service.h"

namespace stixkit::taxii::server_internal {
namespace {

void WriteCollection(JsonWriter& w, const CollectionRecord& c, const ServerUser& user) {
  w.StartObject();
  WriteMember(w, "id", c.id);
  WriteMember(w, "title", c.title);
  if (!c.description.empty()) WriteMember(w, "description", c.description);
  if (!c.alias.empty()) WriteMember(w, "alias", c.alias);
  WriteKey(w, "can_read");
  w.Bool(CanRead(user, c.id, c.alias));
  WriteKey(w, "can_write");
  w.Bool(CanWrite(user, c.id, c.alias));
  WriteKey(w, "media_types");
  w.StartArray();
  WriteString(w, kStix21MediaType);
  w.EndArray();
  w.EndObject();
}

}  // namespace

void GetCollections(const Service& service, Call& call) {
  absl::StatusOr<std::vector<CollectionRecord>> all = service.store->Collections(call.root->path);
  if (!all.ok()) {
    SendError(call.res, ErrorFromStatus(all.status()));
    return;
  }
  rapidjson::StringBuffer buffer;
  JsonWriter w(buffer);
  w.StartObject();
  bool any = false;
  for (const CollectionRecord& c : *all) {
    if (!CanRead(call.user, c.id, c.alias) && !CanWrite(call.user, c.id, c.alias)) continue;
    if (!any) {
      WriteKey(w, "collections");  // TAXII 2.1 §2: omitted rather than empty
      w.StartArray();
      any = true;
    }
    WriteCollection(w, c, call.user);
  }
  if (any) w.EndArray();
  w.EndObject();
  SendResource(call.res, 200, Text(buffer));
}

void GetCollection(const Service&, Call& call) {
  rapidjson::StringBuffer buffer;
  JsonWriter w(buffer);
  WriteCollection(w, call.collection, call.user);
  SendResource(call.res, 200, Text(buffer));
}

}  // namespace stixkit::taxii::server_internal
