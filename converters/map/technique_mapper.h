// Text -> ATT&CK: the mapper the converter and `stixkit attack map` use. Three layers,
// each reported as evidence:
//   1. explicit ids (explicit_ids.h), checked against the catalog; a revoked technique
//      is followed to its replacement;
//   2. names and aliases of techniques, software and groups (name_index.h), a
//      technique name scored by how often it was right in training text;
//   3. the sentence classifier (sentence_model.h), per sentence, optionally boosted
//      towards the techniques of a tactic the text sits under.
// A technique's score combines its layers as independent evidence, 1 - Π(1 - s).
//
//   STIXKIT_ASSIGN_OR_RETURN(const TechniqueMapper* mapper, TechniqueMapper::Embedded());
//   MapResult r = mapper->Map("used Mimikatz to dump credentials from LSASS", {});
//   r.techniques[0].id;  // "T1003.001"
//
// The catalog and model passed in must outlive the mapper. Immutable after
// construction; Map, MapBatch and ScoreLabels are thread-safe.
#ifndef STIXKIT_CONVERTERS_MAP_TECHNIQUE_MAPPER_H_
#define STIXKIT_CONVERTERS_MAP_TECHNIQUE_MAPPER_H_

#include <string>
#include <string_view>
#include <vector>

#include "absl/container/flat_hash_map.h"
#include "absl/status/statusor.h"
#include "absl/types/span.h"
#include "attack-data/catalog.h"
#include "converters/map/map_options.h"
#include "converters/map/map_result.h"
#include "converters/map/name_index.h"
#include "converters/map/sentence_model.h"

namespace stixkit::convert {

// A valid explicit id is as sure as it gets.
inline constexpr float kExplicitIdScore = 1.0f;
// Software and group names pass the ambiguity rules of name_index.h before they count.
inline constexpr float kEntityNameScore = 0.9f;
// A technique name never seen in training text: a fair hint, not proof on its own.
inline constexpr float kTechniqueNameScore = 0.6f;
// Classifier scores below this are dropped before fusion; they cannot matter.
inline constexpr float kClassifierFloor = 0.05f;

class TechniqueMapper {
 public:
  TechniqueMapper(const attack::Catalog& catalog, const SentenceModel& model);

  // The mapper over the embedded catalog and model, built on first use. NotFound or
  // DataLoss as EmbeddedSentenceModel() when the build has no usable model.
  static absl::StatusOr<const TechniqueMapper*> Embedded();

  MapResult Map(std::string_view text, const MapOptions& options) const;

  // Map for each text, in the same order, on `threads` threads (0: one per core).
  std::vector<MapResult> MapBatch(absl::Span<const std::string> texts, const MapOptions& options,
                                  unsigned threads = 0) const;

  // For evaluation: the fused score of every model label for `text` taken as one
  // sentence, ignoring the threshold (*scores has one entry per model label).
  void ScoreLabels(std::string_view text, const MapOptions& options,
                   std::vector<float>* scores) const;

  const attack::Catalog& catalog() const { return catalog_; }
  const SentenceModel& model() const { return model_; }

 private:
  struct Collected;
  void Classify(std::string_view text, const MapOptions& options, std::vector<float>* p) const;
  void CollectClassifier(std::string_view text, const MapOptions& options, Collected* c) const;
  void CollectIds(std::string_view text, Collected* c) const;
  void CollectNames(std::string_view text, Collected* c) const;
  float NamePriorOf(const attack::Technique& t, const std::string& name) const;
  MapResult Finish(const Collected& c, const MapOptions& options) const;

  const attack::Catalog& catalog_;
  const SentenceModel& model_;
  NameIndex names_;
  std::vector<const attack::Technique*> label_techniques_;  // per model label; may be null
  absl::flat_hash_map<std::string, float> name_priors_;     // "T1059.001|powershell"
};

}  // namespace stixkit::convert

#endif  // STIXKIT_CONVERTERS_MAP_TECHNIQUE_MAPPER_H_
