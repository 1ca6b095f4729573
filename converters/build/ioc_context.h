// Context decides what an IOC is (issue 4). A value found in a report is an indicator
// only where the document presents it as one: an IOC section, an IOC table, or a
// labelled list ("C2 server: ..."). In references, notices, recovery actions and
// recommendations, or next to words such as "legitimate", it is a reference, never an
// indicator; next to words such as "legitimate" or "not an indicator" it is benign.
// Anywhere else it is a narrative mention and is left out, unless the report has no
// recognisable sections at all, when every IOC in it counts. The indicator builder
// refines this per value (a defanged value is one the author considers malicious).
//
// Pure function.
#ifndef STIXKIT_CONVERTERS_BUILD_IOC_CONTEXT_H_
#define STIXKIT_CONVERTERS_BUILD_IOC_CONTEXT_H_

#include <string_view>

#include "converters/build/section_router.h"
#include "converters/read/document.h"

namespace stixkit::convert {

enum class IocRole {
  kIndicator,  // becomes an SCO, part of the observed-data, and an indicator
  kReference,  // a URL becomes an external reference of the report; others are dropped
  kNarrative,  // mentioned in passing; dropped and reported in the summary
  kBenign,     // next to "legitimate", "do not block", "not an indicator": dropped
};

IocRole RoleOf(SectionKind section, const Block& block, bool document_recognised);

std::string_view IocRoleName(IocRole role);

}  // namespace stixkit::convert

#endif  // STIXKIT_CONVERTERS_BUILD_IOC_CONTEXT_H_
