// Labelled sentences for the sentence classifier, read from the two sources issue 3
// names: the ATT&CK procedure examples (descriptions of `uses` relationships whose
// target is an attack-pattern) in MITRE's bundles, and TRAM's labelled report sentences
// (a JSON array of {"text", "label", "doc_title"}).
//
//   TrainingData data;
//   STIXKIT_RETURN_IF_ERROR(AddAttackBundle(bundle_json, "enterprise-attack.json", &data));
//   STIXKIT_RETURN_IF_ERROR(AddTramSentences(tram_json, "tram.json", &data));
//   NormalizeLabels(&data);  // revoked techniques become their replacements
//
// Plain data; not thread-safe while being filled.
#ifndef STIXKIT_CONVERTERS_MAP_TRAINING_DATA_H_
#define STIXKIT_CONVERTERS_MAP_TRAINING_DATA_H_

#include <string>
#include <string_view>
#include <vector>

#include "absl/container/flat_hash_map.h"
#include "absl/container/flat_hash_set.h"
#include "absl/status/status.h"

namespace stixkit::convert {

// The label of background sentences: report prose that names no technique. The
// classifier learns it as one more class, so that "X is a backdoor used by Y" has
// somewhere to go other than the most common technique; the mapper never reports it.
inline constexpr std::string_view kBackgroundLabel = "none";

struct LabelledSentence {
  std::string text;
  std::string label;  // ATT&CK technique id, "T1003.001"
  // The report the sentence comes from (TRAM's doc_title). Cross-validation keeps a
  // document's sentences on one side of a split. Empty for procedure examples.
  std::string document;
};

struct TrainingData {
  std::vector<LabelledSentence> sentences;
  // Revoked technique id -> the id that replaced it, from `revoked-by` relationships.
  absl::flat_hash_map<std::string, std::string> replaced_by;
  // Deprecated technique ids; sentences labelled with them are dropped.
  absl::flat_hash_set<std::string> deprecated;
};

// Appends the procedure examples of one ATT&CK bundle (STIX 2.0 or 2.1), citation
// markers removed and markdown links reduced to their text; revoked or deprecated
// relationships are skipped. Also appends background sentences (kBackgroundLabel): the
// sentences of group and campaign descriptions and the first sentence of software
// descriptions, which introduce actors and tools without naming techniques.
// InvalidArgument ("path:line:col: ...") for bad JSON or a document that is not a bundle.
absl::Status AddAttackBundle(std::string_view json, std::string_view path, TrainingData* data);

// Appends TRAM sentences. InvalidArgument naming the path and element for anything that
// is not an array of objects with string "text" and "label" ("doc_title" is optional).
absl::Status AddTramSentences(std::string_view json, std::string_view path, TrainingData* data);

// Relabels sentences whose technique was revoked with its replacement (following
// chains) and drops those labelled with deprecated techniques.
void NormalizeLabels(TrainingData* data);

// "[APT28](https://...) used X.(Citation: Foo 2020)" -> "APT28 used X."
std::string CleanProcedureText(std::string_view description);

}  // namespace stixkit::convert

#endif  // STIXKIT_CONVERTERS_MAP_TRAINING_DATA_H_
