// The syntax tree of a STIX 2.1 pattern (STIX 2.1 §9). ParsePattern (parser.h) builds
// it from text; FormatPattern (formatter.h) turns one back into text, so the converter
// can also build a tree by hand and print it safely.
//
//   [file:size > 1024 AND file:name = 'a.exe'] REPEATS 2 TIMES
//   ObservationExpr{kObservation, comparison = ComparisonExpr{kAnd, operands = {
//       {kComparison, Comparison{path = file:size, op = kGreater, values = {1024}}},
//       {kComparison, Comparison{path = file:name, op = kEqual, values = {'a.exe'}}}}},
//     qualifiers = {Qualifier{kRepeats, number = "2"}}}
//
// Chains of one operator are flattened: "a AND b AND c" is one kAnd node with three
// operands, so the depth of a tree is bounded by its parentheses, not by its length.
// Parentheses are kept as kGroup nodes, because qualifiers may follow them.
//
// Plain value types that own their strings; copy and move freely. `offset` fields are
// byte offsets into the text the tree was parsed from (0 for hand-built trees).
#ifndef STIXKIT_STIX_PATTERN_AST_H_
#define STIXKIT_STIX_PATTERN_AST_H_

#include <cstddef>
#include <string>
#include <vector>

namespace stixkit::stix::pattern {

// STIX 2.1 §9.2.
enum class ConstantKind { kString, kInteger, kFloat, kBoolean, kTimestamp, kHex, kBinary };

struct Constant {
  ConstantKind kind = ConstantKind::kString;
  // The value without prefix, quotes or escapes: the unescaped string; the number as
  // written without a leading '+'; "true"/"false"; the timestamp; the hex digits; the
  // base64 text.
  std::string value;
  // The constant exactly as written ("'it\\'s'", "h'ff'", "+5"); empty for hand-built ones.
  std::string text;
  size_t offset = 0;
};

// One step after the object type: ".key" (or the first property), "[n]" or "[*]".
struct PathStep {
  enum class Kind { kKey, kIndex, kAnyIndex };
  Kind kind = Kind::kKey;
  std::string key;    // kKey: the property name or dictionary key, unquoted and unescaped
  std::string index;  // kIndex: the integer as written ("0", "-1", "+2")
};

// <object-type>:<property>[.<key> | [n] | [*]]... (STIX 2.1 §9.7). steps[0] is the
// first property and is always a kKey step.
struct ObjectPath {
  std::string object_type;
  std::vector<PathStep> steps;
  size_t offset = 0;
};

// STIX 2.1 §9.6.1.
enum class ComparisonOp {
  kEqual,
  kNotEqual,
  kLess,
  kLessOrEqual,
  kGreater,
  kGreaterOrEqual,
  kIn,
  kLike,
  kMatches,
  kIsSubset,
  kIsSuperset,
  kExists,
};

struct Comparison {
  ObjectPath path;
  ComparisonOp op = ComparisonOp::kEqual;
  bool negated = false;  // NOT before the operator
  // One constant; the set members for kIn (possibly none); none for kExists.
  std::vector<Constant> values;
  size_t offset = 0;
};

// What is inside one [ ... ]: comparisons joined by AND / OR, with parentheses.
struct ComparisonExpr {
  enum class Kind { kComparison, kAnd, kOr, kGroup };
  Kind kind = Kind::kComparison;
  Comparison comparison;                 // kComparison
  std::vector<ComparisonExpr> operands;  // kAnd, kOr: two or more; kGroup: exactly one
  size_t offset = 0;
};

// STIX 2.1 §9.5.1.
struct Qualifier {
  enum class Kind { kWithin, kRepeats, kStartStop };
  Kind kind = Kind::kWithin;
  std::string number;  // kWithin: seconds; kRepeats: count; as written without '+'
  std::string start;   // kStartStop: the timestamps, without t'' quoting
  std::string stop;
  size_t offset = 0;
};

// Observation expressions joined by AND / OR / FOLLOWEDBY, with parentheses.
struct ObservationExpr {
  enum class Kind { kObservation, kAnd, kOr, kFollowedBy, kGroup };
  Kind kind = Kind::kObservation;
  ComparisonExpr comparison;              // kObservation: the contents of [ ... ]
  std::vector<ObservationExpr> operands;  // kAnd, kOr, kFollowedBy: two or more; kGroup: one
  std::vector<Qualifier> qualifiers;      // in the order written; kObservation and kGroup
  size_t offset = 0;
};

struct Pattern {
  std::string text;  // the source text; empty for hand-built patterns
  ObservationExpr root;
};

}  // namespace stixkit::stix::pattern

#endif  // STIXKIT_STIX_PATTERN_AST_H_
