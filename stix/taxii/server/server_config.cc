#include "stix/taxii/server/server_config.h"

#include <algorithm>
#include <initializer_list>

#include "absl/strings/ascii.h"
#include "absl/strings/str_cat.h"
#include "stix/base/input_file.h"
#include "stix/base/strings.h"
#include "stix/json/json_access.h"
#include "stix/json/json_parser.h"
#include "stix/model/uuid.h"

namespace stixkit::taxii {
namespace {

using stix::JsonKindName;
using stix::View;

// Reads one JSON object of the config, remembering where it is for messages.
class Reader {
 public:
  Reader(const rapidjson::Value& value, std::string_view file, std::string pointer)
      : value_(value), file_(file), pointer_(std::move(pointer)) {}

  absl::Status Error(std::string_view key, std::string_view message) const {
    std::string where = key.empty() ? pointer_ : absl::StrCat(pointer_, "/", Av(key));
    if (where.empty()) where = "top level";
    return absl::InvalidArgumentError(
        absl::StrCat(Av(file_), ": ", where, ": ", Av(message)));
  }

  absl::Status ExpectObject(std::initializer_list<std::string_view> keys) const {
    if (!value_.IsObject()) {
      return Error("", absl::StrCat("expected an object, found ", Av(JsonKindName(value_))));
    }
    for (const auto& m : value_.GetObject()) {
      const std::string_view name = View(m.name);
      if (std::find(keys.begin(), keys.end(), name) == keys.end()) {
        return Error(name, "unknown key; see docs/taxii.md for the config file format");
      }
    }
    return absl::OkStatus();
  }

  absl::Status String(std::string_view key, bool required, std::string* out) const {
    const rapidjson::Value* v = stix::Member(value_, key);
    if (v == nullptr) return required ? Error(key, "required but missing") : absl::OkStatus();
    if (!v->IsString()) {
      return Error(key, absl::StrCat("expected a string, found ", Av(JsonKindName(*v))));
    }
    *out = View(*v);
    return absl::OkStatus();
  }

  absl::Status Strings(std::string_view key, std::vector<std::string>* out) const {
    const rapidjson::Value* v = stix::Member(value_, key);
    if (v == nullptr) return absl::OkStatus();
    if (!v->IsArray()) {
      return Error(key, absl::StrCat("expected an array of strings, found ",
                                     Av(JsonKindName(*v))));
    }
    for (const auto& e : v->GetArray()) {
      if (!e.IsString()) {
        return Error(key, absl::StrCat("expected an array of strings, found ",
                                       Av(JsonKindName(e)), " in it"));
      }
      out->emplace_back(View(e));
    }
    return absl::OkStatus();
  }

  // Calls `each` with a Reader for every element of the array `key`.
  template <typename Fn>
  absl::Status Array(std::string_view key, Fn each) const {
    const rapidjson::Value* v = stix::Member(value_, key);
    if (v == nullptr) return absl::OkStatus();
    if (!v->IsArray()) {
      return Error(key, absl::StrCat("expected an array, found ", Av(JsonKindName(*v))));
    }
    for (rapidjson::SizeType i = 0; i < v->Size(); ++i) {
      Reader element((*v)[i], file_, absl::StrCat(pointer_, "/", Av(key), "/", i));
      if (absl::Status s = each(element); !s.ok()) return s;
    }
    return absl::OkStatus();
  }

