// `stixkit taxii pull --url API_ROOT --collection ID [-o FILE]`: every object matching
// the filters, page after page, into one bundle. Pages are written to a temporary file
// next to FILE as they arrive (one page in memory at a time) and the file is renamed
// into place only when the last page is in, so FILE is never half written. --state
// remembers X-TAXII-Date-Added-Last for the next run (TAXII 2.1 §3.4).
#include <iostream>

#include "absl/strings/str_cat.h"
#include "cli/commands.h"
#include "cli/exit_codes.h"
#include "cli/option_parser.h"
#include "cli/taxii_client_options.h"
#include "stix/model/uuid.h"
#include "stix/taxii/client/bundle_stream_writer.h"
#include "stix/taxii/client/pager.h"
#include "stix/taxii/client/pull_state.h"
#include "stix/taxii/client/url.h"

namespace stixkit::cli {
namespace po = boost::program_options;
namespace {

struct PullFlags {
  TaxiiClientFlags connection;
  TaxiiFilterFlags filters;
  std::string output = "-";
  std::string state;
};

po::options_description Describe(PullFlags& f) {
  po::options_description desc("options");
  // clang-format off
  desc.add_options()("help,h", "show this help")
      ("output,o", po::value(&f.output), "write the bundle here (atomically); '-' is stdout")
      ("state", po::value(&f.state),
       "remember where this pull ended in FILE, and start there next time");
  // clang-format on
  AddFilterOptions(f.filters, desc);
  AddConnectionOptions(f.connection, desc, /*with_url=*/true);
  return desc;
}

// added_after from --state when the user gave none. InvalidArgument when the state
// file belongs to another collection.
absl::Status ApplyState(const PullFlags& f, taxii::Query* query) {
  if (f.state.empty()) return absl::OkStatus();
  absl::StatusOr<std::optional<taxii::PullState>> state = taxii::ReadPullState(f.state);
  if (!state.ok()) return state.status();
  if (!state->has_value()) return absl::OkStatus();
  const taxii::PullState& s = **state;
  if ((!s.api_root.empty() && s.api_root != taxii::WithTrailingSlash(f.connection.url)) ||
      (!s.collection.empty() && s.collection != f.connection.collection)) {
    return absl::InvalidArgumentError(
        absl::StrCat("state file '", f.state, "' belongs to collection ", s.collection, " at ",
                     s.api_root, "; use another --state file for this collection"));
  }
  if (query->added_after.empty()) query->added_after = s.added_after;
  return absl::OkStatus();
}

// Runs the pull into the output; an exit code (kExitOk with *summary set, or the
// failure, already printed).
int Pull(const PullFlags& f, taxii::TaxiiClient& client, const taxii::Query& query,
         taxii::PagingSummary* summary) {
  const std::string bundle_id = "bundle--" + stix::UuidV4(stix::SystemRandom()).ToString();
  absl::StatusOr<std::unique_ptr<taxii::BundleStreamWriter>> out =
      taxii::BundleStreamWriter::Open(f.output, bundle_id);
  if (!out.ok()) return ReportFailure("pull", out.status(), kExitFatal);
  absl::Status write_error;  // a local failure, told apart from the server's
  taxii::PagingLimits limits;
  limits.max_pages = f.filters.max_pages;
  const std::string& root = f.connection.url;
  const std::string& collection = f.connection.collection;
  absl::StatusOr<taxii::PagingSummary> done = taxii::FetchAllPages(
      query, [&](const taxii::Query& q) { return client.GetObjects(root, collection, q); },
      [&](const rapidjson::Value& object) -> absl::Status {
        if (!object.IsObject()) {
          return absl::InvalidArgumentError(
              "the server sent an \"objects\" entry that is not a JSON object");
        }
        write_error = (*out)->Add(object);
        return write_error;
      },
      limits);
  if (!done.ok()) {
    return ReportFailure("pull", done.status(), write_error.ok() ? kExitRemote : kExitFatal);
  }
  if (absl::Status s = (*out)->Commit(); !s.ok()) return ReportFailure("pull", s, kExitFatal);
  *summary = *std::move(done);
  return kExitOk;
}

}  // namespace

int RunTaxiiPull(const std::vector<std::string>& args) {
  PullFlags f;
  po::options_description desc = Describe(f);
  po::variables_map vm;
  if (absl::Status s = ParseOptions(args, desc, nullptr, nullptr, &vm); !s.ok()) {
    return UsageError("pull", s);
  }
  if (vm.count("help")) {
    std::cout << "usage: stixkit taxii pull --url API_ROOT_URL --collection ID [-o FILE] "
                 "[OPTIONS]\n\n"
              << "Fetches the collection's objects, following pagination, into one bundle.\n"
              << "Exit code: 0 done, 2 usage, 4 the server failed or made no progress,\n"
              << "16 the output could not be written.\n\n"
              << desc;
    return kExitOk;
  }
  if (absl::Status s = ResolveConnection(f.connection); !s.ok()) {
    return UsageError("pull", s);
  }
  if (f.connection.url.empty() || f.connection.collection.empty()) {
    return UsageError("pull", "expected --url API_ROOT_URL and --collection ID");
  }
  absl::StatusOr<taxii::Query> query = BuildQuery(f.filters);
  if (!query.ok()) return UsageError("pull", query.status());
  if (absl::Status s = ApplyState(f, &*query); !s.ok()) return UsageError("pull", s);

  absl::StatusOr<TaxiiSession> session = OpenSession(f.connection);
  if (!session.ok()) return ReportFailure("pull", session.status(), kExitUsage);
  taxii::PagingSummary summary;
  if (const int code = Pull(f, *session->client, *query, &summary); code != kExitOk) return code;
  if (!f.state.empty() && !summary.date_added_last.empty()) {
    const taxii::PullState state{taxii::WithTrailingSlash(f.connection.url),
                                 f.connection.collection, summary.date_added_last};
    if (absl::Status s = taxii::WritePullState(f.state, state); !s.ok()) {
      return ReportFailure("pull", s, kExitFatal);
    }
  }
  if (!f.connection.quiet) {
    std::cerr << "stixkit taxii pull: " << summary.items << " objects in " << summary.pages
              << " page(s)";
    if (summary.repeated_items > 0) {
      std::cerr << " (" << summary.repeated_items << " repeated objects skipped)";
    }
    std::cerr << (f.output == "-" ? "" : absl::StrCat(" written to ", f.output)) << "\n";
  }
  return kExitOk;
}

}  // namespace stixkit::cli
