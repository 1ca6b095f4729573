// stixkit: STIX 2.1 validation, conversion, ATT&CK mapping and TAXII sharing.
#include <exception>
#include <iostream>
#include <string>
#include <vector>

#include "cli/commands.h"
#include "cli/exit_codes.h"

int main(int argc, char** argv) {
  std::ios::sync_with_stdio(false);
  const std::vector<std::string> args(argv + 1, argv + argc);
  try {
    return stixkit::cli::Dispatch(stixkit::cli::TopLevelCommands(), "stixkit", args);
  } catch (const std::exception& e) {
    // Library code reports errors with absl::Status; reaching here is a bug.
    std::cerr << "stixkit: internal error: " << e.what() << "\n";
    return stixkit::cli::kExitFailure;
  }
}
