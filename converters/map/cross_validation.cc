#include "converters/map/cross_validation.h"

#include <algorithm>
#include <numeric>
#include <optional>

#include "absl/container/flat_hash_map.h"
#include "absl/strings/str_cat.h"
#include "converters/map/calibration.h"
#include "converters/map/model_builder.h"
#include "converters/map/technique_mapper.h"

namespace stixkit::convert {
namespace {

std::vector<std::string> LabelSet(absl::Span<const LabelledSentence> sentences) {
  std::vector<std::string> labels;
  for (const LabelledSentence& s : sentences) {
    if (!s.document.empty()) labels.push_back(s.label);
  }
  std::sort(labels.begin(), labels.end());
  labels.erase(std::unique(labels.begin(), labels.end()), labels.end());
  return labels;
}

// The best three of `candidates` (label indices) by score, best first; ties go to the
// lower index so results are reproducible.
std::vector<std::string> Top3(const SentenceModel& model, const std::vector<float>& scores,
                              std::vector<int> candidates) {
  const size_t n = std::min<size_t>(3, candidates.size());
  std::partial_sort(
      candidates.begin(), candidates.begin() + n, candidates.end(),
      [&](int a, int b) { return scores[a] > scores[b] || (scores[a] == scores[b] && a < b); });
  std::vector<std::string> top;
  for (size_t i = 0; i < n; ++i) top.push_back(model.labels()[candidates[i]]);
  return top;
}

HeldOutPrediction Predict(const SentenceModel& model, const LabelledSentence& s,
                          const std::vector<int>& closed, const std::vector<float>& scores) {
  HeldOutPrediction p;
  p.gold = s.label;
  p.closed_top3 = Top3(model, scores, closed);
  // The best technique over every label the model knows, the background excluded.
  for (size_t i = 0; i < scores.size(); ++i) {
    if (scores[i] > p.open_score && model.labels()[i] != kBackgroundLabel) {
      p.open_score = scores[i];
      p.open_top = model.labels()[i];
    }
  }
  return p;
}

}  // namespace

std::vector<int> AssignFolds(absl::Span<const LabelledSentence> sentences, int folds) {
  absl::flat_hash_map<std::string, size_t> sizes;
  for (const LabelledSentence& s : sentences) {
    if (!s.document.empty()) ++sizes[s.document];
  }
  std::vector<std::pair<std::string, size_t>> documents(sizes.begin(), sizes.end());
  std::sort(documents.begin(), documents.end(), [](const auto& a, const auto& b) {
    return a.second > b.second || (a.second == b.second && a.first < b.first);
  });
  std::vector<size_t> load(folds, 0);
  absl::flat_hash_map<std::string, int> fold_of;
  for (const auto& [title, size] : documents) {
    const int f = static_cast<int>(std::min_element(load.begin(), load.end()) - load.begin());
    fold_of[title] = f;
    load[f] += size;
  }
  std::vector<int> out;
  out.reserve(sentences.size());
  for (const LabelledSentence& s : sentences) {
    out.push_back(s.document.empty() ? -1 : fold_of[s.document]);
  }
  return out;
}

absl::StatusOr<CrossValidationReport> CrossValidate(absl::Span<const LabelledSentence> sentences,
                                                    const TrainOptions& train,
                                                    const CrossValidationOptions& options) {
  CrossValidationReport report;
  const std::vector<std::string> label_set = LabelSet(sentences);
  const std::vector<int> fold = AssignFolds(sentences, std::max(options.folds, 1));
  report.documents = 0;
  absl::flat_hash_map<std::string, bool> seen;
  for (const LabelledSentence& s : sentences) {
    if (s.document.empty())
      ++report.always_in_training;
    else if (seen.emplace(s.document, true).second)
      ++report.documents;
  }
  if (options.folds < 2 || report.documents < static_cast<size_t>(options.folds)) {
    return absl::InvalidArgumentError(
        absl::StrCat("cross-validation needs at least 2 folds and a document per fold; got ",
                     options.folds, " folds and ", report.documents, " documents"));
  }
  std::vector<SentenceModel> models;
  std::vector<HeldOutLogits> held_out;
  for (int f = 0; f < options.folds; ++f) {
    std::vector<LabelledSentence> training;
    for (size_t i = 0; i < sentences.size(); ++i) {
      if (fold[i] != f) training.push_back(sentences[i]);
    }
    auto model = BuildMappingModel(training, train, options.catalog);
    if (!model.ok()) return model.status();
    std::vector<uint32_t> features;
    for (size_t i = 0; i < sentences.size(); ++i) {
      if (fold[i] != f) continue;
      HeldOutLogits h;
      ExtractFeatures(sentences[i].text, model->data().features, &features);
      model->Logits(features, &h.logits);
      h.gold = model->LabelIndex(sentences[i].label);
      held_out.push_back(std::move(h));
    }
    models.push_back(*std::move(model));
  }
  report.temperature = FitTemperature(held_out);
  std::vector<HeldOutPrediction> classifier, mapper;
  std::vector<float> scores;
  for (int f = 0; f < options.folds; ++f) {
    SentenceModel& model = models[f];
    model.set_temperature(report.temperature);
    std::vector<int> closed;
    for (const std::string& label : label_set) {
      if (int i = model.LabelIndex(label); i >= 0) closed.push_back(i);
    }
    std::optional<TechniqueMapper> full;
    if (options.catalog != nullptr) full.emplace(*options.catalog, model);
    for (size_t i = 0; i < sentences.size(); ++i) {
      if (fold[i] != f) continue;
      model.Probabilities(sentences[i].text, &scores);
      classifier.push_back(Predict(model, sentences[i], closed, scores));
      if (!full) continue;
      full->ScoreLabels(sentences[i].text, MapOptions{}, &scores);
      mapper.push_back(Predict(model, sentences[i], closed, scores));
    }
  }
  report.classifier = ComputeMetrics(classifier, label_set, options.threshold);
  if (options.catalog != nullptr)
    report.mapper = ComputeMetrics(mapper, label_set, options.threshold);
  report.classifier_predictions = std::move(classifier);
  report.mapper_predictions = std::move(mapper);
  report.label_set = label_set;
  return report;
}

}  // namespace stixkit::convert
