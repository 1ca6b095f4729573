// Checks that look across the objects of one file rather than at one object:
// 203 duplicate-ids (the same id and `modified` twice in a bundle) and --enforce-refs
// (relationship and sighting endpoints must be objects of the same bundle).
//
//   BundleChecks checks(ctx);
//   for (each object in order) checks.Add(object);   // from one thread
//   checks.Finish(bundle_id, &findings);
//
// Memory grows with the number of objects by a few dozen bytes each (hashes, not
// strings), so a multi-gigabyte bundle still checks in bounded memory. Not
// thread-safe: feed it from one thread, in input order.
#ifndef STIXKIT_STIX_VALIDATE_BUNDLE_CHECKS_H_
#define STIXKIT_STIX_VALIDATE_BUNDLE_CHECKS_H_

#include <string>
#include <utility>
#include <vector>

#include "absl/container/flat_hash_set.h"
#include "rapidjson/document.h"
#include "stix/validate/check_context.h"

namespace stixkit::stix {

// What the cross-object checks need to know of one object, extracted where the object
// is parsed (on a worker thread) so that the object itself can be freed.
struct ObjectFacts {
  std::string id;
  std::string modified;
  // --enforce-refs only: the ids this object's relationship endpoints point to, with
  // the JSON pointer of each.
  std::vector<std::pair<std::string, std::string>> refs;
};

// Extracts the facts the enabled cross-object checks need.
ObjectFacts ExtractObjectFacts(const rapidjson::Value& object, const CheckContext& ctx);

class BundleChecks {
 public:
  // `in_bundle`: duplicate ids are a bundle rule (203); arrays of objects skip it.
  BundleChecks(const CheckContext& ctx, bool in_bundle) : ctx_(ctx), in_bundle_(in_bundle) {}

  // Records one object; appends a 203 finding (about `container_id`) at once when its
  // id and modified repeat an earlier object's.
  void Add(const ObjectFacts& facts, std::string_view container_id, Findings* out);

  // Appends the findings only known at the end (unresolved references).
  void Finish(Findings* out);

 private:
  const CheckContext& ctx_;
  const bool in_bundle_;
  absl::flat_hash_set<std::pair<uint64_t, uint64_t>> versions_;
  absl::flat_hash_set<uint64_t> ids_;
  struct PendingRef {
    std::string from_id;
    std::string pointer;
    std::string target;
  };
  std::vector<PendingRef> pending_refs_;
};

}  // namespace stixkit::stix

#endif  // STIXKIT_STIX_VALIDATE_BUNDLE_CHECKS_H_
