// What every validation check sees besides the object itself: the options, the STIX
// version in force, and which best-practice checks are selected.
//
//   void CheckFoo(const rapidjson::Value& object, const CheckContext& ctx, Findings* out) {
//     if (!ctx.selection.Runs("202")) return;
//     ...
//   }
//
// Checks never mutate the context. One context serves a whole file; it is read-only and
// may be shared by worker threads.
#ifndef STIXKIT_STIX_VALIDATE_CHECK_CONTEXT_H_
#define STIXKIT_STIX_VALIDATE_CHECK_CONTEXT_H_

#include "stix/validate/check_selection.h"
#include "stix/validate/finding.h"
#include "stix/validate/options.h"

namespace stixkit::stix {

struct CheckContext {
  const ValidationOptions& options;
  // Which best-practice checks run, resolved once from options.enabled/disabled.
  const CheckSelection& selection;
};

}  // namespace stixkit::stix

#endif  // STIXKIT_STIX_VALIDATE_CHECK_CONTEXT_H_
