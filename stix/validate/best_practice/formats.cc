// Format checks on SDO content: 111 open-vocab-format, 121 kill-chain-names and
// 143 malware-analysis-product (v21/shoulds.py open_vocab_values,
// kill_chain_phase_names, malware_analysis_product).
#include "stix/validate/best_practice/internal/cat.h"
#include "stix/validate/best_practice/internal/check_tables.h"
#include "stix/validate/best_practice/internal/checks.h"
#include "stix/validate/best_practice/internal/json_access.h"
#include "stix/validate/best_practice/internal/name_patterns.h"

namespace stixkit::stix::best_practice {
namespace {

void WarnVocabFormat(const ObjectInfo& info, std::string_view property, std::string_view value,
                     Findings* out) {
  Warn(info, "111", Pointer({property}),
       Cat({"open vocabulary value '", value, "' in ", property,
            " should be lower case with hyphens as word separators"}),
       out);
}

void CheckOpenVocabFormat(const ObjectInfo& info, Findings* out) {
  for (const std::string& property : info.rules.open_vocab_properties) {
    const rapidjson::Value* v = Member(info.object, property);
    if (v == nullptr) continue;
    // The reference stops the whole check at the first dictionary-valued property
    // (hashes), so later properties of the same object are not inspected.
    if (v->IsObject()) return;
    if (v->IsString()) {
      if (!IsLowerHyphenated(View(*v))) WarnVocabFormat(info, property, View(*v), out);
      continue;
    }
    if (!v->IsArray()) continue;
    for (const auto& item : v->GetArray()) {
      if (item.IsString() && !IsLowerHyphenated(View(item))) {
        WarnVocabFormat(info, property, View(item), out);
      }
    }
  }
}

void CheckKillChainNames(const ObjectInfo& info, Findings* out) {
  const rapidjson::Value* phases = Member(info.object, "kill_chain_phases");
  if (!info.rules.uses_kill_chain_phases || phases == nullptr || !phases->IsArray()) {
    return;
  }
  for (const auto& phase : phases->GetArray()) {
    // A phase without kill_chain_name ends the check there (the schema reports it).
    if (!Has(phase, "kill_chain_name")) return;
    for (std::string_view field : {"kill_chain_name", "phase_name"}) {
      const rapidjson::Value* v = Member(phase, field);
      if (v == nullptr || !v->IsString() || IsLowerHyphenated(View(*v))) continue;
      const std::string_view value = View(*v);
      Warn(info, "121", "/kill_chain_phases",
           Cat({field, " '", value, "' should be lower case with hyphens as word separators"}),
           out);
    }
  }
}

void CheckMalwareAnalysisProduct(const ObjectInfo& info, Findings* out) {
  if (info.type != "malware-analysis") return;
  const rapidjson::Value* product = Member(info.object, "product");
  if (product == nullptr || !product->IsString() || IsLowerAlnumHyphen(View(*product))) return;
  Warn(info, "143", "/product",
       Cat({"product '", View(*product), "' should be lower case with hyphens as word separators"}),
       out);
}

}  // namespace

void CheckFormats(const ObjectInfo& info, const CheckContext& ctx, Findings* out) {
  // Type gates first: asking the selection costs a lookup per object.
  if (!info.rules.open_vocab_properties.empty() && ctx.selection.Runs("111")) {
    CheckOpenVocabFormat(info, out);
  }
  if (info.rules.uses_kill_chain_phases && ctx.selection.Runs("121")) {
    CheckKillChainNames(info, out);
  }
  if (info.type == "malware-analysis" && ctx.selection.Runs("143")) {
    CheckMalwareAnalysisProduct(info, out);
  }
}

}  // namespace stixkit::stix::best_practice
