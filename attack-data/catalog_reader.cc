// Catalog JSON → CatalogData. Every structural error names the JSON pointer of the
// member at fault, so a hand-edited or truncated catalog is easy to fix.
#include "attack-data/catalog_reader.h"

#include <string>
#include <utility>
#include <vector>

#include "absl/strings/str_cat.h"
#include "rapidjson/document.h"
#include "stix/json/json_access.h"
#include "stix/base/status.h"
#include "stix/base/strings.h"
#include "stix/json/json_parser.h"

namespace stixkit::attack {
namespace {

// Reads the members of one JSON object, reporting errors as "path: /pointer: ...".
class Members {
 public:
  Members(const rapidjson::Value& object, std::string pointer, std::string_view path)
      : object_(object), pointer_(std::move(pointer)), path_(path) {}

  absl::Status Error(std::string_view name, std::string_view message) const {
    return absl::InvalidArgumentError(
        absl::StrCat(Av(path_), ": ", pointer_, "/", Av(name), ": ", Av(message)));
  }

  // Required when `required`; absent optional members leave *out unchanged.
  absl::Status String(const char* name, std::string* out, bool required = true) const {
    const rapidjson::Value* v = Get(name);
    if (v == nullptr && !required) return absl::OkStatus();
    if (v == nullptr) return Error(name, "missing; expected a string");
    if (!v->IsString()) return Mismatch(name, "a string", *v);
    out->assign(v->GetString(), v->GetStringLength());
    return absl::OkStatus();
  }

  absl::Status Strings(const char* name, std::vector<std::string>* out) const {
    const rapidjson::Value* v = Get(name);
    if (v == nullptr) return absl::OkStatus();
    if (!v->IsArray()) return Mismatch(name, "an array of strings", *v);
    for (rapidjson::SizeType i = 0; i < v->Size(); ++i) {
      const rapidjson::Value& item = (*v)[i];
      if (!item.IsString()) {
        return Mismatch(absl::StrCat(name, "/", i), "a string", item);
      }
      out->emplace_back(item.GetString(), item.GetStringLength());
    }
    return absl::OkStatus();
  }

  absl::Status Bool(const char* name, bool* out) const {
    const rapidjson::Value* v = Get(name);
    if (v == nullptr) return absl::OkStatus();
    if (!v->IsBool()) return Mismatch(name, "true or false", *v);
    *out = v->GetBool();
    return absl::OkStatus();
  }

  // Calls read(Members&) for each element of the required array of objects `name`.
  template <typename ReadFn>
  absl::Status Objects(const char* name, ReadFn read) const {
    const rapidjson::Value* v = Get(name);
    if (v == nullptr) return Error(name, "missing; expected an array of objects");
    if (!v->IsArray()) return Mismatch(name, "an array of objects", *v);
    for (rapidjson::SizeType i = 0; i < v->Size(); ++i) {
      const std::string pointer = absl::StrCat(pointer_, "/", name, "/", i);
      if (!(*v)[i].IsObject()) {
        return absl::InvalidArgumentError(absl::StrCat(
            Av(path_), ": ", pointer, ": expected an object, found ", Av(stix::JsonKindName((*v)[i]))));
      }
      STIXKIT_RETURN_IF_ERROR(read(Members((*v)[i], pointer, path_)));
    }
    return absl::OkStatus();
  }

 private:
  const rapidjson::Value* Get(const char* name) const {
    const auto it = object_.FindMember(name);
    return it == object_.MemberEnd() ? nullptr : &it->value;
  }
  absl::Status Mismatch(std::string_view name, std::string_view expected,
                        const rapidjson::Value& found) const {
    return Error(name, absl::StrCat("expected ", Av(expected), ", found ", Av(stix::JsonKindName(found))));
  }

