#include "cli/commands.h"

#include <algorithm>
#include <iostream>

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
    {"help", "show the commands, or a command's options", RunHelp},
    {"version", "print the version", RunVersion},
};

size_t EditDistance(std::string_view a, std::string_view b) {
  std::vector<size_t> row(b.size() + 1);
  for (size_t j = 0; j <= b.size(); ++j) row[j] = j;
  for (size_t i = 1; i <= a.size(); ++i) {
    size_t diagonal = row[0];
    row[0] = i;
    for (size_t j = 1; j <= b.size(); ++j) {
      const size_t up = row[j];
      row[j] = std::min({row[j] + 1, row[j - 1] + 1, diagonal + (a[i - 1] != b[j - 1])});
      diagonal = up;
    }
  }
  return row[b.size()];
}

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
