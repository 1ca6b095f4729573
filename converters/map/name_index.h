// Layer 2 of the mapper: names and aliases of techniques, software and groups, found on
// word boundaries. Matching is by words, ignoring case and punctuation between words,
// so "Adversary-in-the-Middle" matches "adversary in the middle"; at each position the
// longest name wins.
//
// Short or ordinary names are the hard part: S0110 is "at", S0097 "Ping", and T1588.001
// is just "Malware". The rules, all driven by data:
//  - A single-word software or group name that is an ordinary word (`is_common`, a word
//    list measured on training text and kept in the model), or has at most three
//    letters, must be written with the catalog's capitals away from a sentence start
//    ("used Ping"), or stand next to a context word ("the at command", "at.exe").
//  - A multi-word software or group name made only of ordinary words ("Remote
//    Utilities") must be written with the catalog's capitals.
//  - A sub-technique whose name is one ordinary word ("Malware", "DNS") matches only
//    in its full form ("Obtain Capabilities: Malware"); technique names otherwise
//    match in any case, because they describe what they name.
//
//   NameIndex index(catalog, [&](std::string_view w) { return model.IsCommonWord(...); });
//   std::vector<NameMatch> found;
//   index.Find(text, &found);
//
// Holds pointers into the catalog, which must outlive it. Immutable after
// construction; Find is thread-safe.
#ifndef STIXKIT_CONVERTERS_MAP_NAME_INDEX_H_
#define STIXKIT_CONVERTERS_MAP_NAME_INDEX_H_

#include <cstdint>
#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "absl/container/flat_hash_map.h"
#include "attack-data/catalog.h"

namespace stixkit::convert {

enum class NameKind { kTechnique, kSoftware, kGroup };

struct NameMatch {
  NameKind kind = NameKind::kTechnique;
  const attack::Technique* technique = nullptr;  // set for kTechnique
  const attack::Entity* entity = nullptr;        // set for kSoftware and kGroup
  std::string name;                              // the catalog name or alias matched, lowercased
  size_t begin = 0;
  size_t end = 0;  // byte span in the text
};

class NameIndex {
 public:
  // `is_common` says whether a lowercased word is ordinary English.
  NameIndex(const attack::Catalog& catalog, std::function<bool(std::string_view)> is_common);

  // Appends every accepted match in `text`, in text order. Several entries can share a
  // span (a name used by Enterprise and Mobile techniques); the caller picks.
  void Find(std::string_view text, std::vector<NameMatch>* out) const;

  size_t size() const { return entries_.size(); }

 private:
  enum class Rule { kAnyCase, kExactCase, kCaseOrContext };
  struct Entry {
    std::vector<uint64_t> words;  // WordHash of each lowercased word
    std::string spelling;         // catalog words joined by one space, original case
    std::string lowercase;        // the same, lowercased
    Rule rule = Rule::kAnyCase;
    NameKind kind = NameKind::kTechnique;
    const attack::Technique* technique = nullptr;
    const attack::Entity* entity = nullptr;
  };

  void Add(std::string_view name, NameKind kind, Rule rule, const attack::Technique* t,
           const attack::Entity* e);
  void AddEntity(const attack::Entity& e, NameKind kind,
                 const std::function<bool(std::string_view)>& is_common);
  void AddTechnique(const attack::Catalog& catalog, const attack::Technique& t,
                    const std::function<bool(std::string_view)>& is_common);

  std::vector<Entry> entries_;
  // First word hash -> entries starting with it, longest first.
  absl::flat_hash_map<uint64_t, std::vector<uint32_t>> by_first_word_;
};

}  // namespace stixkit::convert

#endif  // STIXKIT_CONVERTERS_MAP_NAME_INDEX_H_
