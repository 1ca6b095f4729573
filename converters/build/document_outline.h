// A readable outline of how a report was read and routed: one line per section (its
// line, level, title, the kind the router gave it and its tactic) and one per block
// (kind, key, text). `stixkit convert --outline` prints it, so a user can see why a
// section did or did not become the objects they expected.
//
// Pure function.
#ifndef STIXKIT_CONVERTERS_BUILD_DOCUMENT_OUTLINE_H_
#define STIXKIT_CONVERTERS_BUILD_DOCUMENT_OUTLINE_H_

#include <string>

#include "converters/read/document.h"

namespace stixkit::convert {

std::string DocumentOutline(const Document& document);

}  // namespace stixkit::convert

#endif  // STIXKIT_CONVERTERS_BUILD_DOCUMENT_OUTLINE_H_
