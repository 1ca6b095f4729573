// Temporary: the TAXII verbs not written yet. Each helper deletes its own lines here when
// its real command file lands; the file is removed when empty.
#include <iostream>

#include "cli/commands.h"
#include "cli/exit_codes.h"

namespace stixkit::cli {
namespace {
int Pending(const char* verb) {
  std::cerr << "stixkit taxii " << verb << ": not built yet\n";
  return kExitFailure;
}
}  // namespace

int RunTaxiiDiscover(const std::vector<std::string>&) { return Pending("discover"); }
int RunTaxiiCollections(const std::vector<std::string>&) { return Pending("collections"); }
int RunTaxiiPush(const std::vector<std::string>&) { return Pending("push"); }
int RunTaxiiPull(const std::vector<std::string>&) { return Pending("pull"); }
int RunTaxiiManifest(const std::vector<std::string>&) { return Pending("manifest"); }
int RunTaxiiStatus(const std::vector<std::string>&) { return Pending("status"); }
int RunTaxiiServe(const std::vector<std::string>&) { return Pending("serve"); }

}  // namespace stixkit::cli
