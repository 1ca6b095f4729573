// Which best-practice checks run, resolved from the reference validator's
// --enable/--disable options (codes such as "202" or names such as "relationship-types",
// including group codes "1", "2", "210", "270"). It reproduces the reference's
// selection rules and quirks (stix2validator 3.2.1, v21/shoulds.py list_shoulds), so that
// the same options run the same checks. The code table itself is data:
// stix/data/check-codes.json.
//
//   STIXKIT_ASSIGN_OR_RETURN(CheckSelection sel, CheckSelection::FromOptions(options));
//   if (sel.Runs("302")) ...
//
// Immutable after construction; thread-safe to share.
#ifndef STIXKIT_STIX_VALIDATE_CHECK_SELECTION_H_
#define STIXKIT_STIX_VALIDATE_CHECK_SELECTION_H_

#include <string>
#include <string_view>
#include <vector>

#include "absl/container/flat_hash_set.h"
#include "absl/status/statusor.h"
#include "stix/validate/options.h"

namespace stixkit::stix {

struct CheckCode {
  std::string code;  // "202"
  std::string name;  // "relationship-types"
  std::string description;
};

// Every best-practice check code the reference defines, in its order (53 codes).
const std::vector<CheckCode>& AllCheckCodes();

class CheckSelection {
 public:
  // Resolves options.enabled/disabled. Fails with InvalidArgument naming the unknown
  // code or name ("unknown check 'foo' in --disable; see 'stixkit validate --help'").
  static absl::StatusOr<CheckSelection> FromOptions(const ValidationOptions& options);

  // Whether the best-practice check with this leaf code runs.
  bool Runs(std::string_view code) const;

 private:
  absl::flat_hash_set<std::string> running_;
};

}  // namespace stixkit::stix

#endif  // STIXKIT_STIX_VALIDATE_CHECK_SELECTION_H_
