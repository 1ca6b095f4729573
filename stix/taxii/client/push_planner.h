// Preparing content for `taxii push`: the objects of one or more STIX files (a bundle,
// a JSON array of objects, or a single object) are parsed one at a time, re-serialized
// compactly for the envelope, their id and version recorded for the per-object report,
// and scanned for TLP:RED markings (tlp_red.h). Validation is the caller's step before
// this one (stix/validate/validator.h), so that it reports in the user's file
// coordinates.
//
//   PushPlanner planner;
//   STIXKIT_RETURN_IF_ERROR(planner.AddText(text, "report.json"));
//   PushPlan plan = std::move(planner).Finish();
//   if (!plan.red.empty() && !allow_red) refuse(plan.red);
//
// Memory: the compact texts of all objects (envelopes are built from them on demand).
// Not thread-safe.
#ifndef STIXKIT_STIX_TAXII_CLIENT_PUSH_PLANNER_H_
#define STIXKIT_STIX_TAXII_CLIENT_PUSH_PLANNER_H_

#include <string>
#include <string_view>
#include <vector>

#include "absl/status/status.h"
#include "stix/taxii/client/tlp_red.h"

namespace stixkit::taxii {

struct ObjectVersion {
  std::string id;
  std::string version;  // "modified", else "created", else "" (TAXII 2.1 §4.3.1)
};

struct PushPlan {
  std::vector<std::string> objects;     // compact JSON, in input order
  std::vector<ObjectVersion> versions;  // parallel to objects
  std::vector<RedObject> red;           // TLP:RED objects, in input order
};

class PushPlanner {
 public:
  // Adds the objects of one file's text. The located parse error of the first object
  // that is not JSON, or InvalidArgument for an object without an "id".
  absl::Status AddText(std::string_view text, std::string_view path);
  // The plan; the planner is spent.
  PushPlan Finish() &&;

 private:
  absl::Status AddObject(const rapidjson::Value& object, std::string_view path, size_t index);

  PushPlan plan_;
  RedMarkingFinder red_;
};

}  // namespace stixkit::taxii

#endif  // STIXKIT_STIX_TAXII_CLIENT_PUSH_PLANNER_H_
