// The mapping model's file format (attack-data/model.bin): a small binary file, written
// by `stixkit attack train`, embedded in the binary at build time, and replaceable at
// run time with `--model FILE`.
//
// Layout, little-endian: the magic "STXKMAP1", a u32 format version, the feature
// options, the temperature, the labels, the biases, the sparse weight rows (feature
// hashes, row ends, label indices and weights quantised to 16 bits), the common-word
// hashes, the name priors, a provenance note, and an FNV-1a checksum of everything
// before it. docs/mapping-model.md describes each field.
//
//   STIXKIT_ASSIGN_OR_RETURN(const SentenceModel* model, EmbeddedSentenceModel());
//   std::string bytes = SerializeSentenceModel(*model);
//
// Pure functions; EmbeddedSentenceModel parses once and the model lives for the whole
// program. Thread-safe.
#ifndef STIXKIT_CONVERTERS_MAP_MODEL_FILE_H_
#define STIXKIT_CONVERTERS_MAP_MODEL_FILE_H_

#include <string>
#include <string_view>

#include "absl/status/statusor.h"
#include "converters/map/sentence_model.h"

namespace stixkit::convert {

// Where the build embeds the trained model (relative to the repository root).
inline constexpr std::string_view kEmbeddedModelPath = "attack-data/model.bin";

// The file's bytes. Weights are quantised, so Parse(Serialize(m)) scores within 1e-4
// of m; serialising a parsed model again gives the same bytes.
std::string SerializeSentenceModel(const SentenceModel& model);

// DataLoss naming `path` for a file that is not a model, is truncated, has a bad
// checksum or inconsistent tables; FailedPrecondition for a newer format version.
absl::StatusOr<SentenceModel> ParseSentenceModel(std::string_view bytes, std::string_view path);

// The model compiled into the binary. NotFound if the build has none (attack-data/
// model.bin missing when it was built); the status above if it does not parse.
absl::StatusOr<const SentenceModel*> EmbeddedSentenceModel();

}  // namespace stixkit::convert

#endif  // STIXKIT_CONVERTERS_MAP_MODEL_FILE_H_
