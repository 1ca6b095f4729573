#include "stix/validate/internal/compiled_schema.h"

#include <algorithm>
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "absl/strings/str_cat.h"
#include "rapidjson/pointer.h"
#include "stix/base/strings.h"
#include "stix/validate/schema_store.h"

namespace stixkit::stix::validate::internal {
namespace {

// Deeper than any bundled schema nests; stops reference cycles.
constexpr int kMaxDepth = 64;

uint8_t TypeBitOf(const Value& value) {
  switch (value.GetType()) {
    case rapidjson::kNullType:
      return kNullBit;
    case rapidjson::kFalseType:
    case rapidjson::kTrueType:
      return kBooleanBit;
    case rapidjson::kObjectType:
      return kObjectBit;
    case rapidjson::kArrayType:
      return kArrayBit;
    case rapidjson::kStringType:
      return kStringBit;
    case rapidjson::kNumberType:
      return value.IsInt64() || value.IsUint64() ? kIntegerBit : kNumberBit;
  }
  return 0;
}

uint8_t TypeMaskOf(std::string_view name) {
  if (name == "null") return kNullBit;
  if (name == "boolean") return kBooleanBit;
  if (name == "object") return kObjectBit;
  if (name == "array") return kArrayBit;
  if (name == "string") return kStringBit;
  if (name == "integer") return kIntegerBit;
  if (name == "number") return kIntegerBit | kNumberBit;
  return 0;
}

uint64_t CountOf(const Value& node, const char* keyword, uint64_t otherwise) {
  const Value* value = Member(node, keyword);
  return value != nullptr && value->IsUint64() ? value->GetUint64() : otherwise;
}

// Names RapidJSON treats as declared, never additional: properties, required and
// dependencies all declare names (schema.h, the Schema constructor).
void CollectDeclared(const Value& json, Node* node) {
  if (const Value* required = Member(json, "required"); required && required->IsArray()) {
    for (const Value& name : required->GetArray()) {
      if (name.IsString()) node->declared.emplace(Av(NameOf(name)));
    }
  }
  if (const Value* deps = Member(json, "dependencies"); deps && deps->IsObject()) {
    for (const auto& entry : deps->GetObject()) {
      node->declared.emplace(Av(NameOf(entry.name)));
      if (!entry.value.IsArray()) continue;
      for (const Value& name : entry.value.GetArray()) {
        if (name.IsString()) node->declared.emplace(Av(NameOf(name)));
      }
    }
  }
}

}  // namespace

// A pattern RapidJSON cannot compile is ignored by RapidJSON; nullptr does the same.
Pattern* CompiledSchemas::PatternFor(const Value& source) {
  auto [it, inserted] = patterns_.try_emplace(std::string(NameOf(source)));
  if (inserted) it->second = Pattern::Compile(NameOf(source));
  return it->second.get();
}

const Node* CompiledSchemas::CompileRef(std::string_view file, std::string_view ref, int depth) {
  const size_t hash = ref.find('#');
  std::string_view target_file = ref.substr(0, hash);
  if (const size_t slash = target_file.rfind('/'); slash != std::string_view::npos) {
    target_file.remove_prefix(slash + 1);
  }
  if (target_file.empty()) target_file = file;
  const Value* root = store_.JsonByName(target_file);
  if (root == nullptr) return nullptr;
  const Value* target = root;
  if (hash != std::string_view::npos && hash + 1 < ref.size()) {
    const std::string_view fragment = ref.substr(hash + 1);
    target = rapidjson::Pointer(fragment.data(), fragment.size()).Get(*root);
  }
  return target == nullptr ? nullptr : Compile(target_file, *target, depth + 1);
}

const Node* CompiledSchemas::Compile(std::string_view file, const Value& json, int depth) {
  if (!json.IsObject() || depth > kMaxDepth) return nullptr;
  if (const auto it = by_json_.find(&json); it != by_json_.end()) return it->second;
  if (const std::string_view ref = StringOf(Member(json, "$ref")); !ref.empty()) {
    const Node* target = CompileRef(file, ref, depth);
    by_json_[&json] = target;
    return target;
  }
  nodes_.push_back(std::make_unique<Node>());
  Node* node = nodes_.back().get();
  by_json_[&json] = node;  // before the children: schemas may refer back to themselves
  Fill(file, json, node, depth);
  return node;
}

void CompiledSchemas::Fill(std::string_view file, const Value& json, Node* node, int depth) {
  node->json = &json;
  node->title = StringOf(Member(json, "title"));
  if (const Value* type = Member(json, "type")) {
    node->types = 0;
    if (type->IsString()) node->types = TypeMaskOf(NameOf(*type));
    if (type->IsArray()) {
      for (const Value& each : type->GetArray()) {
        if (each.IsString()) node->types |= TypeMaskOf(NameOf(each));
      }
    }
  }
  if (const Value* values = Member(json, "enum"); values && values->IsArray() && !values->Empty()) {
    node->enum_values = values;
  }
  if (const Value* pattern = Member(json, "pattern"); pattern && pattern->IsString()) {
    node->pattern = PatternFor(*pattern);
  }
  node->min_length = CountOf(json, "minLength", 0);
  node->max_length = CountOf(json, "maxLength", kUnbounded);
  if (const Value* min = Member(json, "minimum"); min && min->IsNumber()) node->minimum = min;
  if (const Value* max = Member(json, "maximum"); max && max->IsNumber()) node->maximum = max;
  node->exclusive_minimum =
      Member(json, "exclusiveMinimum") && Member(json, "exclusiveMinimum")->IsTrue();
  node->exclusive_maximum =
      Member(json, "exclusiveMaximum") && Member(json, "exclusiveMaximum")->IsTrue();
  if (const Value* properties = Member(json, "properties"); properties && properties->IsObject()) {
    for (const auto& member : properties->GetObject()) {
      if (const Node* sub = Compile(file, member.value, depth + 1)) {
        node->properties.emplace(Av(NameOf(member.name)), sub);
      }
    }
  }
  if (const Value* patterns = Member(json, "patternProperties"); patterns && patterns->IsObject()) {
    for (const auto& member : patterns->GetObject()) {
      Pattern* pattern = PatternFor(member.name);
      const Node* sub = Compile(file, member.value, depth + 1);
      if (pattern != nullptr && sub != nullptr && node->pattern_properties.size() < 64) {
        node->pattern_properties.push_back({pattern, sub});
      }
    }
  }
  CollectDeclared(json, node);
  if (const Value* additional = Member(json, "additionalProperties")) {
    node->forbid_additional = additional->IsFalse();
    if (additional->IsObject()) node->additional = Compile(file, *additional, depth + 1);
  }
  if (const Value* required = Member(json, "required"); required && required->IsArray()) {
    for (const Value& name : required->GetArray()) {
      if (name.IsString()) node->required.push_back(NameOf(name));
    }
  }
  node->min_properties = CountOf(json, "minProperties", 0);
  node->max_properties = CountOf(json, "maxProperties", kUnbounded);
  if (const Value* deps = Member(json, "dependencies"); deps && deps->IsObject()) {
    for (const auto& entry : deps->GetObject()) {
      if (!entry.value.IsArray()) continue;  // schema dependencies: unused by the schemas
      std::vector<std::string_view> needed;
      for (const Value& name : entry.value.GetArray()) {
        if (name.IsString()) needed.push_back(NameOf(name));
      }
      node->dependencies.push_back({NameOf(entry.name), std::move(needed)});
    }
  }
  if (const Value* items = Member(json, "items"); items && items->IsObject()) {
    node->items = Compile(file, *items, depth + 1);
  }
  node->min_items = CountOf(json, "minItems", 0);
  node->max_items = CountOf(json, "maxItems", kUnbounded);
  for (const auto& [keyword, list] :
       {std::pair{"allOf", &node->all_of}, std::pair{"anyOf", &node->any_of},
        std::pair{"oneOf", &node->one_of}}) {
    const Value* branches = Member(json, keyword);
    if (branches == nullptr || !branches->IsArray()) continue;
    for (const Value& branch : branches->GetArray()) {
      // An unresolvable branch is an empty schema, which accepts everything.
      static const Node kAnything;
      const Node* sub = Compile(file, branch, depth + 1);
      list->push_back(sub != nullptr ? sub : &kAnything);
    }
  }
  if (const Value* inner = Member(json, "not"); inner && inner->IsObject()) {
    node->not_schema = Compile(file, *inner, depth + 1);
  }
}

// RFC 6901 escaping of one reference token.
void AppendToken(std::string* pointer, std::string_view token) {
  pointer->push_back('/');
  for (const char c : token) {
    if (c == '~') {
      pointer->append("~0");
    } else if (c == '/') {
      pointer->append("~1");
    } else {
      pointer->push_back(c);
    }
  }
}

namespace {

size_t CodePointCount(std::string_view text) {
  size_t count = 0;
  for (const char c : text) count += (static_cast<unsigned char>(c) & 0xC0) != 0x80;
  return count;
}

bool Fail(Trace* trace, const Node& node, std::string_view keyword, const Value& value,
          std::string detail = {}) {
  if (trace != nullptr) {
    trace->failure =
        Failure{trace->pointer, &node, keyword, trace->title, std::move(detail), &value};
  }
  return false;
}

// Checks a member or item; the trace's pointer and title follow it down and back.
bool CheckChild(const Value& value, const Node& node, std::string_view token, Trace* trace) {
  if (trace == nullptr) return Check(value, node, nullptr);
  const size_t size = trace->pointer.size();
  const std::string_view title = trace->title;
  AppendToken(&trace->pointer, token);
  trace->title = {};
  const bool ok = Check(value, node, trace);
  trace->pointer.resize(size);
  trace->title = title;
  return ok;
}

bool CheckNumber(const Value& value, const Node& node, Trace* trace) {
  const double number = value.GetDouble();
  if (node.minimum != nullptr) {
    const double min = node.minimum->GetDouble();
    if (node.exclusive_minimum ? number <= min : number < min) {
      return Fail(trace, node, "minimum", value);
    }
  }
  if (node.maximum != nullptr) {
    const double max = node.maximum->GetDouble();
    if (node.exclusive_maximum ? number >= max : number > max) {
      return Fail(trace, node, "maximum", value);
    }
  }
  return true;
}

// Bounds the memory a stream of distinct (custom) keys can take.
constexpr size_t kMaxRememberedKeys = 4096;

uint64_t KeyMatches(const Node& node, std::string_view key) {
  if (const auto it = node.key_matches.find(Av(key)); it != node.key_matches.end()) {
    return it->second;
  }
  uint64_t matches = 0;
  for (size_t i = 0; i < node.pattern_properties.size(); ++i) {
    if (node.pattern_properties[i].first->Search(key)) matches |= uint64_t{1} << i;
  }
  if (node.key_matches.size() < kMaxRememberedKeys) node.key_matches.emplace(Av(key), matches);
  return matches;
}

bool CheckObject(const Value& value, const Node& node, Trace* trace) {
  for (const std::string_view name : node.required) {
    if (Member(value, name) == nullptr)
      return Fail(trace, node, "required", value, std::string(name));
  }
  for (const auto& member : value.GetObject()) {
    const std::string_view key = NameOf(member.name);
    bool declared = false;
    if (!node.properties.empty()) {
      if (const auto it = node.properties.find(Av(key)); it != node.properties.end()) {
        declared = true;
        if (!CheckChild(member.value, *it->second, key, trace)) return false;
      }
    }
    if (!node.pattern_properties.empty()) {
      const uint64_t matches = KeyMatches(node, key);
      for (size_t i = 0; i < node.pattern_properties.size(); ++i) {
        if ((matches >> i & 1) == 0) continue;
        declared = true;
        if (!CheckChild(member.value, *node.pattern_properties[i].second, key, trace)) return false;
      }
    }
    if (declared || (!node.forbid_additional && node.additional == nullptr) ||
        node.declared.contains(Av(key))) {
      continue;
    }
    if (node.additional != nullptr) {
      if (!CheckChild(member.value, *node.additional, key, trace)) return false;
      continue;
    }
    if (trace == nullptr) return false;
    const size_t size = trace->pointer.size();
    AppendToken(&trace->pointer, key);
    Fail(trace, node, "additionalProperties", member.value, std::string(key));
    trace->pointer.resize(size);
    return false;
  }
  if (value.MemberCount() < node.min_properties) return Fail(trace, node, "minProperties", value);
  if (value.MemberCount() > node.max_properties) return Fail(trace, node, "maxProperties", value);
  for (const auto& [name, needed] : node.dependencies) {
    if (Member(value, name) == nullptr) continue;
    for (const std::string_view other : needed) {
      if (Member(value, other) == nullptr) {
        return Fail(trace, node, "dependencies", value,
                    absl::StrCat("\"", Av(name), "\" requires \"", Av(other), "\""));
      }
    }
  }
  return true;
}

bool CheckArray(const Value& value, const Node& node, Trace* trace) {
  if (value.Size() < node.min_items) return Fail(trace, node, "minItems", value);
  if (value.Size() > node.max_items) return Fail(trace, node, "maxItems", value);
  if (node.items != nullptr) {
    for (rapidjson::SizeType i = 0; i < value.Size(); ++i) {
      if (!CheckChild(value[i], *node.items, std::to_string(i), trace)) return false;
    }
  }
  return true;
}

bool CheckBranches(const Value& value, const Node& node, Trace* trace) {
  for (const Node* branch : node.all_of) {
    if (!Check(value, *branch, trace)) return false;
  }
  if (!node.any_of.empty()) {
    bool any = false;
    for (const Node* branch : node.any_of) {
      if ((any = Check(value, *branch, nullptr))) break;
    }
    if (!any) return Fail(trace, node, "anyOf", value);
  }
  if (!node.one_of.empty()) {
    int matches = 0;
    for (const Node* branch : node.one_of) matches += Check(value, *branch, nullptr);
    if (matches != 1) return Fail(trace, node, "oneOf", value, matches > 1 ? "several" : "");
  }
  if (node.not_schema != nullptr && Check(value, *node.not_schema, nullptr)) {
    return Fail(trace, node, "not", value);
  }
  return true;
}

}  // namespace

bool Check(const Value& value, const Node& node, Trace* trace) {
  std::string_view outer_title;
  if (trace != nullptr) {
    outer_title = trace->title;
    if (!node.title.empty()) trace->title = node.title;
  }
  bool ok = true;
  if ((TypeBitOf(value) & node.types) == 0) {
    ok = Fail(trace, node, "type", value);
  } else if (node.enum_values != nullptr &&
             std::none_of(node.enum_values->Begin(), node.enum_values->End(),
                          [&](const Value& each) { return each == value; })) {
    ok = Fail(trace, node, "enum", value);
  } else if (value.IsString()) {
    const std::string_view text = NameOf(value);
    if (node.min_length > 0 || node.max_length != kUnbounded) {
      const size_t length = CodePointCount(text);
      if (length < node.min_length) ok = Fail(trace, node, "minLength", value);
      if (ok && length > node.max_length) ok = Fail(trace, node, "maxLength", value);
    }
    if (ok && node.pattern != nullptr && !node.pattern->Search(text)) {
      ok = Fail(trace, node, "pattern", value);
    }
  } else if (value.IsNumber()) {
    ok = CheckNumber(value, node, trace);
  } else if (value.IsObject()) {
    ok = CheckObject(value, node, trace);
  } else if (value.IsArray()) {
    ok = CheckArray(value, node, trace);
  }
  if (ok) ok = CheckBranches(value, node, trace);
  if (trace != nullptr) trace->title = outer_title;
  return ok;
}

}  // namespace stixkit::stix::validate::internal
