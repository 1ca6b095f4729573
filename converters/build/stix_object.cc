#include "converters/build/stix_object.h"

namespace stixkit::convert {
namespace {

rapidjson::Value Str(std::string_view s, rapidjson::Document::AllocatorType& a) {
  return rapidjson::Value(s.data(), static_cast<rapidjson::SizeType>(s.size()), a);
}

}  // namespace

StixObject::StixObject(std::string_view type, std::string_view id)
    : type_(type), id_(id), doc_(std::make_unique<rapidjson::Document>()) {
  doc_->SetObject();
  Set("type", type);
  Set("spec_version", "2.1");
  Set("id", id);
}

StixObject StixObject::FromJson(std::string_view type, std::string_view id,
                                std::string_view json) {
  StixObject o;
  o.type_ = std::string(type);
  o.id_ = std::string(id);
  o.doc_ = std::make_unique<rapidjson::Document>();
  o.doc_->Parse(json.data(), json.size());
  return o;
}

void StixObject::Set(std::string_view key, std::string_view value) {
  rapidjson::Value v = Str(value, allocator());
  SetValue(key, v);
}

void StixObject::SetInt(std::string_view key, int64_t value) {
  rapidjson::Value v(value);
  SetValue(key, v);
}

void StixObject::SetBool(std::string_view key, bool value) {
  rapidjson::Value v(value);
  SetValue(key, v);
}

void StixObject::SetList(std::string_view key, const std::vector<std::string>& values) {
  rapidjson::Value list(rapidjson::kArrayType);
  for (const std::string& s : values) list.PushBack(Str(s, allocator()), allocator());
  SetValue(key, list);
}

void StixObject::SetValue(std::string_view key, rapidjson::Value& value) {
  auto it = doc_->FindMember(Str(key, allocator()));
  if (it != doc_->MemberEnd()) {
    it->value = value;
    return;
  }
  doc_->AddMember(Str(key, allocator()), value, allocator());
}

bool StixObject::Has(std::string_view key) const {
  return doc_->FindMember(rapidjson::StringRef(key.data(), key.size())) != doc_->MemberEnd();
}

std::string_view StixObject::Get(std::string_view key) const {
  auto it = doc_->FindMember(rapidjson::StringRef(key.data(), key.size()));
  if (it == doc_->MemberEnd() || !it->value.IsString()) return {};
  return std::string_view(it->value.GetString(), it->value.GetStringLength());
}

}  // namespace stixkit::convert
