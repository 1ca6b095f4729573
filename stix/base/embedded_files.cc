#include "stix/base/embedded_files.h"

#include <algorithm>

namespace stixkit {

std::optional<std::string_view> FindEmbeddedFile(std::string_view path) {
  const auto files = AllEmbeddedFiles();
  // The generator sorts the table by path, so a binary search finds the entry.
  const auto it = std::lower_bound(
      files.begin(), files.end(), path,
      [](const EmbeddedFile& file, std::string_view key) { return file.path < key; });
  if (it == files.end() || it->path != path) return std::nullopt;
  return it->contents;
}

}  // namespace stixkit
