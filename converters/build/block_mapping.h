// Running the ATT&CK mapper over a report, once, with the context each block gives:
// the tactic its section or field names, and how much evidence its section needs.
// Methodology and timeline text maps at the mapper's default threshold; other narrative
// only on near-certain evidence (an explicit id or an unambiguous name), so a summary
// sentence never invents a technique. Reference, indicator, recommendation and
// allow-list sections are not mapped; values such as "[Not Disclosed]" are skipped.
//
// Pure function of its inputs; thread-safe given a thread-safe mapper.
#ifndef STIXKIT_CONVERTERS_BUILD_BLOCK_MAPPING_H_
#define STIXKIT_CONVERTERS_BUILD_BLOCK_MAPPING_H_

#include <string>
#include <vector>

#include "converters/build/section_router.h"
#include "converters/map/map_result.h"
#include "converters/map/technique_mapper.h"
#include "converters/read/document.h"

namespace stixkit::convert {

// Narrative outside the methodology and timeline must be this sure to count.
inline constexpr float kNarrativeThreshold = 0.9f;

struct MappedBlock {
  size_t section = 0;
  size_t block = 0;
  std::string tactic;         // the tactic context, "" for none
  bool tactic_field = false;  // the block is a "Tactic: value" field
  bool techniques_allowed = false;  // false: only software and groups are taken
  MapResult result;
};

std::vector<MappedBlock> MapBlocks(const Document& document, const SectionRouter& router,
                                   const TechniqueMapper& mapper);

}  // namespace stixkit::convert

#endif  // STIXKIT_CONVERTERS_BUILD_BLOCK_MAPPING_H_
