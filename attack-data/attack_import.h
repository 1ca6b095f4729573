// Turning MITRE ATT&CK bundles (STIX 2.0 or 2.1, one domain each) into catalog data:
// what `stixkit attack import` does before writing catalog JSON. Entries found in
// several domains (the same STIX id) are merged, revoked-by relationships become the
// replacement's ATT&CK id, and every list is sorted by ATT&CK id, so the same bundles
// always give the same catalog.
//
//   ImportOptions options;
//   options.attribution = license_text;
//   STIXKIT_ASSIGN_OR_RETURN(CatalogData data, ImportAttackBundles(paths, options));
//
// Thread-safe; reads the files named.
#ifndef STIXKIT_ATTACK_DATA_ATTACK_IMPORT_H_
#define STIXKIT_ATTACK_DATA_ATTACK_IMPORT_H_

#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "attack-data/catalog_data.h"

namespace stixkit::attack {

struct ImportOptions {
  // The ATT&CK version of bundles without an x-mitre-collection object (MITRE's cti
  // repository publishes none); "" means such bundles are an error.
  std::string attack_version;
  // The domain of bundles without an x-mitre-matrix object; "" means an error.
  std::string domain;
  // Copied into CatalogData::attribution (MITRE's licence text).
  std::string attribution;
};

// The catalog built from the bundles at `paths`, in that order (it decides the order of
// domains). Errors name the file: NotFound for a missing one, InvalidArgument for text
// that is not JSON, not a bundle, has no ATT&CK objects, or has no known domain or
// version, and when bundles disagree on the ATT&CK version; DataLoss for a truncated one.
absl::StatusOr<CatalogData> ImportAttackBundles(const std::vector<std::string>& paths,
                                                const ImportOptions& options);

}  // namespace stixkit::attack

#endif  // STIXKIT_ATTACK_DATA_ATTACK_IMPORT_H_
