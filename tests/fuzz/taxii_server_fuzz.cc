// Fuzz target: the TAXII server's request handling, in process. Requests go straight to
// the router (stix/taxii/server/internal/service.h Route), which runs every gate the
// socket server runs after cpp-httplib has parsed the request: header limits,
// authentication, Accept, path and method, collection lookup, then the handlers with
// their query filters (filters.h), `next` cursors (pagination.h), envelope intake and
// the SQLite store. Each input gets a fresh database, so a crash reproduces from the
// input alone. A 5xx answer is a server bug (the store never fails on tmpfs): abort.
//
// Input: requests separated by "\n=====\n", each "METHOD TARGET\nName: value\n...\n\nBODY"
// (TARGET is path?query, percent-encoded). Without an Authorization header the request
// carries alice's credentials; without Accept, the TAXII 2.1 media type; a POST without
// Content-Type gets the TAXII 2.1 media type too.
#include <httplib.h>
#include <unistd.h>

#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <memory>
#include <string>
#include <string_view>

#include "absl/strings/escaping.h"
#include "stix/taxii/server/access_control.h"
#include "stix/taxii/server/internal/service.h"
#include "stix/taxii/server/password_hash.h"
#include "stix/taxii/server/store.h"
#include "stix/validate/validator.h"

namespace {

namespace taxii = stixkit::taxii;
namespace internal = stixkit::taxii::server_internal;

constexpr char kCollection[] = "91a7b528-80eb-42ed-a74d-c6fbd5a26116";
constexpr char kReadOnly[] = "52892447-4d7e-4f70-b94d-d7f22742ff63";
int64_t g_now = 0;

struct Fixture {
  std::unique_ptr<taxii::AccessControl> access;
  std::unique_ptr<stixkit::stix::Validator> validator;
  std::string db_path;
  std::string alice;
};

const char* TempDir() { return ::access("/dev/shm", W_OK) == 0 ? "/dev/shm" : "/tmp"; }

Fixture& Shared() {
  static Fixture* f = [] {
    auto* fx = new Fixture;
    taxii::PasswordHashOptions cheap;
    cheap.iterations = 1;  // PBKDF2 cost is not what is fuzzed
    auto access = taxii::AccessControl::Create({
        {"alice", taxii::HashPassword("pw", cheap), {"*"}, {"*"}},
        {"bob", taxii::HashPassword("pw", cheap), {kReadOnly}, {}},
    });
    stixkit::stix::ValidatorSettings settings;
    settings.jobs = 1;
    auto validator = stixkit::stix::Validator::Create({}, settings);
    if (!access.ok() || !validator.ok()) abort();
    fx->access = std::move(*access);
    fx->validator = std::make_unique<stixkit::stix::Validator>(std::move(*validator));
    const char* dir = TempDir();
    fx->db_path = std::string(dir) + "/stixkit-taxii-fuzz-" + std::to_string(getpid()) + ".db";
    fx->alice = "Basic " + absl::Base64Escape("alice:pw");
    return fx;
  }();
  return *f;
}

void RemoveDb(const std::string& path) {
  for (const char* suffix : {"", "-wal", "-shm", "-journal"}) unlink((path + suffix).c_str());
}

int Hex(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

// Percent-decoding as cpp-httplib does it ('+' is a space in the query only).
std::string Decode(std::string_view s, bool plus_is_space) {
  std::string out;
  for (size_t i = 0; i < s.size(); ++i) {
    if (s[i] == '%' && i + 2 < s.size() && Hex(s[i + 1]) >= 0 && Hex(s[i + 2]) >= 0) {
      out.push_back(static_cast<char>(Hex(s[i + 1]) * 16 + Hex(s[i + 2])));
      i += 2;
    } else if (plus_is_space && s[i] == '+') {
      out.push_back(' ');
    } else {
      out.push_back(s[i]);
    }
  }
  return out;
}

void ParseRequest(std::string_view text, httplib::Request* req) {
  size_t eol = text.find('\n');
  std::string_view line = text.substr(0, eol);
  const size_t space = line.find(' ');
  req->method = std::string(line.substr(0, space));
  std::string_view target = space == std::string_view::npos ? "/" : line.substr(space + 1);
  const size_t q = target.find('?');
  req->path = Decode(target.substr(0, q), false);
  if (q != std::string_view::npos) {
    std::string_view query = target.substr(q + 1);
    while (!query.empty()) {
      const size_t amp = query.find('&');
      const std::string_view pair = query.substr(0, amp);
      const size_t eq = pair.find('=');
      if (!pair.empty()) {
        req->params.emplace(Decode(pair.substr(0, eq), true),
                            eq == std::string_view::npos ? "" : Decode(pair.substr(eq + 1), true));
      }
      if (amp == std::string_view::npos) break;
      query.remove_prefix(amp + 1);
    }
  }
  while (eol != std::string_view::npos) {
    const size_t at = eol + 1;
    eol = text.find('\n', at);
    line = text.substr(at, eol == std::string_view::npos ? std::string_view::npos : eol - at);
    if (line.empty()) {
      if (eol != std::string_view::npos) req->body = std::string(text.substr(eol + 1));
      break;
    }
    const size_t colon = line.find(':');
    std::string_view value = colon == std::string_view::npos ? "" : line.substr(colon + 1);
    while (!value.empty() && value.front() == ' ') value.remove_prefix(1);
    req->headers.emplace(std::string(line.substr(0, colon)), std::string(value));
  }
  if (!req->has_header("Authorization")) req->headers.emplace("Authorization", Shared().alice);
  if (!req->has_header("Accept")) {
    req->headers.emplace("Accept", "application/taxii+json;version=2.1");
  }
  if (req->method == "POST" && !req->has_header("Content-Type")) {
    req->headers.emplace("Content-Type", "application/taxii+json;version=2.1");
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  Fixture& fx = Shared();
  g_now = int64_t{1735689600} * 1000000;
  RemoveDb(fx.db_path);
  {
    auto clock = [] { return g_now += 1000; };
    auto store = taxii::Store::Open({fx.db_path, 1, clock});
    if (!store.ok()) abort();
    if (!(*store)->PutCollection({kCollection, "api", "Shared", "", "shared"}).ok() ||
        !(*store)->PutCollection({kReadOnly, "api", "Read only", "", ""}).ok()) {
      abort();
    }
    internal::Service service;
    service.title = "fuzz";
    service.api_roots = {{"api", "API root", ""}, {"second", "Second root", ""}};
    service.base_url = "http://127.0.0.1:9443";
    service.max_content_length = 1 << 20;
    service.max_header_count = 100;
    service.max_header_bytes = 64 << 10;
    service.page = {5, 20};
    service.store = store->get();
    service.access = fx.access.get();
    service.validator = fx.validator.get();
    service.clock = clock;

    std::string_view script(reinterpret_cast<const char*>(data), size);
    constexpr std::string_view kSep = "\n=====\n";
    for (int n = 0; n < 16; ++n) {
      const size_t sep = script.find(kSep);
      httplib::Request req;
      httplib::Response res;
      ParseRequest(script.substr(0, sep), &req);
      internal::Route(service, req, res, req.body);
      if (res.status >= 500) {
        fprintf(stderr, "taxii_server_fuzz: %s %s answered %d: %s\n", req.method.c_str(),
                req.path.c_str(), res.status, res.body.c_str());
        abort();
      }
      if (sep == std::string_view::npos) break;
      script.remove_prefix(sep + kSep.size());
    }
  }
  RemoveDb(fx.db_path);
  return 0;
}
