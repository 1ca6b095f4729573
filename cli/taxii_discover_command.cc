// `stixkit taxii discover URL`: a server's discovery resource (TAXII 2.1 §4.1): its
// title, contact and API roots, resolved to absolute URLs.
#include <iostream>

#include "cli/commands.h"
#include "cli/exit_codes.h"
#include "cli/option_parser.h"
#include "cli/taxii_client_options.h"
#include "stix/taxii/client/http_error.h"

namespace stixkit::cli {
namespace po = boost::program_options;

int RunTaxiiDiscover(const std::vector<std::string>& args) {
  TaxiiClientFlags flags;
  if (std::optional<int> done = ParseUrlVerb(
          args, "discover",
          "usage: stixkit taxii discover [OPTIONS] URL\n\n"
          "Reads URL/taxii2/ (or URL itself when it has a path) and lists the API roots.\n",
          "the server's URL", flags)) {
    return *done;
  }
  absl::StatusOr<TaxiiSession> session = OpenSession(flags);
  if (!session.ok()) return ReportFailure("discover", session.status(), kExitUsage);
  absl::StatusOr<taxii::Discovery> d = session->client->GetDiscovery(flags.url);
  if (!d.ok()) return ReportFailure("discover", d.status());
  using taxii::PrintableExcerpt;
  std::cout << "title: " << PrintableExcerpt(d->title) << "\n";
  if (!d->description.empty()) {
    std::cout << "description: " << PrintableExcerpt(d->description, 1000) << "\n";
  }
  if (!d->contact.empty()) std::cout << "contact: " << PrintableExcerpt(d->contact) << "\n";
  if (!d->default_root.empty()) {
    std::cout << "default: " << PrintableExcerpt(d->default_root) << "\n";
  }
  std::cout << "api roots:" << (d->api_roots.empty() ? " none\n" : "\n");
  for (const std::string& root : d->api_roots) std::cout << "  " << PrintableExcerpt(root) << "\n";
  return kExitOk;
}

}  // namespace stixkit::cli
