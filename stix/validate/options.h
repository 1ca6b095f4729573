// The validator's options. Names and meaning follow the OASIS reference validator
// (stix2-validator 3.2.1) so that a command line written for it works with ours.
#ifndef STIXKIT_STIX_VALIDATE_OPTIONS_H_
#define STIXKIT_STIX_VALIDATE_OPTIONS_H_

#include <string>
#include <vector>

namespace stixkit::stix {

struct ValidationOptions {
  // Best-practice warnings become errors.
  bool strict = false;
  // Only spec-defined object types are allowed.
  bool strict_types = false;
  // Only spec-defined properties are allowed.
  bool strict_properties = false;
  // Relationship and sighting endpoints must exist in the same bundle.
  bool enforce_refs = false;
  // The STIX interoperability profile's extra rules.
  bool interop = false;
  // The STIX version to validate against; empty means "2.1".
  std::string version;
  // Best-practice check codes or names to skip, or to run exclusively.
  std::vector<std::string> disabled;
  std::vector<std::string> enabled;
};

}  // namespace stixkit::stix

#endif  // STIXKIT_STIX_VALIDATE_OPTIONS_H_
