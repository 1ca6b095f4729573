// CatalogData → catalog JSON. RapidJSON's Writer escapes strings; the line layout is
// ours: the header members first, then each list with one entry per line.
#include "attack-data/catalog_writer.h"

#include <string_view>
#include <vector>

#include "absl/strings/str_cat.h"
#include "rapidjson/stringbuffer.h"
#include "rapidjson/writer.h"
#include "stix/base/strings.h"

namespace stixkit::attack {
namespace {

using Writer = rapidjson::Writer<rapidjson::StringBuffer>;

void Key(Writer& w, std::string_view name) {
  w.Key(name.data(), static_cast<rapidjson::SizeType>(name.size()));
}

void String(Writer& w, std::string_view name, const std::string& value) {
  Key(w, name);
  w.String(value.data(), static_cast<rapidjson::SizeType>(value.size()));
}

void OptionalString(Writer& w, std::string_view name, const std::string& value) {
  if (!value.empty()) String(w, name, value);
}

void Strings(Writer& w, std::string_view name, const std::vector<std::string>& values) {
  Key(w, name);
  w.StartArray();
  for (const std::string& v : values) {
    w.String(v.data(), static_cast<rapidjson::SizeType>(v.size()));
  }
  w.EndArray();
}

void OptionalTrue(Writer& w, std::string_view name, bool value) {
  if (!value) return;
  Key(w, name);
  w.Bool(true);
}

template <typename WriteFn>
std::string Compact(WriteFn write) {
  rapidjson::StringBuffer buffer;
  Writer w(buffer);
  w.StartObject();
  write(w);
  w.EndObject();
  return std::string(buffer.GetString(), buffer.GetSize());
}

std::string Quoted(std::string_view text) {
  rapidjson::StringBuffer buffer;
  Writer w(buffer);
  w.String(text.data(), static_cast<rapidjson::SizeType>(text.size()));
  return std::string(buffer.GetString(), buffer.GetSize());
}

// `"name":[\n{...},\n{...}\n]`: one entry a line.
template <typename T, typename FormatFn>
void AppendList(std::string& out, std::string_view name, const std::vector<T>& entries,
                FormatFn format) {
  absl::StrAppend(&out, ",\n\"", Av(name), "\":[");
  for (size_t i = 0; i < entries.size(); ++i) {
    absl::StrAppend(&out, i == 0 ? "\n" : ",\n", format(entries[i]));
  }
  absl::StrAppend(&out, entries.empty() ? "]" : "\n]");
}

std::string DomainJson(const DomainInfo& d) {
  return Compact([&](Writer& w) {
    String(w, "name", d.name);
    String(w, "version", d.version);
    OptionalString(w, "source", d.source);
  });
}

}  // namespace

std::string EntryJson(const Technique& t) {
  return Compact([&](Writer& w) {
    String(w, "id", t.id);
    OptionalString(w, "stix_id", t.stix_id);
    String(w, "name", t.name);
    Strings(w, "tactics", t.tactics);
    Strings(w, "platforms", t.platforms);
    Strings(w, "domains", t.domains);
    OptionalString(w, "parent", t.parent);
    OptionalTrue(w, "revoked", t.revoked);
    OptionalString(w, "revoked_by", t.revoked_by);
    OptionalTrue(w, "deprecated", t.deprecated);
  });
}

std::string EntryJson(const Tactic& t) {
  return Compact([&](Writer& w) {
    String(w, "id", t.id);
    String(w, "shortname", t.shortname);
    String(w, "name", t.name);
    Strings(w, "domains", t.domains);
    OptionalTrue(w, "deprecated", t.deprecated);
  });
}

std::string EntryJson(const Entity& e) {
  return Compact([&](Writer& w) {
    String(w, "id", e.id);
    OptionalString(w, "stix_id", e.stix_id);
    OptionalString(w, "type", e.type);
    String(w, "name", e.name);
    Strings(w, "aliases", e.aliases);
    Strings(w, "domains", e.domains);
    OptionalTrue(w, "revoked", e.revoked);
    OptionalString(w, "revoked_by", e.revoked_by);
    OptionalTrue(w, "deprecated", e.deprecated);
  });
}

std::string EntryJson(const Mitigation& m) {
  return Compact([&](Writer& w) {
    String(w, "id", m.id);
    OptionalString(w, "stix_id", m.stix_id);
    String(w, "name", m.name);
    Strings(w, "domains", m.domains);
    OptionalTrue(w, "deprecated", m.deprecated);
  });
}

std::string WriteCatalogJson(const CatalogData& data) {
  std::string out = absl::StrCat("{\"format\":", Quoted(kCatalogFormat),
                                 ",\"format_version\":", kCatalogFormatVersion,
                                 ",\n\"attack_version\":", Quoted(data.attack_version));
  AppendList(out, "domains", data.domains, DomainJson);
  absl::StrAppend(&out, ",\n\"copyright\":[");
  for (size_t i = 0; i < data.copyright.size(); ++i) {
    absl::StrAppend(&out, i == 0 ? "" : ",", Quoted(data.copyright[i]));
  }
  absl::StrAppend(&out, "],\n\"attribution\":", Quoted(data.attribution));
  AppendList(out, "tactics", data.tactics, [](const auto& e) { return EntryJson(e); });
  AppendList(out, "techniques", data.techniques, [](const auto& e) { return EntryJson(e); });
  AppendList(out, "software", data.software, [](const auto& e) { return EntryJson(e); });
  AppendList(out, "groups", data.groups, [](const auto& e) { return EntryJson(e); });
  AppendList(out, "mitigations", data.mitigations, [](const auto& e) { return EntryJson(e); });
  absl::StrAppend(&out, "\n}\n");
  return out;
}

}  // namespace stixkit::attack
