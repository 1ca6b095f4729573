// The options every `stixkit taxii` client verb shares: where the server is, how to
// authenticate, TLS and proxy settings, timeouts, retries and bounds; plus the filter
// options of `pull` and `manifest`. A JSON config file (--config) may supply the
// connection settings; the command line wins over it. Secrets are read from files or the
// environment only (docs/taxii-client.md).
//
//   TaxiiClientFlags flags;
//   po::options_description desc("options");
//   AddConnectionOptions(flags, desc);
//   ... ParseOptions ...
//   STIXKIT_RETURN_IF_ERROR(ResolveConnection(flags));
//   STIXKIT_ASSIGN_OR_RETURN(TaxiiSession session, OpenSession(flags));
//   session.client->GetCollections(flags.url);
#ifndef STIXKIT_CLI_TAXII_CLIENT_OPTIONS_H_
#define STIXKIT_CLI_TAXII_CLIENT_OPTIONS_H_

#include <cstddef>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "boost/program_options.hpp"
#include "cli/exit_codes.h"
#include "stix/taxii/client/auth.h"
#include "stix/taxii/client/curl_transport.h"
#include "stix/taxii/client/query.h"
#include "stix/taxii/client/taxii_client.h"

namespace stixkit::cli {

struct TaxiiClientFlags {
  std::string config;
  std::string url;
  std::string collection;
  std::string user;
  std::string password_file;
  std::string token_file;
  std::string token_header;
  std::string cert;
  std::string key;
  std::string ca_bundle;
  std::string proxy;
  bool insecure_http = false;
  double connect_timeout = 10;
  double timeout = 60;
  int retries = 3;
  size_t max_response_bytes = size_t{256} << 20;
  bool quiet = false;

  // Filled by ResolveConnection from the files and the environment.
  taxii::Credentials credentials;
};

// Adds the shared options. `with_url` adds --url and --collection (push, pull,
// manifest); the other verbs take the URL as a positional word.
void AddConnectionOptions(TaxiiClientFlags& flags,
                          boost::program_options::options_description& desc, bool with_url);

// Applies --config under the command line, reads the password and token files or the
// environment (STIXKIT_TAXII_PASSWORD, STIXKIT_TAXII_TOKEN), and checks the values and
// the URL (https, or http only to loopback or with --insecure-http). InvalidArgument
// (a usage error) naming the problem.
absl::Status ResolveConnection(TaxiiClientFlags& flags);

// A transport and a client configured from resolved flags. The client borrows the
// transport; keep the session alive while using it.
struct TaxiiSession {
  std::unique_ptr<taxii::CurlTransport> transport;
  std::unique_ptr<taxii::TaxiiClient> client;
};
absl::StatusOr<TaxiiSession> OpenSession(const TaxiiClientFlags& flags);

// Filters of `pull` and `manifest`.
struct TaxiiFilterFlags {
  std::string added_after;
  std::vector<std::string> match_type;
  std::vector<std::string> match_id;
  std::vector<std::string> version;
  std::vector<std::string> spec_version;
  int limit = 0;
  int max_pages = 100000;
};

void AddFilterOptions(TaxiiFilterFlags& flags, boost::program_options::options_description& desc);

// The query the filters describe (comma-separated values split, --added-after
// normalized). InvalidArgument naming the bad value.
absl::StatusOr<taxii::Query> BuildQuery(const TaxiiFilterFlags& flags);

// Prints "stixkit taxii VERB: MESSAGE" on standard error and returns `exit_code`.
// The command line of a verb that takes the connection options and one URL (discover,
// collections): parsed into `flags`, with flags.url set. Nullopt to go on; otherwise the
// exit code to return at once (help was printed, or a usage error). `usage` is the
// help text's head, `what` names the URL in messages ("the API root URL").
std::optional<int> ParseUrlVerb(const std::vector<std::string>& args, std::string_view verb,
                                std::string_view usage, std::string_view what,
                                TaxiiClientFlags& flags);

int ReportFailure(std::string_view verb, const absl::Status& status, int exit_code = kExitRemote);

// Prints a usage error with a pointer to --help and returns kExitUsage.
int UsageError(std::string_view verb, std::string_view message);
int UsageError(std::string_view verb, const absl::Status& status);

}  // namespace stixkit::cli

#endif  // STIXKIT_CLI_TAXII_CLIENT_OPTIONS_H_
