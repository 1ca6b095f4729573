// Read-only accessors over RapidJSON values, shared by every validation stage. They
// never allocate and never throw: a missing member or a value of the wrong JSON type
// reads as "absent", which is how the reference validator's checks treat input the
// schema stage has already rejected.
//
//   if (const rapidjson::Value* ext = MemberPath(object, {"extensions", "pdf-ext"})) ...
//   std::string_view type = TypeOf(object);
//
// Returned pointers and views borrow from the document and live as long as it does.
// Thread-safe (stateless).
#ifndef STIXKIT_STIX_JSON_JSON_ACCESS_H_
#define STIXKIT_STIX_JSON_JSON_ACCESS_H_

#include <initializer_list>
#include <string_view>

#include "rapidjson/document.h"

namespace stixkit::stix {

// The string's bytes; `v` must be a string.
inline std::string_view View(const rapidjson::Value& v) {
  return std::string_view(v.GetString(), v.GetStringLength());
}

// The member `name` of `object`, or nullptr when `object` is not a JSON object or has
// no such member.
inline const rapidjson::Value* Member(const rapidjson::Value& object, std::string_view name) {
  if (!object.IsObject()) return nullptr;
  const auto it =
      object.FindMember(rapidjson::Value(rapidjson::StringRef(name.data(), name.size())));
  return it == object.MemberEnd() ? nullptr : &it->value;
}

// Follows a chain of member names; nullptr as soon as one is missing.
inline const rapidjson::Value* MemberPath(const rapidjson::Value& object,
                                          std::initializer_list<std::string_view> path) {
  const rapidjson::Value* at = &object;
  for (std::string_view name : path) {
    at = Member(*at, name);
    if (at == nullptr) return nullptr;
  }
  return at;
}

inline bool Has(const rapidjson::Value& object, std::string_view name) {
  return Member(object, name) != nullptr;
}

// The string value of member `name`, or "" when it is absent or not a string.
inline std::string_view StringMember(const rapidjson::Value& object, std::string_view name) {
  const rapidjson::Value* v = Member(object, name);
  return v != nullptr && v->IsString() ? View(*v) : std::string_view();
}

// The object's "type" and "id" strings ("" when absent).
inline std::string_view TypeOf(const rapidjson::Value& object) {
  return StringMember(object, "type");
}
inline std::string_view IdOf(const rapidjson::Value& object) { return StringMember(object, "id"); }

// "a string", "an array", ... for messages that say what was found instead.
inline std::string_view JsonKindName(const rapidjson::Value& v) {
  if (v.IsString()) return "a string";
  if (v.IsBool()) return "a boolean";
  if (v.IsNumber()) return "a number";
  if (v.IsArray()) return "an array";
  if (v.IsObject()) return "an object";
  return "null";
}

}  // namespace stixkit::stix

#endif  // STIXKIT_STIX_JSON_JSON_ACCESS_H_
