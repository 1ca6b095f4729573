#include "converters/build/section_router.h"

#include <utility>

#include "absl/container/flat_hash_map.h"
#include "absl/strings/ascii.h"
#include "absl/strings/match.h"
#include "absl/strings/str_split.h"
#include "absl/strings/strip.h"
#include "attack-data/catalog.h"
#include "stix/base/strings.h"

namespace stixkit::convert {
namespace {

struct TitleRule {
  std::string_view phrase;  // lower case; matched as whole words in the heading
  SectionKind kind;
};

// Heading words -> section kind. The first rule that matches wins, so the specific
// phrases come before the general ones ("indicators of compromise" before "impact",
// "lessons learned" before "response"). Sources: the seed report's headings and the
// section names of CISA, FBI and vendor incident write-ups.
constexpr TitleRule kTitleRules[] = {
    {"indicators of compromise", SectionKind::kIndicators},
    {"indicator", SectionKind::kIndicators},
    {"indicators", SectionKind::kIndicators},
    {"iocs", SectionKind::kIndicators},
    {"ioc", SectionKind::kIndicators},
    {"observables", SectionKind::kIndicators},
    {"hashes", SectionKind::kIndicators},
    {"network artifacts", SectionKind::kIndicators},
    {"host artifacts", SectionKind::kIndicators},
    {"legitimate", SectionKind::kLegitimate},
    {"benign", SectionKind::kLegitimate},
    {"allowlist", SectionKind::kLegitimate},
    {"allow list", SectionKind::kLegitimate},
    {"do not block", SectionKind::kLegitimate},
    {"false positives", SectionKind::kLegitimate},
    {"lessons learned", SectionKind::kLessons},
    {"lessons", SectionKind::kLessons},
    {"recommendations", SectionKind::kRecommendations},
    {"recommended actions", SectionKind::kRecommendations},
    {"recommendation", SectionKind::kRecommendations},
    {"mitigations", SectionKind::kRecommendations},
    {"mitigation", SectionKind::kRecommendations},
    {"guidance", SectionKind::kRecommendations},
    {"references", SectionKind::kReferences},
    {"reference", SectionKind::kReferences},
    {"sources", SectionKind::kReferences},
    {"further reading", SectionKind::kReferences},
    {"resources", SectionKind::kReferences},
    {"links", SectionKind::kReferences},
    {"attack methodology", SectionKind::kMethodology},
    {"methodology", SectionKind::kMethodology},
    {"ttps", SectionKind::kMethodology},
    {"tactics", SectionKind::kMethodology},
    {"techniques", SectionKind::kMethodology},
    {"attack chain", SectionKind::kMethodology},
    {"kill chain", SectionKind::kMethodology},
    {"technical analysis", SectionKind::kMethodology},
    {"technical details", SectionKind::kMethodology},
    {"attack details", SectionKind::kMethodology},
    {"timeline", SectionKind::kTimeline},
    {"chronology", SectionKind::kTimeline},
    {"sequence of events", SectionKind::kTimeline},
    {"vulnerabilities", SectionKind::kVulnerabilities},
    {"vulnerability", SectionKind::kVulnerabilities},
    {"cves", SectionKind::kVulnerabilities},
    {"attribution", SectionKind::kAttribution},
    {"threat actor", SectionKind::kAttribution},
    {"threat actors", SectionKind::kAttribution},
    {"adversary", SectionKind::kAttribution},
    {"impact", SectionKind::kImpact},
    {"impacts", SectionKind::kImpact},
    {"response", SectionKind::kResponse},
    {"containment", SectionKind::kResponse},
    {"remediation", SectionKind::kResponse},
    {"recovery", SectionKind::kResponse},
    {"actions taken", SectionKind::kResponse},
    {"incident details", SectionKind::kDetails},
    {"details", SectionKind::kDetails},
    {"victim", SectionKind::kDetails},
    {"victims", SectionKind::kDetails},
    {"affected organizations", SectionKind::kDetails},
    {"affected organization", SectionKind::kDetails},
    {"affected organisation", SectionKind::kDetails},
    {"affected organisations", SectionKind::kDetails},
    {"affected member", SectionKind::kDetails},
    {"victim information", SectionKind::kDetails},
    {"organisation", SectionKind::kDetails},
    {"organization", SectionKind::kDetails},
    {"affected", SectionKind::kDetails},
    {"affected entities", SectionKind::kDetails},
    {"executive summary", SectionKind::kSummary},
    {"summary", SectionKind::kSummary},
    {"overview", SectionKind::kSummary},
    {"background", SectionKind::kSummary},
    {"abstract", SectionKind::kSummary},
    {"full report", SectionKind::kSummary},
    {"description", SectionKind::kSummary},
};

// Field keys that say the values under them are indicators, or are not. Reference
// words are checked first: "Recovery actions: ... (hxxps://sec.gov/...)" is a link to a
// filing, whatever else the key says.
constexpr std::string_view kReferenceKeyWords[] = {
    "recovery", "reference", "references", "sources", "advisory", "filing",
    "disclosure", "notification", "notice", "legitimate", "benign", "website", "press",
    "guidance", "allowlist", "containment", "eradication", "recommendation",
    "recommendations", "further reading",
};
constexpr std::string_view kIndicatorKeyWords[] = {
    "indicator", "indicators", "ioc", "iocs", "c2", "c&c", "command", "ip", "ips",
    "ipv4", "ipv6", "domain", "domains", "url", "urls", "hash", "hashes", "sha256",
    "sha-256", "sha1", "sha-1", "md5", "sha512", "sha-512", "file", "files", "filename",
    "sender", "senders", "email", "emails", "registry", "mutex", "callback", "beacon",
    "payload", "malicious", "phishing", "infrastructure", "host", "hosts", "address",
    "addresses", "asn", "mac", "exfiltration", "staging", "dropper", "loader", "sample",
    "samples", "artifact", "artifacts", "cidr", "subnet", "onion",
};

std::vector<std::string> Words(std::string_view text) {
  std::vector<std::string> words;
  std::string current;
  for (char c : text) {
    const unsigned char u = static_cast<unsigned char>(c);
    if (absl::ascii_isalnum(u) || c == '-' || c == '&' || u >= 0x80) {
      current.push_back(absl::ascii_tolower(u));
    } else if (!current.empty()) {
      words.push_back(std::move(current));
      current.clear();
    }
  }
  if (!current.empty()) words.push_back(std::move(current));
  return words;
}

// True when `phrase` (its words, lower case) occurs as consecutive whole words.
bool HasPhrase(const std::vector<std::string>& words, const std::vector<std::string>& p) {
  if (p.empty() || p.size() > words.size()) return false;
  for (size_t i = 0; i + p.size() <= words.size(); ++i) {
    bool match = true;
    for (size_t j = 0; j < p.size() && match; ++j) match = words[i + j] == p[j];
    if (match) return true;
  }
  return false;
}

// The words of each phrase of a table, split once.
template <typename Table, typename Get>
std::vector<std::vector<std::string>> SplitPhrases(const Table& table, Get get) {
  std::vector<std::vector<std::string>> out;
  for (const auto& row : table) out.push_back(Words(get(row)));
  return out;
}

std::string Normalise(std::string_view text) {
  std::string out;
  for (const std::string& w : Words(text)) {
    if (!out.empty()) out.push_back(' ');
    out += w;
  }
  return out;
}

// Normalised tactic names -> shortname, from the embedded catalog, built once.
const absl::flat_hash_map<std::string, std::string>& TacticNames() {
  static const auto* names = [] {
    auto* m = new absl::flat_hash_map<std::string, std::string>;
    for (const attack::Tactic& t : attack::Catalog::Embedded().tactics()) {
      m->emplace(Normalise(t.name), t.shortname);
    }
    return m;
  }();
  return *names;
}

std::string MatchTactic(std::string_view piece) {
  std::string p = Normalise(piece);
  if (p == "c2") p = "command and control";
  const auto& names = TacticNames();
  auto it = names.find(p);
  if (it != names.end()) return it->second;
  // "Data Exfiltration" names the Exfiltration tactic.
  if (absl::StartsWith(p, "data ")) {
    it = names.find(p.substr(5));
    if (it != names.end()) return it->second;
  }
  return "";
}

}  // namespace

std::string_view SectionKindName(SectionKind kind) {
  switch (kind) {
    case SectionKind::kOther: return "other";
    case SectionKind::kSummary: return "summary";
    case SectionKind::kDetails: return "details";
    case SectionKind::kTimeline: return "timeline";
    case SectionKind::kMethodology: return "methodology";
    case SectionKind::kImpact: return "impact";
    case SectionKind::kIndicators: return "indicators";
    case SectionKind::kResponse: return "response";
    case SectionKind::kLessons: return "lessons";
    case SectionKind::kRecommendations: return "recommendations";
    case SectionKind::kReferences: return "references";
    case SectionKind::kLegitimate: return "legitimate";
    case SectionKind::kAttribution: return "attribution";
    case SectionKind::kVulnerabilities: return "vulnerabilities";
  }
  return "other";
}

std::string SectionRouter::TacticOf(std::string_view text) {
  std::string whole = MatchTactic(text);
  if (!whole.empty()) return whole;
  // "Data Exfiltration/Impact", "Execution & Persistence": the first tactic named.
  for (absl::string_view piece : absl::StrSplit(Av(text), absl::ByAnyChar("/&,"))) {
    std::string t = MatchTactic(Sv(piece));
    if (!t.empty()) return t;
  }
  return "";
}

IocContext SectionRouter::ContextOfKey(std::string_view key) {
  static const auto* reference = new std::vector<std::vector<std::string>>(
      SplitPhrases(kReferenceKeyWords, [](std::string_view w) { return w; }));
  static const auto* indicator = new std::vector<std::vector<std::string>>(
      SplitPhrases(kIndicatorKeyWords, [](std::string_view w) { return w; }));
  const std::vector<std::string> words = Words(key);
  for (const auto& p : *reference) {
    if (HasPhrase(words, p)) return IocContext::kReference;
  }
  for (const std::string& w : words) {
    if (w == "behavioral" || w == "behavioural") return IocContext::kInherit;
  }
  for (const auto& p : *indicator) {
    if (HasPhrase(words, p)) return IocContext::kIndicator;
  }
  return IocContext::kInherit;
}

SectionKind SectionRouter::KindOfTitle(std::string_view title) {
  static const auto* phrases = new std::vector<std::vector<std::string>>(
      SplitPhrases(kTitleRules, [](const TitleRule& r) { return r.phrase; }));
  const std::vector<std::string> words = Words(title);
  for (size_t i = 0; i < phrases->size(); ++i) {
    if (HasPhrase(words, (*phrases)[i])) return kTitleRules[i].kind;
  }
  return SectionKind::kOther;
}

SectionRouter::SectionRouter(const Document& document) {
  const size_t n = document.sections.size();
  kinds_.assign(n, SectionKind::kOther);
  tactics_.assign(n, "");
  // The nearest enclosing section of each level seen so far, to inherit from.
  std::vector<std::pair<int, size_t>> stack;
  for (size_t i = 0; i < n; ++i) {
    const Section& s = document.sections[i];
    while (!stack.empty() && stack.back().first >= s.level && s.level > 0) stack.pop_back();
    if (s.level == 0) stack.clear();
    const bool has_parent = !stack.empty();
    const SectionKind parent = has_parent ? kinds_[stack.back().second] : SectionKind::kOther;
    const std::string tactic = TacticOf(s.title);
    if (!tactic.empty()) {
      tactics_[i] = tactic;
      kinds_[i] = (parent == SectionKind::kTimeline || parent == SectionKind::kMethodology)
                      ? parent
                      : SectionKind::kMethodology;
    } else {
      SectionKind own = KindOfTitle(s.title);
      // A plain subsection ("Network", "Files") belongs to its parent's kind, but a
      // top-level heading like "Incident Report: ..." says nothing about its children.
      if (own == SectionKind::kOther && has_parent && s.level > 1) own = parent;
      kinds_[i] = own;
      if (own == parent && has_parent) tactics_[i] = tactics_[stack.back().second];
    }
    if (kinds_[i] != SectionKind::kOther && kinds_[i] != SectionKind::kSummary) {
      recognised_ = true;
    }
    if (s.level > 0) stack.emplace_back(s.level, i);
  }
}

}  // namespace stixkit::convert
