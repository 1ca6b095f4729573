// Open-vocabulary checks 211-245: values should come from the spec's vocabularies
// (STIX 2.1 section 10). Which property uses which vocabulary is data
// (stix/data/check-codes.json); 241 hash-algo and 243 windows-pebinary-type look inside
// SCO extensions and are written out here (v21/shoulds.py vocab_hash_algo,
// vocab_windows_pebinary_type).
#include "stix/model/vocabularies.h"

#include "stix/base/strings.h"
#include "stix/validate/best_practice/internal/cat.h"
#include "stix/validate/best_practice/internal/check_tables.h"
#include "stix/validate/best_practice/internal/checks.h"
#include "stix/validate/best_practice/internal/json_access.h"

namespace stixkit::stix::best_practice {
namespace {

// The first value of `v` outside `values` ("" with *found=false when all are in).
// Like the reference, a value that is neither a string nor a list of strings is
// never in a vocabulary.
bool FirstOutside(const rapidjson::Value& v, const absl::flat_hash_set<std::string>& values,
                  std::string_view* found) {
  *found = {};
  if (v.IsString()) {
    *found = View(v);
    return !values.contains(Av(View(v)));
  }
  if (!v.IsArray()) return true;
  for (const auto& item : v.GetArray()) {
    if (!item.IsString()) return true;
    if (!values.contains(Av(View(item)))) {
      *found = View(item);
      return true;
    }
  }
  return false;
}

void CheckRule(const ObjectInfo& info, const VocabRule& rule, Findings* out) {
  const rapidjson::Value* v = Member(info.object, rule.property);
  if (v == nullptr || rule.values == nullptr) return;
  std::string_view found;
  if (!FirstOutside(*v, *rule.values, &found)) return;
  Warn(info, rule.code, Pointer({rule.property}),
       Cat({rule.property, " should use values from ", rule.vocabulary,
            found.empty() ? std::string(", found a value of another JSON type")
                          : Cat({", found '", found, "'"})}),
       out);
}

// hash-algorithm-ov, or a custom name prefixed x_ (STIX 2.1 section 10.3).
bool IsRecommendedHashName(std::string_view name) {
  return name.starts_with("x_") || InVocabulary("hash-algorithm-ov", name);
}

void CheckHashNames(const ObjectInfo& info, const rapidjson::Value* hashes, std::string_view where,
                    std::string pointer, Findings* out) {
  if (hashes == nullptr || !hashes->IsObject()) return;
  for (const auto& m : hashes->GetObject()) {
    if (IsRecommendedHashName(View(m.name))) continue;
    Warn(info, "241", pointer,
         Cat({"hash name '", View(m.name), "' in ", where,
              " should come from hash-algorithm-ov or start with 'x_'"}),
         out);
  }
}

void CheckHashNamesInList(const ObjectInfo& info, const rapidjson::Value* list,
                          std::string_view where, const std::string& pointer, Findings* out) {
  if (list == nullptr || !list->IsArray()) return;
  for (const auto& item : list->GetArray()) {
    CheckHashNames(info, Member(item, "hashes"), where, pointer, out);
  }
}

void CheckHashAlgorithms(const ObjectInfo& info, Findings* out) {
  if (info.type == "file" || info.type == "artifact" || info.type == "x509-certificate") {
    CheckHashNames(info, Member(info.object, "hashes"), "hashes", "/hashes", out);
  }
  if (info.type != "file") return;
  CheckHashNamesInList(
      info, MemberPath(info.object, {"extensions", "ntfs-ext", "alternate_data_streams"}),
      "an ntfs-ext alternate data stream", "/extensions/ntfs-ext/alternate_data_streams", out);
  const rapidjson::Value* pe = MemberPath(info.object, {"extensions", "windows-pebinary-ext"});
  if (pe == nullptr) return;
  const std::string base = "/extensions/windows-pebinary-ext";
  CheckHashNames(info, Member(*pe, "file_header_hashes"), "windows-pebinary-ext file_header_hashes",
                 base + "/file_header_hashes", out);
  CheckHashNames(info, MemberPath(*pe, {"optional_header", "hashes"}),
                 "the windows-pebinary-ext optional header", base + "/optional_header/hashes", out);
  CheckHashNamesInList(info, Member(*pe, "sections"), "a windows-pebinary-ext section",
                       base + "/sections", out);
}

void CheckPeType(const ObjectInfo& info, Findings* out) {
  const rapidjson::Value* pe_type =
      MemberPath(info.object, {"extensions", "windows-pebinary-ext", "pe_type"});
  if (info.type != "file" || pe_type == nullptr) return;
  if (pe_type->IsString() && InVocabulary("windows-pebinary-type-ov", View(*pe_type))) return;
  Warn(info, "243", "/extensions/windows-pebinary-ext/pe_type",
       Cat({"pe_type should come from windows-pebinary-type-ov, found ",
            pe_type->IsString() ? Cat({"'", View(*pe_type), "'"})
                                : std::string("a value of another JSON type")}),
       out);
}

}  // namespace

void CheckVocabularies(const ObjectInfo& info, const CheckContext& ctx, Findings* out) {
  for (const VocabRule& rule : info.rules.vocab_rules) {
    if (ctx.selection.Runs(rule.code)) CheckRule(info, rule, out);
  }
  // Type gates first: asking the selection costs a lookup per object.
  const bool hashed =
      info.type == "file" || info.type == "artifact" || info.type == "x509-certificate";
  if (hashed && ctx.selection.Runs("241")) CheckHashAlgorithms(info, out);
  if (info.type == "file" && ctx.selection.Runs("243")) CheckPeType(info, out);
}

}  // namespace stixkit::stix::best_practice
