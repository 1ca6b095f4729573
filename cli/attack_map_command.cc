// `stixkit attack map`: text -> ATT&CK techniques, software and groups. Input is TEXT on
// the command line, --file FILE, or --jsonl FILE (one {"text": ...} per line, answered
// by one JSON line each, in order). The mapping is converters/map/technique_mapper.h;
// this file reads input, parses options and renders the results.
#include <cmath>
#include <iostream>
#include <memory>
#include <optional>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "absl/strings/str_join.h"
#include "attack-data/catalog.h"
#include "boost/program_options.hpp"
#include "cli/commands.h"
#include "cli/exit_codes.h"
#include "cli/option_parser.h"
#include "converters/map/model_file.h"
#include "converters/map/technique_mapper.h"
#include "rapidjson/document.h"
#include "rapidjson/stringbuffer.h"
#include "rapidjson/writer.h"
#include "stix/base/input_file.h"
#include "stix/base/strings.h"
#include "stix/json/json_parser.h"

namespace stixkit::cli {
namespace po = boost::program_options;
namespace {

struct MapFlags {
  std::vector<std::string> text;
  std::string file, jsonl, attack_data, model, tactic;
  float threshold = convert::kDefaultThreshold;
  size_t top = 0;
  unsigned threads = 0;
  bool json = false;
};

po::options_description Describe(MapFlags& f) {
  const std::string threshold = absl::StrFormat(
      "report techniques scoring at least X (default %.2f)", convert::kDefaultThreshold);
  po::options_description desc("options");
  // clang-format off
  desc.add_options()
      ("help,h", "show this help")
      ("file", po::value(&f.file)->value_name("FILE"), "map the text of FILE ('-': standard input)")
      ("jsonl", po::value(&f.jsonl)->value_name("FILE"),
       "map each line {\"text\": ...} of FILE; print one JSON line per input, in order")
      ("threshold", po::value(&f.threshold)->value_name("X"), threshold.c_str())
      ("top", po::value(&f.top)->value_name("N"), "at most N techniques per input (0: all)")
      ("tactic", po::value(&f.tactic)->value_name("TACTIC"),
       "the text is about this tactic (id, shortname or name): favour its techniques")
      ("json", po::bool_switch(&f.json), "print one JSON object instead of a table")
      ("threads", po::value(&f.threads)->value_name("N"),
       "worker threads for --jsonl (0: one per core)")
      ("attack-data", po::value(&f.attack_data)->value_name("FILE"),
       "use this catalog (from 'stixkit attack import') instead of the built-in one")
      ("model", po::value(&f.model)->value_name("FILE"),
       "use this model (from 'stixkit attack train') instead of the built-in one");
  // clang-format on
  return desc;
}

int Fail(absl::string_view message, int code) {
  std::cerr << "stixkit attack map: " << message << "\n";
  return code;
}

// The catalog and model to map with, and the mapper over them; owns what it loaded.
struct Loaded {
  std::unique_ptr<attack::Catalog> catalog;
  std::unique_ptr<convert::SentenceModel> model;
  std::unique_ptr<convert::TechniqueMapper> owned;
  const convert::TechniqueMapper* mapper = nullptr;
};

absl::StatusOr<Loaded> Load(const MapFlags& f) {
  Loaded l;
  if (f.attack_data.empty() && f.model.empty()) {
    absl::StatusOr<const convert::TechniqueMapper*> embedded = convert::TechniqueMapper::Embedded();
    if (!embedded.ok()) return embedded.status();
    l.mapper = *embedded;
  } else {
    const attack::Catalog* catalog = &attack::Catalog::Embedded();
    if (!f.attack_data.empty()) {
      auto parsed = attack::Catalog::ParseFile(f.attack_data);
      if (!parsed.ok()) return parsed.status();
      catalog = (l.catalog = *std::move(parsed)).get();
    }
    const convert::SentenceModel* model = nullptr;
    if (f.model.empty()) {
      absl::StatusOr<const convert::SentenceModel*> embedded = convert::EmbeddedSentenceModel();
      if (!embedded.ok()) return embedded.status();
      model = *embedded;
    } else {
      absl::StatusOr<InputFile> file = InputFile::Open(f.model);
      if (!file.ok()) return file.status();
      auto parsed = convert::ParseSentenceModel(file->contents(), f.model);
      if (!parsed.ok()) return parsed.status();
      model = (l.model = std::make_unique<convert::SentenceModel>(*std::move(parsed))).get();
    }
    l.owned = std::make_unique<convert::TechniqueMapper>(*catalog, *model);
    l.mapper = l.owned.get();
  }
  if (l.mapper->catalog().techniques().empty()) {
    return absl::FailedPreconditionError(
        "this stixkit was built without an ATT&CK catalog; pass --attack-data FILE");
  }
  return l;
}

using JsonWriter = rapidjson::Writer<rapidjson::StringBuffer>;

void WriteHitFields(JsonWriter& w, const std::string& id, const std::string& name, float score,
                    const std::string& evidence, convert::TextSpan span) {
  w.Key("id"), w.String(id);
  w.Key("name"), w.String(name);
  // Three decimals, rounded: the writer's own limit truncates (0.9f would print 0.899).
  w.Key("score"), w.Double(std::round(static_cast<double>(score) * 1000) / 1000);
  w.Key("evidence"), w.String(evidence);
  w.Key("span"), w.StartArray(), w.Uint64(span.begin), w.Uint64(span.end), w.EndArray();
}

void WriteEntities(JsonWriter& w, const char* key, const std::vector<convert::EntityHit>& hits) {
  w.Key(key), w.StartArray();
  for (const convert::EntityHit& h : hits) {
    w.StartObject();
    WriteHitFields(w, h.id, h.name, h.score, h.evidence, h.span);
    w.Key("type"), w.String(h.type);
    w.EndObject();
  }
  w.EndArray();
}

// {"techniques":[...],"software":[...],"groups":[...],"tactics":[...]}
std::string ResultJson(const convert::MapResult& r) {
  rapidjson::StringBuffer buffer;
  JsonWriter w(buffer);
  w.SetMaxDecimalPlaces(3);
  w.StartObject();
  w.Key("techniques"), w.StartArray();
  for (const convert::TechniqueHit& h : r.techniques) {
    w.StartObject();
    WriteHitFields(w, h.id, h.name, h.score, h.evidence, h.span);
    w.EndObject();
  }
  w.EndArray();
  WriteEntities(w, "software", r.software);
  WriteEntities(w, "groups", r.groups);
  w.Key("tactics"), w.StartArray();
  for (const convert::TacticHit& t : r.tactics) {
    w.StartObject();
    w.Key("id"), w.String(t.id), w.Key("name"), w.String(t.name);
    w.Key("evidence"), w.String(t.evidence);
    w.EndObject();
  }
  w.EndArray();
  w.EndObject();
  return std::string(buffer.GetString(), buffer.GetSize());
}

void PrintTable(const convert::MapResult& r) {
  auto row = [](std::string_view id, float score, std::string_view name, std::string_view why) {
    std::cout << absl::StrFormat("  %-10s %5.2f  %-44s %s\n", Av(id), score, Av(name), Av(why));
  };
  std::cout << "techniques" << (r.techniques.empty() ? ": none above the threshold\n" : "\n");
  for (const auto& h : r.techniques) row(h.id, h.score, h.name, h.evidence);
  std::cout << "software" << (r.software.empty() ? ": none\n" : "\n");
  for (const auto& h : r.software)
    row(h.id, h.score, absl::StrCat(h.name, " (", h.type, ")"), h.evidence);
  std::cout << "groups" << (r.groups.empty() ? ": none\n" : "\n");
  for (const auto& h : r.groups) row(h.id, h.score, h.name, h.evidence);
  if (r.tactics.empty()) return;
  std::cout << "tactics\n";
  for (const auto& t : r.tactics) row(t.id, 1, t.name, t.evidence);
}

// The "text" of every non-blank line of a JSON Lines file. Errors name the line:
// "in.jsonl:3:1: expected an object with a string \"text\"".
absl::StatusOr<std::vector<std::string>> ReadJsonl(std::string_view content,
                                                   const std::string& path) {
  std::vector<std::string> texts;
  size_t start = 0, line = 1;
  while (start < content.size()) {
    size_t end = content.find('\n', start);
    if (end == std::string_view::npos) end = content.size();
    const std::string_view text = content.substr(start, end - start);
    if (text.find_first_not_of(" \t\r") != std::string_view::npos) {
      rapidjson::Document doc;
      const stix::JsonSpan span{text, start, LineColumn{line, 1}};
      if (absl::Status s = stix::ParseJson(span, path, stix::JsonLimits{}, &doc); !s.ok()) return s;
      // MemberEnd() asserts IsObject(): on a line holding an array it aborted the
      // sanitizer build (which keeps assertions), so look up "text" only in an object.
      const rapidjson::Value* value = nullptr;
      if (doc.IsObject()) {
        const auto member = doc.FindMember("text");
        if (member != doc.MemberEnd()) value = &member->value;
      }
      if (value == nullptr || !value->IsString()) {
        return absl::InvalidArgumentError(absl::StrCat(
            path, ":", line,
            ":1: expected an object with a string \"text\", like {\"text\": \"...\"}"));
      }
      texts.emplace_back(value->GetString(), value->GetStringLength());
    }
    start = end + 1;
    ++line;
  }
  return texts;
}

std::optional<int> Parse(const std::vector<std::string>& args, MapFlags& f) {
  po::options_description desc = Describe(f);
  po::variables_map vm;
  // No prefix guessing: `--top` must not be taken for anything else.
  if (absl::Status s = ParseOptions(args, desc, "text", &f.text, &vm); !s.ok()) {
    return Fail(absl::StrCat(s.message(), "\nRun 'stixkit attack map --help'."), kExitUsage);
  }
  if (vm.count("help")) {
    std::cout
        << "usage: stixkit attack map [OPTIONS] TEXT | --file FILE | --jsonl FILE\n\n"
        << "Maps text to ATT&CK techniques (explicit ids, names, and a sentence classifier),\n"
        << "software and groups. Scores are calibrated probabilities.\n\n"
        << desc;
    return kExitOk;
  }
  const int inputs = !f.text.empty() + !f.file.empty() + !f.jsonl.empty();
  if (inputs != 1) {
    return Fail("expected exactly one of TEXT, --file FILE or --jsonl FILE", kExitUsage);
  }
  if (!(f.threshold >= 0 && f.threshold <= 1)) {
    return Fail(absl::StrCat("--threshold must be between 0 and 1, got ", f.threshold), kExitUsage);
  }
  return std::nullopt;
}

}  // namespace

int RunAttackMap(const std::vector<std::string>& args) {
  MapFlags f;
  if (std::optional<int> done = Parse(args, f)) return *done;
  absl::StatusOr<Loaded> loaded = Load(f);
  if (!loaded.ok()) return Fail(loaded.status().message(), kExitFatal);
  convert::MapOptions options;
  options.threshold = f.threshold;
  options.top = f.top;
  options.tactic = f.tactic;
  if (!f.jsonl.empty()) {
    absl::StatusOr<InputFile> file = InputFile::Open(f.jsonl);
    if (!file.ok()) return Fail(file.status().message(), kExitFatal);
    absl::StatusOr<std::vector<std::string>> texts = ReadJsonl(file->contents(), f.jsonl);
    if (!texts.ok()) return Fail(texts.status().message(), kExitFatal);
    for (const convert::MapResult& r : loaded->mapper->MapBatch(*texts, options, f.threads)) {
      std::cout << ResultJson(r) << "\n";
    }
    return kExitOk;
  }
  std::string text = absl::StrJoin(f.text, " ");
  std::optional<InputFile> file;
  if (!f.file.empty()) {
    absl::StatusOr<InputFile> opened = InputFile::Open(f.file);
    if (!opened.ok()) return Fail(opened.status().message(), kExitFatal);
    file.emplace(*std::move(opened));
  }
  const convert::MapResult r =
      loaded->mapper->Map(file ? file->contents() : std::string_view(text), options);
  if (f.json) {
    std::cout << ResultJson(r) << "\n";
  } else {
    PrintTable(r);
  }
  return kExitOk;
}

}  // namespace stixkit::cli
