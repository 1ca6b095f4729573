// Deterministic identifiers for the objects a conversion creates (issue 4).
//
// SCOs get the spec's UUIDv5 (stix/model/sco_id.h). SDOs and SROs get version 4 UUIDs,
// because STIX 2.1 §2.9 says they SHOULD and reference check 103 warns otherwise; but
// their bits come from SHA-256 over a stable key of the object in the producer's own
// namespace, not from a random source. Re-converting the same (or an updated) report
// therefore gives unchanged objects the same ids, and two producers never collide.
//
//   ObjectIds ids("ACME Health ISAC");
//   ids.Make("indicator", "[ipv4-addr:value = '198.51.100.3']");  // same every run
//
// Immutable after construction; thread-safe.
#ifndef STIXKIT_CONVERTERS_BUILD_OBJECT_IDS_H_
#define STIXKIT_CONVERTERS_BUILD_OBJECT_IDS_H_

#include <string>
#include <string_view>

#include "stix/model/uuid.h"

namespace stixkit::convert {

class ObjectIds {
 public:
  // `producer` is the author's name; it selects the namespace.
  explicit ObjectIds(std::string_view producer);

  // "type--uuid", a version 4, RFC 4122 variant UUID derived from (namespace, type, key).
  std::string Make(std::string_view type, std::string_view key) const;

  const stix::Uuid& name_space() const { return namespace_; }

 private:
  stix::Uuid namespace_;
};

}  // namespace stixkit::convert

#endif  // STIXKIT_CONVERTERS_BUILD_OBJECT_IDS_H_
