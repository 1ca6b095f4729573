// TAXII 2.1 envelopes (§3.7): the wrapper {"objects": [...]} that carries STIX objects
// on the wire in place of a bundle. Objects are handled as their serialized JSON texts
// and copied verbatim, so a caller that already has compact JSON (the converter, the
// push planner) never re-serializes. Splitting keeps each envelope's byte size within a
// server's max_content_length (§4.2.1), preserving object order.
//
//   std::string body = EnvelopeJson(object_texts);  // {"objects":[{...},{...}]}
//   STIXKIT_ASSIGN_OR_RETURN(std::vector<std::string> bodies,
//                            SplitIntoEnvelopes(object_texts, root.max_content_length));
//
// Pure functions; thread-safe.
#ifndef STIXKIT_STIX_TAXII_ENVELOPE_H_
#define STIXKIT_STIX_TAXII_ENVELOPE_H_

#include <cstddef>
#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "absl/types/span.h"

namespace stixkit::taxii {

// The envelope holding `object_json_texts` in order: {"objects":[t0,t1,...]}, with no
// whitespace added. Each text must be one JSON object (it is not parsed). An empty list
// gives {} (TAXII 2.1 §2: an empty list is omitted). A std::vector<std::string> converts
// to the span implicitly.
std::string EnvelopeJson(absl::Span<const std::string> object_json_texts);

// The byte size EnvelopeJson would produce, without building it.
size_t EnvelopeSize(absl::Span<const std::string> object_json_texts);

// A run of consecutive objects [begin, end) that fits one envelope of `bytes` bytes.
struct EnvelopeSlice {
  size_t begin = 0;
  size_t end = 0;
  size_t bytes = 0;
};

// Packs the objects, in order, into as few consecutive slices as fit `max_bytes` each
// (greedy, which is optimal for order-preserving packing). InvalidArgument when one
// object alone makes an envelope over the limit, naming it by index and id:
//   objects[3] (indicator--...): alone it makes a 2062-byte envelope, over the limit of
//   1000 bytes
absl::StatusOr<std::vector<EnvelopeSlice>> PlanEnvelopes(
    absl::Span<const std::string> object_json_texts, size_t max_bytes);

// PlanEnvelopes, then EnvelopeJson for each slice.
absl::StatusOr<std::vector<std::string>> SplitIntoEnvelopes(
    absl::Span<const std::string> object_json_texts, size_t max_bytes);

}  // namespace stixkit::taxii

#endif  // STIXKIT_STIX_TAXII_ENVELOPE_H_
