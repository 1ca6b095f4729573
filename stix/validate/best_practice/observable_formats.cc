// Format checks inside cyber observables: 141 observable-object-keys,
// 142 observable-dictionary-keys, 149 windows-process-priority-format and
// 150 hash-length (v21/shoulds.py). Like the reference, they look at the object they
// are given: for an observed-data with `objects` that is the container itself.
#include "stix/validate/best_practice/internal/cat.h"
#include "stix/validate/best_practice/internal/check_tables.h"
#include "stix/validate/best_practice/internal/checks.h"
#include "stix/validate/best_practice/internal/json_access.h"
#include "stix/validate/best_practice/internal/name_patterns.h"

namespace stixkit::stix::best_practice {
namespace {

// STIX 2.1 section 2.7: dictionary keys are at most 250 characters. The reference
// 3.2.1 no longer applies 2.0's 30-character limit (its recorded cases accept 36).
constexpr size_t kMaxHashNameLength = 250;

void CheckObjectKeys(const ObjectInfo& info, Findings* out) {
  const rapidjson::Value* objects = Member(info.object, "objects");
  if (info.type != "observed-data" || objects == nullptr || !objects->IsObject()) return;
  for (const auto& m : objects->GetObject()) {
    if (IsAllDigits(View(m.name))) continue;
    Warn(info, "141", Pointer({"objects", View(m.name)}),
         Cat({"observable object key '", View(m.name), "' should be a non-negative integer"}), out);
  }
}

// Recursively reports upper-case keys; the exception dictionaries are neither
// checked inside nor entered, lists are not entered (as in test_dict_keys).
void CheckDictKeys(const ObjectInfo& info, const rapidjson::Value& dict, int depth, Findings* out) {
  // Real objects nest a few levels; the bound only guards against hostile input.
  if (depth > 64) return;
  for (const auto& m : dict.GetObject()) {
    const std::string_view key = View(m.name);
    if (!HasNoUpperAscii(key)) {
      Warn(info, "142", "", Cat({"dictionary key '", key, "' should be lower case"}), out);
    }
    if (m.value.IsObject() && !CheckTables::Get().IsDictionaryKeyException(key)) {
      CheckDictKeys(info, m.value, depth + 1, out);
    }
  }
}

void CheckPriority(const ObjectInfo& info, Findings* out) {
  if (info.type != "process") return;
  const rapidjson::Value* priority =
      MemberPath(info.object, {"extensions", "windows-process-ext", "priority"});
  if (priority == nullptr || !priority->IsString() || EndsInClassSuffix(View(*priority))) {
    return;
  }
  Warn(info, "149", "/extensions/windows-process-ext/priority",
       Cat({"priority '", View(*priority), "' should end in '_CLASS'"}), out);
}

// The first over-long hash name in `hashes`, or "" when none.
std::string_view LongHashName(const rapidjson::Value* hashes) {
  if (hashes == nullptr || !hashes->IsObject()) return {};
  for (const auto& m : hashes->GetObject()) {
    if (CodePointCount(View(m.name)) > kMaxHashNameLength) return View(m.name);
  }
  return {};
}

// Mirrors hash_length's early returns: a missing piece ends the search, and only the
// first over-long name is reported.
std::string_view FindLongFileHash(const rapidjson::Value& file) {
  const rapidjson::Value* hashes = Member(file, "hashes");
  if (hashes == nullptr) return {};
  if (auto name = LongHashName(hashes); !name.empty()) return name;
  const rapidjson::Value* ads =
      MemberPath(file, {"extensions", "ntfs-ext", "alternate_data_streams"});
  if (ads == nullptr || !ads->IsArray()) return {};
  for (const auto& stream : ads->GetArray()) {
    if (!Has(stream, "hashes")) return {};
    if (auto name = LongHashName(Member(stream, "hashes")); !name.empty()) return name;
  }
  const rapidjson::Value* pe = MemberPath(file, {"extensions", "windows-pebinary-ext"});
  if (pe == nullptr || !Has(*pe, "file_header_hashes")) return {};
  if (auto name = LongHashName(Member(*pe, "file_header_hashes")); !name.empty()) return name;
  const rapidjson::Value* optional = MemberPath(*pe, {"optional_header", "hashes"});
  if (optional == nullptr) return {};
  if (auto name = LongHashName(optional); !name.empty()) return name;
  const rapidjson::Value* sections = Member(*pe, "sections");
  if (sections == nullptr || !sections->IsArray()) return {};
  for (const auto& section : sections->GetArray()) {
    if (!Has(section, "hashes")) return {};
    if (auto name = LongHashName(Member(section, "hashes")); !name.empty()) return name;
  }
  return {};
}

void CheckHashLength(const ObjectInfo& info, Findings* out) {
  std::string_view name;
  if (info.type == "file") {
    name = FindLongFileHash(info.object);
  } else if (info.type == "artifact" || info.type == "x509-certificate") {
    name = LongHashName(Member(info.object, "hashes"));
  }
  if (name.empty()) return;
  Warn(info, "150", "",
       Cat({"hash name '", name, "' should be at most ", std::to_string(kMaxHashNameLength),
            " characters long"}),
       out);
}

}  // namespace

void CheckObservableFormats(const ObjectInfo& info, const CheckContext& ctx, Findings* out) {
  // Type gates first: asking the selection costs a lookup per object.
  if (info.type == "observed-data" && ctx.selection.Runs("141")) CheckObjectKeys(info, out);
  if (!info.has_observable_data) return;
  if (ctx.selection.Runs("142")) CheckDictKeys(info, info.object, 0, out);
  if (info.type == "process" && ctx.selection.Runs("149")) CheckPriority(info, out);
  if ((info.type == "file" || info.type == "artifact" || info.type == "x509-certificate") &&
      ctx.selection.Runs("150")) {
    CheckHashLength(info, out);
  }
}

}  // namespace stixkit::stix::best_practice
