// Lists what a pattern compares: every comparison and every object path, in the order
// written. The validator checks the object types and property names they reference;
// the converter can see which SCO types a pattern covers.
//
//   for (const ObjectPath* path : ListObjectPaths(pattern)) {
//     Use(path->object_type, path->steps[0].key);  // "file", "hashes"
//   }
//
// The returned pointers point into `pattern` and are valid while it lives unchanged.
// Pure functions; thread-safe for concurrent readers.
#ifndef STIXKIT_STIX_PATTERN_COMPARISONS_H_
#define STIXKIT_STIX_PATTERN_COMPARISONS_H_

#include <vector>

#include "stix/pattern/ast.h"

namespace stixkit::stix::pattern {

// Every comparison (EXISTS included), left to right.
std::vector<const Comparison*> ListComparisons(const Pattern& pattern);

// The object path of every comparison, left to right (one entry per comparison, so a
// path compared twice is listed twice).
std::vector<const ObjectPath*> ListObjectPaths(const Pattern& pattern);

}  // namespace stixkit::stix::pattern

#endif  // STIXKIT_STIX_PATTERN_COMPARISONS_H_
