// Named value lists, kept as data in stix/data/ and compiled into the binary:
// - the spec's open vocabularies and enumerations, by their spec names
//   ("industry-sector-ov", "opinion-enum"), from stix/data/vocabularies.json;
// - external registries the validator consults ("iana-media-types",
//   "iso-3166-1-alpha-2", ...), one file each under stix/data/registries/.
//
//   if (!stix::InVocabulary("industry-sector-ov", "healthcare")) { ...warn... }
//
// Loaded once on first use; the returned pointers live for the whole program.
// Thread-safe.
#ifndef STIXKIT_STIX_MODEL_VOCABULARIES_H_
#define STIXKIT_STIX_MODEL_VOCABULARIES_H_

#include <string>
#include <string_view>
#include <vector>

#include "absl/container/flat_hash_set.h"

namespace stixkit::stix {

// The values of the named list, or nullptr when no list has that name.
const absl::flat_hash_set<std::string>* FindVocabulary(std::string_view name);

// Whether `value` is in the named list; false when the list does not exist.
bool InVocabulary(std::string_view name, std::string_view value);

// The values of the named list in file order (for help text and docs); empty if unknown.
std::vector<std::string> VocabularyValues(std::string_view name);

// Every list name, sorted.
std::vector<std::string> VocabularyNames();

}  // namespace stixkit::stix

#endif  // STIXKIT_STIX_MODEL_VOCABULARIES_H_
