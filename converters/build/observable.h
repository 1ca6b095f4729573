// An IOC as STIX: the Cyber-observable Object it names and the indicator pattern that
// matches it (STIX 2.1 §9). A hash given with a file name is one file object and one
// observation, `[file:hashes.'SHA-256' = '…' AND file:name = '…']`.
//
//   STIXKIT_ASSIGN_OR_RETURN(Observable o, MakeObservable(ioc));
//   o.pattern;   // "[ipv4-addr:value = '198.51.100.3']"
//   o.sco_json;  // {"type":"ipv4-addr","spec_version":"2.1","id":"ipv4-addr--…","value":…}
//
// Pure functions; thread-safe.
#ifndef STIXKIT_CONVERTERS_BUILD_OBSERVABLE_H_
#define STIXKIT_CONVERTERS_BUILD_OBSERVABLE_H_

#include <string>

#include "absl/status/statusor.h"
#include "converters/extract/ioc.h"

namespace stixkit::convert {

struct Observable {
  std::string sco_type;  // "ipv4-addr", "file", ...
  std::string sco_id;    // UUIDv5 per STIX 2.1 §2.9
  std::string sco_json;  // the whole SCO, compact
  std::string pattern;   // checked by our parser at spec level
  std::string label;     // "IPv4 address", "SHA-256 hash", for indicator names
};

// The SCO and pattern for `ioc`. InvalidArgument for a CVE (a vulnerability, not an
// observable) or if the pattern fails our parser, which would be a bug.
absl::StatusOr<Observable> MakeObservable(const Ioc& ioc);

}  // namespace stixkit::convert

#endif  // STIXKIT_CONVERTERS_BUILD_OBSERVABLE_H_
