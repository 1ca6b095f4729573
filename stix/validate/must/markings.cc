// Data markings (STIX 2.1 §7.2): a marking-definition may not mark itself, and every
// granular-marking selector must point at content present in the object (§7.2.3.1).
#include <optional>

#include "absl/strings/numbers.h"
#include "stix/base/strings.h"
#include "stix/validate/must/internal/checks.h"
#include "stix/validate/must/internal/json_access.h"

namespace stixkit::stix::must {
namespace {

constexpr std::string_view kCircular =
    " cannot contain any references to this marking definition object (no circular "
    "references)";

// Where a selector walk stands. The reference walks selectors with Python indexing, so
// indexing a string yields a one-character string; `text_length` tracks that case.
struct Cursor {
  const rapidjson::Value* value = nullptr;
  std::optional<size_t> text_length;  // set when standing on (part of) a string
};

size_t CodePoints(std::string_view utf8) {
  size_t count = 0;
  for (const char c : utf8) count += (static_cast<unsigned char>(c) & 0xc0) != 0x80;
  return count;
}

// "[<digits>" at the start of the segment, as re.match(r"\[(\d+)\]") finds it.
std::optional<size_t> ListIndex(std::string_view segment) {
  if (segment.size() < 3 || segment[0] != '[') return std::nullopt;
  const size_t close = segment.find(']');
  if (close == std::string_view::npos || close == 1) return std::nullopt;
  const std::string_view digits = segment.substr(1, close - 1);
  for (const char c : digits) {
    if (c < '0' || c > '9') return std::nullopt;
  }
  size_t index = 0;
  // Out-of-range numbers behave as a too-large index.
  if (!absl::SimpleAtoi(Av(digits), &index)) index = static_cast<size_t>(-1);
  return index;
}

// One step of the walk; returns the message tail when the step fails (the cursor
// then stays where it was, as in the reference, which goes on with the next segment).
std::string StepIndex(Cursor* at, size_t index, std::optional<std::string_view> previous) {
  if (at->text_length) {
    if (index >= *at->text_length) return Cat(index, " is not a valid index");
    at->text_length = 1;
    return "";
  }
  const rapidjson::Value& v = *at->value;
  if (v.IsArray()) {
    if (index >= v.Size()) return Cat(index, " is not a valid index");
    at->value = &v[static_cast<rapidjson::SizeType>(index)];
    if (at->value->IsString()) at->text_length = CodePoints(View(*at->value));
    return "";
  }
  // Python prints the previous segment, or None before the first one.
  return Cat("'", previous.value_or("None"), "' is not a list");
}

std::string StepProperty(Cursor* at, std::string_view name) {
  const rapidjson::Value& v = *at->value;
  if (at->text_length || !v.IsObject()) return Cat("'", name, "' is not a property");
  const rapidjson::Value* child = Member(v, name);
  if (child == nullptr) return Cat("'", name, "' is not a property");
  at->value = child;
  at->text_length.reset();
  if (child->IsString()) at->text_length = CodePoints(View(*child));
  return "";
}

// `marking` and `position` place the selector in granular_markings, for the pointer.
void CheckSelector(const Object& object, std::string_view selector, rapidjson::SizeType marking,
                   rapidjson::SizeType position, Findings* out) {
  Cursor at{&object, std::nullopt};
  std::optional<std::string_view> previous;
  size_t start = 0;
  while (true) {
    const size_t dot = selector.find('.', start);
    const std::string_view segment = selector.substr(start, dot - start);
    const std::optional<size_t> index = ListIndex(segment);
    const std::string failure =
        index ? StepIndex(&at, *index, previous) : StepProperty(&at, segment);
    if (!failure.empty()) {
      AddError(object, Cat("/granular_markings/", marking, "/selectors/", position),
               Cat("'", selector, "' is not a valid selector because ", failure), out);
    }
    previous = segment;
    if (dot == std::string_view::npos) return;
    start = dot + 1;
  }
}

}  // namespace

void CheckObjectMarkingCircularRefs(const Object& object, const CheckContext&, Findings* out) {
  const rapidjson::Value* refs = Member(object, "object_marking_refs");
  if (TypeOf(object) != "marking-definition" || refs == nullptr || !refs->IsArray()) return;
  for (rapidjson::SizeType i = 0; i < refs->Size(); ++i) {
    const rapidjson::Value& ref = (*refs)[i];
    if (ref.IsString() && View(ref) == IdOf(object)) {
      AddError(object, Cat("/object_marking_refs/", i), Cat("`object_marking_refs`", kCircular),
               out);
    }
  }
}

void CheckGranularMarkingCircularRefs(const Object& object, const CheckContext&, Findings* out) {
  const rapidjson::Value* markings = Member(object, "granular_markings");
  if (TypeOf(object) != "marking-definition" || markings == nullptr || !markings->IsArray()) {
    return;
  }
  for (rapidjson::SizeType i = 0; i < markings->Size(); ++i) {
    const std::string_view ref = StringMember((*markings)[i], "marking_ref");
    if (!ref.empty() && ref == IdOf(object)) {
      AddError(object, Cat("/granular_markings/", i, "/marking_ref"),
               Cat("`granular_markings`", kCircular), out);
    }
  }
}

void CheckMarkingSelectorSyntax(const Object& object, const CheckContext&, Findings* out) {
  const rapidjson::Value* markings = Member(object, "granular_markings");
  if (markings == nullptr || !markings->IsArray()) return;
  for (rapidjson::SizeType i = 0; i < markings->Size(); ++i) {
    const rapidjson::Value* selectors = Member((*markings)[i], "selectors");
    if (selectors == nullptr || !selectors->IsArray()) continue;
    for (rapidjson::SizeType j = 0; j < selectors->Size(); ++j) {
      const rapidjson::Value& selector = (*selectors)[j];
      if (!selector.IsString()) continue;
      CheckSelector(object, View(selector), i, j, out);
    }
  }
}

}  // namespace stixkit::stix::must
