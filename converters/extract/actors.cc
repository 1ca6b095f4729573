#include "converters/extract/actors.h"

#include <algorithm>
#include <optional>
#include <string>

#include "absl/strings/match.h"
#include "converters/extract/internal/actor_words.h"
#include "converters/extract/internal/entity_text.h"
#include "stix/base/strings.h"

namespace stixkit::convert {
namespace {

using internal::entity::ActorWords;
using internal::entity::EqualsNoCase;
using internal::entity::IsActorWord;
using internal::entity::IsAlpha;
using internal::entity::IsDigit;
using internal::entity::IsLower;
using internal::entity::IsUpper;
using internal::entity::IsWordByte;

struct Token {
  std::size_t begin = 0, end = 0;
};

// Runs of word bytes, '-' and '_', keeping an inner '.' or apostrophe ("TEMP.Veles",
// "a.k.a", "Microsoft's") and a final '$' ("Lapsus$").
std::vector<Token> Tokenize(std::string_view text) {
  std::vector<Token> tokens;
  std::size_t i = 0;
  while (i < text.size()) {
    if (!IsWordByte(text[i])) {
      ++i;
      continue;
    }
    Token token{i, i};
    while (i < text.size()) {
      const char c = text[i];
      const bool next_word = i + 1 < text.size() && IsWordByte(text[i + 1]);
      // '&' inside a word keeps "ATT&CK" one token, so "CK" is never a name.
      if (IsWordByte(c) ||
          ((c == '-' || c == '_' || c == '.' || c == '\'' || c == '&') && next_word)) {
        ++i;
      } else {
        break;
      }
    }
    if (i < text.size() && text[i] == '$') ++i;  // "Lapsus$"
    token.end = i;
    tokens.push_back(token);
  }
  return tokens;
}

// Token indices [first, last] of a name.
struct NameSpan {
  std::size_t first = 0, last = 0;
};

struct Mention {
  NameSpan name;
  ActorKind kind = ActorKind::kIntrusionSet;
  std::vector<NameSpan> aliases;
};

class ActorScanner {
 public:
  explicit ActorScanner(std::string_view text) : text_(text), tokens_(Tokenize(text)) {}

  std::vector<Mention> Scan();
  std::string NameText(const NameSpan& span) const;
  std::size_t Begin(const NameSpan& span) const { return tokens_[span.first].begin; }
  std::size_t End(const NameSpan& span) const { return tokens_[span.last].end; }

 private:
  std::string_view Tok(std::size_t i) const {
    return text_.substr(tokens_[i].begin, tokens_[i].end - tokens_[i].begin);
  }
  bool Is(std::size_t i, std::string_view lower) const {
    return i < tokens_.size() && EqualsNoCase(Tok(i), lower);
  }
  bool IsLowerToken(std::size_t i) const { return i < tokens_.size() && IsLower(Tok(i)[0]); }
  bool LowerIn(std::size_t i, ActorWords list) const {
    return IsLowerToken(i) && IsActorWord(list, Tok(i));
  }
  // The text between token i-1 and token i.
  std::string_view Gap(std::size_t i) const {
    return text_.substr(tokens_[i - 1].end, tokens_[i].begin - tokens_[i - 1].end);
  }
  // One or two blanks between token i-1 and token i: the same phrase.
  bool BlankGap(std::size_t i) const {
    if (i == 0 || i >= tokens_.size()) return false;
    const std::string_view gap = Gap(i);
    return !gap.empty() && gap.size() <= 2 && gap.find_first_not_of(" \t") == gap.npos;
  }
  bool IsNameWord(std::size_t i) const;
  bool IsVersionWord(std::size_t i) const;
  bool ContinuesName(std::size_t i) const {
    return (IsNameWord(i) && !IsActorWord(ActorWords::kBreaker, Tok(i))) || IsVersionWord(i);
  }
  bool IsDesignator(std::size_t i) const;
  std::optional<NameSpan> Validate(NameSpan span, bool drop_stop_words) const;
  std::optional<NameSpan> NameForward(std::size_t i) const;
  std::optional<NameSpan> NameBackward(std::size_t last) const;
  std::size_t AliasPhraseLength(std::size_t i) const;
  std::size_t ReadAliases(std::size_t i, std::vector<NameSpan>& aliases) const;
  std::optional<ActorKind> KindBefore(std::size_t i) const;
  void Add(NameSpan name, ActorKind kind, std::size_t resume);
  bool AtLineStart(std::size_t i) const;
  bool TryFieldLabel(std::size_t i);
  bool TryAliasForm(std::size_t i);
  bool TryKnownAs(std::size_t i);
  bool TryTrackedAs(std::size_t i);
  bool TryAttributedTo(std::size_t i);
  bool TryKindNoun(std::size_t i);
  void TryDesignator(std::size_t i);

