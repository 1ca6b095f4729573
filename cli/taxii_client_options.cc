#include "cli/taxii_client_options.h"

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <sstream>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_split.h"
#include "cli/option_parser.h"
#include "cli/version.h"
#include "rapidjson/document.h"
#include "stix/base/status.h"
#include "stix/base/strings.h"
#include "stix/json/json_access.h"
#include "stix/taxii/client/url.h"

namespace stixkit::cli {
namespace po = boost::program_options;
namespace {

// The config keys that hold a path, resolved against the config file's directory.
struct ConfigKey {
  const char* name;
  std::string TaxiiClientFlags::*field;
  bool is_path;
};

const ConfigKey kConfigKeys[] = {
    {"url", &TaxiiClientFlags::url, false},
    {"collection", &TaxiiClientFlags::collection, false},
    {"user", &TaxiiClientFlags::user, false},
    {"password-file", &TaxiiClientFlags::password_file, true},
    {"token-file", &TaxiiClientFlags::token_file, true},
    {"token-header", &TaxiiClientFlags::token_header, false},
    {"cert", &TaxiiClientFlags::cert, true},
    {"key", &TaxiiClientFlags::key, true},
    {"ca-bundle", &TaxiiClientFlags::ca_bundle, true},
    {"proxy", &TaxiiClientFlags::proxy, false},
};

absl::Status ConfigError(const std::string& path, std::string_view what) {
  return absl::InvalidArgumentError(absl::StrCat("config file '", path, "': ", Av(what)));
}

// Fills the flags the command line left empty from the config file's members.
absl::Status ApplyConfig(TaxiiClientFlags& flags) {
  std::ifstream in(flags.config, std::ios::binary);
  if (!in)
    return absl::InvalidArgumentError(absl::StrCat("cannot read config file '", flags.config, "'"));
  std::ostringstream text;
  text << in.rdbuf();
  rapidjson::Document doc;
  doc.Parse(text.str().c_str());
  if (doc.HasParseError() || !doc.IsObject()) {
    return ConfigError(flags.config,
                       "expected a JSON object such as {\"url\": "
                       "\"https://taxii.example.org/api/\", \"user\": \"alice\"}");
  }
  const std::filesystem::path base = std::filesystem::path(flags.config).parent_path();
  for (const auto& member : doc.GetObject()) {
    const std::string_view name = stix::View(member.name);
    const ConfigKey* key = nullptr;
    for (const ConfigKey& k : kConfigKeys) {
      if (name == k.name) key = &k;
    }
    if (key == nullptr) {
      return ConfigError(flags.config, absl::StrCat("unknown key \"", Av(name),
                                                    "\" (known: url, collection, user, "
                                                    "password-file, token-file, token-header, "
                                                    "cert, key, ca-bundle, proxy)"));
    }
    if (!member.value.IsString()) {
      return ConfigError(flags.config, absl::StrCat("\"", Av(name), "\" must be a string"));
    }
    std::string& field = flags.*(key->field);
    if (!field.empty()) continue;  // the command line wins
    std::string value(stix::View(member.value));
    if (key->is_path && !value.empty() && std::filesystem::path(value).is_relative()) {
      value = (base / value).string();
    }
    field = std::move(value);
  }
  return absl::OkStatus();
}

absl::Status LoadSecrets(TaxiiClientFlags& flags) {
  taxii::Credentials& c = flags.credentials;
  c.user = flags.user;
  c.token_header = flags.token_header;
  if (!flags.password_file.empty()) {
    STIXKIT_ASSIGN_OR_RETURN(c.password, taxii::ReadSecretFile(flags.password_file));
  } else if (const char* env = std::getenv("STIXKIT_TAXII_PASSWORD"); env && !flags.user.empty()) {
    c.password = env;
  }
  if (!flags.token_file.empty()) {
    STIXKIT_ASSIGN_OR_RETURN(c.token, taxii::ReadSecretFile(flags.token_file));
  } else if (const char* env = std::getenv("STIXKIT_TAXII_TOKEN");
             env && *env && (flags.user.empty() || !flags.token_header.empty())) {
    // With --user, an exported bearer token would collide with Basic; only a custom
    // header can carry it alongside.
    c.token = env;
  }
  return taxii::AuthHeaders(c).status();
}

std::vector<std::string> SplitCommas(const std::vector<std::string>& values) {
  std::vector<std::string> out;
  for (const std::string& v : values) {
    for (absl::string_view part : absl::StrSplit(v, ',', absl::SkipWhitespace())) {
      out.emplace_back(part);
    }
  }
  return out;
}

}  // namespace

void AddConnectionOptions(TaxiiClientFlags& f, po::options_description& desc, bool with_url) {
  if (with_url) {
    // clang-format off
    desc.add_options()
        ("url", po::value(&f.url), "the API root URL, e.g. https://taxii.example.org/api/")
        ("collection", po::value(&f.collection), "the collection id (or alias)");
    // clang-format on
  }
  // clang-format off
  desc.add_options()
      ("config", po::value(&f.config), "read connection settings from this JSON file")
      ("user", po::value(&f.user), "HTTP Basic user name")
      ("password-file", po::value(&f.password_file),
       "file whose first line is the password (else $STIXKIT_TAXII_PASSWORD)")
      ("token-file", po::value(&f.token_file),
       "file whose first line is a token, sent as 'Authorization: Bearer' "
       "(else $STIXKIT_TAXII_TOKEN)")
      ("token-header", po::value(&f.token_header),
       "send the token in this header instead, e.g. X-API-Key")
      ("cert", po::value(&f.cert), "client certificate (PEM) for mutual TLS")
      ("key", po::value(&f.key), "private key (PEM) of --cert")
      ("ca-bundle", po::value(&f.ca_bundle), "trust these CA certificates (PEM)")
      ("proxy", po::value(&f.proxy), "proxy URL, e.g. http://proxy:3128")
      ("insecure-http", po::bool_switch(&f.insecure_http),
       "allow plain http:// to hosts other than loopback")
      ("connect-timeout", po::value(&f.connect_timeout)->default_value(10),
       "seconds to wait for a connection")
      ("timeout", po::value(&f.timeout)->default_value(60),
       "seconds one request may take; push also polls a status this long")
      ("retries", po::value(&f.retries)->default_value(3),
       "retries of a request answered 429 or 503")
      ("max-response-bytes", po::value(&f.max_response_bytes)->default_value(size_t{256} << 20),
       "refuse responses larger than this")
      ("quiet,q", po::bool_switch(&f.quiet), "print less: no progress, no retry notes");
  // clang-format on
}

absl::Status ResolveConnection(TaxiiClientFlags& flags) {
  if (!flags.config.empty()) STIXKIT_RETURN_IF_ERROR(ApplyConfig(flags));
  if (!flags.url.empty()) {
    STIXKIT_RETURN_IF_ERROR(taxii::CheckTransportSecurity(flags.url, flags.insecure_http));
  }
  if (flags.connect_timeout <= 0 || flags.timeout <= 0) {
    return absl::InvalidArgumentError("--connect-timeout and --timeout must be positive");
  }
  if (flags.retries < 0 || flags.retries > 20) {
    return absl::InvalidArgumentError("--retries must be between 0 and 20");
  }
  if (flags.max_response_bytes < 1024) {
    return absl::InvalidArgumentError("--max-response-bytes must be at least 1024");
  }
  return LoadSecrets(flags);
}

absl::StatusOr<TaxiiSession> OpenSession(const TaxiiClientFlags& flags) {
  taxii::CurlOptions curl;
  curl.connect_timeout = absl::Seconds(flags.connect_timeout);
  curl.timeout = absl::Seconds(flags.timeout);
  curl.ca_bundle = flags.ca_bundle;
  curl.cert = flags.cert;
  curl.key = flags.key;
  curl.proxy = flags.proxy;
  curl.max_response_bytes = flags.max_response_bytes;
  curl.user_agent = absl::StrCat("stixkit/", kVersion);
  TaxiiSession session;
  STIXKIT_ASSIGN_OR_RETURN(session.transport, taxii::CurlTransport::Create(std::move(curl)));
  taxii::ClientOptions options;
  STIXKIT_ASSIGN_OR_RETURN(options.auth_headers, taxii::AuthHeaders(flags.credentials));
  options.insecure_http = flags.insecure_http;
  options.retries = flags.retries;
  options.max_response_bytes = flags.max_response_bytes;
  if (!flags.quiet) {
    options.log = [](std::string_view note) { std::cerr << "stixkit taxii: " << note << "\n"; };
  }
  session.client = std::make_unique<taxii::TaxiiClient>(session.transport.get(), options);
  return session;
}

void AddFilterOptions(TaxiiFilterFlags& f, po::options_description& desc) {
  // clang-format off
  desc.add_options()
      ("added-after", po::value(&f.added_after),
       "only objects added to the collection after this UTC timestamp")
      ("match-type", po::value(&f.match_type)->composing(),
       "only these object types (repeat or comma-separate)")
      ("match-id", po::value(&f.match_id)->composing(), "only these object ids")
      ("version", po::value(&f.version)->composing(),
       "last (default), first, all, or a STIX timestamp")
      ("spec-version", po::value(&f.spec_version)->composing(), "only these STIX versions")
      ("limit", po::value(&f.limit), "ask for at most this many objects per page")
      ("max-pages", po::value(&f.max_pages)->default_value(100000),
       "stop with an error after this many pages");
  // clang-format on
}

absl::StatusOr<taxii::Query> BuildQuery(const TaxiiFilterFlags& f) {
  taxii::Query q;
  if (!f.added_after.empty()) {
    absl::StatusOr<std::string> ts = taxii::NormalizeTaxiiTimestamp(f.added_after);
    if (!ts.ok())
      return absl::InvalidArgumentError(absl::StrCat("--added-after: ", ts.status().message()));
    q.added_after = *ts;
  }
  if (f.limit < 0) return absl::InvalidArgumentError("--limit must be positive");
  if (f.max_pages <= 0) return absl::InvalidArgumentError("--max-pages must be positive");
  q.limit = f.limit;
  q.match_type = SplitCommas(f.match_type);
  q.match_id = SplitCommas(f.match_id);
  q.match_version = SplitCommas(f.version);
  q.match_spec_version = SplitCommas(f.spec_version);
  STIXKIT_RETURN_IF_ERROR(taxii::CheckVersionFilter(q.match_version));
  return q;
}

int ReportFailure(std::string_view verb, const absl::Status& status, int exit_code) {
  std::cerr << "stixkit taxii " << verb << ": " << status.message() << "\n";
  return exit_code;
}

int UsageError(std::string_view verb, std::string_view message) {
  std::cerr << "stixkit taxii " << verb << ": " << message << "\nRun 'stixkit taxii " << verb
            << " --help'.\n";
  return kExitUsage;
}

int UsageError(std::string_view verb, const absl::Status& status) {
  return UsageError(verb, Sv(status.message()));
}

std::optional<int> ParseUrlVerb(const std::vector<std::string>& args, std::string_view verb,
                                std::string_view usage, std::string_view what,
                                TaxiiClientFlags& flags) {
  namespace po = boost::program_options;
  po::options_description desc("options");
  desc.add_options()("help,h", "show this help");
  AddConnectionOptions(flags, desc, /*with_url=*/false);
  std::vector<std::string> words;
  po::variables_map vm;
  if (absl::Status s = ParseOptions(args, desc, "url", &words, &vm); !s.ok()) {
    return UsageError(verb, s);
  }
  if (vm.count("help")) {
    std::cout << usage << "\n" << desc;
    return kExitOk;
  }
  if (words.size() > 1) return UsageError(verb, absl::StrCat("expected one ", Av(what)));
  if (!words.empty()) flags.url = words[0];
  if (absl::Status s = ResolveConnection(flags); !s.ok()) return UsageError(verb, s);
  if (flags.url.empty()) return UsageError(verb, absl::StrCat("expected ", Av(what)));
  return std::nullopt;
}

}  // namespace stixkit::cli
