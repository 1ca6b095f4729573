// Data files compiled into the binary at build time: the JSON schemas, the vocabulary
// tables and the ATT&CK catalog. Paths are relative to the repository root, e.g.
// "stix/schemas/sdos/indicator.json".
//
//   if (auto text = stixkit::FindEmbeddedFile("stix/data/vocabularies.json")) Parse(*text);
//
// The data lives for the whole program; views never dangle. Thread-safe (read-only).
#ifndef STIXKIT_STIX_BASE_EMBEDDED_FILES_H_
#define STIXKIT_STIX_BASE_EMBEDDED_FILES_H_

#include <optional>
#include <string_view>

#include "absl/types/span.h"

namespace stixkit {

struct EmbeddedFile {
  const char* path;
  std::string_view contents;
};

// Every embedded file, sorted by path. Defined in the generated embedded_files.cc.
absl::Span<const EmbeddedFile> AllEmbeddedFiles();

// The contents of the embedded file at `path`, or nullopt when no such file was embedded.
std::optional<std::string_view> FindEmbeddedFile(std::string_view path);

}  // namespace stixkit

#endif  // STIXKIT_STIX_BASE_EMBEDDED_FILES_H_
