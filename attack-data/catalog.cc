// The Catalog class: indexes over CatalogData for case-insensitive id lookups, and the
// embedded instance. Parsing lives in catalog_reader.cc, writing in catalog_writer.cc.
#include "attack-data/catalog.h"

#include <utility>

#include "absl/container/flat_hash_map.h"
#include "absl/strings/ascii.h"
#include "attack-data/catalog_data.h"
#include "attack-data/catalog_reader.h"
#include "stix/base/embedded_files.h"
#include "stix/base/input_file.h"
#include "stix/base/strings.h"

namespace stixkit::attack {
namespace {

using Index = absl::flat_hash_map<std::string, size_t>;

constexpr std::string_view kEmbeddedPath = "attack-data/catalog.json";

// Revoked-by chains in ATT&CK are one or two steps long; the bound only guards
// against a cycle in a hand-edited catalog.
constexpr int kMaxRevokedChain = 16;

std::string Key(std::string_view id) { return absl::AsciiStrToUpper(Av(id)); }

template <typename T>
bool Active(const T& entry) {
  if constexpr (requires { entry.revoked; }) {
    if (entry.revoked) return false;
  }
  return !entry.deprecated;
}

// Indexes entries by upper-cased id. On a shared id the active entry wins, then the
// first in catalog order, so lookups are deterministic.
template <typename T>
Index IndexById(const std::vector<T>& entries) {
  Index index;
  for (size_t i = 0; i < entries.size(); ++i) {
    auto [it, inserted] = index.try_emplace(Key(entries[i].id), i);
    if (!inserted && !Active(entries[it->second]) && Active(entries[i])) it->second = i;
  }
  return index;
}

template <typename T>
const T* Find(const std::vector<T>& entries, const Index& index, std::string_view id) {
  const auto it = index.find(Key(id));
  return it == index.end() ? nullptr : &entries[it->second];
}

}  // namespace

struct Catalog::Impl {
  CatalogData data;
  Index techniques;
  Index tactics;
  Index tactic_shortnames;  // lower-case shortname
  Index software;
  Index groups;
  Index mitigations;
};

Catalog::Catalog() : impl_(std::make_unique<Impl>()) {}
Catalog::~Catalog() = default;

std::unique_ptr<Catalog> Catalog::FromData(CatalogData data) {
  std::unique_ptr<Catalog> catalog(new Catalog());
  Impl& impl = *catalog->impl_;
  impl.data = std::move(data);
  impl.techniques = IndexById(impl.data.techniques);
  impl.tactics = IndexById(impl.data.tactics);
  impl.software = IndexById(impl.data.software);
  impl.groups = IndexById(impl.data.groups);
  impl.mitigations = IndexById(impl.data.mitigations);
  // Tactics are sorted by TA id, so try_emplace keeps the lowest id per shortname.
  for (size_t i = 0; i < impl.data.tactics.size(); ++i) {
    impl.tactic_shortnames.try_emplace(absl::AsciiStrToLower(impl.data.tactics[i].shortname), i);
  }
  return catalog;
}

absl::StatusOr<std::unique_ptr<Catalog>> Catalog::ParseFile(const std::string& path) {
  absl::StatusOr<InputFile> file = InputFile::Open(path);
  if (!file.ok()) return file.status();
  return Parse(file->contents(), path);
}

absl::StatusOr<std::unique_ptr<Catalog>> Catalog::Parse(std::string_view json,
                                                        std::string_view path) {
  absl::StatusOr<CatalogData> data = ReadCatalogJson(json, path);
  if (!data.ok()) return data.status();
  return FromData(*std::move(data));
}

const Catalog& Catalog::Embedded() {
  // Built once, never destroyed: callers may hold references until exit. A binary
  // built without the catalog gets an empty one; tests guard against that.
  static const Catalog* const embedded = [] {
    const std::optional<std::string_view> text = FindEmbeddedFile(kEmbeddedPath);
    if (text.has_value()) {
      absl::StatusOr<std::unique_ptr<Catalog>> parsed = Parse(*text, kEmbeddedPath);
      if (parsed.ok()) return parsed->release();
    }
    return FromData(CatalogData{}).release();
  }();
  return *embedded;
}

std::string Catalog::version() const { return impl_->data.attack_version; }

std::vector<std::string> Catalog::domains() const {
  std::vector<std::string> names;
  for (const DomainInfo& d : impl_->data.domains) names.push_back(d.name);
  return names;
}

const std::vector<DomainInfo>& Catalog::domain_info() const { return impl_->data.domains; }
const std::string& Catalog::attribution() const { return impl_->data.attribution; }
const CatalogData& Catalog::data() const { return impl_->data; }

const std::vector<Technique>& Catalog::techniques() const { return impl_->data.techniques; }
const std::vector<Tactic>& Catalog::tactics() const { return impl_->data.tactics; }
const std::vector<Entity>& Catalog::software() const { return impl_->data.software; }
const std::vector<Entity>& Catalog::groups() const { return impl_->data.groups; }
const std::vector<Mitigation>& Catalog::mitigations() const { return impl_->data.mitigations; }

const Technique* Catalog::FindTechnique(std::string_view id) const {
  return Find(impl_->data.techniques, impl_->techniques, id);
}

const Tactic* Catalog::FindTactic(std::string_view id_or_shortname) const {
  if (const Tactic* t = Find(impl_->data.tactics, impl_->tactics, id_or_shortname)) return t;
  const auto it = impl_->tactic_shortnames.find(absl::AsciiStrToLower(Av(id_or_shortname)));
  return it == impl_->tactic_shortnames.end() ? nullptr : &impl_->data.tactics[it->second];
}

const Entity* Catalog::FindSoftware(std::string_view id) const {
  return Find(impl_->data.software, impl_->software, id);
}

const Entity* Catalog::FindGroup(std::string_view id) const {
  return Find(impl_->data.groups, impl_->groups, id);
}

const Mitigation* Catalog::FindMitigation(std::string_view id) const {
  return Find(impl_->data.mitigations, impl_->mitigations, id);
}

const Technique* Catalog::CurrentTechnique(std::string_view id) const {
  const Technique* current = FindTechnique(id);
  for (int step = 0; current != nullptr && current->revoked && step < kMaxRevokedChain; ++step) {
    const Technique* next = FindTechnique(current->revoked_by);
    if (next == nullptr) break;
    current = next;
  }
  return current;
}

}  // namespace stixkit::attack
