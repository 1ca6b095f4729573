#include "stix/validate/must/internal/json_access.h"

#include "rapidjson/stringbuffer.h"
#include "rapidjson/writer.h"

namespace stixkit::stix::must {

std::string PointerToken(std::string_view name) {
  std::string token;
  token.reserve(name.size());
  for (const char c : name) {
    if (c == '~') {
      token += "~0";
    } else if (c == '/') {
      token += "~1";
    } else {
      token += c;
    }
  }
  return token;
}

std::string Pointer(std::string_view parent, std::string_view name) {
  return Cat(parent, "/", PointerToken(name));
}

std::string Printable(const rapidjson::Value& value) {
  if (value.IsString()) return std::string(View(value));
  rapidjson::StringBuffer buffer;
  rapidjson::Writer<rapidjson::StringBuffer> writer(buffer);
  value.Accept(writer);
  return std::string(buffer.GetString(), buffer.GetSize());
}

void VisitPath(const rapidjson::Value& root, std::string_view root_pointer,
               absl::Span<const std::string> path,
               absl::FunctionRef<void(const rapidjson::Value&, const std::string&)> visit) {
  if (path.empty()) {
    visit(root, std::string(root_pointer));
    return;
  }
  const std::string& step = path.front();
  const absl::Span<const std::string> rest = path.subspan(1);
  if (step == "[]") {
    if (!root.IsArray()) return;
    for (rapidjson::SizeType i = 0; i < root.Size(); ++i) {
      VisitPath(root[i], Cat(root_pointer, "/", i), rest, visit);
    }
  } else if (step == "*") {
    if (!root.IsObject()) return;
    for (const auto& m : root.GetObject()) {
      VisitPath(m.value, Pointer(root_pointer, View(m.name)), rest, visit);
    }
  } else if (const rapidjson::Value* child = Member(root, step)) {
    VisitPath(*child, Pointer(root_pointer, step), rest, visit);
  }
}

void AddError(const rapidjson::Value& object, std::string pointer, std::string message,
              Findings* out) {
  out->push_back(
      Finding::Error("", std::string(IdOf(object)), std::move(pointer), std::move(message)));
}

}  // namespace stixkit::stix::must