  const rapidjson::Value& object_;
  std::string pointer_;
  std::string_view path_;
};

absl::Status ReadTechnique(const Members& m, Technique* t) {
  STIXKIT_RETURN_IF_ERROR(m.String("id", &t->id));
  STIXKIT_RETURN_IF_ERROR(m.String("stix_id", &t->stix_id, false));
  STIXKIT_RETURN_IF_ERROR(m.String("name", &t->name));
  STIXKIT_RETURN_IF_ERROR(m.Strings("tactics", &t->tactics));
  STIXKIT_RETURN_IF_ERROR(m.Strings("platforms", &t->platforms));
  STIXKIT_RETURN_IF_ERROR(m.Strings("domains", &t->domains));
  STIXKIT_RETURN_IF_ERROR(m.String("parent", &t->parent, false));
  STIXKIT_RETURN_IF_ERROR(m.Bool("revoked", &t->revoked));
  STIXKIT_RETURN_IF_ERROR(m.String("revoked_by", &t->revoked_by, false));
  return m.Bool("deprecated", &t->deprecated);
}

absl::Status ReadTactic(const Members& m, Tactic* t) {
  STIXKIT_RETURN_IF_ERROR(m.String("id", &t->id));
  STIXKIT_RETURN_IF_ERROR(m.String("shortname", &t->shortname));
  STIXKIT_RETURN_IF_ERROR(m.String("name", &t->name));
  STIXKIT_RETURN_IF_ERROR(m.Strings("domains", &t->domains));
  return m.Bool("deprecated", &t->deprecated);
}

absl::Status ReadEntity(const Members& m, Entity* e) {
  STIXKIT_RETURN_IF_ERROR(m.String("id", &e->id));
  STIXKIT_RETURN_IF_ERROR(m.String("stix_id", &e->stix_id, false));
  STIXKIT_RETURN_IF_ERROR(m.String("type", &e->type, false));
  STIXKIT_RETURN_IF_ERROR(m.String("name", &e->name));
  STIXKIT_RETURN_IF_ERROR(m.Strings("aliases", &e->aliases));
  STIXKIT_RETURN_IF_ERROR(m.Strings("domains", &e->domains));
  STIXKIT_RETURN_IF_ERROR(m.Bool("revoked", &e->revoked));
  STIXKIT_RETURN_IF_ERROR(m.String("revoked_by", &e->revoked_by, false));
  return m.Bool("deprecated", &e->deprecated);
}

absl::Status ReadMitigation(const Members& m, Mitigation* x) {
  STIXKIT_RETURN_IF_ERROR(m.String("id", &x->id));
  STIXKIT_RETURN_IF_ERROR(m.String("stix_id", &x->stix_id, false));
  STIXKIT_RETURN_IF_ERROR(m.String("name", &x->name));
  STIXKIT_RETURN_IF_ERROR(m.Strings("domains", &x->domains));
  return m.Bool("deprecated", &x->deprecated);
}

// Appends one entry per array element, read by `read`.
template <typename T, typename ReadFn>
absl::Status ReadList(const Members& top, const char* name, std::vector<T>* out, ReadFn read) {
  return top.Objects(name, [&](const Members& m) { return read(m, &out->emplace_back()); });
}

absl::Status CheckFormat(const rapidjson::Document& doc, std::string_view path) {
  const auto type = doc.FindMember("type");
  if (type != doc.MemberEnd() && type->value == "bundle") {
    return absl::InvalidArgumentError(
        absl::StrCat(Av(path),
                     ": this is a STIX bundle, not a stixkit ATT&CK catalog; turn MITRE's "
                     "bundles into a catalog with 'stixkit attack import BUNDLE... -o FILE'"));
  }
  const auto format = doc.FindMember("format");
  if (format == doc.MemberEnd() || format->value != kCatalogFormat.data()) {
    return absl::InvalidArgumentError(
        absl::StrCat(Av(path), ": /format: expected \"", Av(kCatalogFormat),
                     "\"; this file is not a catalog written by 'stixkit attack import'"));
  }
  const auto version = doc.FindMember("format_version");
  if (version == doc.MemberEnd() || !version->value.IsInt64() ||
      version->value.GetInt64() != kCatalogFormatVersion) {
    return absl::InvalidArgumentError(
        absl::StrCat(Av(path), ": /format_version: expected ", kCatalogFormatVersion,
                     "; regenerate the catalog with this version of 'stixkit attack import'"));
  }
  return absl::OkStatus();
}

absl::Status ReadDomain(const Members& m, DomainInfo* d) {
  STIXKIT_RETURN_IF_ERROR(m.String("name", &d->name));
  STIXKIT_RETURN_IF_ERROR(m.String("version", &d->version));
  return m.String("source", &d->source, false);
}

}  // namespace

absl::StatusOr<CatalogData> ReadCatalogJson(std::string_view text, std::string_view path) {
  rapidjson::Document doc;
  STIXKIT_RETURN_IF_ERROR(
      stix::ParseJson(stix::JsonSpan{text, 0, LineColumn{}}, path, stix::JsonLimits{}, &doc));
  if (!doc.IsObject()) {
    return absl::InvalidArgumentError(
        absl::StrCat(Av(path), ": expected a catalog (a JSON object), found ", Av(stix::JsonKindName(doc))));
  }
  STIXKIT_RETURN_IF_ERROR(CheckFormat(doc, path));
  const Members top(doc, "", path);
  CatalogData data;
  STIXKIT_RETURN_IF_ERROR(top.String("attack_version", &data.attack_version));
  STIXKIT_RETURN_IF_ERROR(ReadList(top, "domains", &data.domains, ReadDomain));
  STIXKIT_RETURN_IF_ERROR(top.Strings("copyright", &data.copyright));
  STIXKIT_RETURN_IF_ERROR(top.String("attribution", &data.attribution));
  STIXKIT_RETURN_IF_ERROR(ReadList(top, "tactics", &data.tactics, ReadTactic));
  STIXKIT_RETURN_IF_ERROR(ReadList(top, "techniques", &data.techniques, ReadTechnique));
  STIXKIT_RETURN_IF_ERROR(ReadList(top, "software", &data.software, ReadEntity));
  STIXKIT_RETURN_IF_ERROR(ReadList(top, "groups", &data.groups, ReadEntity));
  STIXKIT_RETURN_IF_ERROR(ReadList(top, "mitigations", &data.mitigations, ReadMitigation));
  return data;
}

}  // namespace stixkit::attack
