#include "stix/taxii/client/pusher.h"

#include <algorithm>

#include "absl/container/flat_hash_map.h"
#include "absl/strings/str_cat.h"
#include "stix/base/status.h"
#include "stix/base/strings.h"
#include "stix/taxii/client/http_error.h"
#include "stix/taxii/envelope.h"

namespace stixkit::taxii {
namespace {

// Used when an API root does not state max_content_length (our server's default).
constexpr size_t kFallbackEnvelopeLimit = size_t{10} << 20;

class Push {
 public:
  Push(TaxiiClient& client, std::string_view api_root, std::string_view collection,
       const PushPlan& plan, const PushOptions& options, PushResult* result)
      : client_(client),
        root_(api_root),
        collection_(collection),
        plan_(plan),
        options_(options),
        result_(result) {}

  absl::Status Send(size_t begin, size_t end);

 private:
  void Log(std::string_view text) const {
    if (options_.log) options_.log(text);
  }
  void FailAll(size_t begin, size_t end, std::string_view message);
  void Apply(const StatusResource& status, size_t begin, size_t end);

  TaxiiClient& client_;
  std::string_view root_;
  std::string_view collection_;
  const PushPlan& plan_;
  const PushOptions& options_;
  PushResult* result_;
};

void Push::FailAll(size_t begin, size_t end, std::string_view message) {
  for (size_t i = begin; i < end; ++i) {
    result_->results[i].outcome = Outcome::kFailure;
    result_->results[i].message = std::string(message);
  }
}

// Matches the status details to the envelope's objects by id and version, or by id
// alone (servers format versions differently). Objects a complete status does not list
// succeeded when it counts no failures: the lists are optional (taxii2client #81).
void Push::Apply(const StatusResource& status, size_t begin, size_t end) {
  absl::flat_hash_map<std::string, std::pair<Outcome, const StatusDetail*>> by_key, by_id;
  auto index = [&](const std::vector<StatusDetail>& details, Outcome outcome) {
    for (const StatusDetail& d : details) {
      by_key[absl::StrCat(d.id, "@", d.version)] = {outcome, &d};
      by_id[d.id] = {outcome, &d};
    }
  };
  index(status.successes, Outcome::kSuccess);
  index(status.pendings, Outcome::kPending);
  index(status.failures, Outcome::kFailure);
  const bool clean = status.complete() && status.failure_count == 0 && status.pending_count == 0;
  for (size_t i = begin; i < end; ++i) {
    ObjectResult& r = result_->results[i];
    const std::pair<Outcome, const StatusDetail*>* found = nullptr;
    if (auto it = by_key.find(absl::StrCat(r.id, "@", r.version)); it != by_key.end()) {
      found = &it->second;
    } else if (auto by = by_id.find(r.id); by != by_id.end()) {
      found = &by->second;
    }
    if (found != nullptr) {
      r.outcome = found->first;
      r.message = PrintableExcerpt(found->second->message);
    } else if (clean) {
      r.outcome = Outcome::kSuccess;
    } else if (status.complete()) {
      r.outcome = Outcome::kFailure;
      r.message = absl::StrCat("status ", status.id, " does not say what became of it");
    } else {
      r.outcome = Outcome::kPending;
      r.message.clear();
    }
    if (r.outcome == Outcome::kPending && r.message.empty()) {
      r.message = absl::StrCat("still pending; check later with 'stixkit taxii status ", Av(root_),
                               " ", status.id, "'");
    }
  }
}

absl::Status Push::Send(size_t begin, size_t end) {
  const absl::Span<const std::string> objects(plan_.objects);
  std::string body = EnvelopeJson(objects.subspan(begin, end - begin));
  const size_t bytes = body.size();
  absl::StatusOr<StatusResource> posted = client_.AddObjects(root_, collection_, std::move(body));
  if (!posted.ok()) {
    const int http = HttpStatusOf(posted.status());
    if (http == 413 && end - begin > 1) {
      const size_t middle = begin + (end - begin) / 2;
      Log(absl::StrCat("the server refused a ", bytes,
                       "-byte envelope (HTTP 413); "
                       "splitting it in two"));
      STIXKIT_RETURN_IF_ERROR(Send(begin, middle));
      return Send(middle, end);
    }
    if (http == 413 || http == 400 || http == 422) {
      FailAll(begin, end, Sv(posted.status().message()));
      return absl::OkStatus();
    }
    return posted.status();
  }
  ++result_->envelopes;
  Log(absl::StrCat("envelope ", result_->envelopes, ": ", end - begin, " objects, ", bytes,
                   " bytes; status ", posted->id, " ", posted->status));
  STIXKIT_ASSIGN_OR_RETURN(
      const StatusResource status,
      WaitForStatus(client_, root_, *std::move(posted), options_.status_timeout));
  result_->status_ids.push_back(status.id);
  Apply(status, begin, end);
  return absl::OkStatus();
}

}  // namespace

size_t PushResult::Count(Outcome outcome) const {
  return std::count_if(results.begin(), results.end(),
                       [&](const ObjectResult& r) { return r.outcome == outcome; });
}

absl::StatusOr<StatusResource> WaitForStatus(TaxiiClient& client, std::string_view api_root,
                                             StatusResource status, absl::Duration timeout) {
  const Clock& clock = client.clock();
  const absl::Time deadline = clock.now() + timeout;
  absl::Duration delay = absl::Milliseconds(250);
  while (!status.complete()) {
    const absl::Time now = clock.now();
    if (now >= deadline) break;
    clock.sleep(std::min(delay, deadline - now));
    delay = std::min(delay * 2, absl::Seconds(5));
    STIXKIT_ASSIGN_OR_RETURN(status, client.GetStatus(api_root, status.id));
  }
  return status;
}

absl::StatusOr<PushResult> PushObjects(TaxiiClient& client, std::string_view api_root,
                                       std::string_view collection, const PushPlan& plan,
                                       const PushOptions& options) {
  STIXKIT_ASSIGN_OR_RETURN(const ApiRoot root, client.GetApiRoot(api_root));
  STIXKIT_ASSIGN_OR_RETURN(const Collection target, client.GetCollection(api_root, collection));
  if (!target.can_write) {
    return absl::PermissionDeniedError(absl::StrCat(
        "collection ", target.id, " (", target.title,
        ") does not accept objects from this "
        "account (can_write is false); ask the server's administrator for write access"));
  }
  PushResult result;
  result.envelope_limit = root.max_content_length > 0 ? static_cast<size_t>(root.max_content_length)
                                                      : kFallbackEnvelopeLimit;
  if (options.max_envelope_bytes > 0) {
    result.envelope_limit = std::min(result.envelope_limit, options.max_envelope_bytes);
  }
  absl::StatusOr<std::vector<EnvelopeSlice>> slices =
      PlanEnvelopes(plan.objects, result.envelope_limit);
  if (!slices.ok()) {
    return absl::InvalidArgumentError(absl::StrCat(slices.status().message(),
                                                   " (the API root's max_content_length is ",
                                                   root.max_content_length, " bytes)"));
  }
  for (const ObjectVersion& v : plan.versions) {
    result.results.push_back({v.id, v.version, Outcome::kPending, "not sent"});
  }
  Push push(client, api_root, collection, plan, options, &result);
  for (const EnvelopeSlice& slice : *slices) {
    result.stopped = push.Send(slice.begin, slice.end);
    if (!result.stopped.ok()) break;
  }
  return result;
}

}  // namespace stixkit::taxii
