// An ATT&CK Navigator layer (layer format 4.5, mitre-attack/attack-navigator
// layers/spec/v4.5/layerformat.md) showing the techniques a STIX bundle refers to.
// Each technique carries a score (how many bundle objects refer to it) and a comment
// naming those objects, so an analyst can open the layer in Navigator and trace every
// cell back to the report.
//
//   STIXKIT_ASSIGN_OR_RETURN(BundleTechniques found, FindTechniqueReferences(text, path));
//   Layer layer = BuildNavigatorLayer(found, Catalog::Embedded(), {.source = path});
//
// Pure function; thread-safe.
#ifndef STIXKIT_ATTACK_DATA_NAVIGATOR_LAYER_H_
#define STIXKIT_ATTACK_DATA_NAVIGATOR_LAYER_H_

#include <string>
#include <vector>

#include "attack-data/catalog.h"
#include "attack-data/technique_references.h"

namespace stixkit::attack {

// The layer format this writes and the oldest Navigator that reads it (the spec asks
// for at least 4.9.0; 5.2.0 is the first with ATT&CK v18).
inline constexpr char kLayerFormatVersion[] = "4.5";
inline constexpr char kNavigatorVersion[] = "5.2.0";

struct LayerOptions {
  std::string source;  // the bundle's path, shown in the description and metadata
  std::string name;    // "" → "stixkit: <file name of source>"
  std::string domain;  // "" → the domain holding most of the techniques
};

struct Layer {
  std::string json;                   // the layer, pretty-printed, ending in a newline
  std::string domain;                 // the domain chosen
  size_t technique_count = 0;         // distinct techniques on the layer
  std::vector<std::string> warnings;  // unknown, revoked or out-of-domain techniques
};

// The layer for `found`. Revoked techniques are replaced by what replaced them (the
// comment says so). Techniques the catalog does not know stay on the layer with a
// warning, since Navigator simply ignores ids it does not have.
Layer BuildNavigatorLayer(const BundleTechniques& found, const Catalog& catalog,
                          const LayerOptions& options);

}  // namespace stixkit::attack

#endif  // STIXKIT_ATTACK_DATA_NAVIGATOR_LAYER_H_
