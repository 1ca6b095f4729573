#include "converters/map/trainer.h"

#include <algorithm>
#include <cmath>
#include <numeric>

#include "absl/container/flat_hash_map.h"
#include "absl/strings/str_cat.h"

namespace stixkit::convert {
namespace {

struct Example {
  std::vector<uint32_t> features;  // rows of the weight table
  std::vector<float> values;       // idf / norm of each feature
  uint16_t label = 0;
  float weight = 1;
};

// splitmix64: a fixed generator, so the shuffle (and the model) is the same everywhere;
// std::shuffle's algorithm is implementation-defined.
uint64_t NextRandom(uint64_t* state) {
  uint64_t z = (*state += 0x9e3779b97f4a7c15ull);
  z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ull;
  z = (z ^ (z >> 27)) * 0x94d049bb133111ebull;
  return z ^ (z >> 31);
}

void Shuffle(std::vector<uint32_t>* order, uint64_t* state) {
  for (size_t i = order->size(); i > 1; --i)
    std::swap((*order)[i - 1], (*order)[NextRandom(state) % i]);
}

// The weights being fitted: sparse rows of (technique, weight) per feature, with
// AdaGrad's running sums of squared gradients.
class WeightTable {
 public:
  WeightTable(size_t rows, size_t labels) : pending_(rows), bias_(labels, 0), bias_g2_(labels, 0) {}

  void Add(uint32_t row, uint16_t label) { pending_[row].push_back(label); }

  // Merges the pairs added since the last call into the rows, keeping fitted weights.
  void Commit() {
    std::vector<uint32_t> offsets = {0};
    std::vector<uint16_t> classes;
    std::vector<float> w, g2;
    for (size_t r = 0; r < pending_.size(); ++r) {
      std::vector<uint16_t>& add = pending_[r];
      for (uint32_t k = RowBegin(r); k < RowEnd(r); ++k) add.push_back(classes_[k]);
      std::sort(add.begin(), add.end());
      add.erase(std::unique(add.begin(), add.end()), add.end());
      uint32_t old = RowBegin(r);
      for (uint16_t c : add) {
        while (old < RowEnd(r) && classes_[old] < c) ++old;
        const bool kept = old < RowEnd(r) && classes_[old] == c;
        classes.push_back(c);
        w.push_back(kept ? w_[old] : 0);
        g2.push_back(kept ? g2_[old] : 0);
      }
      offsets.push_back(static_cast<uint32_t>(classes.size()));
      add.clear();
      add.shrink_to_fit();
    }
    offsets_.swap(offsets);
    classes_.swap(classes);
    w_.swap(w);
    g2_.swap(g2);
  }

  void Scores(const Example& ex, std::vector<float>* scores) const {
    scores->assign(bias_.begin(), bias_.end());
    for (size_t j = 0; j < ex.features.size(); ++j) {
      const uint32_t r = ex.features[j];
      const float x = ex.values[j];
      for (uint32_t k = RowBegin(r); k < RowEnd(r); ++k) (*scores)[classes_[k]] += x * w_[k];
    }
  }

  // One AdaGrad step on the log loss of `ex`, given its softmax `p`.
  void Update(const Example& ex, const std::vector<float>& p, const TrainOptions& o) {
    for (size_t c = 0; c < bias_.size(); ++c) {
      const float g = (p[c] - (c == ex.label ? 1.0f : 0.0f)) * ex.weight;
      bias_g2_[c] += g * g;
      if (g != 0) bias_[c] -= o.bias_rate * o.learning_rate * g / std::sqrt(bias_g2_[c] + 1e-8f);
    }
    for (size_t j = 0; j < ex.features.size(); ++j) {
      const uint32_t r = ex.features[j];
      const float x = ex.values[j];
      for (uint32_t k = RowBegin(r); k < RowEnd(r); ++k) {
        const uint16_t c = classes_[k];
        const float g = (p[c] - (c == ex.label ? 1.0f : 0.0f)) * x * ex.weight + o.l2 * w_[k];
        g2_[k] += g * g;
        w_[k] -= o.learning_rate * g / std::sqrt(g2_[k] + 1e-8f);
      }
    }
  }

  uint32_t RowBegin(size_t r) const { return r + 1 < offsets_.size() ? offsets_[r] : 0; }
  uint32_t RowEnd(size_t r) const { return r + 1 < offsets_.size() ? offsets_[r + 1] : 0; }
  uint16_t label_at(uint32_t k) const { return classes_[k]; }
  float weight_at(uint32_t k) const { return w_[k]; }
  const std::vector<float>& bias() const { return bias_; }

