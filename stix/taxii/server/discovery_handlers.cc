// The server-level resources: discovery (TAXII 2.1 §4.1), API root (§4.2) and status
// (§4.3).
#include <algorithm>

#include "absl/strings/ascii.h"
#include "absl/strings/str_cat.h"
#include "stix/base/strings.h"
#include "stix/taxii/media_type.h"
#include "stix/taxii/server/internal/json_writer.h"
#include "stix/taxii/server/internal/service.h"

namespace stixkit::taxii::server_internal {
namespace {

// A Host header is only used if it looks like host[:port]; anything else falls back to
// the server's own address rather than echoing arbitrary text into URLs.
bool PlausibleHost(std::string_view host) {
  return !host.empty() && host.size() <= 255 &&
         std::all_of(host.begin(), host.end(), [](char c) {
           return absl::ascii_isalnum(static_cast<unsigned char>(c)) || c == '.' || c == '-' ||
                  c == ':' || c == '[' || c == ']';
         });
}

// Where clients reach this server: --public-url, else what the client called us, else
// our bound address.
std::string BaseUrl(const Service& service, const httplib::Request& req) {
  if (!service.public_url.empty()) return service.public_url;
  const std::string host = req.get_header_value("Host");
  if (!PlausibleHost(host)) return service.base_url;
  const bool tls = service.base_url.rfind("https://", 0) == 0;
  return absl::StrCat(tls ? "https://" : "http://", host);
}

}  // namespace

void GetDiscovery(const Service& service, Call& call) {
  const std::string base = BaseUrl(service, call.req);
  rapidjson::StringBuffer buffer;
  JsonWriter w(buffer);
  w.StartObject();
  WriteMember(w, "title", service.title);
  if (!service.description.empty()) WriteMember(w, "description", service.description);
  if (!service.contact.empty()) WriteMember(w, "contact", service.contact);
  if (!service.api_roots.empty()) {
    WriteMember(w, "default", absl::StrCat(base, "/", service.api_roots.front().path, "/"));
    WriteKey(w, "api_roots");
    w.StartArray();
    for (const ApiRootInfo& root : service.api_roots) {
      WriteString(w, absl::StrCat(base, "/", root.path, "/"));
    }
    w.EndArray();
  }
  w.EndObject();
  SendResource(call.res, 200, Text(buffer));
}

void GetApiRoot(const Service& service, Call& call) {
  rapidjson::StringBuffer buffer;
  JsonWriter w(buffer);
  w.StartObject();
  WriteMember(w, "title", call.root->title);
  if (!call.root->description.empty()) WriteMember(w, "description", call.root->description);
  WriteKey(w, "versions");
  w.StartArray();
  WriteString(w, kTaxii21MediaType);
  w.EndArray();
  WriteKey(w, "max_content_length");
  w.Uint64(service.max_content_length);
  w.EndObject();
  SendResource(call.res, 200, Text(buffer));
}

void GetStatus(const Service& service, Call& call) {
  absl::StatusOr<std::optional<StatusRecord>> status =
      service.store->GetStatus(call.root->path, call.status_id);
  if (!status.ok()) {
    SendError(call.res, ErrorFromStatus(status.status()));
    return;
  }
  // A status names the objects someone posted: it is shown to its poster and to the
  // collection's readers, and hidden (404) from everyone else.
  bool visible = status->has_value() && (*status)->user == call.user.name;
  if (status->has_value() && !visible) {
    absl::StatusOr<std::optional<CollectionRecord>> c =
        service.store->FindCollection(call.root->path, (*status)->collection_id);
    visible = c.ok() && c->has_value() && CanRead(call.user, (*c)->id, (*c)->alias);
  }
  if (!visible) {
    SendError(call.res, 404, absl::StrCat("no status '", call.status_id, "' in API root '",
                                          call.root->path, "' (statuses are kept for 7 days)"));
    return;
  }
  SendResource(call.res, 200, std::move((*status)->json));
}

}  // namespace stixkit::taxii::server_internal
