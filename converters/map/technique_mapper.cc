#include "converters/map/technique_mapper.h"

#include <algorithm>
#include <thread>

#include "absl/container/flat_hash_set.h"
#include "absl/strings/ascii.h"
#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "converters/map/explicit_ids.h"
#include "converters/map/model_builder.h"
#include "converters/map/model_file.h"
#include "stix/base/strings.h"

namespace stixkit::convert {
namespace {

enum Layer { kIdLayer, kNameLayer, kClassifierLayer, kLayerCount };

// The best evidence per layer for one technique, software or group.
struct Support {
  float score[kLayerCount] = {};
  std::string evidence[kLayerCount];
  TextSpan span[kLayerCount];

  void Add(Layer layer, float s, std::string why, TextSpan where) {
    if (s <= score[layer]) return;
    score[layer] = s;
    evidence[layer] = std::move(why);
    span[layer] = where;
  }
  // Layers count as independent evidence: the chance that all of them are wrong.
  float Fused() const {
    float all_wrong = 1;
    for (float s : score) all_wrong *= 1 - s;
    return 1 - all_wrong;
  }
  std::string Evidence() const {
    std::string out;
    for (const std::string& e : evidence) {
      if (!e.empty()) absl::StrAppend(&out, out.empty() ? "" : "; ", e);
    }
    return out;
  }
  TextSpan BestSpan() const { return span[std::max_element(score, score + kLayerCount) - score]; }
};

std::string Score2(float s) { return absl::StrFormat("%.2f", s); }

std::string DisplayName(const attack::Catalog& catalog, const attack::Technique& t) {
  if (t.parent.empty()) return t.name;
  const attack::Technique* parent = catalog.FindTechnique(t.parent);
  return parent == nullptr ? t.name : absl::StrCat(parent->name, ": ", t.name);
}

bool InDomain(const attack::Technique& t, std::string_view domain) {
  return std::find(t.domains.begin(), t.domains.end(), domain) != t.domains.end();
}

// The tactic shortname a hint names (id, shortname or name), or "" if none matches.
std::string TacticShortname(const attack::Catalog& catalog, std::string_view hint) {
  if (hint.empty()) return "";
  if (const attack::Tactic* t = catalog.FindTactic(hint)) return t->shortname;
  for (const attack::Tactic& t : catalog.tactics()) {
    if (absl::EqualsIgnoreCase(t.name, Av(hint))) return t.shortname;
  }
  return "";
}

template <typename T>
std::vector<std::pair<const T*, const Support*>> Ranked(
    const absl::flat_hash_map<const T*, Support>& found) {
  std::vector<std::pair<const T*, const Support*>> out;
  for (const auto& [item, support] : found) out.emplace_back(item, &support);
  std::sort(out.begin(), out.end(), [](const auto& a, const auto& b) {
    const float fa = a.second->Fused(), fb = b.second->Fused();
    return fa > fb || (fa == fb && a.first->id < b.first->id);
  });
  return out;
}

}  // namespace

struct TechniqueMapper::Collected {
  absl::flat_hash_map<const attack::Technique*, Support> techniques;
  absl::flat_hash_map<const attack::Entity*, Support> software;
  absl::flat_hash_map<const attack::Entity*, Support> groups;
  std::vector<TacticHit> tactics;
};

TechniqueMapper::TechniqueMapper(const attack::Catalog& catalog, const SentenceModel& model)
    : catalog_(catalog), model_(model), names_(catalog, CommonWordPredicate(model)) {
  for (const std::string& label : model.labels()) {
    label_techniques_.push_back(catalog.CurrentTechnique(label));
  }
  for (const NamePrior& p : model.data().name_priors) {
    name_priors_[absl::StrCat(p.technique, "|", p.name)] = p.precision;
  }
}

absl::StatusOr<const TechniqueMapper*> TechniqueMapper::Embedded() {
  absl::StatusOr<const SentenceModel*> model = EmbeddedSentenceModel();
  if (!model.ok()) return model.status();
  static const TechniqueMapper* const mapper =
      new TechniqueMapper(attack::Catalog::Embedded(), **model);
  return mapper;
}

void TechniqueMapper::Classify(std::string_view text, const MapOptions& options,
                               std::vector<float>* p) const {
  model_.Probabilities(text, p);
  const std::string tactic = TacticShortname(catalog_, options.tactic);
  if (tactic.empty()) return;
  float sum = 0;
  for (size_t i = 0; i < p->size(); ++i) {
    const attack::Technique* t = label_techniques_[i];
    if (t != nullptr &&
        std::find(t->tactics.begin(), t->tactics.end(), tactic) != t->tactics.end()) {
      (*p)[i] *= kTacticBoost;
    }
    sum += (*p)[i];
  }
  for (float& x : *p) x /= sum;
}

void TechniqueMapper::CollectClassifier(std::string_view text, const MapOptions& options,
                                        Collected* c) const {
  std::vector<float> p;
  for (const TextSpan& sentence : SplitSentences(text)) {
    Classify(text.substr(sentence.begin, sentence.size()), options, &p);
    for (size_t i = 0; i < p.size(); ++i) {
      if (p[i] < kClassifierFloor || label_techniques_[i] == nullptr) continue;
      c->techniques[label_techniques_[i]].Add(kClassifierLayer, p[i],
                                              absl::StrCat("classifier ", Score2(p[i])), sentence);
    }
  }
}

void TechniqueMapper::CollectIds(std::string_view text, Collected* c) const {
  for (const IdMention& m : FindExplicitIds(text)) {
    const TextSpan span{m.begin, m.end};
    std::string why = absl::StrCat("explicit id ", m.id);
    switch (m.kind) {
      case IdKind::kTechnique: {
        const attack::Technique* named = catalog_.FindTechnique(m.id);
        const attack::Technique* current = catalog_.CurrentTechnique(m.id);
        if (current == nullptr) break;
        if (current != named) absl::StrAppend(&why, " (revoked; replaced by ", current->id, ")");
        c->techniques[current].Add(kIdLayer, kExplicitIdScore, std::move(why), span);
        break;
      }
      case IdKind::kSoftware:
        if (const attack::Entity* e = catalog_.FindSoftware(m.id)) {
          c->software[e].Add(kIdLayer, kExplicitIdScore, std::move(why), span);
        }
        break;
      case IdKind::kGroup:
        if (const attack::Entity* e = catalog_.FindGroup(m.id)) {
          c->groups[e].Add(kIdLayer, kExplicitIdScore, std::move(why), span);
        }
        break;
      case IdKind::kTactic:
        if (const attack::Tactic* t = catalog_.FindTactic(m.id)) {
          c->tactics.push_back(TacticHit{t->id, t->shortname, t->name, std::move(why), span});
        }
        break;
    }
  }
}

float TechniqueMapper::NamePriorOf(const attack::Technique& t, const std::string& name) const {
  const auto it = name_priors_.find(absl::StrCat(t.id, "|", name));
  return it == name_priors_.end() ? kTechniqueNameScore : it->second;
}

void TechniqueMapper::CollectNames(std::string_view text, Collected* c) const {
  std::vector<NameMatch> matches;
  names_.Find(text, &matches);
  for (size_t i = 0; i < matches.size();) {
    // Matches sharing a span name the same words: one name used by several techniques
    // (Enterprise and Mobile "Phishing"). The classifier's view decides, then Enterprise.
    size_t j = i;
    const NameMatch* best_technique = nullptr;
    float best_key = -1;
    for (; j < matches.size() && matches[j].begin == matches[i].begin; ++j) {
      const NameMatch& m = matches[j];
      const TextSpan span{m.begin, m.end};
      const std::string why = absl::StrCat("name \"", m.name, "\"");
      if (m.kind == NameKind::kSoftware)
        c->software[m.entity].Add(kNameLayer, kEntityNameScore, why, span);
      if (m.kind == NameKind::kGroup)
        c->groups[m.entity].Add(kNameLayer, kEntityNameScore, why, span);
      if (m.kind != NameKind::kTechnique) continue;
      const auto seen = c->techniques.find(m.technique);
      const float key = (seen == c->techniques.end() ? 0 : seen->second.score[kClassifierLayer]) +
                        (InDomain(*m.technique, "enterprise-attack") ? 1e-3f : 0);
      if (key > best_key) best_key = key, best_technique = &m;
    }
    if (best_technique != nullptr) {
      const float prior = NamePriorOf(*best_technique->technique, best_technique->name);
      c->techniques[best_technique->technique].Add(
          kNameLayer, prior, absl::StrCat("name \"", best_technique->name, "\" ", Score2(prior)),
          TextSpan{best_technique->begin, best_technique->end});
    }
    i = j;
  }
}

MapResult TechniqueMapper::Finish(const Collected& c, const MapOptions& options) const {
  absl::flat_hash_set<std::string> only;
  for (const std::string& id : options.only_techniques) only.insert(absl::AsciiStrToUpper(id));
  MapResult r;
  for (const auto& [t, s] : Ranked(c.techniques)) {
    if (s->Fused() < options.threshold) break;
    if (!only.empty() && !only.contains(t->id)) continue;
    if (options.top > 0 && r.techniques.size() >= options.top) break;
    r.techniques.push_back(
        TechniqueHit{t->id, DisplayName(catalog_, *t), s->Fused(), s->Evidence(), s->BestSpan()});
  }
  auto entities = [](const absl::flat_hash_map<const attack::Entity*, Support>& found) {
    std::vector<EntityHit> out;
    for (const auto& [e, s] : Ranked(found)) {
      out.push_back(EntityHit{e->id, e->name, e->type, s->Fused(), s->Evidence(), s->BestSpan()});
    }
    return out;
  };
  r.software = entities(c.software);
  r.groups = entities(c.groups);
  r.tactics = c.tactics;
  return r;
}

MapResult TechniqueMapper::Map(std::string_view text, const MapOptions& options) const {
  Collected c;
  if (options.classifier) CollectClassifier(text, options, &c);
  CollectIds(text, &c);
  CollectNames(text, &c);
  return Finish(c, options);
}

std::vector<MapResult> TechniqueMapper::MapBatch(absl::Span<const std::string> texts,
                                                 const MapOptions& options,
                                                 unsigned threads) const {
  std::vector<MapResult> results(texts.size());
  if (threads == 0) threads = std::max(1u, std::thread::hardware_concurrency());
  // Small batches are not worth a thread each.
  threads = std::min<size_t>(threads, std::max<size_t>(1, texts.size() / 64));
  auto work = [&](size_t first, size_t step) {
    for (size_t i = first; i < texts.size(); i += step) results[i] = Map(texts[i], options);
  };
  std::vector<std::thread> pool;
  for (unsigned t = 1; t < threads; ++t) pool.emplace_back(work, t, threads);
  work(0, threads);
  for (std::thread& t : pool) t.join();
  return results;
}

void TechniqueMapper::ScoreLabels(std::string_view text, const MapOptions& options,
                                  std::vector<float>* scores) const {
  Classify(text, options, scores);
  Collected c;
  for (size_t i = 0; i < scores->size(); ++i) {
    if ((*scores)[i] >= kClassifierFloor && label_techniques_[i] != nullptr) {
      c.techniques[label_techniques_[i]].Add(kClassifierLayer, (*scores)[i], "", {});
    }
  }
  CollectIds(text, &c);
  CollectNames(text, &c);
  for (size_t i = 0; i < scores->size(); ++i) {
    const auto it = label_techniques_[i] == nullptr ? c.techniques.end()
                                                    : c.techniques.find(label_techniques_[i]);
    if (it == c.techniques.end()) continue;
    Support s = it->second;
    s.score[kClassifierLayer] = (*scores)[i];
    (*scores)[i] = s.Fused();
  }
}

}  // namespace stixkit::convert
