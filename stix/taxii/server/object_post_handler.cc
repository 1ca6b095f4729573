// Adding objects: POST objects/ (TAXII 2.1 §5.5). The envelope is read and each object
// validated before anything is stored; the valid ones and the status resource are then
// written in one transaction, so the 202 answer and the stored status always describe
// exactly what was kept. The status is "complete" at once.
#include "absl/strings/str_cat.h"
#include "stix/base/strings.h"
#include "stix/model/uuid.h"
#include "stix/taxii/media_type.h"
#include "stix/taxii/server/envelope_intake.h"
#include "stix/taxii/server/internal/service.h"
#include "stix/taxii/server/taxii_time.h"

namespace stixkit::taxii::server_internal {
namespace {

PostStatusDetail SuccessOf(const NewObject& object, const AddedObject& added) {
  PostStatusDetail d{object.object_id,
                 object.version ? *object.version : FormatTaxiiTimestamp(added.date_added), ""};
  switch (added.outcome) {
    case AddOutcome::kAlreadyPresent:
      // §5.5: a duplicate is not an error; the wording matches medallion's.
      d.message = "object already added";
      break;
    case AddOutcome::kReplaced:
      d.message = "replaced the earlier content of this unversioned object";
      break;
    default:
      break;
  }
  return d;
}

}  // namespace

void PostObjects(const Service& service, Call& call) {
  if (!RequireWrite(call)) return;
  const std::string content_type = call.req.get_header_value("Content-Type");
  if (!IsTaxii21ContentType(content_type)) {
    SendError(call.res, 415,
              absl::StrCat("expected Content-Type ", Av(kTaxii21MediaType), ", got \"",
                           content_type, "\""));
    return;
  }
  const int64_t received = service.clock();
  absl::StatusOr<Intake> intake =
      ReadPostedEnvelope(call.body, *service.validator, service.json_limits);
  if (!intake.ok()) {
    SendError(call.res, ErrorFromStatus(intake.status()));
    return;
  }
  PostStatus status;
  status.id = stix::UuidV4(stix::SystemRandom()).ToString();
  status.request_timestamp = received;
  status.total_count = intake->total_count;
  status.failures = std::move(intake->failures);
  auto make_status = [&](const std::vector<AddedObject>& added) {
    for (size_t i = 0; i < added.size(); ++i) {
      status.successes.push_back(SuccessOf(intake->accepted[i], added[i]));
    }
    return StatusRecord{status.id,        call.root->path, call.collection.id, call.user.name,
                        received,         PostStatusJson(status)};
  };
  absl::StatusOr<std::vector<AddedObject>> added =
      service.store->AddObjects(call.collection.id, intake->accepted, make_status);
  if (!added.ok()) {
    SendError(call.res, 500, absl::StrCat("nothing was stored: ", added.status().message()));
    return;
  }
  SendResource(call.res, 202, PostStatusJson(status));
}

}  // namespace stixkit::taxii::server_internal
