// `stixkit attack train`: builds the mapping model (converters/map/) from the ATT&CK
// procedure examples in MITRE's bundles and, optionally, TRAM's labelled sentences;
// cross-validates it by document, which also calibrates its scores; and writes it
// atomically. `--cv K` without `--out` only measures.
#include <filesystem>
#include <iostream>
#include <optional>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "attack-data/catalog.h"
#include "boost/program_options.hpp"
#include "cli/commands.h"
#include "cli/exit_codes.h"
#include "cli/option_parser.h"
#include "converters/map/cross_validation.h"
#include "converters/map/model_builder.h"
#include "converters/map/model_file.h"
#include "converters/map/training_data.h"
#include "stix/base/atomic_file.h"
#include "stix/base/input_file.h"
#include "stix/base/strings.h"

namespace stixkit::cli {
namespace po = boost::program_options;
namespace {

// Folds used to calibrate the model when --cv does not say.
constexpr int kCalibrationFolds = 5;

struct TrainFlags {
  std::vector<std::string> bundles;
  std::vector<std::string> tram;
  std::string out, attack_data;
  int cv = 0;
  float threshold = convert::kDefaultThreshold;
  convert::TrainOptions train;
};

po::options_description Describe(TrainFlags& f) {
  convert::TrainOptions& t = f.train;
  po::options_description desc("options");
  // clang-format off
  desc.add_options()
      ("help,h", "show this help")
      ("out,o", po::value(&f.out)->value_name("FILE"), "write the model here (atomically)")
      ("tram", po::value(&f.tram)->composing()->value_name("FILE"),
       "labelled report sentences: a JSON array of {text, label, doc_title}")
      ("cv", po::value(&f.cv)->value_name("K"),
       "cross-validate with K folds split by document and print the figures")
      ("threshold", po::value(&f.threshold)->value_name("X"), "threshold for open-set precision")
      ("attack-data", po::value(&f.attack_data)->value_name("FILE"),
       "catalog for the name layer (default: the built-in one)")
      ("epochs", po::value(&t.epochs), "training passes")
      ("learning-rate", po::value(&t.learning_rate), "AdaGrad step size")
      ("l2", po::value(&t.l2), "L2 penalty")
      ("document-weight", po::value(&t.document_weight), "weight of report sentences")
      ("confusion-epoch", po::value(&t.confusion_epoch), "epoch that adds confusion pairs (0: none)")
      ("confusion-probability", po::value(&t.confusion_probability),
       "probability of a wrong technique that earns it confusion pairs")
      ("prune-below", po::value(&t.prune_below), "drop weights smaller than this")
      ("bias-rate", po::value(&t.bias_rate), "step size of the per-technique biases (relative)")
      ("no-bigrams", po::bool_switch()->notifier([&t](bool b) { if (b) t.features.bigrams = false; }),
       "words only")
      ("no-stem", po::bool_switch()->notifier([&t](bool b) { if (b) t.features.stem = false; }),
       "no suffix stripping")
      ("no-idf", po::bool_switch()->notifier([&t](bool b) { if (b) t.features.idf = false; }),
       "binary feature values instead of idf");
  // clang-format on
  return desc;
}

int Fail(absl::string_view message, int code) {
  std::cerr << "stixkit attack train: " << message << "\n";
  return code;
}

std::optional<int> Parse(const std::vector<std::string>& args, TrainFlags& f) {
  po::options_description desc = Describe(f);
  po::variables_map vm;
  if (absl::Status s = ParseOptions(args, desc, "bundle", &f.bundles, &vm); !s.ok()) {
    return Fail(absl::StrCat(s.message(), "\nRun 'stixkit attack train --help'."), kExitUsage);
  }
  if (vm.count("help")) {
    std::cout << "usage: stixkit attack train (--out FILE | --cv K) [--tram FILE] BUNDLE...\n\n"
              << "Trains the sentence classifier of 'stixkit attack map' from the procedure\n"
              << "examples in ATT&CK bundles and labelled report sentences, calibrates it by\n"
              << "cross-validation over the reports, and writes it.\n\n"
              << desc;
    return kExitOk;
  }
  if (f.out.empty() && f.cv == 0) return Fail("expected --out FILE or --cv K", kExitUsage);
  if (f.bundles.empty() && f.tram.empty()) {
    return Fail("expected ATT&CK bundles or --tram FILE to learn from", kExitUsage);
  }
  if (f.cv == 1 || f.cv < 0) return Fail(absl::StrCat("--cv needs K >= 2, got ", f.cv), kExitUsage);
  return std::nullopt;
}

absl::Status ReadSources(const TrainFlags& f, convert::TrainingData* data,
                         std::string* provenance) {
  auto read = [&](const std::string& path, bool tram) -> absl::Status {
    absl::StatusOr<InputFile> file = InputFile::Open(path);
    if (!file.ok()) return file.status();
    const size_t before = data->sentences.size();
    absl::Status s = tram ? convert::AddTramSentences(file->contents(), path, data)
                          : convert::AddAttackBundle(file->contents(), path, data);
    if (!s.ok()) return s;
    absl::StrAppend(provenance, provenance->empty() ? "" : ", ",
                    std::filesystem::path(path).filename().string(), " (",
                    data->sentences.size() - before,
                    tram ? " report sentences)" : " procedure examples and background sentences)");
    return absl::OkStatus();
  };
  for (const std::string& b : f.bundles) {
    if (absl::Status s = read(b, false); !s.ok()) return s;
  }
  for (const std::string& t : f.tram) {
    if (absl::Status s = read(t, true); !s.ok()) return s;
  }
  convert::NormalizeLabels(data);
  return absl::OkStatus();
}

void PrintMetrics(std::string_view what, const convert::EvaluationMetrics& m, float threshold) {
  std::cout << absl::StrFormat(
      "%-10s top-1 accuracy (micro-F1) %.4f  macro-F1 %.4f  top-3 accuracy %.4f\n"
      "%-10s open-set precision %.4f at threshold %.2f (%.1f%% of sentences above it)\n",
      Av(what), m.micro_f1, m.macro_f1, m.top3_accuracy, "", m.open_set_precision, threshold,
      100 * m.open_set_coverage);
}

// Open-set precision and coverage at a few thresholds, to choose the default by.
void PrintThresholds(const convert::CrossValidationReport& r, bool mapper) {
  const auto& predictions = mapper ? r.mapper_predictions : r.classifier_predictions;
  std::cout << "open-set precision / share above, by threshold:";
  for (const float t : {0.3f, 0.4f, 0.5f, 0.6f, 0.7f, 0.8f, 0.9f}) {
    const convert::EvaluationMetrics m = convert::ComputeMetrics(predictions, r.label_set, t);
    std::cout << absl::StrFormat("  %.1f: %.3f/%.3f", t, m.open_set_precision, m.open_set_coverage);
  }
  std::cout << "\n";
}

}  // namespace

int RunAttackTrain(const std::vector<std::string>& args) {
  TrainFlags f;
  if (std::optional<int> done = Parse(args, f)) return *done;
  std::unique_ptr<attack::Catalog> owned;
  const attack::Catalog* catalog = &attack::Catalog::Embedded();
  if (!f.attack_data.empty()) {
    absl::StatusOr<InputFile> file = InputFile::Open(f.attack_data);
    if (!file.ok()) return Fail(file.status().message(), kExitFatal);
    auto parsed = attack::Catalog::Parse(file->contents(), f.attack_data);
    if (!parsed.ok()) return Fail(parsed.status().message(), kExitFatal);
    catalog = (owned = *std::move(parsed)).get();
  }
  if (catalog->techniques().empty()) catalog = nullptr;  // no name layer to train
  convert::TrainingData data;
  std::string provenance;
  if (absl::Status s = ReadSources(f, &data, &provenance); !s.ok())
    return Fail(s.message(), kExitFatal);
  float temperature = 1;
  convert::CrossValidationOptions cv;
  cv.folds = f.cv > 0 ? f.cv : kCalibrationFolds;
  cv.threshold = f.threshold;
  cv.catalog = catalog;
  absl::StatusOr<convert::CrossValidationReport> report =
      convert::CrossValidate(data.sentences, f.train, cv);
  if (report.ok()) {
    temperature = report->temperature;
    std::cout << absl::StrFormat(
        "%d-fold cross-validation by document: %d report sentences in %d documents, %d labels;"
        " %d ATT&CK sentences (procedure examples, background) always in training;"
        " temperature %.3f\n",
        cv.folds, report->classifier.sentences, report->documents, report->classifier.labels,
        report->always_in_training, temperature);
    PrintMetrics("classifier", report->classifier, f.threshold);
    if (catalog != nullptr) PrintMetrics("mapper", report->mapper, f.threshold);
    PrintThresholds(*report, catalog != nullptr);
  } else if (f.cv > 0) {
    return Fail(report.status().message(), kExitFatal);
  } else {
    std::cerr << "stixkit attack train: not calibrated (temperature 1): "
              << report.status().message() << "\n";
  }
  if (f.out.empty()) return kExitOk;
  absl::StatusOr<convert::SentenceModel> model =
      convert::BuildMappingModel(data.sentences, f.train, catalog);
  if (!model.ok()) return Fail(model.status().message(), kExitFatal);
  convert::SentenceModelData d = model->data();
  d.temperature = temperature;
  d.provenance =
      absl::StrFormat("trained by 'stixkit attack train' from %s; %d techniques; temperature %.4f",
                      provenance, d.labels.size(), temperature);
  const std::string bytes = convert::SerializeSentenceModel(convert::SentenceModel(std::move(d)));
  if (absl::Status s = WriteFileAtomically(f.out, bytes); !s.ok())
    return Fail(s.message(), kExitFatal);
  std::cout << absl::StrFormat("wrote %s: %d techniques, %d features, %d weights, %d bytes\n",
                               f.out, model->labels().size(), model->data().keys.size(),
                               model->data().weights.size(), bytes.size());
  return kExitOk;
}

}  // namespace stixkit::cli
