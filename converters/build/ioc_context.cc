#include "converters/build/ioc_context.h"

#include "absl/strings/ascii.h"
#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "stix/base/strings.h"

namespace stixkit::convert {
namespace {

// Words that mark a value as benign wherever it appears.
constexpr std::string_view kBenignWords[] = {
    "legitimate", "benign", "do not block", "not malicious", "false positive", "allowlist",
    "allow-list", "allow list", "whitelist", "safe to", "official site", "official website",
    "not an indicator", "not indicators", "none of the above", "real sign-in", "genuine",
    "own domain", "display text",
};

bool SaysBenign(std::string_view text) {
  const std::string lower = absl::AsciiStrToLower(Av(text));
  for (std::string_view w : kBenignWords) {
    if (absl::StrContains(lower, Av(w))) return true;
  }
  return false;
}

bool ReferenceSection(SectionKind kind) {
  return kind == SectionKind::kReferences || kind == SectionKind::kLegitimate ||
         kind == SectionKind::kResponse || kind == SectionKind::kRecommendations ||
         kind == SectionKind::kLessons;
}

}  // namespace

std::string_view IocRoleName(IocRole role) {
  switch (role) {
    case IocRole::kIndicator: return "indicator";
    case IocRole::kReference: return "reference";
    case IocRole::kNarrative: return "narrative";
    case IocRole::kBenign: return "marked benign";
  }
  return "narrative";
}

IocRole RoleOf(SectionKind section, const Block& block, bool document_recognised) {
  IocContext key = IocContext::kInherit;
  std::string all_text = block.text;
  if (block.kind == BlockKind::kField) {
    key = SectionRouter::ContextOfKey(block.key);
    all_text = absl::StrCat(block.key, " ", block.text);
  } else if (block.kind == BlockKind::kTableRow) {
    key = SectionRouter::ContextOfKey(absl::StrJoin(block.headers, " "));
    all_text = absl::StrCat(absl::StrJoin(block.headers, " "), " ",
                            absl::StrJoin(block.cells, " "));
  }
  if (ReferenceSection(section) || key == IocContext::kReference) return IocRole::kReference;
  if (SaysBenign(all_text)) return IocRole::kBenign;
  if (section == SectionKind::kIndicators || key == IocContext::kIndicator) {
    return IocRole::kIndicator;
  }
  return document_recognised ? IocRole::kNarrative : IocRole::kIndicator;
}

}  // namespace stixkit::convert