 private:
  const rapidjson::Value& value_;
  std::string_view file_;
  std::string pointer_;
};

absl::Status ReadCollection(const Reader& r, std::vector<CollectionConfig>* out) {
  if (absl::Status s = r.ExpectObject({"id", "title", "description", "alias"}); !s.ok()) return s;
  CollectionConfig c;
  if (absl::Status s = r.String("id", true, &c.id); !s.ok()) return s;
  if (!stix::ParseUuid(c.id)) {
    return r.Error("id", absl::StrCat("expected a UUID like 91a7b528-80eb-42ed-a74d-c6fbd5a26116, "
                                      "got \"", c.id, "\""));
  }
  c.id = absl::AsciiStrToLower(c.id);
  if (absl::Status s = r.String("title", true, &c.title); !s.ok()) return s;
  if (absl::Status s = r.String("description", false, &c.description); !s.ok()) return s;
  if (absl::Status s = r.String("alias", false, &c.alias); !s.ok()) return s;
  out->push_back(std::move(c));
  return absl::OkStatus();
}

absl::Status ReadApiRoot(const Reader& r, std::vector<ApiRootConfig>* out) {
  if (absl::Status s = r.ExpectObject({"path", "title", "description", "collections"}); !s.ok()) {
    return s;
  }
  ApiRootConfig root;
  if (absl::Status s = r.String("path", true, &root.path); !s.ok()) return s;
  if (!IsValidApiRootPath(root.path)) {
    return r.Error("path", absl::StrCat("expected one URL segment of letters, digits, '.', '_', "
                                        "'~' or '-' (not \"taxii2\"), got \"", root.path, "\""));
  }
  if (absl::Status s = r.String("title", true, &root.title); !s.ok()) return s;
  if (absl::Status s = r.String("description", false, &root.description); !s.ok()) return s;
  if (absl::Status s = r.Array("collections", [&](const Reader& c) {
        return ReadCollection(c, &root.collections);
      });
      !s.ok()) {
    return s;
  }
  out->push_back(std::move(root));
  return absl::OkStatus();
}

absl::Status ReadUser(const Reader& r, std::vector<ServerUser>* out) {
  if (absl::Status s = r.ExpectObject({"name", "password_hash", "read", "write"}); !s.ok()) {
    return s;
  }
  ServerUser u;
  if (absl::Status s = r.String("name", true, &u.name); !s.ok()) return s;
  if (absl::Status s = r.String("password_hash", true, &u.password_hash); !s.ok()) return s;
  if (absl::Status s = r.Strings("read", &u.read); !s.ok()) return s;
  if (absl::Status s = r.Strings("write", &u.write); !s.ok()) return s;
  out->push_back(std::move(u));
  return absl::OkStatus();
}

// Cross-entry rules the per-entry readers cannot see.
absl::Status CheckUnique(const ServerConfig& config, std::string_view path) {
  std::vector<std::string> roots, ids;
  for (const ApiRootConfig& root : config.api_roots) {
    if (std::find(roots.begin(), roots.end(), root.path) != roots.end()) {
      return absl::InvalidArgumentError(
          absl::StrCat(Av(path), ": API root \"", root.path, "\" is listed twice"));
    }
    roots.push_back(root.path);
    for (const CollectionConfig& c : root.collections) {
      if (std::find(ids.begin(), ids.end(), c.id) != ids.end()) {
        return absl::InvalidArgumentError(
            absl::StrCat(Av(path), ": collection id ", c.id, " is listed twice"));
      }
      ids.push_back(c.id);
    }
  }
  return absl::OkStatus();
}

}  // namespace

bool IsValidApiRootPath(std::string_view path) {
  if (path.empty() || path.size() > 64 || path == "taxii2" || path == "." || path == "..") {
    return false;
  }
  return std::all_of(path.begin(), path.end(), [](char c) {
    return absl::ascii_isalnum(static_cast<unsigned char>(c)) || c == '.' || c == '_' ||
           c == '~' || c == '-';
  });
}

absl::StatusOr<ServerConfig> ParseServerConfig(std::string_view text, std::string_view path) {
  rapidjson::Document doc;
  if (absl::Status s = stix::ParseJson(stix::JsonSpan{text, 0, {}}, path, {}, &doc); !s.ok()) {
    return s;
  }
  const Reader top(doc, path, "");
  if (absl::Status s = top.ExpectObject({"title", "description", "contact", "api_roots", "users"});
      !s.ok()) {
    return s;
  }
  ServerConfig config;
  if (absl::Status s = top.String("title", false, &config.title); !s.ok()) return s;
  if (absl::Status s = top.String("description", false, &config.description); !s.ok()) return s;
  if (absl::Status s = top.String("contact", false, &config.contact); !s.ok()) return s;
  if (absl::Status s = top.Array("api_roots", [&](const Reader& r) {
        return ReadApiRoot(r, &config.api_roots);
      });
      !s.ok()) {
    return s;
  }
  if (absl::Status s =
          top.Array("users", [&](const Reader& r) { return ReadUser(r, &config.users); });
      !s.ok()) {
    return s;
  }
  if (absl::Status s = CheckUnique(config, path); !s.ok()) return s;
  return config;
}

absl::StatusOr<ServerConfig> LoadServerConfig(const std::string& path) {
  absl::StatusOr<InputFile> file = InputFile::Open(path);
  if (!file.ok()) return file.status();
  return ParseServerConfig(file->contents(), path);
}

}  // namespace stixkit::taxii
