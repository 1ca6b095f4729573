// Writing catalog JSON (the format catalog_reader.h reads, described in
// docs/attack.md): one entry per line, so the committed catalog diffs well between
// ATT&CK releases and stays small. Members that hold their default (false, "") are
// left out.
//
//   STIXKIT_RETURN_IF_ERROR(WriteFileAtomically(out, WriteCatalogJson(data)));
//
// Pure functions; thread-safe.
#ifndef STIXKIT_ATTACK_DATA_CATALOG_WRITER_H_
#define STIXKIT_ATTACK_DATA_CATALOG_WRITER_H_

#include <string>

#include "attack-data/catalog_data.h"

namespace stixkit::attack {

// The whole catalog, ending in a newline. Writes the lists in the order given.
std::string WriteCatalogJson(const CatalogData& data);

// One entry as a compact JSON object, exactly as it appears in the catalog.
std::string EntryJson(const Technique& technique);
std::string EntryJson(const Tactic& tactic);
std::string EntryJson(const Entity& entity);
std::string EntryJson(const Mitigation& mitigation);

}  // namespace stixkit::attack

#endif  // STIXKIT_ATTACK_DATA_CATALOG_WRITER_H_
