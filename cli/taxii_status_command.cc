// `stixkit taxii status API_ROOT_URL STATUS_ID`: the status resource of an earlier POST
// (TAXII 2.1 §4.3): its counts and each object that succeeded, failed or is pending.
// --wait polls until the status is complete or --timeout passes.
#include <iostream>

#include "cli/commands.h"
#include "cli/exit_codes.h"
#include "cli/option_parser.h"
#include "cli/taxii_client_options.h"
#include "stix/taxii/client/http_error.h"
#include "stix/taxii/client/pusher.h"

namespace stixkit::cli {
namespace po = boost::program_options;
namespace {

void PrintDetails(std::string_view label, const std::vector<taxii::StatusDetail>& details) {
  for (const taxii::StatusDetail& d : details) {
    std::cout << label << taxii::PrintableExcerpt(d.id) << " "
              << taxii::PrintableExcerpt(d.version);
    if (!d.message.empty()) std::cout << ": " << taxii::PrintableExcerpt(d.message);
    std::cout << "\n";
  }
}

}  // namespace

int RunTaxiiStatus(const std::vector<std::string>& args) {
  TaxiiClientFlags flags;
  bool wait = false;
  po::options_description desc("options");
  // clang-format off
  desc.add_options()("help,h", "show this help")
      ("wait", po::bool_switch(&wait), "poll until the status is complete (up to --timeout)");
  // clang-format on
  AddConnectionOptions(flags, desc, /*with_url=*/false);
  std::vector<std::string> words;
  po::variables_map vm;
  if (absl::Status s = ParseOptions(args, desc, "words", &words, &vm); !s.ok()) {
    return UsageError("status", s);
  }
  if (vm.count("help")) {
    std::cout << "usage: stixkit taxii status [OPTIONS] API_ROOT_URL STATUS_ID\n\n"
              << "Exit code: 0 when nothing failed, 4 when objects failed or the request "
                 "failed.\n\n"
              << desc;
    return kExitOk;
  }
  if (words.size() != 2) return UsageError("status", "expected API_ROOT_URL and STATUS_ID");
  flags.url = words[0];
  if (absl::Status s = ResolveConnection(flags); !s.ok()) return UsageError("status", s);
  absl::StatusOr<TaxiiSession> session = OpenSession(flags);
  if (!session.ok()) return ReportFailure("status", session.status(), kExitUsage);
  absl::StatusOr<taxii::StatusResource> status = session->client->GetStatus(flags.url, words[1]);
  if (status.ok() && wait) {
    status = taxii::WaitForStatus(*session->client, flags.url, *std::move(status),
                                  absl::Seconds(flags.timeout));
  }
  if (!status.ok()) return ReportFailure("status", status.status());
  std::cout << "status " << status->id << ": " << status->status << "\n"
            << "total " << status->total_count << ", succeeded " << status->success_count
            << ", failed " << status->failure_count << ", pending " << status->pending_count
            << "\n";
  if (!status->request_timestamp.empty()) {
    std::cout << "requested " << status->request_timestamp << "\n";
  }
  PrintDetails("ok       ", status->successes);
  PrintDetails("FAILED   ", status->failures);
  PrintDetails("pending  ", status->pendings);
  return status->failure_count > 0 || !status->failures.empty() ? kExitRemote : kExitOk;
}

}  // namespace stixkit::cli
