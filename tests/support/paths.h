// Where tests find their inputs: the repository, the built CLI, and ../shared.
// ../shared is optional; tests that replay its data call SharedDir() and skip with a
// visible message when it returns nullopt.
#ifndef STIXKIT_TESTS_SUPPORT_PATHS_H_
#define STIXKIT_TESTS_SUPPORT_PATHS_H_

#include <optional>
#include <string>

namespace stixkit::testing {

// The repository root (compiled in).
std::string SourceDir();

// The built `stixkit` binary (compiled in).
std::string StixkitBinary();

// The shared material: $STIXKIT_SHARED_DIR, else <repo>/../shared. Nullopt if absent.
std::optional<std::string> SharedDir();

// The file's whole contents; fails the current test if it cannot be read.
std::string ReadTestFile(const std::string& path);

// A fresh empty directory under the system temp dir, unique per call.
std::string MakeTempDir();

}  // namespace stixkit::testing

#endif  // STIXKIT_TESTS_SUPPORT_PATHS_H_
