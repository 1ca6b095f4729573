// The request router: every request passes the same gates in the same order, so a
// client learns nothing about the server's contents before it authenticates:
// header limits (431), credentials (401), Accept (406), path (404), method (405), API
// root and collection (404; a collection the user may neither read nor write is hidden
// as 404, TAXII 2.1 §5.x allows this). Rights (403) and Content-Type (415) are the
// handlers' checks, because they depend on the operation.
#include <array>
#include <vector>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "absl/strings/str_split.h"
#include "stix/base/strings.h"
#include "stix/taxii/media_type.h"
#include "stix/taxii/server/internal/service.h"

namespace stixkit::taxii::server_internal {
namespace {

using Handler = void (*)(const Service&, Call&);

// One TAXII 2.1 endpoint (§4, §5): its path shape below the server root, with
// placeholders in braces, and its handler per method (nullptr = not allowed).
struct Endpoint {
  std::array<std::string_view, 6> shape;
  size_t segments;
  Handler get;
  Handler post;
  Handler del;
};

// Order matters only for "taxii2", which would otherwise read as an API root path.
constexpr Endpoint kEndpoints[] = {
    {{"taxii2"}, 1, GetDiscovery, nullptr, nullptr},
    {{"{root}"}, 1, GetApiRoot, nullptr, nullptr},
    {{"{root}", "status", "{status}"}, 3, GetStatus, nullptr, nullptr},
    {{"{root}", "collections"}, 2, GetCollections, nullptr, nullptr},
    {{"{root}", "collections", "{collection}"}, 3, GetCollection, nullptr, nullptr},
    {{"{root}", "collections", "{collection}", "objects"}, 4, GetObjects, PostObjects, nullptr},
    {{"{root}", "collections", "{collection}", "manifest"}, 4, GetManifest, nullptr, nullptr},
    {{"{root}", "collections", "{collection}", "objects", "{object}"}, 5, GetObject, nullptr,
     DeleteObject},
    {{"{root}", "collections", "{collection}", "objects", "{object}", "versions"}, 6,
     GetVersions, nullptr, nullptr},
};

struct Match {
  const Endpoint* endpoint = nullptr;
  std::string root, collection, object, status;
};

bool MatchShape(const Endpoint& e, const std::vector<std::string_view>& parts, Match* m) {
  if (parts.size() != e.segments) return false;
  Match out;
  for (size_t i = 0; i < parts.size(); ++i) {
    const std::string_view want = e.shape[i];
    if (want == "{root}") {
      out.root = parts[i];
    } else if (want == "{collection}") {
      out.collection = parts[i];
    } else if (want == "{object}") {
      out.object = parts[i];
    } else if (want == "{status}") {
      out.status = parts[i];
    } else if (want != parts[i]) {
      return false;
    }
  }
  out.endpoint = &e;
  *m = std::move(out);
  return true;
}

// The endpoint for `path`, or a description of why there is none.
std::string FindEndpoint(std::string_view path, Match* m) {
  if (path.empty() || path.front() != '/' || path.back() != '/' || path.size() < 2) {
    return absl::StrCat("no TAXII endpoint at '", Av(path),
                        "'; TAXII 2.1 URLs end with '/', and discovery is at /taxii2/");
  }
  std::vector<std::string_view> parts;
  for (absl::string_view p : absl::StrSplit(Av(path.substr(1, path.size() - 2)), '/')) {
    if (p.empty()) return absl::StrCat("no TAXII endpoint at '", Av(path), "'");
    parts.push_back(Sv(p));
  }
  for (const Endpoint& e : kEndpoints) {
    if (MatchShape(e, parts, m)) return std::string();
  }
  return absl::StrCat("no TAXII endpoint at '", Av(path), "'");
}

// 431 for requests over the header limits. cpp-httplib adds REMOTE_ADDR and
// REMOTE_PORT to the parsed headers; they are not the client's.
bool HeadersTooLarge(const Service& service, const httplib::Request& req) {
  size_t count = 0, bytes = 0;
  for (const auto& [name, value] : req.headers) {
    if (name == "REMOTE_ADDR" || name == "REMOTE_PORT") continue;
    ++count;
    bytes += name.size() + value.size() + 4;
  }
  return count > service.max_header_count || bytes > service.max_header_bytes;
}

std::string AllowHeader(const Endpoint& e) {
  std::vector<std::string> methods;
  if (e.get != nullptr) methods.push_back("GET, HEAD");
  if (e.post != nullptr) methods.push_back("POST");
  if (e.del != nullptr) methods.push_back("DELETE");
  return absl::StrJoin(methods, ", ");
}

Handler HandlerFor(const Endpoint& e, const std::string& method) {
  if (method == "GET" || method == "HEAD") return e.get;
  if (method == "POST") return e.post;
  if (method == "DELETE") return e.del;
  return nullptr;
}

// Resolves the API root and collection of `m` into `call`; false after sending 404.
bool Resolve(const Service& service, const Match& m, Call& call) {
  if (m.endpoint->get == GetDiscovery) return true;
  call.root = service.FindApiRoot(m.root);
  if (call.root == nullptr) {
    SendError(call.res, 404, absl::StrCat("no API root '", m.root, "' on this server"));
    return false;
  }
  call.object_id = m.object;
  call.status_id = m.status;
  if (m.collection.empty()) return true;
  absl::StatusOr<std::optional<CollectionRecord>> found =
      service.store->FindCollection(call.root->path, m.collection);
  if (!found.ok()) {
    SendError(call.res, ErrorFromStatus(found.status()));
    return false;
  }
  if (!found->has_value() || (!CanRead(call.user, (*found)->id, (*found)->alias) &&
                              !CanWrite(call.user, (*found)->id, (*found)->alias))) {
    SendError(call.res, 404, absl::StrCat("no collection '", m.collection, "' in API root '",
                                          call.root->path, "'"));
    return false;
  }
  call.collection = std::move(**found);
  return true;
}

}  // namespace

void Route(const Service& service, const httplib::Request& req, httplib::Response& res,
           std::string_view body) {
  if (HeadersTooLarge(service, req)) {
    SendError(res, 431, absl::StrCat("at most ", service.max_header_count, " header fields and ",
                                     service.max_header_bytes, " header bytes are accepted"));
    return;
  }
  const ServerUser* user = service.access->Authenticate(req.get_header_value("Authorization"));
  if (user == nullptr) {
    res.set_header("WWW-Authenticate", "Basic realm=\"TAXII\", charset=\"UTF-8\"");
    SendError(res, 401,
              req.has_header("Authorization")
                  ? "the user name or password is wrong"
                  : "this server needs HTTP Basic credentials (an Authorization header)");
    return;
  }
  if (!AcceptAllowsTaxii21(req.get_header_value("Accept"))) {
    SendError(res, 406, absl::StrCat("this server answers with ", Av(kTaxii21MediaType),
                                     ", which the Accept header \"",
                                     req.get_header_value("Accept"), "\" does not allow"));
    return;
  }
  Match m;
  if (std::string why = FindEndpoint(req.path, &m); !why.empty()) {
    SendError(res, 404, std::move(why));
    return;
  }
  const Handler handler = HandlerFor(*m.endpoint, req.method);
  if (handler == nullptr) {
    res.set_header("Allow", AllowHeader(*m.endpoint));
    SendError(res, 405, absl::StrCat(req.method, " is not allowed on ", req.path));
    return;
  }
  Call call{req, res, *user, body, nullptr, {}, {}, {}};
  if (!Resolve(service, m, call)) return;
  handler(service, call);
}

}  // namespace stixkit::taxii::server_internal
