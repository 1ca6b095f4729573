// `stixkit taxii`: the child table of TAXII 2.1 verbs. The client verbs talk to any
// TAXII 2.1 server over libcurl (stix/taxii/client/); `serve` runs our own server
// (stix/taxii/server/). docs/taxii.md covers both.
#include "cli/commands.h"

namespace stixkit::cli {
namespace {

const Command kTaxiiCommands[] = {
    {"discover", "read a server's discovery resource: its API roots", RunTaxiiDiscover},
    {"collections", "list the collections of an API root, with read/write rights",
     RunTaxiiCollections},
    {"push", "validate, check markings, split and POST bundles to a collection", RunTaxiiPush},
    {"pull", "fetch a collection's objects, following pagination, into one bundle",
     RunTaxiiPull},
    {"manifest", "list a collection's object versions without their content", RunTaxiiManifest},
    {"status", "show a status resource: which posted objects succeeded or failed",
     RunTaxiiStatus},
    {"serve", "run a TAXII 2.1 server backed by SQLite", RunTaxiiServe},
};

}  // namespace

int RunTaxii(const std::vector<std::string>& args) {
  return Dispatch(kTaxiiCommands, "stixkit taxii", args);
}

}  // namespace stixkit::cli
