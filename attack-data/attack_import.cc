// Several bundles' facts → one CatalogData. Entries are keyed by STIX id: MITRE puts
// the same object in each domain it belongs to, so a key seen again only adds a domain.
#include "attack-data/attack_import.h"

#include <algorithm>
#include <filesystem>
#include <tuple>
#include <utility>

#include "absl/container/flat_hash_map.h"
#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "attack-data/internal/bundle_facts.h"
#include "stix/base/input_file.h"
#include "stix/base/status.h"
#include "stix/base/strings.h"

namespace stixkit::attack {
namespace {

using internal::AttackObject;
using internal::BundleFacts;

struct Merged {
  AttackObject object;
  std::vector<std::string> domains;
};

void AddUnique(std::vector<std::string>& list, const std::string& value) {
  if (std::find(list.begin(), list.end(), value) == list.end()) list.push_back(value);
}

class Merger {
 public:
  absl::Status Add(const BundleFacts& facts, const std::string& path, const ImportOptions& options);
  CatalogData Finish(const std::string& attribution) const;

 private:
  absl::StatusOr<std::string> VersionOf(const BundleFacts& facts, const std::string& path,
                                        const ImportOptions& options) const;
  void AddObject(const AttackObject& object, const std::string& domain);
  template <typename T>
  void Fill(const Merged& m, T* entry) const;

