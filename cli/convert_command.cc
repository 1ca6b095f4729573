// `stixkit convert`: incident reports -> validated STIX 2.1 bundles. Parses options,
// reads each file, runs converters/convert.h on a pool of threads, and writes each
// bundle atomically (never half a file over a good one). The human summary - what was
// found, what was ignored and why - goes to stderr; --explain adds each object's
// source line.
#include <algorithm>
#include <atomic>
#include <filesystem>
#include <iostream>
#include <optional>
#include <thread>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "absl/time/clock.h"
#include "boost/program_options.hpp"
#include "cli/commands.h"
#include "cli/exit_codes.h"
#include "cli/option_parser.h"
#include "converters/build/document_outline.h"
#include "converters/convert.h"
#include "converters/extract/tlp_label.h"
#include "stix/base/atomic_file.h"
#include "stix/base/input_file.h"
#include "stix/base/strings.h"
#include "stix/model/timestamp.h"
#include "stix/taxii/envelope.h"

namespace stixkit::cli {
namespace po = boost::program_options;
namespace {

struct ConvertFlags {
  std::vector<std::string> inputs;
  std::string output, out_dir, format, tlp, author = "stixkit", now;
  bool envelope = false, explain = false, report_type_incident = false;
  bool incident_core_relationships = false, quiet = false, outline = false;
  unsigned jobs = 0;
  size_t max_input_bytes = convert::ReadLimits{}.max_input_bytes;
};

po::options_description Describe(ConvertFlags& f) {
  po::options_description desc("options");
  // clang-format off
  desc.add_options()
      ("help,h", "show this help")
      ("output,o", po::value(&f.output)->value_name("FILE"),
       "write the bundle to FILE (one input only; default: standard output)")
      ("out-dir", po::value(&f.out_dir)->value_name("DIR"),
       "write each input's bundle to DIR/NAME.json (NAME: the input's file name without "
       "its extension)")
      ("format", po::value(&f.format)->value_name("md|text|html"),
       "the input format (default: detected from content and extension)")
      ("tlp", po::value(&f.tlp)->value_name("LEVEL"),
       "TLP 2.0 marking: clear, green, amber, amber+strict or red; a stricter TLP "
       "stated in the document wins")
      ("author", po::value(&f.author)->value_name("NAME"),
       "the producer identity, every object's created_by_ref (default: stixkit)")
      ("envelope", po::bool_switch(&f.envelope),
       "write a TAXII 2.1 envelope {\"objects\": [...]} instead of a bundle")
      ("now", po::value(&f.now)->value_name("TS"),
       "timestamp for created/modified (default: the current time); fixes the output "
       "byte for byte")
      ("explain", po::bool_switch(&f.explain),
       "print each object's source line to standard error")
      ("report-type-incident", po::bool_switch(&f.report_type_incident),
       "add 'incident' to report_types (2025 errata; the reference validator warns, 218)")
      ("incident-core-relationships", po::bool_switch(&f.incident_core_relationships),
       "also link the incident with the Incident Core Extension's relationships "
       "(targets, attributed-to, located-at; check 202 warns)")
      ("jobs,j", po::value(&f.jobs)->value_name("N"),
       "convert N files at a time (default: one per core)")
      ("max-input-bytes", po::value(&f.max_input_bytes)->value_name("N"),
       "refuse inputs larger than N bytes (default 64 MiB)")
      ("outline", po::bool_switch(&f.outline),
       "print how each input was read and routed (sections, kinds, fields) instead of "
       "converting it")
      ("quiet,q", po::bool_switch(&f.quiet), "print only warnings and errors");
  // clang-format on
  return desc;
}

void PrintUsage(const po::options_description& desc) {
  std::cout << "usage: stixkit convert [OPTIONS] FILE... | -\n\n"
               "Turns incident reports (markdown, plain text or HTML) into STIX 2.1 "
               "bundles:\nreport, incident, victim identity and location, indicators "
               "from refanged IOCs,\nATT&CK attack-patterns, actors, software, "
               "vulnerabilities, courses of action,\nnotes and TLP markings. Every "
               "bundle is validated before it is written.\n\n"
            << desc << "\nExit codes: 0 converted; 1 internal error (an invalid bundle is "
                       "a bug);\n2 bad command line; 16 an input could not be converted.\n";
}

struct Job {
  std::string input;
  std::string output;  // "" = standard output
};

struct Result {
  int exit_code = kExitOk;
  std::string messages;  // stderr text, printed in input order
  std::string stdout_text;
};

Result ConvertOne(const Job& job, const ConvertFlags& flags,
                  const convert::ConvertOptions& options,
                  const std::optional<convert::Format>& format,
                  const stix::Validator& validator) {
  Result r;
  auto file = InputFile::Open(job.input, flags.max_input_bytes);
  if (!file.ok()) {
    // A stream over --max-input-bytes is refused while it is read, like a file before.
    const bool too_long = absl::IsOutOfRange(file.status());
    r.exit_code = kExitFatal;
    r.messages = absl::StrCat("stixkit convert: ", file.status().message(),
                              too_long ? " for a report" : "", "\n");
    return r;
  }
  convert::ReadLimits limits;
  limits.max_input_bytes = flags.max_input_bytes;
  if (flags.outline) {
    auto doc = convert::ReadDocument(job.input, file->contents(), format, limits);
    if (!doc.ok()) {
      r.exit_code = kExitFatal;
      r.messages = absl::StrCat("stixkit convert: ", doc.status().message(), "\n");
    } else {
      r.stdout_text = convert::DocumentOutline(*doc);
    }
    return r;
  }
  auto c = convert::ConvertReport(job.input, file->contents(), format, options, validator, limits);
  if (!c.ok()) {
    const bool bug = c.status().code() == absl::StatusCode::kInternal;
    r.exit_code = bug ? kExitFailure : kExitFatal;
    r.messages = absl::StrCat("stixkit convert: ", c.status().message(), "\n");
    return r;
  }
  const std::string text =
      flags.envelope ? absl::StrCat(taxii::EnvelopeJson(c->object_json), "\n") : c->bundle_json;
  const std::string target = job.output.empty() ? "standard output" : job.output;
  if (job.output.empty()) {
    r.stdout_text = text;
  } else if (absl::Status s = WriteFileAtomically(job.output, text); !s.ok()) {
    r.exit_code = kExitFatal;
    r.messages = absl::StrCat("stixkit convert: ", job.input, ": ", s.message(), "\n");
    return r;
  }
  if (!flags.quiet) {
    absl::StrAppend(&r.messages, job.input, ": ", c->object_json.size(), " objects -> ",
                    target, "\n");
    for (const std::string& f : c->found) absl::StrAppend(&r.messages, "  found: ", f, "\n");
    for (const std::string& i : c->ignored) absl::StrAppend(&r.messages, "  ignored: ", i, "\n");
  }
  for (const std::string& w : c->warnings) {
    absl::StrAppend(&r.messages, "  warning: ", job.input, ": ", w, "\n");
  }
  if (flags.explain) {
    for (const auto& [id, origin] : c->origins) {
      absl::StrAppend(&r.messages, "  ", id, " <- ", origin, "\n");
    }
  }
  return r;
}

// The jobs for the inputs, or a usage error.
absl::StatusOr<std::vector<Job>> PlanJobs(const ConvertFlags& f) {
  if (f.inputs.empty()) return absl::InvalidArgumentError("no input: give FILE... or -");
  if (!f.output.empty() && !f.out_dir.empty()) {
    return absl::InvalidArgumentError("give either -o FILE or --out-dir DIR, not both");
  }
  if (f.inputs.size() > 1 && f.out_dir.empty()) {
    return absl::InvalidArgumentError(
        absl::StrCat(f.inputs.size(), " inputs need --out-dir DIR (one bundle per input)"));
  }
  std::vector<Job> jobs;
  std::vector<std::string> names;
  for (const std::string& in : f.inputs) {
    Job j{in, f.output};
    if (!f.out_dir.empty()) {
      // Only the input's own file name is used, so no input can write outside DIR.
      std::string stem = std::filesystem::path(in).stem().string();
      if (in == "-" || stem.empty() || stem == "." || stem == "..") stem = "stdin";
      j.output = (std::filesystem::path(f.out_dir) / (stem + ".json")).string();
      if (std::find(names.begin(), names.end(), j.output) != names.end()) {
        return absl::InvalidArgumentError(absl::StrCat(
            "two inputs would both write ", j.output, "; convert them in separate calls"));
      }
      names.push_back(j.output);
    }
    jobs.push_back(std::move(j));
  }
  return jobs;
}

absl::StatusOr<convert::ConvertOptions> MakeOptions(const ConvertFlags& f) {
  convert::ConvertOptions o;
  o.author = f.author;
  if (o.author.empty()) return absl::InvalidArgumentError("--author must not be empty");
  if (!f.tlp.empty()) {
    if (convert::TlpRank(f.tlp) < 0 || f.tlp == "white") {
      return absl::InvalidArgumentError(absl::StrCat(
          "--tlp: expected clear, green, amber, amber+strict or red, got '", f.tlp, "'"));
    }
    o.tlp = f.tlp;
  }
  if (f.now.empty()) {
    o.now = absl::FromUnixMillis(absl::ToUnixMillis(absl::Now()));
  } else {
    auto t = stix::ParseTimestamp(f.now);
    if (!t.ok()) {
      return absl::InvalidArgumentError(absl::StrCat(
          "--now: expected a STIX timestamp such as 2026-03-27T00:00:00Z, got '", f.now, "'"));
    }
    o.now = *t;
  }
  o.report_type_incident = f.report_type_incident;
  o.incident_core_relationships = f.incident_core_relationships;
  return o;
}

int Usage(absl::string_view message) {
  std::cerr << "stixkit convert: " << message << "\nRun 'stixkit convert --help' for usage.\n";
  return kExitUsage;
}

}  // namespace

int RunConvert(const std::vector<std::string>& args) {
  ConvertFlags f;
  const po::options_description desc = Describe(f);
  po::variables_map vm;
  if (absl::Status s = ParseOptions(args, desc, "input", &f.inputs, &vm); !s.ok()) {
    return Usage(s.message());
  }
  if (vm.count("help")) {
    PrintUsage(desc);
    return kExitOk;
  }
  std::optional<convert::Format> format;
  if (!f.format.empty()) {
    format = convert::ParseFormatName(f.format);
    if (!format) return Usage(absl::StrCat("--format: expected md, text or html, got '",
                                           f.format, "'"));
  }
  auto options = MakeOptions(f);
  if (!options.ok()) return Usage(options.status().message());
  auto jobs = PlanJobs(f);
  if (!jobs.ok()) return Usage(jobs.status().message());
  if (!f.out_dir.empty()) {
    std::error_code ec;
    std::filesystem::create_directories(f.out_dir, ec);
    if (ec) {
      std::cerr << "stixkit convert: cannot create --out-dir " << f.out_dir << ": "
                << ec.message() << "\n";
      return kExitFatal;
    }
  }
  stix::ValidatorSettings settings;
  settings.jobs = 1;  // files are converted in parallel; each validation stays on one thread
  auto validator = stix::Validator::Create({}, settings);
  if (!validator.ok()) {
    std::cerr << "stixkit convert: " << validator.status().message() << "\n";
    return kExitFailure;
  }
  std::vector<Result> results(jobs->size());
  std::atomic<size_t> next{0};
  auto worker = [&] {
    for (size_t i = next++; i < jobs->size(); i = next++) {
      results[i] = ConvertOne((*jobs)[i], f, *options, format, *validator);
    }
  };
  unsigned threads = f.jobs != 0 ? f.jobs : std::max(1u, std::thread::hardware_concurrency());
  threads = std::min<unsigned>(threads, static_cast<unsigned>(jobs->size()));
  std::vector<std::thread> pool;
  for (unsigned t = 1; t < threads; ++t) pool.emplace_back(worker);
  worker();
  for (std::thread& t : pool) t.join();
  int exit_code = kExitOk;
  for (const Result& r : results) {
    std::cerr << r.messages;
    std::cout << r.stdout_text;
    exit_code = std::max(exit_code, r.exit_code);
  }
  return exit_code;
}

}  // namespace stixkit::cli
