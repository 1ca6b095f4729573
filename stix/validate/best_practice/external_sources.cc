// Checks 271-277: values that should come from external registries (IANA media
// types, service names and IPFIX elements; HTTP request headers; socket options; PDF
// document-information keys; ISO 3166-1 alpha-2), kept as lists in
// stix/model/vocabularies. Mirrors v21/shoulds.py mime_type ... countries, including
// the fallback patterns it applies when a registry list is unavailable and the quirk
// that a bad country is reported under code 201, not 277.
#include <array>

#include "absl/strings/ascii.h"
#include "stix/base/strings.h"
#include "stix/model/vocabularies.h"
#include "stix/validate/best_practice/internal/cat.h"
#include "stix/validate/best_practice/internal/checks.h"
#include "stix/validate/best_practice/internal/json_access.h"
#include "stix/validate/best_practice/internal/name_patterns.h"

namespace stixkit::stix::best_practice {
namespace {

using Registry = absl::flat_hash_set<std::string>;

// ^(application|audio|...)/[a-zA-Z0-9.+_-]+ as re.match applies it.
bool LooksLikeMediaType(std::string_view s) {
  static constexpr std::array<std::string_view, 9> kTopLevel = {
      "application", "audio", "font", "image", "message", "model", "multipart", "text", "video"};
  const size_t slash = s.find('/');
  if (slash == std::string_view::npos || slash + 1 >= s.size()) return false;
  bool known = false;
  for (std::string_view top : kTopLevel) known = known || s.substr(0, slash) == top;
  const char c = s[slash + 1];
  return known && (absl::ascii_isalnum(c) || c == '.' || c == '+' || c == '_' || c == '-');
}

void CheckMimeType(const ObjectInfo& info, Findings* out) {
  const rapidjson::Value* v = Member(info.object, "mime_type");
  if (info.type != "file" || v == nullptr || !v->IsString()) return;
  const Registry* registry = FindVocabulary("iana-media-types");
  const std::string_view mime = View(*v);
  if (registry ? registry->contains(Av(mime)) : LooksLikeMediaType(mime)) return;
  Warn(
      info, "271", "/mime_type",
      Cat({"mime_type should be an IANA registered media type (type/subtype), found '", mime, "'"}),
      out);
}

// The reference adds these to the IANA service names (enums.py protocols()).
bool IsExtraProtocol(std::string_view p) {
  return p == "ipv4" || p == "ipv6" || p == "ssl" || p == "tls" || p == "dns";
}

void CheckProtocols(const ObjectInfo& info, Findings* out) {
  const rapidjson::Value* list = Member(info.object, "protocols");
  if (info.type != "network-traffic" || list == nullptr || !list->IsArray()) return;
  const Registry* registry = FindVocabulary("iana-service-names");
  for (const auto& item : list->GetArray()) {
    if (!item.IsString()) continue;
    const std::string_view p = View(item);
    if (registry ? (registry->contains(Av(p)) || IsExtraProtocol(p)) : LooksLikeProtocolName(p)) {
      continue;
    }
    Warn(info, "272", "/protocols",
         Cat({"protocol '", p,
              "' should be in the IANA Service Name and Transport Protocol Port Number "
              "Registry"}),
         out);
  }
}

void CheckIpfix(const ObjectInfo& info, Findings* out) {
  const rapidjson::Value* ipfix = Member(info.object, "ipfix");
  if (info.type != "network-traffic" || ipfix == nullptr || !ipfix->IsObject()) return;
  const Registry* registry = FindVocabulary("ipfix-information-elements");
  for (const auto& m : ipfix->GetObject()) {
    const std::string_view key = View(m.name);
    if (registry ? registry->contains(Av(key)) : LooksLikeIpfixName(key)) continue;
    Warn(info, "273", "/ipfix",
         Cat({"ipfix key '", key, "' should be an IANA IPFIX information element name"}), out);
  }
}

// Keys of a dictionary nested in an extension that should come from `registry`.
void CheckExtensionKeys(const ObjectInfo& info, std::string_view type, std::string_view extension,
                        std::string_view property, std::string_view registry_name,
                        std::string_view code, std::string_view what, Findings* out) {
  if (info.type != type) return;
  const rapidjson::Value* dict = MemberPath(info.object, {"extensions", extension, property});
  const Registry* registry = FindVocabulary(registry_name);
  if (dict == nullptr || !dict->IsObject() || registry == nullptr) return;
  for (const auto& m : dict->GetObject()) {
    if (registry->contains(Av(View(m.name)))) continue;
    Warn(info, code, Pointer({"extensions", extension, property}),
         Cat({property, " key '", View(m.name), "' should be ", what}), out);
  }
}

void CheckCountry(const ObjectInfo& info, Findings* out) {
  const rapidjson::Value* v = Member(info.object, "country");
  const Registry* registry = FindVocabulary("iso-3166-1-alpha-2");
  if (info.type != "location" || v == nullptr || !v->IsString() || registry == nullptr) return;
  // The reference compares case-insensitively (country.upper()).
  std::string upper(View(*v));
  for (char& c : upper) c = absl::ascii_toupper(static_cast<unsigned char>(c));
  if (registry->contains(upper)) return;
  // The reference reports this under 201 (marking-definition-type), not 277.
  Warn(info, "201", "/country",
       Cat({"country should be an ISO 3166-1 alpha-2 code, found '", View(*v), "'"}), out);
}

}  // namespace

// Each check is gated on the object type before asking the selection, which keeps the
// per-object cost to the checks that can apply.
void CheckExternalSources(const ObjectInfo& info, const CheckContext& ctx, Findings* out) {
  const auto runs = [&](std::string_view code) { return ctx.selection.Runs(code); };
  // countries is the only one of these checks that also runs outside observables.
  if (info.type == "location" && runs("277")) CheckCountry(info, out);
  if (!info.is_sco) return;
  if (info.type == "file") {
    if (runs("271")) CheckMimeType(info, out);
    if (runs("276")) {
      CheckExtensionKeys(info, "file", "pdf-ext", "document_info_dict", "pdf-doc-info-keys", "276",
                         "a PDF document information dictionary key", out);
    }
  } else if (info.type == "network-traffic") {
    if (runs("272")) CheckProtocols(info, out);
    if (runs("273")) CheckIpfix(info, out);
    if (runs("274")) {
      CheckExtensionKeys(info, "network-traffic", "http-request-ext", "request_header",
                         "http-request-headers", "274", "an HTTP request header name", out);
    }
    if (runs("275")) {
      CheckExtensionKeys(info, "network-traffic", "socket-ext", "options", "socket-options", "275",
                         "a socket option name (SO_*, IP_*, TCP_*, ...)", out);
    }
  }
}

}  // namespace stixkit::stix::best_practice
