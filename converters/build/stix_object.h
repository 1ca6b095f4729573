// One STIX object under construction: a JSON object whose members keep the order they
// were set in, so every builder writes properties in spec order and output is stable.
//
//   StixObject o("indicator", id);   // sets type, spec_version, id
//   o.Set("name", "C2 server 198.51.100.3");
//   o.SetList("indicator_types", {"malicious-activity"});
//
// Not thread-safe; each builder owns the objects it makes until it hands them over.
#ifndef STIXKIT_CONVERTERS_BUILD_STIX_OBJECT_H_
#define STIXKIT_CONVERTERS_BUILD_STIX_OBJECT_H_

#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "rapidjson/document.h"

namespace stixkit::convert {

class StixObject {
 public:
  // An SDO, SRO or SCO with `type`, `spec_version` "2.1" and `id` set.
  StixObject(std::string_view type, std::string_view id);
  // An object parsed from compact JSON (a marking definition emitted verbatim).
  static StixObject FromJson(std::string_view type, std::string_view id,
                             std::string_view json);

  const std::string& type() const { return type_; }
  const std::string& id() const { return id_; }

  void Set(std::string_view key, std::string_view value);
  void SetInt(std::string_view key, int64_t value);
  void SetBool(std::string_view key, bool value);
  void SetList(std::string_view key, const std::vector<std::string>& values);
  // Moves `value` in; it must have been allocated with allocator().
  void SetValue(std::string_view key, rapidjson::Value& value);
  bool Has(std::string_view key) const;
  // The string member `key`, or "" when absent or not a string.
  std::string_view Get(std::string_view key) const;

  rapidjson::Document::AllocatorType& allocator() { return doc_->GetAllocator(); }
  const rapidjson::Value& json() const { return *doc_; }
  rapidjson::Value& json() { return *doc_; }

  // The source line and context the object came from, for `convert --explain`.
  std::string origin;

 private:
  StixObject() = default;
  std::string type_;
  std::string id_;
  std::unique_ptr<rapidjson::Document> doc_;
};

}  // namespace stixkit::convert

#endif  // STIXKIT_CONVERTERS_BUILD_STIX_OBJECT_H_
