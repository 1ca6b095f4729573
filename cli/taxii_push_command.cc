// `stixkit taxii push --url API_ROOT --collection ID FILE...`: validate, refuse TLP:RED,
// split into envelopes under the API root's max_content_length, POST them, poll each
// status, and report every object. The checks run before any network traffic, and
// --dry-run stops right after them (docs/taxii-client.md).
#include <iostream>

#include "absl/strings/str_cat.h"
#include "cli/commands.h"
#include "cli/exit_codes.h"
#include "cli/option_parser.h"
#include "cli/taxii_client_options.h"
#include "cli/validate_report.h"
#include "stix/base/input_file.h"
#include "stix/taxii/client/push_planner.h"
#include "stix/taxii/client/pusher.h"
#include "stix/taxii/envelope.h"
#include "stix/validate/validator.h"

namespace stixkit::cli {
namespace po = boost::program_options;
namespace {

// Used by --dry-run, which asks no server for its max_content_length.
constexpr size_t kDryRunEnvelopeBytes = size_t{10} << 20;
// Findings printed per invalid file before "... and N more".
constexpr size_t kMaxFindingsShown = 20;

struct PushFlags {
  TaxiiClientFlags connection;
  std::vector<std::string> files;
  bool force = false;
  bool allow_red = false;
  bool dry_run = false;
  size_t max_envelope_bytes = 0;
};

po::options_description Describe(PushFlags& f) {
  po::options_description desc("options");
  // clang-format off
  desc.add_options()("help,h", "show this help")
      ("force", po::bool_switch(&f.force), "push even when validation finds errors")
      ("allow-red", po::bool_switch(&f.allow_red), "push content marked TLP:RED")
      ("dry-run", po::bool_switch(&f.dry_run),
       "check and print the envelopes (JSON Lines) without sending anything")
      ("max-envelope-bytes", po::value(&f.max_envelope_bytes),
       "keep envelopes below this size (default: the API root's max_content_length; "
       "10 MiB with --dry-run)");
  // clang-format on
  AddConnectionOptions(f.connection, desc, /*with_url=*/true);
  return desc;
}

// Validates one file's text; false when it has errors (the findings are printed).
bool ValidateForPush(const stix::Validator& validator, const InputFile& file, bool force,
                     bool* fatal) {
  stix::FileReport report = validator.ValidateText(file.contents(), file.path());
  if (!report.fatal.ok()) {
    std::cerr << "stixkit taxii push: " << report.fatal.message() << "\n";
    *fatal = true;
    return false;
  }
  if (report.valid()) return true;
  const size_t total = report.findings.size();
  if (total > kMaxFindingsShown) report.findings.resize(kMaxFindingsShown);
  WriteTextReport(report, /*silent=*/false, std::cerr);
  if (total > kMaxFindingsShown) {
    std::cerr << "... and " << total - kMaxFindingsShown << " more; run 'stixkit validate "
              << file.path() << "' for all\n";
  }
  std::cerr << (force ? "stixkit taxii push: pushing invalid content because of --force\n" : "");
  return false;
}

// Reads, validates and plans every file. Returns an exit code, or -1 to go on.
int Prepare(const PushFlags& f, taxii::PushPlan* plan) {
  absl::StatusOr<stix::Validator> validator = stix::Validator::Create({});
  if (!validator.ok()) return ReportFailure("push", validator.status(), kExitFailure);
  taxii::PushPlanner planner;
  bool invalid = false;
  for (const std::string& path : f.files) {
    absl::StatusOr<InputFile> file = InputFile::Open(path);
    if (!file.ok()) return ReportFailure("push", file.status(), kExitFatal);
    bool fatal = false;
    if (!ValidateForPush(*validator, *file, f.force, &fatal)) {
      if (fatal) return kExitFatal;
      invalid = true;
    }
    if (absl::Status s = planner.AddText(file->contents(), path); !s.ok()) {
      return ReportFailure("push", s, kExitFatal);
    }
  }
  if (invalid && !f.force) {
    std::cerr << "stixkit taxii push: refusing to push invalid content; fix it, or use "
                 "--force to push it anyway\n";
    return kExitInvalid;
  }
  *plan = std::move(planner).Finish();
  if (!plan->red.empty() && !f.allow_red) {
    std::cerr << "stixkit taxii push: refusing to push " << plan->red.size()
              << " object(s) marked TLP:RED (use --allow-red to push them anyway):\n";
    for (const taxii::RedObject& red : plan->red) {
      std::cerr << "  " << red.id << " (" << red.reason << ")\n";
    }
    return kExitRefused;
  }
  if (plan->objects.empty()) {
    std::cerr << "stixkit taxii push: the input holds no objects; nothing to push\n";
    return kExitOk;
  }
  return -1;
}

int DryRun(const PushFlags& f, const taxii::PushPlan& plan) {
  const size_t limit = f.max_envelope_bytes > 0 ? f.max_envelope_bytes : kDryRunEnvelopeBytes;
  absl::StatusOr<std::vector<std::string>> envelopes =
      taxii::SplitIntoEnvelopes(plan.objects, limit);
  if (!envelopes.ok()) return ReportFailure("push", envelopes.status(), kExitInvalid);
  for (const std::string& e : *envelopes) std::cout << e << "\n";
  std::cerr << "stixkit taxii push: dry run: " << plan.objects.size() << " objects in "
            << envelopes->size() << " envelope(s) of at most " << limit
            << " bytes; nothing was sent\n";
  return kExitOk;
}

int Report(const taxii::PushResult& result, bool quiet) {
  for (const taxii::ObjectResult& r : result.results) {
    if (quiet && r.outcome == taxii::Outcome::kSuccess) continue;
    const char* label = r.outcome == taxii::Outcome::kSuccess   ? "ok       "
                        : r.outcome == taxii::Outcome::kFailure ? "FAILED   "
                                                                : "pending  ";
    std::cout << label << r.id << " " << r.version;
    if (!r.message.empty()) std::cout << ": " << r.message;
    std::cout << "\n";
  }
  const size_t ok = result.Count(taxii::Outcome::kSuccess);
  const size_t failed = result.Count(taxii::Outcome::kFailure);
  const size_t pending = result.Count(taxii::Outcome::kPending);
  std::cout << "pushed " << result.results.size() << " objects in " << result.envelopes
            << " envelope(s): " << ok << " succeeded, " << failed << " failed, " << pending
            << " pending\n";
  if (!result.stopped.ok()) return ReportFailure("push", result.stopped);
  return failed + pending > 0 ? kExitRemote : kExitOk;
}

}  // namespace

int RunTaxiiPush(const std::vector<std::string>& args) {
  PushFlags f;
  po::options_description desc = Describe(f);
  po::variables_map vm;
  if (absl::Status s = ParseOptions(args, desc, "file", &f.files, &vm); !s.ok()) {
    return UsageError("push", s);
  }
  if (vm.count("help")) {
    std::cout << "usage: stixkit taxii push --url API_ROOT_URL --collection ID [OPTIONS] "
                 "FILE...\n\n"
              << "Validates the files, refuses TLP:RED content, splits the objects into\n"
              << "envelopes under the server's max_content_length and POSTs them.\n"
              << "Exit code: 0 all objects stored, 2 invalid input, 4 a request or an\n"
              << "object failed, 8 TLP:RED refused, 16 unreadable input.\n\n"
              << desc;
    return kExitOk;
  }
  if (f.files.empty()) return UsageError("push", "expected one or more FILEs ('-' for stdin)");
  if (absl::Status s = ResolveConnection(f.connection); !s.ok()) {
    return UsageError("push", s);
  }
  if (!f.dry_run && (f.connection.url.empty() || f.connection.collection.empty())) {
    return UsageError("push", "expected --url API_ROOT_URL and --collection ID");
  }
  taxii::PushPlan plan;
  if (const int code = Prepare(f, &plan); code >= 0) return code;
  if (f.dry_run) return DryRun(f, plan);

  absl::StatusOr<TaxiiSession> session = OpenSession(f.connection);
  if (!session.ok()) return ReportFailure("push", session.status(), kExitUsage);
  taxii::PushOptions options;
  options.max_envelope_bytes = f.max_envelope_bytes;
  options.status_timeout = absl::Seconds(f.connection.timeout);
  if (!f.connection.quiet) {
    options.log = [](std::string_view note) {
      std::cerr << "stixkit taxii push: " << note << "\n";
    };
  }
  absl::StatusOr<taxii::PushResult> result = taxii::PushObjects(
      *session->client, f.connection.url, f.connection.collection, plan, options);
  if (!result.ok()) return ReportFailure("push", result.status());
  return Report(*result, f.connection.quiet);
}

}  // namespace stixkit::cli
