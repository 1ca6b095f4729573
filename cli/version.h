// The stixkit version, printed by `stixkit version` and written into SARIF output.
#ifndef STIXKIT_CLI_VERSION_H_
#define STIXKIT_CLI_VERSION_H_

namespace stixkit::cli {

inline constexpr const char* kVersion = "0.1.0";

}  // namespace stixkit::cli

#endif  // STIXKIT_CLI_VERSION_H_
