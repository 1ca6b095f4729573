#include "tests/support/run_command.h"

#include <sys/wait.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>

#include "tests/support/paths.h"

namespace stixkit::testing {
namespace {

std::string ShellQuote(const std::string& s) {
  std::string out = "'";
  for (char c : s) {
    if (c == '\'') out += "'\\''"; else out += c;
  }
  return out + "'";
}

// Runs the shell command `command`, capturing its standard output and error through
// files in `dir`, which is removed afterwards.
CommandResult RunCaptured(const std::string& dir, std::string command) {
  command += " >" + ShellQuote(dir + "/out") + " 2>" + ShellQuote(dir + "/err");
  const int status = std::system(command.c_str());
  CommandResult result;
  result.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  result.out = ReadTestFile(dir + "/out");
  result.err = ReadTestFile(dir + "/err");
  std::filesystem::remove_all(dir);
  return result;
}

std::string StixkitCommand(const std::vector<std::string>& args) {
  std::string command = ShellQuote(StixkitBinary());
  for (const std::string& a : args) command += " " + ShellQuote(a);
  return command;
}

}  // namespace

CommandResult RunStixkit(const std::vector<std::string>& args, const std::string& stdin_text) {
  const std::string dir = MakeTempDir();
  std::string input = "/dev/null";
  if (!stdin_text.empty()) {
    input = dir + "/stdin";
    std::ofstream(input, std::ios::binary) << stdin_text;
  }
  return RunCaptured(dir, StixkitCommand(args) + " <" + ShellQuote(input));
}

CommandResult RunStixkitFromPipe(const std::string& producer,
                                 const std::vector<std::string>& args) {
  return RunCaptured(MakeTempDir(), producer + " | " + StixkitCommand(args));
}

}  // namespace stixkit::testing
