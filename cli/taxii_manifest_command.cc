// `stixkit taxii manifest --url API_ROOT --collection ID [filters]`: one line per object
// version in the collection (TAXII 2.1 §5.3) — when it was added, its id and version,
// and its media type — without fetching the objects. Follows pagination like `pull`.
#include <iostream>

#include "cli/commands.h"
#include "cli/exit_codes.h"
#include "cli/option_parser.h"
#include "cli/taxii_client_options.h"
#include "rapidjson/stringbuffer.h"
#include "rapidjson/writer.h"
#include "stix/json/json_access.h"
#include "stix/taxii/client/http_error.h"
#include "stix/taxii/client/pager.h"

namespace stixkit::cli {
namespace po = boost::program_options;
namespace {

struct ManifestFlags {
  TaxiiClientFlags connection;
  TaxiiFilterFlags filters;
  bool json = false;
};

absl::Status PrintRecord(const rapidjson::Value& record, bool json) {
  if (!record.IsObject()) {
    return absl::InvalidArgumentError("the server sent a manifest entry that is not a JSON object");
  }
  if (json) {
    rapidjson::StringBuffer buffer;
    rapidjson::Writer<rapidjson::StringBuffer> writer(buffer);
    record.Accept(writer);
    std::cout << buffer.GetString() << "\n";
    return absl::OkStatus();
  }
  using stix::StringMember;
  std::cout << taxii::PrintableExcerpt(StringMember(record, "date_added")) << "  "
            << taxii::PrintableExcerpt(StringMember(record, "id")) << "  "
            << taxii::PrintableExcerpt(StringMember(record, "version"));
  if (const std::string_view media = StringMember(record, "media_type"); !media.empty()) {
    std::cout << "  " << taxii::PrintableExcerpt(media);
  }
  std::cout << "\n";
  return absl::OkStatus();
}

}  // namespace

int RunTaxiiManifest(const std::vector<std::string>& args) {
  ManifestFlags f;
  po::options_description desc("options");
  // clang-format off
  desc.add_options()("help,h", "show this help")
      ("json", po::bool_switch(&f.json), "print each manifest record as one JSON line");
  // clang-format on
  AddFilterOptions(f.filters, desc);
  AddConnectionOptions(f.connection, desc, /*with_url=*/true);
  po::variables_map vm;
  if (absl::Status s = ParseOptions(args, desc, nullptr, nullptr, &vm); !s.ok()) {
    return UsageError("manifest", s);
  }
  if (vm.count("help")) {
    std::cout << "usage: stixkit taxii manifest --url API_ROOT_URL --collection ID "
                 "[OPTIONS]\n\n"
              << "Lists date_added, id, version and media type of each object version.\n\n"
              << desc;
    return kExitOk;
  }
  if (absl::Status s = ResolveConnection(f.connection); !s.ok()) {
    return UsageError("manifest", s);
  }
  if (f.connection.url.empty() || f.connection.collection.empty()) {
    return UsageError("manifest", "expected --url API_ROOT_URL and --collection ID");
  }
  absl::StatusOr<taxii::Query> query = BuildQuery(f.filters);
  if (!query.ok()) return UsageError("manifest", query.status());
  absl::StatusOr<TaxiiSession> session = OpenSession(f.connection);
  if (!session.ok()) return ReportFailure("manifest", session.status(), kExitUsage);
  taxii::PagingLimits limits;
  limits.max_pages = f.filters.max_pages;
  taxii::TaxiiClient& client = *session->client;
  absl::StatusOr<taxii::PagingSummary> summary = taxii::FetchAllPages(
      *query,
      [&](const taxii::Query& q) {
        return client.GetManifest(f.connection.url, f.connection.collection, q);
      },
      [&](const rapidjson::Value& record) { return PrintRecord(record, f.json); }, limits);
  if (!summary.ok()) return ReportFailure("manifest", summary.status());
  if (!f.connection.quiet) {
    std::cerr << "stixkit taxii manifest: " << summary->items << " records in " << summary->pages
              << " page(s)\n";
  }
  return kExitOk;
}

}  // namespace stixkit::cli
