#include "stix/validate/best_practice/internal/spec_names.h"

#include <memory>
#include <vector>

#include "stix/base/strings.h"
#include "stix/validate/best_practice/internal/schema_walker.h"
#include "stix/validate/schema_store.h"

namespace stixkit::stix::best_practice {
namespace {

// Where the reference validator checks nested member names (v21/enums.py
// OBSERVABLE_EMBEDDED_PROPERTIES, OBSERVABLE_EXTENSION_EMBEDDED_PROPERTIES). Only the
// locations are listed here; the member names come from the schemas.
struct SiteSpec {
  std::string_view type;
  std::string_view extension;
  std::string_view property;
};
constexpr SiteSpec kSites[] = {
    {"email-message", "", "body_multipart"},
    {"windows-registry-key", "", "values"},
    {"x509-certificate", "", "x509_v3_extensions"},
    {"file", "ntfs-ext", "alternate_data_streams"},
    {"file", "windows-pebinary-ext", "optional_header"},
    {"file", "windows-pebinary-ext", "sections"},
};

struct NestedTable {
  std::vector<std::unique_ptr<NameSet>> storage;
  absl::flat_hash_map<std::string, std::vector<NestedSite>> by_type;
};

const NestedTable& Nested() {
  static const NestedTable* const table = [] {
    auto* t = new NestedTable();
    for (const SiteSpec& site : kSites) {
      auto names =
          site.extension.empty()
              ? SchemaPropertyNames(site.type, {site.property})
              : SchemaPropertyNames(site.type, {"extensions", site.extension, site.property});
      if (!names) continue;
      t->storage.push_back(std::make_unique<NameSet>(std::move(*names)));
      t->by_type[std::string(site.type)].push_back(
          {site.extension, site.property, t->storage.back().get()});
    }
    return t;
  }();
  return *table;
}

}  // namespace

const NameSet* SpecProperties(std::string_view type) {
  const SchemaStore& store = SchemaStore::Default();
  if (!store.IsKnownType(type)) return nullptr;
  return &store.PropertiesOf(type);
}

const absl::flat_hash_map<std::string, NameSet>& SpecExtensions(std::string_view type) {
  return SchemaStore::Default().ExtensionsOf(type);
}

absl::Span<const NestedSite> NestedSitesOf(std::string_view type) {
  const NestedTable& table = Nested();
  const auto it = table.by_type.find(Av(type));
  if (it == table.by_type.end()) return {};
  return it->second;
}

}  // namespace stixkit::stix::best_practice
