#include "cli/commands.h"

#include <algorithm>
#include <iostream>

#include "stix/base/edit_distance.h"
#include "absl/strings/str_cat.h"
#include "cli/exit_codes.h"
#include "cli/version.h"

namespace stixkit::cli {
namespace {

int RunHelp(const std::vector<std::string>& args);
int RunVersion(const std::vector<std::string>&) {
  std::cout << "stixkit " << kVersion << "\n";
  return kExitOk;
}

const Command kCommands[] = {
    {"validate", "check STIX 2.1 files against the spec (stix2-validator compatible)",
     RunValidate},
    {"convert", "turn incident reports (markdown, text, HTML) into validated STIX 2.1 bundles",
     RunConvert},
    {"taxii", "share over TAXII 2.1: discover, collections, push, pull, manifest, status, serve",
     RunTaxii},
    {"attack", "the ATT&CK catalog: import, info, lookup, map text to techniques, layers",
     RunAttack},
    {"help", "show the commands, or a command's options", RunHelp},
    {"version", "print the version", RunVersion},
};


void PrintTable(absl::Span<const Command> table, std::string_view prefix) {
  std::cout << "usage: " << prefix << " COMMAND [OPTIONS] [ARGS]\n\ncommands:\n";
  for (const Command& c : table) {
    std::cout << "  " << c.name << std::string(12 - std::min<size_t>(11, strlen(c.name)), ' ')
              << c.summary << "\n";
  }
  std::cout << "\nRun '" << prefix << " COMMAND --help' for a command's options.\n";
}

int RunHelp(const std::vector<std::string>& args) {
  if (args.empty()) {
    PrintTable(TopLevelCommands(), "stixkit");
    return kExitOk;
  }
  std::vector<std::string> help_args = {args[0], "--help"};
  return Dispatch(TopLevelCommands(), "stixkit", help_args);
}

}  // namespace

absl::Span<const Command> TopLevelCommands() { return kCommands; }

int Dispatch(absl::Span<const Command> table, std::string_view prefix,
             const std::vector<std::string>& args) {
  if (args.empty() || args[0] == "--help" || args[0] == "-h") {
    PrintTable(table, prefix);
    return args.empty() ? kExitUsage : kExitOk;
  }
  if (prefix == "stixkit" && args[0] == "--version") return RunVersion({});
  const std::string& name = args[0];
  for (const Command& c : table) {
    if (name == c.name) return c.run(std::vector<std::string>(args.begin() + 1, args.end()));
  }
  std::cerr << prefix << ": unknown command '" << name << "'";
  const Command* best = nullptr;
  size_t best_distance = 3;  // suggest only near misses
  for (const Command& c : table) {
    const size_t d = EditDistance(name, c.name);
    if (d < best_distance) best = &c, best_distance = d;
  }
  if (best != nullptr) std::cerr << ", did you mean '" << best->name << "'?";
  std::cerr << "\nRun '" << prefix << " help' for the list of commands.\n";
  return kExitUsage;
}

}  // namespace stixkit::cli