  std::string_view text_;
  std::vector<Token> tokens_;
  std::vector<Mention> mentions_;
  std::size_t floor_ = 0;  // tokens before this belong to an earlier mention
};

bool ActorScanner::IsNameWord(std::size_t i) const {
  if (i >= tokens_.size()) return false;
  const std::string_view word = Tok(i);
  if (!IsUpper(word[0]) && !IsDigit(word[0])) return false;
  if (word.ends_with("'s")) return false;  // "Microsoft's": an owner, not the name
  return std::any_of(word.begin(), word.end(), [](char c) { return IsAlpha(c); });
}

// A version inside a name ("LockBit 3.0", "Black Basta 2"): digits with a dot, or one or
// two digits, so that years ("Lazarus 2024") stay out.
bool ActorScanner::IsVersionWord(std::size_t i) const {
  if (i >= tokens_.size()) return false;
  const std::string_view word = Tok(i);
  if (!std::all_of(word.begin(), word.end(), [](char c) { return IsDigit(c) || c == '.'; })) {
    return false;
  }
  return word.find('.') != std::string_view::npos || word.size() <= 2;
}

// Vendor designators: APT29, UNC3944, FIN7, TA505, DEV-0537, Storm-0558, UAC-0056.
// TA00nn are ATT&CK tactic ids, not Proofpoint clusters.
bool ActorScanner::IsDesignator(std::size_t i) const {
  const std::string_view word = Tok(i);
  static constexpr std::string_view kPrefixes[] = {"APT",  "UNC",    "FIN",  "TA",
                                                   "DEV-", "Storm-", "UAC-", "TAG-"};
  for (std::string_view prefix : kPrefixes) {
    if (!word.starts_with(prefix) || word.size() == prefix.size()) continue;
    const std::string_view digits = word.substr(prefix.size());
    if (!std::all_of(digits.begin(), digits.end(), [](char c) { return IsDigit(c); })) continue;
    if (prefix == "TA" && (digits.size() < 3 || digits.starts_with("00"))) return false;
    return true;
  }
  return false;
}

// Drops leading articles (and, reading backwards, any stop word), then rejects names made
// of stop words, holding an organisation word, or followed by "of <Capitalised>".
std::optional<NameSpan> ActorScanner::Validate(NameSpan span, bool drop_stop_words) const {
  while (span.first <= span.last &&
         (drop_stop_words
              ? IsActorWord(ActorWords::kStop, Tok(span.first))
              : (Is(span.first, "the") || Is(span.first, "a") || Is(span.first, "an")))) {
    ++span.first;
  }
  if (span.first > span.last) return std::nullopt;
  bool all_stop = true;
  for (std::size_t k = span.first; k <= span.last; ++k) {
    if (IsActorWord(ActorWords::kNonActor, Tok(k))) return std::nullopt;
    all_stop = all_stop && IsActorWord(ActorWords::kStop, Tok(k));
  }
  if (all_stop) return std::nullopt;
  const std::size_t next = span.last + 1;
  if (Is(next, "of") && BlankGap(next) && BlankGap(next + 1) && IsNameWord(next + 1)) {
    return std::nullopt;  // "Board of Directors", "Department of Justice"
  }
  return span;
}

std::optional<NameSpan> ActorScanner::NameForward(std::size_t i) const {
  if (Is(i, "the") && BlankGap(i + 1)) ++i;  // "known as the Dukes", "The Dukes"
  if (!IsNameWord(i) || IsActorWord(ActorWords::kBreaker, Tok(i))) return std::nullopt;
  NameSpan span{i, i};
  while (span.last - span.first < 3 && BlankGap(span.last + 1) && ContinuesName(span.last + 1)) {
    ++span.last;
  }
  return Validate(span, false);
}

std::optional<NameSpan> ActorScanner::NameBackward(std::size_t last) const {
  if (last < floor_ || last >= tokens_.size() || !ContinuesName(last)) return std::nullopt;
  NameSpan span{last, last};
  while (span.first > floor_ && span.last - span.first < 3 && BlankGap(span.first) &&
         ContinuesName(span.first - 1)) {
    --span.first;
  }
  while (span.first <= span.last && !IsNameWord(span.first)) ++span.first;  // "2 LockBit"
  if (span.first > span.last) return std::nullopt;
  return Validate(span, true);
}

// "aka", "a.k.a", "also known as", "also tracked as", "also called", "formerly known as",
// "also referred to as", "known as", "alias(es)": the phrase's token count, 0 if none.
std::size_t ActorScanner::AliasPhraseLength(std::size_t i) const {
  if (Is(i, "aka") || Is(i, "a.k.a") || Is(i, "alias") || Is(i, "aliases")) return 1;
  std::size_t n = (Is(i, "also") || Is(i, "formerly")) ? 1 : 0;
  if (Is(i + n, "known") || Is(i + n, "tracked")) return Is(i + n + 1, "as") ? n + 2 : 0;
  if (n == 1 && (Is(i + 1, "called") || Is(i + 1, "named") || Is(i + 1, "dubbed"))) return 2;
  if (n == 1 && Is(i + 1, "referred") && Is(i + 2, "to") && Is(i + 3, "as")) return 4;
  return 0;
}

// Reads "(also known as Y, Z)" / ", aka Y and Z" starting at token i (right after a
// name); appends the aliases and returns the first token after them (i when none).
std::size_t ActorScanner::ReadAliases(std::size_t i, std::vector<NameSpan>& aliases) const {
  if (i >= tokens_.size()) return i;
  const std::string_view gap = Gap(i);
  if (gap.find_first_not_of(" \t,(") != gap.npos) return i;
  const std::size_t phrase = AliasPhraseLength(i);
  if (phrase == 0) return i;
  std::size_t next = i + phrase;
  std::size_t resume = i;
  while (next < tokens_.size()) {
    const std::optional<NameSpan> alias = NameForward(next);
    if (!alias) break;
    const std::size_t after = alias->last + 1;
    // "aka Cozy Bear, Microsoft said": a later item followed by a verb ends the list.
    if (!aliases.empty() && IsLowerToken(after) && BlankGap(after) && !Is(after, "and") &&
        !Is(after, "or") && !Is(after, "by")) {
      break;
    }
    aliases.push_back(*alias);
    next = after;
    if (Is(next, "by") && BlankGap(next)) {  // "... as Octo Tempest by Microsoft"
      if (const std::optional<NameSpan> vendor = NameForward(next + 1)) next = vendor->last + 1;
    }
    resume = next;
    if (next >= tokens_.size()) break;
    const std::string_view between = Gap(next);
    if (between.find_first_not_of(" \t,/") != between.npos) break;
    if ((Is(next, "and") || Is(next, "or")) && IsLowerToken(next)) ++next;
  }
  return resume;
}

// The kind noun in the few words before token i ("a hacker group known as"): nearest wins.
std::optional<ActorKind> ActorScanner::KindBefore(std::size_t i) const {
  for (std::size_t k = i; k > 0 && i - k < 4; --k) {
    const std::size_t j = k - 1;
    // "The threat actor, known as Muddled Libra": a comma may set the phrase off.
    const std::string_view gap = Gap(k);
    const bool comma = k == i && (gap == ", " || gap == ",");
    if (!BlankGap(k) && !comma) return std::nullopt;
    if (LowerIn(j, ActorWords::kThreatActorNoun)) return ActorKind::kThreatActor;
    if (LowerIn(j, ActorWords::kIntrusionSetNoun) || Tok(j) == "APT")
      return ActorKind::kIntrusionSet;
  }
  return std::nullopt;
}

void ActorScanner::Add(NameSpan name, ActorKind kind, std::size_t resume) {
  Mention mention{name, kind, {}};
  floor_ = std::max(floor_, ReadAliases(name.last + 1, mention.aliases));
  floor_ = std::max({floor_, resume, name.last + 1});
  mentions_.push_back(std::move(mention));
}

// Only blanks and markdown list or emphasis marks before token i on its line.
bool ActorScanner::AtLineStart(std::size_t i) const {
  static constexpr std::string_view kMarks = " \t*-#>|_";
  std::size_t p = tokens_[i].begin;
  while (p > 0 && kMarks.find(text_[p - 1]) != std::string_view::npos) --p;
  return p == 0 || text_[p - 1] == '\n';
}

// A report field naming the actor: "Threat Actor: Scattered Spider", "- **Attribution:**
// APT29", "Intrusion Set: UNC3944".
bool ActorScanner::TryFieldLabel(std::size_t i) {
  struct Label {
    std::string_view first, second;
    ActorKind kind;
  };
  static constexpr Label kLabels[] = {
      {"threat", "actor", ActorKind::kThreatActor},   {"threat", "actors", ActorKind::kThreatActor},
      {"actor", "", ActorKind::kThreatActor},         {"adversary", "", ActorKind::kThreatActor},
      {"intrusion", "set", ActorKind::kIntrusionSet}, {"threat", "group", ActorKind::kIntrusionSet},
      {"apt", "group", ActorKind::kIntrusionSet},     {"attribution", "", ActorKind::kIntrusionSet},
      {"attributed", "to", ActorKind::kIntrusionSet},
  };
  if (!AtLineStart(i)) return false;
  for (const Label& label : kLabels) {
    if (!Is(i, label.first)) continue;
    std::size_t name_at = i + 1;
    if (!label.second.empty()) {
      if (!Is(i + 1, label.second) || !BlankGap(i + 1)) continue;
      name_at = i + 2;
    }
    if (name_at >= tokens_.size()) return false;
    const std::string_view gap = Gap(name_at);
    if (gap.find(':') == std::string_view::npos || gap.find_first_not_of(" \t:*_") != gap.npos) {
      continue;
    }
    const std::optional<NameSpan> name = NameForward(name_at);
    if (!name) return false;
    Add(*name, label.kind, name->last + 1);
    return true;
  }
  return false;
}

// "Midnight Blizzard (also known as APT29, Cozy Bear)", "X, aka Y".
bool ActorScanner::TryAliasForm(std::size_t i) {
  if (i == 0 || AliasPhraseLength(i) == 0 || Is(i, "known") || Is(i, "tracked")) return false;
  const std::string_view gap = Gap(i);
  if (gap.find_first_not_of(" \t,(") != gap.npos) return false;
  const std::optional<NameSpan> name = NameBackward(i - 1);
  if (!name) return false;
  Mention mention{*name, ActorKind::kIntrusionSet, {}};
  floor_ = std::max(ReadAliases(i, mention.aliases), i + 1);
  if (mention.aliases.empty()) return false;
  mentions_.push_back(std::move(mention));
  return true;
}

// "<kind noun> known as|called|named|dubbed|calling itself X".
bool ActorScanner::TryKnownAs(std::size_t i) {
  std::size_t name_at = 0;
  if ((Is(i, "known") || Is(i, "referred")) && IsLowerToken(i)) {
    name_at = Is(i, "known") ? (Is(i + 1, "as") ? i + 2 : 0)
                             : (Is(i + 1, "to") && Is(i + 2, "as") ? i + 3 : 0);
  } else if ((Is(i, "called") || Is(i, "named") || Is(i, "dubbed")) && IsLowerToken(i)) {
    name_at = i + 1;
  } else if ((Is(i, "calling") || Is(i, "calls")) && Is(i + 1, "itself")) {
    name_at = i + 2;
  }
  if (name_at == 0 || !BlankGap(name_at)) return false;
  const std::size_t before = (Is(i - 1, "also") || Is(i - 1, "formerly")) && i > 1 ? i - 1 : i;
  const std::optional<ActorKind> kind = KindBefore(before);
  if (!kind) return false;  // "malware known as X" is no actor
  const std::optional<NameSpan> name = NameForward(name_at);
  if (!name) return false;
  Add(*name, *kind, name->last + 1);
  return true;
}

// "tracked as UNC3944 by Mandiant, also known as Scattered Spider"; "tracked as X by A
// and Y by B". A vendor's cluster is an intrusion set whatever noun came before.
bool ActorScanner::TryTrackedAs(std::size_t i) {
  if (!Is(i, "tracked") || !Is(i + 1, "as") || !BlankGap(i + 2)) return false;
  const std::optional<NameSpan> name = NameForward(i + 2);
  if (!name) return false;
  Mention mention{*name, ActorKind::kIntrusionSet, {}};
  std::size_t next = name->last + 1;
  while (Is(next, "by") && BlankGap(next)) {
    const std::optional<NameSpan> vendor = NameForward(next + 1);
    if (!vendor) break;
    next = vendor->last + 1;
    // " and Y by Microsoft": another vendor's name for the same cluster.
    if (!Is(next, "and") || Gap(next).find_first_not_of(" \t,") != std::string_view::npos) break;
    const std::optional<NameSpan> other = NameForward(next + 1);
    if (!other || !Is(other->last + 1, "by")) break;
    mention.aliases.push_back(*other);
    next = other->last + 1;
  }
  floor_ = std::max(ReadAliases(next, mention.aliases), next);
  mentions_.push_back(std::move(mention));
  return true;
}

// "attributed to [the] [threat actor] X [ransomware gang]".
bool ActorScanner::TryAttributedTo(std::size_t i) {
  if (!Is(i, "attributed") || !Is(i + 1, "to")) return false;
  std::size_t j = i + 2;
  std::optional<ActorKind> kind;
  while (j < tokens_.size() && BlankGap(j) &&
         ((IsLowerToken(j) && (Is(j, "the") || Is(j, "a") || Is(j, "an"))) ||
          LowerIn(j, ActorWords::kDescriptor) || LowerIn(j, ActorWords::kThreatActorNoun) ||
          LowerIn(j, ActorWords::kIntrusionSetNoun))) {
    if (LowerIn(j, ActorWords::kThreatActorNoun)) kind = ActorKind::kThreatActor;
    if (LowerIn(j, ActorWords::kIntrusionSetNoun)) kind = ActorKind::kIntrusionSet;
    ++j;
  }
  if (!BlankGap(j)) return false;
  const std::optional<NameSpan> name = NameForward(j);
  if (!name) return false;
  std::size_t after = name->last + 1;
  while (BlankGap(after) && LowerIn(after, ActorWords::kDescriptor)) ++after;
  if (BlankGap(after) && LowerIn(after, ActorWords::kThreatActorNoun))
    kind = ActorKind::kThreatActor;
  if (BlankGap(after) && LowerIn(after, ActorWords::kIntrusionSetNoun))
    kind = ActorKind::kIntrusionSet;
  Add(*name, kind.value_or(ActorKind::kIntrusionSet), name->last + 1);
  return true;
}

// At a kind noun: "the X ransomware gang" (name before) or "threat actor X" (name after).
bool ActorScanner::TryKindNoun(std::size_t i) {
  const bool actor_noun = LowerIn(i, ActorWords::kThreatActorNoun);
  if (!actor_noun && !LowerIn(i, ActorWords::kIntrusionSetNoun) && Tok(i) != "APT") return false;
  if (Is(i, "set") && !Is(i - 1, "intrusion")) return false;
  const ActorKind kind = actor_noun ? ActorKind::kThreatActor : ActorKind::kIntrusionSet;
  std::size_t j = i;
  while (j > floor_ && BlankGap(j) &&
         (LowerIn(j - 1, ActorWords::kDescriptor) || Tok(j - 1) == "APT"))
    --j;
  if (j > floor_ && BlankGap(j)) {
    if (const std::optional<NameSpan> name = NameBackward(j - 1)) {
      Mention mention{*name, kind, {}};
      floor_ = std::max(ReadAliases(i + 1, mention.aliases), i + 1);
      mentions_.push_back(std::move(mention));
      return true;
    }
  }
  // A name after the noun only when a descriptor says what the noun is: "threat actor X",
  // "ransomware group X", "intrusion set X" (not "the group In 2023").
  if (j == i || !BlankGap(i + 1)) return false;
  const std::optional<NameSpan> name = NameForward(i + 1);
  if (!name) return false;
  Add(*name, kind, name->last + 1);
  return true;
}

void ActorScanner::TryDesignator(std::size_t i) {
  if (!IsDesignator(i)) return;
  Mention mention{NameSpan{i, i}, ActorKind::kIntrusionSet, {}};
  const std::size_t resume = ReadAliases(i + 1, mention.aliases);
  if (resume > i + 1) floor_ = resume;  // otherwise a later "threat actor" may still name it
  mentions_.push_back(std::move(mention));
}

std::vector<Mention> ActorScanner::Scan() {
  for (std::size_t i = 0; i < tokens_.size(); ++i) {
    if (i < floor_) continue;
    if (TryFieldLabel(i) || TryAliasForm(i) || TryKnownAs(i) || TryTrackedAs(i) ||
        TryAttributedTo(i) || TryKindNoun(i)) {
      continue;
    }
    TryDesignator(i);
  }
  std::stable_sort(mentions_.begin(), mentions_.end(), [&](const Mention& a, const Mention& b) {
    return Begin(a.name) < Begin(b.name);
  });
  return std::move(mentions_);
}

// The name's text with blank runs folded to one space.
std::string ActorScanner::NameText(const NameSpan& span) const {
  std::string out;
  for (std::size_t k = span.first; k <= span.last; ++k) {
    if (k > span.first) out.push_back(' ');
    out.append(Tok(k));
  }
  return out;
}

bool SameName(std::string_view a, std::string_view b) {
  return absl::EqualsIgnoreCase(Av(a), Av(b));
}

bool Names(const ActorHit& hit, std::string_view name) {
  if (SameName(hit.name, name)) return true;
  return std::any_of(hit.aliases.begin(), hit.aliases.end(),
                     [&](const std::string& alias) { return SameName(alias, name); });
}

}  // namespace

std::vector<ActorHit> FindActors(std::string_view text) {
  ActorScanner scanner(text);
  std::vector<ActorHit> hits;
  for (const Mention& mention : scanner.Scan()) {
    const std::string name = scanner.NameText(mention.name);
    std::vector<std::string> aliases;
    for (const NameSpan& alias : mention.aliases) aliases.push_back(scanner.NameText(alias));
    // One hit per actor: a mention naming an earlier hit or one of its aliases joins it.
    ActorHit* existing = nullptr;
    for (ActorHit& hit : hits) {
      const bool same = Names(hit, name) ||
                        std::any_of(aliases.begin(), aliases.end(),
                                    [&](const std::string& alias) { return Names(hit, alias); });
      if (same) {
        existing = &hit;
        break;
      }
    }
    if (existing == nullptr) {
      hits.push_back({name,
                      mention.kind,
                      {},
                      scanner.Begin(mention.name),
                      scanner.End(mention.name) - scanner.Begin(mention.name)});
      existing = &hits.back();
    }
    aliases.insert(aliases.begin(), name);
    for (const std::string& alias : aliases) {
      if (!Names(*existing, alias)) existing->aliases.push_back(alias);
    }
  }
  return hits;
}

}  // namespace stixkit::convert
