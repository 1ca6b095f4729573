// Reading and deleting a collection's objects: objects/ (TAXII 2.1 §5.4), manifest/
// (§5.3), objects/{id}/ (§5.6, §5.7) and objects/{id}/versions/ (§5.8). Every read is
// one page from the store; `more` and `next` are set when another page exists, and the
// X-TAXII-Date-Added-First/Last headers (§3.2) give the page's date_added range.
#include "absl/strings/str_cat.h"
#include "stix/taxii/server/internal/json_writer.h"
#include "stix/taxii/server/internal/service.h"
#include "stix/taxii/server/taxii_time.h"

namespace stixkit::taxii::server_internal {
namespace {

// Tokens are bound to the collection, so another collection's `next` is a 400, not a
// page of this collection at a foreign position.
CursorSeal Seal(const Service& service, const Call& call) {
  return CursorSeal{service.cursor_key, call.collection.id};
}

// The page for `call` under `endpoint`'s filters, or nullopt after sending the error.
std::optional<ObjectPage> ReadPage(const Service& service, Call& call, FilterEndpoint endpoint,
                                   bool with_json) {
  absl::StatusOr<ObjectFilter> filter =
      ParseFilter(call.req.params, endpoint, service.page, Seal(service, call));
  if (!filter.ok()) {
    SendError(call.res, ErrorFromStatus(filter.status()));
    return std::nullopt;
  }
  if (!call.object_id.empty()) {
    absl::StatusOr<bool> exists = service.store->HasObject(call.collection.id, call.object_id);
    if (!exists.ok() || !*exists) {
      SendError(call.res, exists.ok() ? TaxiiError::Make(404, absl::StrCat(
                                                                  "no object '", call.object_id,
                                                                  "' in collection '",
                                                                  call.collection.id, "'"))
                                      : ErrorFromStatus(exists.status()));
      return std::nullopt;
    }
    filter->ids = {call.object_id};
  }
  absl::StatusOr<ObjectPage> page =
      service.store->FindObjects(call.collection.id, *filter, with_json);
  if (!page.ok()) {
    SendError(call.res, ErrorFromStatus(page.status()));
    return std::nullopt;
  }
  return std::move(*page);
}

void StartPage(JsonWriter& w, const ObjectPage& page, const CursorSeal& seal) {
  w.StartObject();
  WriteKey(w, "more");
  w.Bool(page.more);
  if (page.more) WriteMember(w, "next", EncodeCursor(page.next, seal));
}

void SendPage(Call& call, const ObjectPage& page, const rapidjson::StringBuffer& buffer) {
  if (!page.records.empty()) {
    call.res.set_header("X-TAXII-Date-Added-First",
                        FormatTaxiiTimestamp(page.records.front().date_added));
    call.res.set_header("X-TAXII-Date-Added-Last",
                        FormatTaxiiTimestamp(page.records.back().date_added));
  }
  SendResource(call.res, 200, Text(buffer));
}

// The envelope (§3.7) of a page of objects; "objects" is omitted when there are none.
void SendEnvelope(const Service& service, Call& call, const ObjectPage& page) {
  rapidjson::StringBuffer buffer;
  JsonWriter w(buffer);
  StartPage(w, page, Seal(service, call));
  if (!page.records.empty()) {
    WriteKey(w, "objects");
    w.StartArray();
    for (const ObjectRecord& r : page.records) {
      w.RawValue(r.json.data(), r.json.size(), rapidjson::kObjectType);
    }
    w.EndArray();
  }
  w.EndObject();
  SendPage(call, page, buffer);
}

}  // namespace

bool RequireRead(Call& call) {
  if (CanRead(call.user, call.collection.id, call.collection.alias)) return true;
  SendError(call.res, 403, absl::StrCat("user '", call.user.name, "' may not read collection '",
                                        call.collection.id, "'"));
  return false;
}

bool RequireWrite(Call& call) {
  if (CanWrite(call.user, call.collection.id, call.collection.alias)) return true;
  SendError(call.res, 403, absl::StrCat("user '", call.user.name,
                                        "' may not write to collection '", call.collection.id,
                                        "'"));
  return false;
}

void GetObjects(const Service& service, Call& call) {
  if (!RequireRead(call)) return;
  if (std::optional<ObjectPage> page = ReadPage(service, call, FilterEndpoint::kObjects, true)) {
    SendEnvelope(service, call, *page);
  }
}

void GetObject(const Service& service, Call& call) {
  if (!RequireRead(call)) return;
  if (std::optional<ObjectPage> page = ReadPage(service, call, FilterEndpoint::kObject, true)) {
    SendEnvelope(service, call, *page);
  }
}

void GetManifest(const Service& service, Call& call) {
  if (!RequireRead(call)) return;
  std::optional<ObjectPage> page = ReadPage(service, call, FilterEndpoint::kObjects, false);
  if (!page) return;
  rapidjson::StringBuffer buffer;
  JsonWriter w(buffer);
  StartPage(w, *page, Seal(service, call));
  if (!page->records.empty()) {
    WriteKey(w, "objects");
    w.StartArray();
    for (const ObjectRecord& r : page->records) {
      w.StartObject();
      WriteMember(w, "id", r.object_id);
      WriteMember(w, "date_added", FormatTaxiiTimestamp(r.date_added));
      WriteMember(w, "version", r.version);
      WriteMember(w, "media_type", r.media_type);
      w.EndObject();
    }
    w.EndArray();
  }
  w.EndObject();
  SendPage(call, *page, buffer);
}

void GetVersions(const Service& service, Call& call) {
  if (!RequireRead(call)) return;
  std::optional<ObjectPage> page = ReadPage(service, call, FilterEndpoint::kVersions, false);
  if (!page) return;
  rapidjson::StringBuffer buffer;
  JsonWriter w(buffer);
  StartPage(w, *page, Seal(service, call));
  if (!page->records.empty()) {
    WriteKey(w, "versions");
    w.StartArray();
    for (const ObjectRecord& r : page->records) WriteString(w, r.version);
    w.EndArray();
  }
  w.EndObject();
  SendPage(call, *page, buffer);
}

void DeleteObject(const Service& service, Call& call) {
  // TAXII 2.1 §5.7: deleting needs both rights.
  if (!RequireRead(call) || !RequireWrite(call)) return;
  absl::StatusOr<ObjectFilter> filter =
      ParseFilter(call.req.params, FilterEndpoint::kDelete, service.page);
  if (!filter.ok()) {
    SendError(call.res, ErrorFromStatus(filter.status()));
    return;
  }
  absl::StatusOr<int64_t> deleted =
      service.store->DeleteObject(call.collection.id, call.object_id, *filter);
  if (!deleted.ok()) {
    SendError(call.res, ErrorFromStatus(deleted.status()));
    return;
  }
  if (*deleted == 0) {
    SendError(call.res, 404, absl::StrCat("no version of object '", call.object_id,
                                          "' in collection '", call.collection.id,
                                          "' matches the request"));
    return;
  }
  call.res.status = 200;
}

}  // namespace stixkit::taxii::server_internal
