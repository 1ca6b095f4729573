// Turns a pattern tree (ast.h) into pattern text, so that code can build patterns from
// values without writing quoting or escaping by hand. Every piece is checked as it is
// written (constants must lex as the constant they claim to be, object types must be
// names), so the output always parses back to the same tree. Output is canonical: one
// space around operators, '=' and '!=' (never '==' or '<>'), no '+' on numbers, path keys
// quoted only when needed, parentheses only where written or required by precedence.
//
//   ObjectPath path{"file", {{PathStep::Kind::kKey, "hashes", ""},
//                            {PathStep::Kind::kKey, "SHA-256", ""}}};
//   FormatObjectPath(path);            // file:hashes.'SHA-256'
//   Quote("C:\\Temp\\it's");           // 'C:\\Temp\\it\'s'
//   STIXKIT_ASSIGN_OR_RETURN(std::string text, FormatPattern(pattern));
//
// Pure functions; thread-safe.
#ifndef STIXKIT_STIX_PATTERN_FORMATTER_H_
#define STIXKIT_STIX_PATTERN_FORMATTER_H_

#include <string>
#include <string_view>

#include "absl/status/statusor.h"
#include "stix/pattern/ast.h"

namespace stixkit::stix::pattern {

// `value` as a string constant: in apostrophes, with \ and ' escaped (STIX 2.1 §9.2).
// Any text can be quoted; the result is always one valid string constant.
std::string Quote(std::string_view value);

// A property name or dictionary key as a path step needs it: bare when it is a plain
// name ([a-zA-Z_][a-zA-Z0-9_]*, not a keyword), otherwise quoted ('SHA-256').
std::string FormatPathKey(std::string_view key);

// The text of one constant ('a\'b', 42, -1.5, true, t'...', h'ff', b'AQ=='). Fails with
// InvalidArgument when `value` is not valid for `kind` ("expected a timestamp constant
// value such as 2016-06-01T00:00:00Z, found '2016-06-01'").
absl::StatusOr<std::string> FormatConstant(const Constant& constant);

// "type:first.key[0][*]...". Fails when the type is not a name or a step is malformed.
absl::StatusOr<std::string> FormatObjectPath(const ObjectPath& path);

// One comparison; fails when the operator and its constants do not fit the grammar
// (LIKE needs one string, '<' no boolean, EXISTS no NOT, ...).
absl::StatusOr<std::string> FormatComparison(const Comparison& comparison);

// The contents of one [ ... ]; one whole observation expression with its qualifiers;
// a whole pattern (Pattern::text is ignored). Fail on the first malformed part or on an
// operator node without operands.
absl::StatusOr<std::string> FormatComparisonExpr(const ComparisonExpr& node);
absl::StatusOr<std::string> FormatObservationExpr(const ObservationExpr& node);
absl::StatusOr<std::string> FormatPattern(const Pattern& pattern);

}  // namespace stixkit::stix::pattern

#endif  // STIXKIT_STIX_PATTERN_FORMATTER_H_
