// Matchers for the JSON-schema "format" values the bundled schemas use, judged as the
// reference validator's format checker judges them:
// - "uri": RFC 3986 section 3 URI (scheme ":" hier-part ["?" query] ["#" fragment]),
//   ASCII only, as the rfc3987/rfc3986-validator packages that jsonschema uses do;
// - "email": the reference validator's own stricter rule, local-part "@" label "."
//   rest, i.e. ^[a-zA-Z0-9_.+-]+@[a-zA-Z0-9-]+\.[a-zA-Z0-9-.]+$ .
// Both use Python's "$", so one final "\n" is accepted.
//
//   if (IsKnownFormat(rule.format) && !MatchesFormat(rule.format, text)) ...report...
//
// Hand-written rather than std::regex: they run on every object. Pure functions.
#ifndef STIXKIT_STIX_VALIDATE_MUST_INTERNAL_FORMAT_MATCHERS_H_
#define STIXKIT_STIX_VALIDATE_MUST_INTERNAL_FORMAT_MATCHERS_H_

#include <string_view>

namespace stixkit::stix::must {

// Whether formats.cc checks the format named `format`.
bool IsKnownFormat(std::string_view format);

// Whether `text` is valid for `format`; true for formats that are not known.
bool MatchesFormat(std::string_view format, std::string_view text);

bool IsUri(std::string_view text);
bool IsReferenceEmail(std::string_view text);

// RFC 3986 IPv6address (without brackets), as allowed inside a URI's IP-literal.
bool IsIpv6Address(std::string_view text);

}  // namespace stixkit::stix::must

#endif  // STIXKIT_STIX_VALIDATE_MUST_INTERNAL_FORMAT_MATCHERS_H_
