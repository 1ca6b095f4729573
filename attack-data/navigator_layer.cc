// BundleTechniques → Navigator layer JSON. Field names and the required members
// (name, domain, versions.layer, versions.navigator, techniques[].techniqueID) follow
// the layer format 4.5 spec; optional members are written only where they say
// something about this bundle.
#include "attack-data/navigator_layer.h"

#include <algorithm>
#include <filesystem>
#include <map>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "rapidjson/prettywriter.h"
#include "rapidjson/stringbuffer.h"

namespace stixkit::attack {
namespace {

using Writer = rapidjson::PrettyWriter<rapidjson::StringBuffer>;

// One technique as it will appear on the layer, after following revocations.
struct Cell {
  std::string id;
  std::vector<std::string> tactics;
  std::vector<std::string> notes;  // "T1066 (revoked) is now T1070.004"
  std::vector<Referrer> referrers;
  const Technique* known = nullptr;
};

template <typename T>
void AddUnique(std::vector<T>& list, const T& value) {
  if (std::find(list.begin(), list.end(), value) == list.end()) list.push_back(value);
}

std::map<std::string, Cell> ResolveCells(const BundleTechniques& found, const Catalog& catalog,
                                         std::vector<std::string>* warnings) {
  std::map<std::string, Cell> cells;
  for (const TechniqueReference& ref : found.techniques) {
    const Technique* named = catalog.FindTechnique(ref.technique_id);
    const Technique* current = catalog.CurrentTechnique(ref.technique_id);
    const std::string id = current != nullptr ? current->id : ref.technique_id;
    Cell& cell = cells[id];
    cell.id = id;
    cell.known = current;
    for (const std::string& tactic : ref.tactics) AddUnique(cell.tactics, tactic);
    for (const Referrer& r : ref.referrers) {
      if (std::none_of(cell.referrers.begin(), cell.referrers.end(),
                       [&](const Referrer& have) { return have.id == r.id; })) {
        cell.referrers.push_back(r);
      }
    }
    if (named == nullptr) {
      warnings->push_back(absl::StrCat(ref.technique_id, " is not in the ATT&CK ",
                                       catalog.version(), " catalog; Navigator will not show it"));
    } else if (named != current) {
      AddUnique(cell.notes, absl::StrCat(named->id, " (revoked) is now ", id));
    } else if (named->revoked) {
      warnings->push_back(absl::StrCat(named->id, " is revoked and its replacement is unknown"));
    }
  }
  return cells;
}

// The domain holding most cells; ties go to the catalog's first domain.
std::string ChooseDomain(const std::map<std::string, Cell>& cells, const Catalog& catalog) {
  const std::vector<std::string> domains = catalog.domains();
  std::string best = domains.empty() ? "enterprise-attack" : domains.front();
  size_t best_count = 0;
  for (const std::string& domain : domains) {
    size_t count = 0;
    for (const auto& [id, cell] : cells) {
      if (cell.known == nullptr) continue;
      const auto& in = cell.known->domains;
      count += std::find(in.begin(), in.end(), domain) != in.end();
    }
    if (count > best_count) best = domain, best_count = count;
  }
  return best;
}

std::string Comment(const Cell& cell) {
  std::vector<std::string> referrers;
  for (const Referrer& r : cell.referrers) referrers.push_back(r.text);
  std::string comment = absl::StrCat("Referenced by ", absl::StrJoin(referrers, "; "));
  if (!cell.notes.empty()) absl::StrAppend(&comment, ". ", absl::StrJoin(cell.notes, "; "));
  return comment;
}

void Str(Writer& w, const char* key, const std::string& value) {
  w.Key(key);
  w.String(value.data(), static_cast<rapidjson::SizeType>(value.size()));
}

void WriteTechnique(Writer& w, const Cell& cell, const std::string* tactic) {
  w.StartObject();
  Str(w, "techniqueID", cell.id);
  if (tactic != nullptr) Str(w, "tactic", *tactic);
  w.Key("score");
  w.Uint64(cell.referrers.size());
  Str(w, "comment", Comment(cell));
  w.Key("enabled");
  w.Bool(true);
  w.EndObject();
}

void WriteHeader(Writer& w, const Catalog& catalog, const LayerOptions& options,
                 const std::string& domain, const std::string& bundle_id) {
  const std::string file = std::filesystem::path(options.source).filename().string();
  Str(w, "name", options.name.empty() ? absl::StrCat("stixkit: ", file) : options.name);
  w.Key("versions");
  w.StartObject();
  // Navigator names ATT&CK releases by major version ("18"), not "18.1".
  const std::string version = catalog.version();
  if (!version.empty()) Str(w, "attack", version.substr(0, version.find('.')));
  Str(w, "navigator", kNavigatorVersion);
  Str(w, "layer", kLayerFormatVersion);
  w.EndObject();
  Str(w, "domain", domain);
  Str(w, "description",
      absl::StrCat("ATT&CK techniques referenced in ", file,
                   bundle_id.empty() ? "" : absl::StrCat(" (", bundle_id, ")"),
                   ". Score: how many bundle objects refer to the technique."));
  w.Key("sorting");
  w.Int(3);  // descending score: the most-cited techniques first
  w.Key("layout");
  w.StartObject();
  Str(w, "layout", "side");
  w.Key("showID");
  w.Bool(true);
  w.Key("showName");
  w.Bool(true);
  Str(w, "expandedSubtechniques", "annotated");  // sub-techniques would hide otherwise
  w.EndObject();
  w.Key("hideDisabled");
  w.Bool(false);
}

void WriteFooter(Writer& w, const LayerOptions& options, const std::string& bundle_id,
                 uint64_t max_score) {
  w.Key("gradient");
  w.StartObject();
  w.Key("colors");
  w.StartArray();
  w.String("#ffe766");
  w.String("#ff6666");
  w.EndArray();
  w.Key("minValue");
  w.Int(0);
  w.Key("maxValue");
  w.Uint64(std::max<uint64_t>(max_score, 1));  // the spec wants maxValue > minValue
  w.EndObject();
  w.Key("metadata");
  w.StartArray();
  auto meta = [&](const char* name, const std::string& value) {
    w.StartObject();
    Str(w, "name", name);
    Str(w, "value", value);
    w.EndObject();
  };
  meta("source", options.source);
  if (!bundle_id.empty()) meta("bundle", bundle_id);
  meta("generator", "stixkit attack layer");
  w.EndArray();
}

}  // namespace

Layer BuildNavigatorLayer(const BundleTechniques& found, const Catalog& catalog,
                          const LayerOptions& options) {
  Layer layer;
  const std::map<std::string, Cell> cells = ResolveCells(found, catalog, &layer.warnings);
  layer.domain = options.domain.empty() ? ChooseDomain(cells, catalog) : options.domain;
  layer.technique_count = cells.size();
  rapidjson::StringBuffer buffer;
  Writer w(buffer);
  w.SetIndent(' ', 2);
  w.StartObject();
  WriteHeader(w, catalog, options, layer.domain, found.bundle_id);
  w.Key("techniques");
  w.StartArray();
  uint64_t max_score = 0;
  for (const auto& [id, cell] : cells) {
    max_score = std::max<uint64_t>(max_score, cell.referrers.size());
    const auto& in = cell.known != nullptr ? cell.known->domains : std::vector<std::string>{};
    if (cell.known != nullptr && std::find(in.begin(), in.end(), layer.domain) == in.end()) {
      layer.warnings.push_back(absl::StrCat(id, " is not in ", layer.domain,
                                            "; Navigator will not show it on this layer"));
    }
    if (cell.tactics.empty()) WriteTechnique(w, cell, nullptr);
    for (const std::string& tactic : cell.tactics) WriteTechnique(w, cell, &tactic);
  }
  w.EndArray();
  WriteFooter(w, options, found.bundle_id, max_score);
  w.EndObject();
  layer.json.assign(buffer.GetString(), buffer.GetSize());
  layer.json += '\n';
  return layer;
}

}  // namespace stixkit::attack
