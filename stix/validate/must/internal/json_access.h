// Small read-only accessors over RapidJSON values and the one way MUST findings are
// made. Accessors never allocate and never throw: a missing member or a value of the
// wrong JSON type reads as "absent", which is how the reference validator's MUST checks
// treat input that its schema stage has already rejected.
//
//   if (const rapidjson::Value* refs = Member(object, "object_marking_refs")) ...
//   AddError(object, "/lang", "'xx' is not a valid RFC 5646 language code", out);
//
// Returned pointers and views borrow from the document and live as long as it does.
// Thread-safe (stateless).
#ifndef STIXKIT_STIX_VALIDATE_MUST_INTERNAL_JSON_ACCESS_H_
#define STIXKIT_STIX_VALIDATE_MUST_INTERNAL_JSON_ACCESS_H_

#include <string>
#include <string_view>
#include <type_traits>

#include "absl/functional/function_ref.h"
#include "absl/types/span.h"
#include "rapidjson/document.h"
#include "stix/json/json_access.h"
#include "stix/validate/finding.h"

namespace stixkit::stix::must {

// Member, StringMember, TypeOf, IdOf and View are shared with the best-practice
// stage: stix/json/json_access.h.

namespace cat_internal {
inline void Append(std::string* out, std::string_view text) { out->append(text); }
inline void Append(std::string* out, char c) { out->push_back(c); }
template <typename Int, std::enable_if_t<std::is_integral_v<Int>, int> = 0>
void Append(std::string* out, Int value) {
  out->append(std::to_string(value));
}
}  // namespace cat_internal

// Concatenates text and integers. Debian 12's absl::StrCat takes absl::string_view,
// which is not std::string_view there; this keeps the checks free of conversions.
template <typename... Parts>
std::string Cat(const Parts&... parts) {
  std::string out;
  (cat_internal::Append(&out, parts), ...);
  return out;
}

// One RFC 6901 reference token: "~" and "/" escaped.
std::string PointerToken(std::string_view name);

// "/a/b" for a member chain; tokens are escaped.
std::string Pointer(std::string_view parent, std::string_view name);

// The value as the reference validator would print it in a message: strings bare,
// anything else as compact JSON.
std::string Printable(const rapidjson::Value& value);

// Calls visit(value, pointer) for every value reached from `root` (found at
// `root_pointer`) by `path`: a step is a member name, "[]" for every list item or "*"
// for every member of a dictionary. Steps that do not apply to the value at hand (a
// missing member, "[]" on a non-list) end that branch silently.
void VisitPath(const rapidjson::Value& root, std::string_view root_pointer,
               absl::Span<const std::string> path,
               absl::FunctionRef<void(const rapidjson::Value&, const std::string&)> visit);

// Appends a MUST finding (an error without check code) about `object`, which supplies
// the object id.
void AddError(const rapidjson::Value& object, std::string pointer, std::string message,
              Findings* out);

// Python's re.match(r"...$") accepts one "\n" after the match; the reference validator's
// regular expressions are all of that kind, so its matchers see `text` without it.
inline std::string_view WithoutPythonFinalNewline(std::string_view text) {
  if (!text.empty() && text.back() == '\n') text.remove_suffix(1);
  return text;
}

}  // namespace stixkit::stix::must

#endif  // STIXKIT_STIX_VALIDATE_MUST_INTERNAL_JSON_ACCESS_H_
