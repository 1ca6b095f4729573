// `stixkit validate`: the reference validator's command line, plus output formats.
#include <algorithm>
#include <filesystem>
#include <iostream>
#include <sstream>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_split.h"
#include "boost/program_options.hpp"
#include "cli/commands.h"
#include "cli/exit_codes.h"
#include "cli/option_parser.h"
#include "cli/validate_report.h"
#include "stix/base/atomic_file.h"
#include "stix/validate/validator.h"

namespace stixkit::cli {
namespace po = boost::program_options;
namespace {

struct ValidateFlags {
  stix::ValidationOptions options;
  stix::ValidatorSettings settings;
  std::vector<std::string> inputs;
  std::vector<std::string> disable;
  std::vector<std::string> enable;
  std::string format = "text";
  std::string output;
  bool silent = false;
  bool no_recursive = false;
};

po::options_description Describe(ValidateFlags& f) {
  po::options_description desc("options (names follow stix2-validator)");
  desc.add_options()
      ("help,h", "show this help and the check codes")
      ("strict", po::bool_switch(&f.options.strict), "treat best-practice warnings as errors")
      ("disable,d", po::value(&f.disable)->composing(),
       "skip these best-practice checks (codes or names, comma-separated)")
      ("ignore", po::value(&f.disable)->composing(), "same as --disable")
      ("enable,e", po::value(&f.enable)->composing(),
       "run only these best-practice checks (codes or names, comma-separated)")
      ("select", po::value(&f.enable)->composing(), "same as --enable")
      ("strict-types", po::bool_switch(&f.options.strict_types),
       "allow only object types the spec defines")
      ("strict-properties", po::bool_switch(&f.options.strict_properties),
       "allow only properties the spec defines")
      ("enforce-refs", po::bool_switch(&f.options.enforce_refs),
       "relationship and sighting endpoints must be in the same bundle")
      ("interop", po::bool_switch(&f.options.interop), "apply the interoperability rules")
      ("version", po::value(&f.options.version), "STIX version to check against (2.1)")
      ("recursive,r", "recurse into directories (the default)")
      ("no-recursive", po::bool_switch(&f.no_recursive), "only the files named, not subfolders")
      ("silent,q", po::bool_switch(&f.silent), "print nothing; use the exit code")
      ("verbose,v", "accepted for compatibility")
      ("format", po::value(&f.format), "output format: text, json (JSON Lines) or sarif")
      ("output,o", po::value(&f.output), "write the report to FILE (atomically)")
      ("jobs,j", po::value(&f.settings.jobs), "worker threads (default: one per core)")
      ("stream", "accepted: objects are always read one at a time")
      ("max-depth", po::value(&f.settings.limits.max_depth),
       "maximum JSON nesting depth (default 100, at most 1000)")
      ("max-string-bytes", po::value(&f.settings.limits.max_string_bytes),
       "maximum length of one JSON string (default 256 MiB)")
      ("max-objects", po::value(&f.settings.limits.max_objects),
       "maximum objects in one bundle or array (default 10,000,000)")
      ("max-input-bytes", po::value(&f.settings.limits.max_input_bytes),
       "refuse files larger than N bytes (default 0: no limit)");
  return desc;
}

std::vector<std::string> SplitList(const std::vector<std::string>& values) {
  std::vector<std::string> out;
  for (const std::string& v : values) {
    for (absl::string_view part : absl::StrSplit(v, ',', absl::SkipWhitespace())) {
      out.emplace_back(part);
    }
  }
  return out;
}

void PrintHelp(const po::options_description& desc) {
  std::cout << "usage: stixkit validate [OPTIONS] FILE|DIR|- ...\n\n"
            << "Checks STIX 2.1 JSON (a bundle, an object, or an array of objects) against\n"
            << "the schemas, the spec's MUST rules and its best practices.\n"
            << "Exit code: 0 valid, 2 errors, 16 fatal (unreadable, not JSON), 1 internal,\n"
            << "OR-ed over all files.\n\n"
            << desc << "\nbest-practice check codes:\n";
  for (const auto& c : stix::AllCheckCodes()) {
    std::cout << "  " << c.code << std::string(6 - std::min<size_t>(5, c.code.size()), ' ')
              << c.name << "\n";
  }
}

// Files named on the command line, with directories expanded to their *.json files in
// sorted order so that output is reproducible.
absl::StatusOr<std::vector<std::string>> ExpandInputs(const ValidateFlags& f) {
  std::vector<std::string> files;
  for (const std::string& input : f.inputs) {
    std::error_code ec;
    if (input != "-" && std::filesystem::is_directory(input, ec)) {
      std::vector<std::string> found;
      auto add = [&](const std::filesystem::directory_entry& e) {
        if (e.is_regular_file() && e.path().extension() == ".json") found.push_back(e.path());
      };
      if (f.no_recursive) {
        for (const auto& e : std::filesystem::directory_iterator(input, ec)) add(e);
      } else {
        for (const auto& e : std::filesystem::recursive_directory_iterator(input, ec)) add(e);
      }
      if (ec) return absl::NotFoundError(absl::StrCat("cannot read directory '", input, "': ",
                                                      ec.message()));
      std::sort(found.begin(), found.end());
      files.insert(files.end(), found.begin(), found.end());
    } else {
      files.push_back(input);
    }
  }
  return files;
}

int ExitCodeOf(const stix::FileReport& report) {
  if (!report.fatal.ok()) return kExitFatal;
  return report.valid() ? kExitOk : kExitInvalid;
}

}  // namespace

int RunValidate(const std::vector<std::string>& args) {
  ValidateFlags f;
  po::options_description desc = Describe(f);
  po::variables_map vm;
  if (absl::Status s = ParseOptions(args, desc, "input", &f.inputs, &vm); !s.ok()) {
    std::cerr << "stixkit validate: " << s.message() << "\nRun 'stixkit validate --help'.\n";
    return kExitUsage;
  }
  if (vm.count("help")) {
    PrintHelp(desc);
    return kExitOk;
  }
  if (f.format != "text" && f.format != "json" && f.format != "sarif") {
    std::cerr << "stixkit validate: unknown --format '" << f.format
              << "'; expected text, json or sarif\n";
    return kExitUsage;
  }
  if (f.inputs.empty()) f.inputs.push_back("-");
  f.options.disabled = SplitList(f.disable);
  f.options.enabled = SplitList(f.enable);
  auto validator = stix::Validator::Create(f.options, f.settings);
  if (!validator.ok()) {
    std::cerr << "stixkit validate: " << validator.status().message() << "\n";
    return kExitUsage;
  }
  auto files = ExpandInputs(f);
  if (!files.ok()) {
    std::cerr << "stixkit validate: " << files.status().message() << "\n";
    return kExitFatal;
  }

  std::ostringstream buffered;
  std::ostream& out = f.output.empty() ? std::cout : buffered;
  std::vector<stix::FileReport> reports;
  int exit_code = kExitOk;
  for (const std::string& file : *files) {
    stix::FileReport report = validator->ValidateFile(file);
    exit_code |= ExitCodeOf(report);
    if (f.format == "text") WriteTextReport(report, f.silent, out);
    if (f.format == "json" && !f.silent) out << JsonReportLine(report) << "\n";
    if (f.format == "sarif") reports.push_back(std::move(report));
  }
  if (f.format == "sarif" && !f.silent) out << SarifReport(reports) << "\n";
  if (!f.output.empty()) {
    if (absl::Status s = WriteFileAtomically(f.output, buffered.str()); !s.ok()) {
      std::cerr << "stixkit validate: " << s.message() << "\n";
      return exit_code | kExitFatal;
    }
  }
  return exit_code;
}

}  // namespace stixkit::cli
