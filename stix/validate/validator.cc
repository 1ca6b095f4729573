#include "stix/validate/validator.h"

#include <thread>

#include "absl/strings/str_cat.h"
#include "stix/base/input_file.h"
#include "stix/base/status.h"
#include "stix/json/json_access.h"
#include "stix/json/top_level_scanner.h"
#include "stix/validate/object_validator.h"
#include "stix/validate/ordered_pipeline.h"

namespace stixkit::stix {
namespace {

// A parsing arena per thread: objects are parsed into a fixed first chunk, so a typical
// object costs no heap allocation at all.
struct ThreadArena {
  static constexpr size_t kChunk = 256 * 1024;
  char buffer[kChunk];
  rapidjson::MemoryPoolAllocator<> allocator{buffer, kChunk};
  rapidjson::Document doc{&allocator};

  rapidjson::Document& Fresh() {
    doc.SetNull();
    allocator.Clear();
    return doc;
  }
};

rapidjson::Document& ThreadDocument() {
  thread_local auto arena = std::make_unique<ThreadArena>();
  return arena->Fresh();
}

int EffectiveJobs(int jobs, size_t input_size) {
  // Threads do not pay for themselves on small inputs: each worker compiles its own
  // schema validators (a few milliseconds), which costs more than it saves below ~16 MB
  // (measured with bench/run on the 3.5 MB ATT&CK ICS bundle).
  if (input_size < (size_t{16} << 20)) return 1;
  if (jobs > 0) return jobs;
  const unsigned cores = std::thread::hardware_concurrency();
  return cores == 0 ? 1 : static_cast<int>(cores);
}

// --version 2.0: stixkit has no STIX 2.0 rules, but a 2.0 bundle must say so itself
// (STIX 2.0 bundles carry "spec_version": "2.0"), which is the one rule it can apply.
void CheckRequestedVersion(const rapidjson::Value& bundle, const ValidationOptions& options,
                           Findings* out) {
  if (options.version != "2.0") return;
  const std::string id(IdOf(bundle));
  const auto sv = bundle.FindMember("spec_version");
  if (sv == bundle.MemberEnd()) {
    out->push_back(Finding::Error("", id, "/spec_version",
                                  "a STIX 2.0 bundle requires \"spec_version\": \"2.0\""));
  } else if (!sv->value.IsString() || std::string_view(sv->value.GetString()) != "2.0") {
    out->push_back(Finding::Error("", id, "/spec_version",
                                  "expected \"2.0\" with --version 2.0, found another value"));
  }
}

}  // namespace

bool FileReport::valid() const { return fatal.ok() && error_count() == 0; }

size_t FileReport::error_count() const {
  size_t n = 0;
  for (const auto& f : findings) n += f.finding.severity == Severity::kError;
  return n;
}

size_t FileReport::warning_count() const { return findings.size() - error_count(); }

absl::StatusOr<Validator> Validator::Create(ValidationOptions options,
                                            ValidatorSettings settings) {
  if (!options.version.empty() && options.version != "2.1" && options.version != "2.0") {
    return absl::InvalidArgumentError(absl::StrCat(
        "unsupported --version '", options.version, "'; expected 2.0 or 2.1"));
  }
  if (settings.limits.max_depth > kMaxDepthCeiling) {
    return absl::InvalidArgumentError(absl::StrCat("--max-depth: expected at most ",
                                                   kMaxDepthCeiling, ", got ",
                                                   settings.limits.max_depth));
  }
  STIXKIT_ASSIGN_OR_RETURN(CheckSelection selection, CheckSelection::FromOptions(options));
  return Validator(std::move(options), settings, std::move(selection));
}

FileReport Validator::ValidateFile(const std::string& path) const {
  absl::StatusOr<InputFile> file = InputFile::Open(path, settings_.limits.max_input_bytes);
  if (!file.ok()) {
    FileReport report;
    report.path = path;
    report.fatal = file.status();
    if (absl::IsOutOfRange(file.status())) {  // a stream over --max-input-bytes
      report.fatal = absl::InvalidArgumentError(
          absl::StrCat(file.status().message(), " (limit: --max-input-bytes)"));
    }
    return report;
  }
  return Validate(file->contents(), path, &*file);
}

FileReport Validator::ValidateText(std::string_view text, const std::string& name) const {
  return Validate(text, name, nullptr);
}

FileReport Validator::Validate(std::string_view text, const std::string& name,
                               InputFile* file) const {
  FileReport report;
  report.path = name;
  const size_t max_bytes = settings_.limits.max_input_bytes;
  if (max_bytes != 0 && text.size() > max_bytes) {
    report.fatal = absl::InvalidArgumentError(
        absl::StrCat(name, ": the file is ", text.size(), " bytes, more than the ", max_bytes,
                     "-byte limit (limit: --max-input-bytes)"));
    return report;
  }
  const CheckContext ctx{options_, selection_};
  const size_t first = text.find_first_not_of(" \t\r\n\xEF\xBB\xBF");
  const bool is_array = first != std::string_view::npos && text[first] == '[';
  BundleChecks bundle_checks(ctx, !is_array);
  std::string container_id;

  auto add = [&](Findings&& findings, LineColumn at, long index) {
    for (Finding& f : findings) report.findings.push_back({std::move(f), at, index});
  };
  auto process = [&](const JsonSpan& span, ObjectResult* result) {
    result->at = span.start;
    result->end_offset = span.offset + span.text.size();
    rapidjson::Document& doc = ThreadDocument();
    result->parse_error = ParseJson(span, name, settings_.limits, &doc);
    if (!result->parse_error.ok()) return;
    ValidateObject(doc, ctx, &result->findings);
    result->facts = ExtractObjectFacts(doc, ctx);
  };
  auto consume = [&](ObjectResult&& result) {
    ++report.object_count;
    if (!report.fatal.ok()) return;
    if (!result.parse_error.ok()) {
      report.fatal = result.parse_error;
      return;
    }
    Findings cross;
    bundle_checks.Add(result.facts, container_id, &cross);
    add(std::move(result.findings), result.at, static_cast<long>(result.index));
    add(std::move(cross), result.at, static_cast<long>(result.index));
    if (file != nullptr) file->Release(result.end_offset);
  };

  OrderedPipeline pipeline(EffectiveJobs(settings_.jobs, text.size()), process, consume);
  // A bundle's own id names its cross-object findings, and "type" and "id" come first
  // in practice, so peek at the shell's id before members are consumed.
  absl::StatusOr<TopLevel> top = ScanTopLevel(
      text, name, settings_.limits, [&](const JsonSpan& span, size_t index) {
        if (!report.fatal.ok()) return report.fatal;
        pipeline.Push(span, index);
        return absl::OkStatus();
      });
  pipeline.Finish();
  if (!top.ok()) {
    if (report.fatal.ok()) report.fatal = top.status();
    return report;
  }
  if (!report.fatal.ok()) return report;

  if (top->kind == TopLevelKind::kArray) {
    Findings unresolved;
    bundle_checks.Finish(&unresolved);
    add(std::move(unresolved), top->whole.start, -1);
    return report;
  }
  rapidjson::Document doc;
  JsonSpan span = top->whole;
  if (top->kind == TopLevelKind::kBundle) span.text = top->bundle_shell;
  if (absl::Status s = ParseJson(span, name, settings_.limits, &doc); !s.ok()) {
    report.fatal = s;
    return report;
  }
  Findings findings;
  if (top->kind == TopLevelKind::kSingleObject) {
    report.object_count = 1;
    ValidateObject(doc, ctx, &findings);
  } else {
    CheckRequestedVersion(doc, options_, &findings);
    ValidateObject(doc, ctx, &findings);
    // Cross-object findings name the bundle; they were recorded before its id was
    // known, so fill it in now.
    const std::string bundle_id(IdOf(doc));
    for (auto& f : report.findings) {
      if (f.finding.code == "203" && f.finding.object_id.empty()) f.finding.object_id = bundle_id;
    }
  }
  bundle_checks.Finish(&findings);
  // The bundle's own findings come first, as the reference reports them.
  std::vector<LocatedFinding> ordered;
  for (Finding& f : findings) ordered.push_back({std::move(f), top->whole.start, -1});
  for (auto& f : report.findings) ordered.push_back(std::move(f));
  report.findings = std::move(ordered);
  return report;
}

}  // namespace stixkit::stix