 private:
  std::vector<std::vector<uint16_t>> pending_;
  std::vector<uint32_t> offsets_;
  std::vector<uint16_t> classes_;
  std::vector<float> w_, g2_;
  std::vector<float> bias_, bias_g2_;
};

void SoftmaxInPlace(std::vector<float>* v) {
  const float top = *std::max_element(v->begin(), v->end());
  float sum = 0;
  for (float& x : *v) sum += (x = std::exp(x - top));
  for (float& x : *v) x /= sum;
}

struct Prepared {
  std::vector<std::string> labels;
  std::vector<uint32_t> keys;  // row -> feature hash
  std::vector<float> idf;      // row -> inverse document frequency
  float unknown_idf = 1;
  std::vector<Example> examples;
};

// Smoothed idf as in common practice (ln((n + 1) / (df + 1)) + 1): never zero, so a word
// in every sentence still counts a little.
float Idf(size_t sentences, size_t df) { return std::log((sentences + 1.0f) / (df + 1.0f)) + 1.0f; }

void SetValues(Prepared* p, const TrainOptions& o) {
  std::vector<uint32_t> df(p->keys.size(), 0);
  for (const Example& ex : p->examples) {
    for (uint32_t r : ex.features) ++df[r];
  }
  const size_t n = p->examples.size();
  for (uint32_t d : df) p->idf.push_back(o.features.idf ? Idf(n, d) : 1.0f);
  p->unknown_idf = o.features.idf ? Idf(n, 0) : 1.0f;
  for (Example& ex : p->examples) {
    float norm2 = o.features.norm_padding * p->unknown_idf * p->unknown_idf;
    for (uint32_t r : ex.features) norm2 += p->idf[r] * p->idf[r];
    for (uint32_t r : ex.features) ex.values.push_back(p->idf[r] / std::sqrt(norm2));
  }
}

Prepared Prepare(absl::Span<const LabelledSentence> sentences, const TrainOptions& o) {
  Prepared p;
  for (const LabelledSentence& s : sentences) p.labels.push_back(s.label);
  std::sort(p.labels.begin(), p.labels.end());
  p.labels.erase(std::unique(p.labels.begin(), p.labels.end()), p.labels.end());
  absl::flat_hash_map<uint32_t, uint32_t> rows;
  std::vector<uint32_t> hashes;
  for (const LabelledSentence& s : sentences) {
    Example ex;
    ex.label = static_cast<uint16_t>(std::lower_bound(p.labels.begin(), p.labels.end(), s.label) -
                                     p.labels.begin());
    ex.weight = s.document.empty() ? 1.0f : o.document_weight;
    ExtractFeatures(s.text, o.features, &hashes);
    for (uint32_t h : hashes) {
      const auto [it, added] = rows.try_emplace(h, static_cast<uint32_t>(p.keys.size()));
      if (added) p.keys.push_back(h);
      ex.features.push_back(it->second);
    }
    p.examples.push_back(std::move(ex));
  }
  SetValues(&p, o);
  return p;
}

void AddConfusionPairs(const Prepared& p, const TrainOptions& o, WeightTable* table) {
  std::vector<float> probabilities;
  for (const Example& ex : p.examples) {
    table->Scores(ex, &probabilities);
    SoftmaxInPlace(&probabilities);
    for (size_t c = 0; c < probabilities.size(); ++c) {
      if (c == ex.label || probabilities[c] < o.confusion_probability) continue;
      for (uint32_t r : ex.features) table->Add(r, static_cast<uint16_t>(c));
    }
  }
  table->Commit();
}

SentenceModelData Export(const Prepared& p, const WeightTable& table, const TrainOptions& o) {
  SentenceModelData d;
  d.features = o.features;
  d.labels = p.labels;
  d.bias = table.bias();
  d.unknown_idf = p.unknown_idf;
  std::vector<uint32_t> rows(p.keys.size());
  std::iota(rows.begin(), rows.end(), 0);
  std::sort(rows.begin(), rows.end(),
            [&](uint32_t a, uint32_t b) { return p.keys[a] < p.keys[b]; });
  d.offsets.push_back(0);
  for (uint32_t r : rows) {
    for (uint32_t k = table.RowBegin(r); k < table.RowEnd(r); ++k) {
      if (std::fabs(table.weight_at(k)) < o.prune_below) continue;
      d.classes.push_back(table.label_at(k));
      d.weights.push_back(table.weight_at(k));
    }
    if (d.classes.size() == d.offsets.back()) continue;  // every weight pruned
    d.keys.push_back(p.keys[r]);
    d.idf.push_back(p.idf[r]);
    d.offsets.push_back(static_cast<uint32_t>(d.classes.size()));
  }
  return d;
}

}  // namespace

absl::StatusOr<SentenceModel> TrainSentenceModel(absl::Span<const LabelledSentence> sentences,
                                                 const TrainOptions& o) {
  if (sentences.empty()) return absl::InvalidArgumentError("no training sentences");
  Prepared p = Prepare(sentences, o);
  if (p.labels.size() > 65535) {
    return absl::InvalidArgumentError(
        absl::StrCat("expected at most 65535 techniques, got ", p.labels.size()));
  }
  WeightTable table(p.keys.size(), p.labels.size());
  for (const Example& ex : p.examples) {
    for (uint32_t r : ex.features) table.Add(r, ex.label);
  }
  table.Commit();
  std::vector<uint32_t> order(p.examples.size());
  std::iota(order.begin(), order.end(), 0);
  uint64_t rng = o.seed;
  std::vector<float> probabilities;
  for (int epoch = 0; epoch < o.epochs; ++epoch) {
    if (epoch > 0 && epoch == o.confusion_epoch) AddConfusionPairs(p, o, &table);
    Shuffle(&order, &rng);
    for (uint32_t i : order) {
      table.Scores(p.examples[i], &probabilities);
      SoftmaxInPlace(&probabilities);
      table.Update(p.examples[i], probabilities, o);
    }
  }
  return SentenceModel(Export(p, table, o));
}

}  // namespace stixkit::convert
