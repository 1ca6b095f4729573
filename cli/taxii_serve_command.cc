// `stixkit taxii serve`: runs the TAXII 2.1 server (stix/taxii/server/) until SIGINT or
// SIGTERM, and `--hash-password` prints a password hash for its config file.
#include <signal.h>

#include <cstdlib>
#include <iostream>
#include <mutex>

#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"
#include "boost/program_options.hpp"
#include "cli/commands.h"
#include "cli/exit_codes.h"
#include "cli/option_parser.h"
#include "stix/taxii/server/server.h"

namespace stixkit::cli {
namespace po = boost::program_options;
namespace {

struct ServeFlags {
  taxii::ServerOptions options;
  std::string listen = "127.0.0.1:9443";
  bool hash_password = false;
  int iterations = taxii::kDefaultPasswordIterations;
  bool quiet = false;
};

po::options_description Describe(ServeFlags& f) {
  taxii::ServerOptions& o = f.options;
  po::options_description desc("options");
  desc.add_options()
      ("help,h", "show this help")
      ("db", po::value(&o.db_path), "the SQLite database file (created if missing); required")
      ("config", po::value(&o.config_path),
       "JSON config: API roots, collections, users (docs/taxii.md)")
      ("listen", po::value(&f.listen)->default_value(f.listen),
       "HOST:PORT to listen on; port 0 picks a free port")
      ("cert", po::value(&o.cert_file), "TLS certificate chain (PEM); serves HTTPS with --key")
      ("key", po::value(&o.key_file), "TLS private key (PEM)")
      ("client-ca", po::value(&o.client_ca_file),
       "require client certificates signed by a CA in this PEM file (mutual TLS)")
      ("threads", po::value(&o.threads)->default_value(o.threads), "request worker threads")
      ("max-content-length", po::value(&o.max_content_length)->default_value(o.max_content_length),
       "largest request body in bytes (the API root's max_content_length); larger gets 413")
      ("page-size", po::value(&o.default_page_size)->default_value(o.default_page_size),
       "objects per page when a request has no limit")
      ("max-page-size", po::value(&o.max_page_size)->default_value(o.max_page_size),
       "largest page, whatever limit a request asks for")
      ("read-timeout", po::value(&o.read_timeout_seconds)->default_value(o.read_timeout_seconds),
       "seconds to wait for a request's bytes")
      ("write-timeout",
       po::value(&o.write_timeout_seconds)->default_value(o.write_timeout_seconds),
       "seconds to wait while sending a response")
      ("request-timeout",
       po::value(&o.request_timeout_seconds)->default_value(o.request_timeout_seconds),
       "seconds one request may take to arrive in full (cuts slow clients)")
      ("keep-alive-timeout",
       po::value(&o.keep_alive_timeout_seconds)->default_value(o.keep_alive_timeout_seconds),
       "seconds an idle connection is kept open")
      ("max-header-count", po::value(&o.max_header_count)->default_value(o.max_header_count),
       "most header fields in a request; more gets 431")
      ("max-header-bytes", po::value(&o.max_header_bytes)->default_value(o.max_header_bytes),
       "most header bytes in a request; more gets 431")
      ("public-url", po::value(&o.public_url),
       "scheme://host[:port] that clients use (behind a proxy); default: the Host header")
      ("quiet,q", po::bool_switch(&f.quiet), "no access log on stderr")
      ("hash-password", po::bool_switch(&f.hash_password),
       "read a password from stdin, print its hash for the config file, and exit")
      ("iterations", po::value(&f.iterations)->default_value(f.iterations),
       "PBKDF2 iterations for --hash-password");
  return desc;
}

void PrintHelp(const po::options_description& desc) {
  std::cout
      << "usage: stixkit taxii serve --db FILE [--config FILE] [OPTIONS]\n"
      << "       stixkit taxii serve --hash-password < password.txt\n\n"
      << "Runs a TAXII 2.1 server backed by SQLite until Ctrl-C (SIGINT) or SIGTERM.\n"
      << "Without --config, one user from STIXKIT_TAXII_USER and STIXKIT_TAXII_PASSWORD\n"
      << "may read and write one collection in the API root /api/; its id is kept in the\n"
      << "database and printed at start-up. docs/taxii.md describes the config file.\n\n"
      << desc;
}

// "HOST:PORT", "[v6]:PORT" or "PORT" (on 127.0.0.1).
bool ParseListen(const std::string& text, std::string* host, int* port) {
  std::string port_text = text;
  *host = "127.0.0.1";
  if (!text.empty() && text.front() == '[') {
    const size_t close = text.find("]:");
    if (close == std::string::npos) return false;
    *host = text.substr(1, close - 1);
    port_text = text.substr(close + 2);
  } else if (const size_t colon = text.rfind(':'); colon != std::string::npos) {
    *host = text.substr(0, colon);
    port_text = text.substr(colon + 1);
  }
  return !host->empty() && absl::SimpleAtoi(port_text, port) && *port >= 0 && *port <= 65535;
}

int HashPasswordFromStdin(int iterations) {
  if (iterations < 100000 || iterations > taxii::kMaxPasswordIterations) {
    std::cerr << "stixkit taxii serve: expected --iterations from 100000 to "
              << taxii::kMaxPasswordIterations << ", got " << iterations << "\n";
    return kExitUsage;
  }
  std::string password;
  std::getline(std::cin, password);
  if (!password.empty() && password.back() == '\r') password.pop_back();
  if (password.empty()) {
    std::cerr << "stixkit taxii serve: expected a password on standard input, got an empty "
                 "line\n";
    return kExitUsage;
  }
  std::cout << taxii::HashPassword(password, {iterations, nullptr}) << "\n";
  return kExitOk;
}

// The zero-config user: STIXKIT_TAXII_USER and STIXKIT_TAXII_PASSWORD, both or neither.
// Returns false after printing why the pair is unusable.
bool AddEnvironmentUser(taxii::ServerOptions* options) {
  const char* user = std::getenv("STIXKIT_TAXII_USER");
  const char* password = std::getenv("STIXKIT_TAXII_PASSWORD");
  const bool has_user = user != nullptr && *user != '\0';
  const bool has_password = password != nullptr && *password != '\0';
  if (has_user != has_password) {
    std::cerr << "stixkit taxii serve: set both STIXKIT_TAXII_USER and STIXKIT_TAXII_PASSWORD, "
                 "or neither\n";
    return false;
  }
  if (has_user) {
    options->users.push_back({user, taxii::HashPassword(password), {"*"}, {"*"}});
  }
  return true;
}

void PrintStartup(const taxii::Server& server, const taxii::ServerOptions& o) {
  const std::string base = server.base_url();
  std::cerr << "stixkit taxii serve: listening on " << base << "\n"
            << "  discovery:  " << base << "/taxii2/\n";
  for (const std::string& root : server.api_roots()) {
    std::cerr << "  API root:   " << base << "/" << root << "/\n";
  }
  if (std::optional<std::string> id = server.default_collection_id()) {
    std::cerr << "  collection: " << *id << "\n"
              << "              " << base << "/" << server.api_roots().front()
              << "/collections/" << *id << "/\n";
  }
  std::cerr << "  database:   " << o.db_path << "\n"
            << "Stop with Ctrl-C (SIGINT) or SIGTERM.\n";
}

}  // namespace

int RunTaxiiServe(const std::vector<std::string>& args) {
  ServeFlags f;
  po::options_description desc = Describe(f);
  po::variables_map vm;
  if (absl::Status s = ParseOptions(args, desc, nullptr, nullptr, &vm); !s.ok()) {
    std::cerr << "stixkit taxii serve: " << s.message()
              << "\nRun 'stixkit taxii serve --help'.\n";
    return kExitUsage;
  }
  if (vm.count("help")) {
    PrintHelp(desc);
    return kExitOk;
  }
  if (f.hash_password) return HashPasswordFromStdin(f.iterations);
  taxii::ServerOptions& o = f.options;
  if (o.db_path.empty()) {
    std::cerr << "stixkit taxii serve: --db FILE is required (the SQLite database; created "
                 "if missing)\n";
    return kExitUsage;
  }
  if (!ParseListen(f.listen, &o.host, &o.port)) {
    std::cerr << "stixkit taxii serve: expected --listen HOST:PORT (e.g. 127.0.0.1:9443), got '"
              << f.listen << "'\n";
    return kExitUsage;
  }
  if (!AddEnvironmentUser(&o)) return kExitUsage;
  if (o.config_path.empty()) {
    if (o.users.empty()) {
      std::cerr << "stixkit taxii serve: no users, so nobody could connect. Either set\n"
                   "STIXKIT_TAXII_USER and STIXKIT_TAXII_PASSWORD for a one-user hub, or give\n"
                   "--config FILE with \"users\" (see docs/taxii.md).\n";
      return kExitUsage;
    }
    o.create_default_collection = true;
  }
  if (!f.quiet) {
    auto mu = std::make_shared<std::mutex>();
    o.access_log = [mu](std::string_view line) {
      std::lock_guard<std::mutex> lock(*mu);
      std::cerr << line << "\n";
    };
  }
  // Block the stop signals before any thread starts, so every server thread inherits the
  // mask and sigwait below is the only place they arrive.
  sigset_t stop_signals;
  sigemptyset(&stop_signals);
  sigaddset(&stop_signals, SIGINT);
  sigaddset(&stop_signals, SIGTERM);
  pthread_sigmask(SIG_BLOCK, &stop_signals, nullptr);
  absl::StatusOr<std::unique_ptr<taxii::Server>> server = taxii::Server::Start(o);
  if (!server.ok()) {
    std::cerr << "stixkit taxii serve: " << server.status().message() << "\n";
    return server.status().code() == absl::StatusCode::kInvalidArgument ||
                   server.status().code() == absl::StatusCode::kFailedPrecondition
               ? kExitUsage
               : kExitFailure;
  }
  PrintStartup(**server, o);
  int signal_number = 0;
  sigwait(&stop_signals, &signal_number);
  std::cerr << "stixkit taxii serve: " << (signal_number == SIGTERM ? "SIGTERM" : "SIGINT")
            << ", stopping\n";
  (*server)->Stop();
  std::cerr << "stixkit taxii serve: stopped\n";
  return kExitOk;
}

}  // namespace stixkit::cli
