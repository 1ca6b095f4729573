#include "converters/extract/internal/actor_words.h"

#include <string>

#include "absl/container/flat_hash_set.h"
#include "absl/types/span.h"
#include "converters/extract/internal/entity_text.h"
#include "stix/base/strings.h"

namespace stixkit::convert::internal::entity {
namespace {

// Words that are no name on their own: a name made only of these is rejected, and they
// are dropped from the front of a name read backwards ("The LockBit ransomware gang").
// clang-format off
constexpr std::string_view kStopWords[] = {
    "the", "a", "an", "this", "that", "these", "those", "it", "its", "they", "their", "them",
    "he", "she", "his", "her", "we", "our", "us", "you", "your", "unknown", "unidentified",
    "att&ck", "mitre", "cisa", "fbi",
    "unattributed", "unnamed", "anonymous", "not", "disclosed", "undisclosed", "none", "n/a",
    "tbd", "pending", "investigation", "several", "multiple", "various", "other", "another",
    "some", "same", "such", "any", "each", "new", "one", "group", "groups", "actor", "actors",
    "threat", "threats", "gang", "crew", "cluster", "attacker", "attackers", "hacker",
    "hackers", "ransomware", "malware", "researchers", "analysts", "officials", "authorities",
    "company", "victim", "victims", "initial", "state", "nation", "nation-state",
    "state-sponsored", "sophisticated", "financially", "motivated", "however", "meanwhile",
    "additionally", "according", "while", "when", "after", "before", "in", "on", "at", "by",
    // months and weekdays
    "january", "february", "march", "april", "may", "june", "july", "august", "september",
    "october", "november", "december", "monday", "tuesday", "wednesday", "thursday", "friday",
    "saturday", "sunday",
    // nationality adjectives and states that attribution phrases name
    "russian", "chinese", "iranian", "north", "south", "korean", "vietnamese", "pakistani",
    "indian", "israeli", "american", "ukrainian", "belarusian", "turkish", "nigerian",
    "brazilian", "european", "western", "eastern", "german", "french", "british", "russia",
    "china", "iran", "korea", "dprk", "prc"};
// clang-format on

// Capitalised function words that end a name ("tracked as UNC3944 By Mandiant").
// clang-format off
constexpr std::string_view kBreakers[] = {
    "by", "and", "or", "in", "on", "at", "for", "with", "from", "to", "of", "is", "was", "were",
    "are", "has", "have", "had", "as", "after", "before", "since", "via", "per", "also", "aka",
    "which", "who", "that", "but", "the"};
// clang-format on

// A name holding one of these is an organisation, not an actor ("Microsoft Threat
// Intelligence group", "the Board").
// clang-format off
constexpr std::string_view kNonActorWords[] = {
    "intelligence", "security", "research", "labs", "lab", "team", "department", "agency",
    "bureau", "center", "centre", "police", "government", "ministry", "university", "inc",
    "corp", "company", "board", "committee", "commission", "directors", "council"};
// clang-format on

// clang-format off
constexpr std::string_view kThreatActorNouns[] = {
    "actor", "actors", "individual", "individuals", "insider", "insiders", "hacker", "hackers",
    "person"};
// clang-format on
// clang-format off
constexpr std::string_view kIntrusionSetNouns[] = {
    "group", "groups", "gang", "gangs", "crew", "cluster", "collective", "operators",
    "operator", "affiliate", "affiliates", "syndicate", "cartel", "outfit", "set"};
// clang-format on

// Words between a name and its kind noun: "the LockBit ransomware gang".
// clang-format off
constexpr std::string_view kDescriptors[] = {
    "ransomware", "extortion", "hacking", "hacker", "hacktivist", "cybercrime", "cybercriminal",
    "criminal", "crime", "e-crime", "ecrime", "espionage", "cyber-espionage", "cyberespionage",
    "apt", "state-sponsored", "state-backed", "nation-state", "threat", "intrusion",
    "financially", "motivated", "financially-motivated", "advanced", "persistent", "data",
    "malware", "cyber", "wiper", "botnet", "phishing", "activity"};
// clang-format on

using WordSet = absl::flat_hash_set<std::string>;

WordSet* MakeSet(absl::Span<const std::string_view> words) {
  auto* set = new WordSet;
  for (std::string_view w : words) set->insert(std::string(w));
  return set;
}

const WordSet& Set(ActorWords list) {
  // Built once, never destroyed (no static-destruction-order hazard).
  static const WordSet* const stop = MakeSet(kStopWords);
  static const WordSet* const breakers = MakeSet(kBreakers);
  static const WordSet* const non_actor = MakeSet(kNonActorWords);
  static const WordSet* const actor_nouns = MakeSet(kThreatActorNouns);
  static const WordSet* const set_nouns = MakeSet(kIntrusionSetNouns);
  static const WordSet* const descriptors = MakeSet(kDescriptors);
  switch (list) {
    case ActorWords::kStop:
      return *stop;
    case ActorWords::kBreaker:
      return *breakers;
    case ActorWords::kNonActor:
      return *non_actor;
    case ActorWords::kThreatActorNoun:
      return *actor_nouns;
    case ActorWords::kIntrusionSetNoun:
      return *set_nouns;
    case ActorWords::kDescriptor:
      break;
  }
  return *descriptors;
}

}  // namespace

bool IsActorWord(ActorWords list, std::string_view word) {
  if (word.size() > 32) return false;  // no listed word is this long
  return Set(list).contains(Av(LowerAscii(word)));
}

}  // namespace stixkit::convert::internal::entity
