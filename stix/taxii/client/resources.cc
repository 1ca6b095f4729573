#include "stix/taxii/client/resources.h"

#include "absl/strings/str_cat.h"
#include "stix/base/status.h"
#include "stix/base/strings.h"
#include "stix/json/json_access.h"
#include "stix/taxii/client/url.h"

namespace stixkit::taxii {
namespace {

using stix::Member;

absl::Status Bad(std::string_view where, std::string_view what, std::string_view member,
                 std::string_view problem) {
  return absl::InvalidArgumentError(absl::StrCat(Av(where), ": the ", Av(what), " resource's \"",
                                                 Av(member), "\" ", Av(problem)));
}

// Reads optional member `name` into *out; an error when it has another JSON type.
absl::Status ReadString(const rapidjson::Value& obj, std::string_view name, bool required,
                        std::string_view where, std::string_view what, std::string* out) {
  const rapidjson::Value* v = Member(obj, name);
  if (v == nullptr) {
    return required ? Bad(where, what, name, "is missing") : absl::OkStatus();
  }
  if (!v->IsString()) return Bad(where, what, name, "must be a string");
  *out = std::string(stix::View(*v));
  return absl::OkStatus();
}

absl::Status ReadStrings(const rapidjson::Value& obj, std::string_view name, std::string_view where,
                         std::string_view what, std::vector<std::string>* out) {
  const rapidjson::Value* v = Member(obj, name);
  if (v == nullptr) return absl::OkStatus();
  if (!v->IsArray()) return Bad(where, what, name, "must be a list of strings");
  for (const rapidjson::Value& item : v->GetArray()) {
    if (!item.IsString()) return Bad(where, what, name, "must be a list of strings");
    out->emplace_back(stix::View(item));
  }
  return absl::OkStatus();
}

absl::Status ReadBool(const rapidjson::Value& obj, std::string_view name, std::string_view where,
                      std::string_view what, bool* out) {
  const rapidjson::Value* v = Member(obj, name);
  if (v == nullptr) return Bad(where, what, name, "is missing");
  if (!v->IsBool()) return Bad(where, what, name, "must be true or false");
  *out = v->GetBool();
  return absl::OkStatus();
}

absl::Status ReadCount(const rapidjson::Value& obj, std::string_view name, std::string_view where,
                       int64_t* out) {
  const rapidjson::Value* v = Member(obj, name);
  if (v == nullptr) return absl::OkStatus();  // lenient: the lists carry the same facts
  if (!v->IsInt64() || v->GetInt64() < 0) {
    return Bad(where, "status", name, "must be a non-negative integer");
  }
  *out = v->GetInt64();
  return absl::OkStatus();
}

absl::Status ReadDetails(const rapidjson::Value& obj, std::string_view name, std::string_view where,
                         std::vector<StatusDetail>* out) {
  const rapidjson::Value* v = Member(obj, name);
  if (v == nullptr) return absl::OkStatus();
  if (!v->IsArray()) return Bad(where, "status", name, "must be a list");
  for (const rapidjson::Value& item : v->GetArray()) {
    if (!item.IsObject()) return Bad(where, "status", name, "must be a list of objects");
    out->push_back({std::string(stix::StringMember(item, "id")),
                    std::string(stix::StringMember(item, "version")),
                    std::string(stix::StringMember(item, "message"))});
  }
  return absl::OkStatus();
}

absl::Status RequireObject(const rapidjson::Value& json, std::string_view where,
                           std::string_view what) {
  if (json.IsObject()) return absl::OkStatus();
  return absl::InvalidArgumentError(absl::StrCat(Av(where), ": expected a TAXII ", Av(what),
                                                 " resource (a JSON object), got ",
                                                 Av(stix::JsonKindName(json))));
}

}  // namespace

absl::StatusOr<Discovery> ParseDiscovery(const rapidjson::Value& json, std::string_view where) {
  STIXKIT_RETURN_IF_ERROR(RequireObject(json, where, "discovery"));
  Discovery d;
  STIXKIT_RETURN_IF_ERROR(ReadString(json, "title", true, where, "discovery", &d.title));
  STIXKIT_RETURN_IF_ERROR(
      ReadString(json, "description", false, where, "discovery", &d.description));
  STIXKIT_RETURN_IF_ERROR(ReadString(json, "contact", false, where, "discovery", &d.contact));
  std::string default_root;
  STIXKIT_RETURN_IF_ERROR(ReadString(json, "default", false, where, "discovery", &default_root));
  std::vector<std::string> roots;
  STIXKIT_RETURN_IF_ERROR(ReadStrings(json, "api_roots", where, "discovery", &roots));
  for (const std::string& root : roots) {
    STIXKIT_ASSIGN_OR_RETURN(std::string resolved, ResolveApiRoot(where, root));
    d.api_roots.push_back(std::move(resolved));
  }
  if (!default_root.empty()) {
    STIXKIT_ASSIGN_OR_RETURN(d.default_root, ResolveApiRoot(where, default_root));
  }
  return d;
}

absl::StatusOr<ApiRoot> ParseApiRoot(const rapidjson::Value& json, std::string_view where) {
  STIXKIT_RETURN_IF_ERROR(RequireObject(json, where, "API root"));
  ApiRoot r;
  STIXKIT_RETURN_IF_ERROR(ReadString(json, "title", true, where, "API root", &r.title));
  STIXKIT_RETURN_IF_ERROR(
      ReadString(json, "description", false, where, "API root", &r.description));
  STIXKIT_RETURN_IF_ERROR(ReadStrings(json, "versions", where, "API root", &r.versions));
  if (const rapidjson::Value* v = Member(json, "max_content_length")) {
    if (!v->IsInt64() || v->GetInt64() <= 0) {
      return Bad(where, "API root", "max_content_length", "must be a positive integer");
    }
    r.max_content_length = v->GetInt64();
  }
  return r;
}

absl::StatusOr<Collection> ParseCollection(const rapidjson::Value& json, std::string_view where) {
  STIXKIT_RETURN_IF_ERROR(RequireObject(json, where, "collection"));
  Collection c;
  STIXKIT_RETURN_IF_ERROR(ReadString(json, "id", true, where, "collection", &c.id));
  STIXKIT_RETURN_IF_ERROR(ReadString(json, "title", true, where, "collection", &c.title));
  STIXKIT_RETURN_IF_ERROR(
      ReadString(json, "description", false, where, "collection", &c.description));
  STIXKIT_RETURN_IF_ERROR(ReadString(json, "alias", false, where, "collection", &c.alias));
  STIXKIT_RETURN_IF_ERROR(ReadBool(json, "can_read", where, "collection", &c.can_read));
  STIXKIT_RETURN_IF_ERROR(ReadBool(json, "can_write", where, "collection", &c.can_write));
  STIXKIT_RETURN_IF_ERROR(ReadStrings(json, "media_types", where, "collection", &c.media_types));
  return c;
}

absl::StatusOr<std::vector<Collection>> ParseCollections(const rapidjson::Value& json,
                                                         std::string_view where) {
  STIXKIT_RETURN_IF_ERROR(RequireObject(json, where, "collections"));
  std::vector<Collection> out;
  const rapidjson::Value* list = Member(json, "collections");
  if (list == nullptr) return out;  // TAXII §2: an empty list is omitted
  if (!list->IsArray()) return Bad(where, "collections", "collections", "must be a list");
  for (const rapidjson::Value& item : list->GetArray()) {
    STIXKIT_ASSIGN_OR_RETURN(Collection c, ParseCollection(item, where));
    out.push_back(std::move(c));
  }
  return out;
}

absl::StatusOr<StatusResource> ParseStatus(const rapidjson::Value& json, std::string_view where) {
  STIXKIT_RETURN_IF_ERROR(RequireObject(json, where, "status"));
  StatusResource s;
  STIXKIT_RETURN_IF_ERROR(ReadString(json, "id", true, where, "status", &s.id));
  STIXKIT_RETURN_IF_ERROR(ReadString(json, "status", true, where, "status", &s.status));
  STIXKIT_RETURN_IF_ERROR(
      ReadString(json, "request_timestamp", false, where, "status", &s.request_timestamp));
  STIXKIT_RETURN_IF_ERROR(ReadCount(json, "total_count", where, &s.total_count));
  STIXKIT_RETURN_IF_ERROR(ReadCount(json, "success_count", where, &s.success_count));
  STIXKIT_RETURN_IF_ERROR(ReadCount(json, "failure_count", where, &s.failure_count));
  STIXKIT_RETURN_IF_ERROR(ReadCount(json, "pending_count", where, &s.pending_count));
  STIXKIT_RETURN_IF_ERROR(ReadDetails(json, "successes", where, &s.successes));
  STIXKIT_RETURN_IF_ERROR(ReadDetails(json, "failures", where, &s.failures));
  STIXKIT_RETURN_IF_ERROR(ReadDetails(json, "pendings", where, &s.pendings));
  if (s.status != "pending" && s.status != "complete") {
    return Bad(where, "status", "status", "must be \"pending\" or \"complete\"");
  }
  return s;
}

}  // namespace stixkit::taxii
