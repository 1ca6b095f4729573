// Threat actors and intrusion sets named in prose: "a group known as Scattered Spider",
// "tracked as UNC3944 by Mandiant, also known as Scattered Spider", "attributed to APT29",
// "the LockBit ransomware gang", "Midnight Blizzard (also known as APT29, Cozy Bear)".
//
//   for (const ActorHit& a : FindActors(text)) Add(a.name, a.kind, a.aliases);
//
// Phrases recognised (case-insensitive, X and aliases are names as below):
//   "<kind noun> known as|called|named|dubbed|calling itself X"   "tracked as X"
//   "the X <kind noun>" ("the X threat actor", "the X ransomware gang")
//   "threat actor X", "intrusion set X"   "attributed to [the] X"
//   "X (also known as Y, Z)", "X, also known as Y", "X aka Y", "X a.k.a. Y"
//   "tracked as X by Mandiant and Y by Microsoft" (Y becomes an alias)
//   report fields at the start of a line: "Threat Actor: X", "**Attribution:** X",
//   "Intrusion Set: X", "Adversary: X", "Attributed to: X"
//   and bare vendor-style designators: APT29, UNC3944, FIN7, TA505 (not the ATT&CK tactic
//   ids TA00nn), DEV-0537, Storm-0558.
// Kind nouns may follow descriptors ("ransomware", "extortion", "hacking", "cybercrime",
// "espionage", "state-sponsored", "financially motivated", ...).
// A name is one to four words, each starting with an upper-case letter or a digit
// (letters, digits, '-', '_', inner '.' and a final '$' allowed: "8Base", "Lapsus$"; a
// word starting with a digit needs a letter, except a version after the first word:
// "LockBit 3.0"), separated by single blanks. Leading "The" is dropped. A name is rejected when
// every word is in a stop list (articles, pronouns, "Unknown", "Not", "Disclosed", "Group",
// "Threat", ..., month names, nationality adjectives such as "Russian"), and when it is followed by
// "of <Capitalised>" (a title such as "Board of Directors", "Department of Justice").
// All-lower-case words never start a name.
//
// Kind: threat actor when the phrase says "threat actor", "actor", "individual", "insider",
// "hacker", "person" or "adversary"; intrusion set for "group", "gang", "crew", "cluster",
// "intrusion set", "collective", "operators", "attribution", APT-style designators, and
// whenever the text gives no kind. "tracked as" is always an intrusion set (a vendor's
// tracking name denotes a cluster of activity), whatever noun came before it.
//
// One hit per actor: later mentions of a name or of one of its aliases are merged into the
// first (aliases added); the hit keeps the first mention's span (the name only, not the
// phrase) and kind.
//
// Stateless and thread-safe.
#ifndef STIXKIT_CONVERTERS_EXTRACT_ACTORS_H_
#define STIXKIT_CONVERTERS_EXTRACT_ACTORS_H_

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace stixkit::convert {

enum class ActorKind { kThreatActor, kIntrusionSet };

struct ActorHit {
  std::string name;
  ActorKind kind = ActorKind::kIntrusionSet;
  std::vector<std::string> aliases;  // other names the text gives it, in text order
  std::size_t offset = 0;            // byte offset of `name` in the scanned text
  std::size_t length = 0;            // its byte length
};

// The actors named in `text`, in order of first mention; empty when there is none.
std::vector<ActorHit> FindActors(std::string_view text);

}  // namespace stixkit::convert

#endif  // STIXKIT_CONVERTERS_EXTRACT_ACTORS_H_
