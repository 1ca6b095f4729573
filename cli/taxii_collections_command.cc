// `stixkit taxii collections API_ROOT_URL`: the API root's title and size limit, then
// one line per collection with its id, read and write rights, and title (TAXII 2.1
// §4.2, §5.1).
#include <iostream>

#include "cli/commands.h"
#include "cli/exit_codes.h"
#include "cli/option_parser.h"
#include "cli/taxii_client_options.h"
#include "stix/taxii/client/http_error.h"

namespace stixkit::cli {
namespace po = boost::program_options;

int RunTaxiiCollections(const std::vector<std::string>& args) {
  TaxiiClientFlags flags;
  if (std::optional<int> done =
          ParseUrlVerb(args, "collections", "usage: stixkit taxii collections [OPTIONS] API_ROOT_URL\n",
                       "the API root URL", flags)) {
    return *done;
  }
  absl::StatusOr<TaxiiSession> session = OpenSession(flags);
  if (!session.ok()) return ReportFailure("collections", session.status(), kExitUsage);
  absl::StatusOr<taxii::ApiRoot> root = session->client->GetApiRoot(flags.url);
  if (!root.ok()) return ReportFailure("collections", root.status());
  absl::StatusOr<std::vector<taxii::Collection>> list = session->client->GetCollections(flags.url);
  if (!list.ok()) return ReportFailure("collections", list.status());
  using taxii::PrintableExcerpt;
  std::cout << "api root: " << PrintableExcerpt(root->title) << " (max_content_length "
            << root->max_content_length << " bytes)\n";
  if (list->empty()) {
    std::cout << "no collections visible to this account\n";
    return kExitOk;
  }
  std::cout << "id                                    read  write  title\n";
  for (const taxii::Collection& c : *list) {
    std::string id = PrintableExcerpt(c.id, 100);
    if (id.size() < 36) id.resize(36, ' ');
    std::cout << id << "  " << (c.can_read ? "yes " : "no  ") << "  "
              << (c.can_write ? "yes  " : "no   ") << "  " << PrintableExcerpt(c.title);
    if (!c.alias.empty()) std::cout << " (alias " << PrintableExcerpt(c.alias) << ")";
    std::cout << "\n";
  }
  return kExitOk;
}

}  // namespace stixkit::cli
