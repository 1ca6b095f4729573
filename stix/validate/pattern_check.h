// The validator's checks on indicator patterns, reproducing stix2-validator 3.2.1:
//
//  - CheckIndicatorPattern is v21/musts.py `patterns`. For an indicator whose
//    pattern_type is "stix" and whose pattern is a string, it parses the pattern with
//    the stix/pattern parser and the reference pattern validator's extra checks
//    (stix2-patterns 2.1.2: hash formats, duplicate qualifiers), reporting the first
//    syntax error or every rule violation; on a clean parse it then checks the object
//    types and first property names the pattern references: spec-defined SCO types and
//    their properties pass, others must be well-formed names, and, only when
//    "extensions-use" (401) is disabled, custom names must carry the x- / x_ prefixes of
//    custom-prefix (101) or, with that disabled too, custom-prefix-lax (102).
//  - CheckIndicatorPatternStrict is the pattern part of the reference's types_strict
//    (--strict-types: every referenced type must be a spec-defined SCO type) and
//    properties_strict (--strict-properties: every first property of a spec-defined SCO
//    type must be one the spec defines). It does nothing when neither option is set.
//
// Findings are MUST errors without a check code (the reference's PatternError carries
// none), pointing at "/pattern". The spec rules the reference misses are not checked
// here, so that verdicts stay the reference's; see stix/pattern/spec_rules.h.
//
// The STIX 2.1 grammar is used whatever the indicator's pattern_version says.
//
//   CheckIndicatorPattern(object, ctx.options, out);
//   CheckIndicatorPatternStrict(object, ctx.options, out);
//
// Spec-defined types and properties come from SchemaStore::Default(). Thread-safe.
#ifndef STIXKIT_STIX_VALIDATE_PATTERN_CHECK_H_
#define STIXKIT_STIX_VALIDATE_PATTERN_CHECK_H_

#include "rapidjson/document.h"
#include "stix/validate/finding.h"
#include "stix/validate/options.h"

namespace stixkit::stix {

// Appends the `patterns` MUST findings for `indicator` (any STIX object; others are
// ignored) to *out.
void CheckIndicatorPattern(const rapidjson::Value& indicator, const ValidationOptions& options,
                           Findings* out);

// Appends the --strict-types / --strict-properties findings about the pattern of
// `indicator` to *out. Patterns that do not parse are left to CheckIndicatorPattern.
void CheckIndicatorPatternStrict(const rapidjson::Value& indicator,
                                 const ValidationOptions& options, Findings* out);

}  // namespace stixkit::stix

#endif  // STIXKIT_STIX_VALIDATE_PATTERN_CHECK_H_