  std::vector<DomainInfo> domains_;
  std::string version_;
  std::string version_path_;
  std::vector<std::string> copyright_;
  std::vector<Merged> objects_;
  absl::flat_hash_map<std::string, size_t> by_stix_id_;
  std::vector<internal::Link> revoked_by_;
  std::vector<internal::Link> subtechnique_of_;
};

absl::StatusOr<std::string> Merger::VersionOf(const BundleFacts& facts, const std::string& path,
                                              const ImportOptions& options) const {
  std::string version = facts.version.empty() ? options.attack_version : facts.version;
  if (version.empty()) {
    return absl::InvalidArgumentError(
        absl::StrCat(path,
                     ": no x-mitre-collection object tells the ATT&CK version (MITRE's cti "
                     "repository omits it); pass the version with --attack-version, e.g. 18.1"));
  }
  if (!facts.version.empty() && !options.attack_version.empty() &&
      facts.version != options.attack_version) {
    return absl::InvalidArgumentError(
        absl::StrCat(path, ": the bundle's x-mitre-collection says ATT&CK ", facts.version,
                     ", but --attack-version says ", options.attack_version));
  }
  if (!version_.empty() && version != version_) {
    return absl::InvalidArgumentError(absl::StrCat(path, ": this is ATT&CK ", version, ", but '",
                                                   version_path_, "' is ATT&CK ", version_,
                                                   "; import the bundles of one release together"));
  }
  return version;
}

absl::Status Merger::Add(const BundleFacts& facts, const std::string& path,
                         const ImportOptions& options) {
  const std::string domain = facts.domain.empty() ? options.domain : facts.domain;
  if (domain.empty()) {
    return absl::InvalidArgumentError(
        absl::StrCat(path,
                     ": no x-mitre-matrix object tells the ATT&CK domain; pass it with --domain "
                     "(enterprise-attack, mobile-attack or ics-attack)"));
  }
  if (facts.objects.empty()) {
    return absl::InvalidArgumentError(
        absl::StrCat(path,
                     ": no ATT&CK objects (attack-pattern, x-mitre-tactic, intrusion-set, malware, "
                     "tool or course-of-action with a mitre-attack external id); is this an ATT&CK "
                     "bundle?"));
  }
  STIXKIT_ASSIGN_OR_RETURN(const std::string version, VersionOf(facts, path, options));
  if (version_.empty()) version_ = version, version_path_ = path;
  const bool known = std::any_of(domains_.begin(), domains_.end(),
                                 [&](const DomainInfo& d) { return d.name == domain; });
  if (!known) {
    domains_.push_back({domain, version, std::filesystem::path(path).filename().string()});
  }
  for (const std::string& statement : facts.copyright) AddUnique(copyright_, statement);
  for (const AttackObject& object : facts.objects) AddObject(object, domain);
  revoked_by_.insert(revoked_by_.end(), facts.revoked_by.begin(), facts.revoked_by.end());
  subtechnique_of_.insert(subtechnique_of_.end(), facts.subtechnique_of.begin(),
                          facts.subtechnique_of.end());
  return absl::OkStatus();
}

void Merger::AddObject(const AttackObject& object, const std::string& domain) {
  const auto [it, inserted] = by_stix_id_.try_emplace(object.stix_id, objects_.size());
  if (inserted) objects_.push_back(Merged{object, {}});
  AddUnique(objects_[it->second].domains, domain);
}

// Sorted by ATT&CK id, then STIX id: diffs between releases stay readable.
template <typename T>
void SortById(std::vector<T>& entries) {
  std::sort(entries.begin(), entries.end(), [](const T& a, const T& b) {
    return std::tie(a.id, a.stix_id) < std::tie(b.id, b.stix_id);
  });
}

template <typename T>
void Merger::Fill(const Merged& m, T* entry) const {
  entry->id = m.object.attack_id;
  entry->stix_id = m.object.stix_id;
  entry->name = m.object.name;
  entry->domains = m.domains;
  entry->deprecated = m.object.deprecated;
}

CatalogData Merger::Finish(const std::string& attribution) const {
  absl::flat_hash_map<std::string, std::string> attack_id;  // STIX id → ATT&CK id
  for (const Merged& m : objects_) attack_id[m.object.stix_id] = m.object.attack_id;
  auto resolve = [&](const std::vector<internal::Link>& links) {
    absl::flat_hash_map<std::string, std::string> out;  // source STIX id → target ATT&CK id
    for (const auto& [source, target] : links) {
      if (const auto it = attack_id.find(target); it != attack_id.end()) out[source] = it->second;
    }
    return out;
  };
  const auto revoked_by = resolve(revoked_by_);
  const auto parent_of = resolve(subtechnique_of_);
  auto lookup = [](const auto& map, const std::string& key) {
    const auto it = map.find(key);
    return it == map.end() ? std::string() : it->second;
  };

  CatalogData data;
  data.attack_version = version_;
  data.domains = domains_;
  data.copyright = copyright_;
  data.attribution = attribution;
  for (const Merged& m : objects_) {
    const AttackObject& o = m.object;
    if (o.type == "attack-pattern") {
      Technique& t = data.techniques.emplace_back();
      Fill(m, &t);
      t.tactics = o.tactics;
      t.platforms = o.platforms;
      // "T1003.001" names its parent; the relationship covers ids that do not.
      const size_t dot = o.attack_id.find('.');
      t.parent =
          dot != std::string::npos ? o.attack_id.substr(0, dot) : lookup(parent_of, o.stix_id);
      t.revoked = o.revoked;
      if (o.revoked) t.revoked_by = lookup(revoked_by, o.stix_id);
    } else if (o.type == "x-mitre-tactic") {
      Tactic& t = data.tactics.emplace_back();
      t.id = o.attack_id;
      t.shortname = o.shortname;
      t.name = o.name;
      t.domains = m.domains;
      t.deprecated = o.deprecated;
    } else if (o.type == "course-of-action") {
      // Before v7 each technique had a "mitigation" object carrying the technique's own
      // T id; those are deprecated copies, not mitigations.
      if (!absl::StartsWith(o.attack_id, "M")) continue;
      Fill(m, &data.mitigations.emplace_back());
    } else {
      Entity& e =
          o.type == "intrusion-set" ? data.groups.emplace_back() : data.software.emplace_back();
      Fill(m, &e);
      e.type = o.type;
      e.aliases = o.aliases;
      e.revoked = o.revoked;
      if (o.revoked) e.revoked_by = lookup(revoked_by, o.stix_id);
    }
  }
  std::sort(data.tactics.begin(), data.tactics.end(),
            [](const Tactic& a, const Tactic& b) { return a.id < b.id; });
  SortById(data.techniques);
  SortById(data.software);
  SortById(data.groups);
  SortById(data.mitigations);
  return data;
}

}  // namespace

absl::StatusOr<CatalogData> ImportAttackBundles(const std::vector<std::string>& paths,
                                                const ImportOptions& options) {
  if (paths.empty()) return absl::InvalidArgumentError("no ATT&CK bundles to import");
  Merger merger;
  for (const std::string& path : paths) {
    STIXKIT_ASSIGN_OR_RETURN(InputFile file, InputFile::Open(path));
    STIXKIT_ASSIGN_OR_RETURN(const BundleFacts facts,
                             internal::ReadBundleFacts(file.contents(), path));
    STIXKIT_RETURN_IF_ERROR(merger.Add(facts, path, options));
  }
  return merger.Finish(options.attribution);
}

}  // namespace stixkit::attack
