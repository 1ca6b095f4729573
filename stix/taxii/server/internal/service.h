// What the request handlers share: the server's settings, store, users and validator
// (Service), and the one request being answered (Call). The router (router.cc) fills a
// Call after authentication, content negotiation and resource lookup; each handler file
// serves one family of resources. Internal to stix/taxii/server.
//
// A Service is immutable while the server runs and is shared by all worker threads;
// a Call lives for one request on one thread.
#ifndef STIXKIT_STIX_TAXII_SERVER_INTERNAL_SERVICE_H_
#define STIXKIT_STIX_TAXII_SERVER_INTERNAL_SERVICE_H_

#include <httplib.h>

#include <cstdint>
#include <functional>
#include <string>
#include <vector>

#include "stix/json/json_limits.h"
#include "stix/taxii/server/access_control.h"
#include "stix/taxii/server/filters.h"
#include "stix/taxii/server/internal/request_deadline.h"
#include "stix/taxii/server/store.h"
#include "stix/taxii/server/taxii_error.h"
#include "stix/validate/validator.h"

namespace stixkit::taxii::server_internal {

struct ApiRootInfo {
  std::string path;
  std::string title;
  std::string description;
};

struct Service {
  // Discovery (TAXII 2.1 §4.1.1).
  std::string title;
  std::string description;
  std::string contact;
  std::vector<ApiRootInfo> api_roots;  // the first is the default
  std::string public_url;              // "" = from the Host header
  std::string base_url;                // this server's own, as a fallback
  size_t max_content_length = 0;
  size_t max_header_count = 0;
  size_t max_header_bytes = 0;
  PageLimits page;
  // The HMAC key that seals `next` tokens (pagination.h); kept in the database.
  std::string cursor_key;
  stix::JsonLimits json_limits;
  Store* store = nullptr;
  AccessControl* access = nullptr;
  const stix::Validator* validator = nullptr;
  std::function<int64_t()> clock;
  // Set before the first request (request_deadline.h).
  RequestDeadline* deadline = nullptr;

  const ApiRootInfo* FindApiRoot(std::string_view path) const {
    for (const ApiRootInfo& root : api_roots) {
      if (root.path == path) return &root;
    }
    return nullptr;
  }
};

// One request being served, once the router has resolved what it is about.
struct Call {
  const httplib::Request& req;
  httplib::Response& res;
  const ServerUser& user;
  // The request body (read by the router with the max_content_length cap).
  std::string_view body;
  const ApiRootInfo* root = nullptr;       // set for every route below the discovery one
  CollectionRecord collection;             // set for collection routes
  std::string object_id;                   // set for objects/{id}/ routes
  std::string status_id;                   // set for status/{id}/
};

// Response helpers (responses.cc). Every TAXII resource and error is
// application/taxii+json;version=2.1.
void SendResource(httplib::Response& res, int http_status, std::string json);
void SendError(httplib::Response& res, const TaxiiError& error);
void SendError(httplib::Response& res, int http_status, std::string description);

// The 403 gates (object_handlers.cc): true when the user has the right; otherwise they
// send 403 and return false.
bool RequireRead(Call& call);
bool RequireWrite(Call& call);

// Handlers: discovery_handlers.cc
void GetDiscovery(const Service& service, Call& call);
void GetApiRoot(const Service& service, Call& call);
void GetStatus(const Service& service, Call& call);
// collection_handlers.cc
void GetCollections(const Service& service, Call& call);
void GetCollection(const Service& service, Call& call);
// object_handlers.cc
void GetObjects(const Service& service, Call& call);
void GetManifest(const Service& service, Call& call);
void GetObject(const Service& service, Call& call);
void GetVersions(const Service& service, Call& call);
void DeleteObject(const Service& service, Call& call);
// object_post_handler.cc
void PostObjects(const Service& service, Call& call);

// The router (router.cc): serves one request of any method. `body` is the request body
// (cpp-httplib leaves req.body empty for requests read through a ContentReader).
void Route(const Service& service, const httplib::Request& req, httplib::Response& res,
           std::string_view body);

}  // namespace stixkit::taxii::server_internal

#endif  // STIXKIT_STIX_TAXII_SERVER_INTERNAL_SERVICE_H_
