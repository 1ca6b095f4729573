// The command table: every `stixkit` subcommand is one row here, and help, the command
// listing and "did you mean" suggestions are generated from it (house style §4). Nested
// verbs (`attack lookup`) use a child table of the same row type.
#ifndef STIXKIT_CLI_COMMANDS_H_
#define STIXKIT_CLI_COMMANDS_H_

#include <string>
#include <string_view>
#include <vector>

#include "absl/types/span.h"

namespace stixkit::cli {

struct Command {
  const char* name;
  const char* summary;
  // Runs the command with the arguments after its name; returns the exit code.
  int (*run)(const std::vector<std::string>& args);
};

// The top-level commands, in the order help lists them.
absl::Span<const Command> TopLevelCommands();

// Dispatches args[0] to a row of `table`; prints help or a "did you mean" error for an
// unknown name. `prefix` ("stixkit", "stixkit attack") is used in messages.
int Dispatch(absl::Span<const Command> table, std::string_view prefix,
             const std::vector<std::string>& args);

// Runs one command per file (defined in <name>_command.cc).
int RunValidate(const std::vector<std::string>& args);
// `stixkit attack` and its verbs (attack_command.cc holds the child table).
int RunAttack(const std::vector<std::string>& args);
int RunAttackMap(const std::vector<std::string>& args);    // attack_map_command.cc
int RunAttackTrain(const std::vector<std::string>& args);  // attack_train_command.cc
int RunConvert(const std::vector<std::string>& args);       // convert_command.cc
// `stixkit taxii` and its verbs (taxii_command.cc holds the child table).
int RunTaxii(const std::vector<std::string>& args);
int RunTaxiiDiscover(const std::vector<std::string>& args);
int RunTaxiiCollections(const std::vector<std::string>& args);
int RunTaxiiPush(const std::vector<std::string>& args);
int RunTaxiiPull(const std::vector<std::string>& args);
int RunTaxiiManifest(const std::vector<std::string>& args);
int RunTaxiiStatus(const std::vector<std::string>& args);
int RunTaxiiServe(const std::vector<std::string>& args);  // taxii_serve_command.cc

}  // namespace stixkit::cli

#endif  // STIXKIT_CLI_COMMANDS_H_
