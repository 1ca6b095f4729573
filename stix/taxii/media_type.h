// TAXII 2.1 media types (TAXII 2.1 §1.6.8): the two constants every request and response
// carries, a lenient parser for Content-Type values, and the Accept-header test a server
// uses to decide between serving a request and answering 406.
//
//   MediaType mt;
//   if (ParseMediaType(response.content_type, &mt) && IsTaxii21(mt)) { ... }
//   if (!AcceptAllowsTaxii21(request.accept)) return NotAcceptable();
//
// Real servers vary the spelling: upper-case types, spaces around ';', quoted parameter
// values ("2.1"), parameters in any order, or no `version` at all (which TAXII 2.1 reads as
// the latest version, i.e. 2.1). Everything here is pure and thread-safe.
#ifndef STIXKIT_STIX_TAXII_MEDIA_TYPE_H_
#define STIXKIT_STIX_TAXII_MEDIA_TYPE_H_

#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace stixkit::taxii {

// The media types of TAXII 2.1 resources and of STIX 2.1 content.
inline constexpr std::string_view kTaxii21MediaType = "application/taxii+json;version=2.1";
inline constexpr std::string_view kStix21MediaType = "application/stix+json;version=2.1";

// A parsed media type. `type` and `subtype` are lower-cased; parameter names are
// lower-cased and values unquoted (their case is kept).
struct MediaType {
  std::string type;
  std::string subtype;
  std::vector<std::pair<std::string, std::string>> params;

  // The value of parameter `name` (lower-case), or nullptr when absent. The pointer is
  // valid while this MediaType lives and is not modified.
  const std::string* Param(std::string_view name) const;
};

// Parses one media type such as `Application/TAXII+JSON ; version="2.1"`. Returns false
// (leaving *out unspecified) when the text has no `type/subtype` or a parameter is
// malformed beyond repair; stray empty parameters (`a/b;;x=1`) are skipped.
bool ParseMediaType(std::string_view text, MediaType* out);

// True when `mt` is application/taxii+json with version 2.1 or no version.
bool IsTaxii21(const MediaType& mt);
// True when `mt` is application/stix+json with version 2.1 or no version.
bool IsStix21(const MediaType& mt);
// Parses `content_type` and applies IsTaxii21; false when unparseable.
bool IsTaxii21ContentType(std::string_view content_type);

// True when a request with this Accept header may be answered with TAXII 2.1 content:
// a missing or empty header, `*/*`, `application/*`, or application/taxii+json with
// version 2.1 or none, each with a q-value above 0. A comma-separated list passes when any
// entry passes. Unparseable entries are ignored.
bool AcceptAllowsTaxii21(std::string_view accept_header);

}  // namespace stixkit::taxii

#endif  // STIXKIT_STIX_TAXII_MEDIA_TYPE_H_
