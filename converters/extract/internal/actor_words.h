// Word lists of the actor finder (converters/extract/actors.cc): stop words, name
// breakers, organisation words, kind nouns and descriptors. Kept apart so the finder's
// file holds the scanning logic only; actors.h documents what each list does.
//
//   if (IsActorWord(ActorWords::kStop, "Unknown")) ...  // true
//
// Stateless and thread-safe. Never included from outside converters/extract/.
#ifndef STIXKIT_CONVERTERS_EXTRACT_INTERNAL_ACTOR_WORDS_H_
#define STIXKIT_CONVERTERS_EXTRACT_INTERNAL_ACTOR_WORDS_H_

#include <string_view>

namespace stixkit::convert::internal::entity {

enum class ActorWords {
  kStop,              // no name on its own ("Unknown", "The", "Russian", "March")
  kBreaker,           // ends a name when capitalised ("By", "And")
  kNonActor,          // makes a name an organisation ("Intelligence", "Board")
  kThreatActorNoun,   // "actor", "individual", "insider", "hacker"
  kIntrusionSetNoun,  // "group", "gang", "crew", "cluster", "operators", "set"
  kDescriptor,        // between a name and its noun ("ransomware", "state-sponsored")
};

// Whether `word` (ASCII case ignored) is in `list`.
bool IsActorWord(ActorWords list, std::string_view word);

}  // namespace stixkit::convert::internal::entity

#endif  // STIXKIT_CONVERTERS_EXTRACT_INTERNAL_ACTOR_WORDS_H_
