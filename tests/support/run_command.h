// Running the built `stixkit` binary from tests, the way a user does.
#ifndef STIXKIT_TESTS_SUPPORT_RUN_COMMAND_H_
#define STIXKIT_TESTS_SUPPORT_RUN_COMMAND_H_

#include <string>
#include <vector>

namespace stixkit::testing {

struct CommandResult {
  int exit_code = -1;
  std::string out;
  std::string err;
};

// Runs `stixkit ARGS...` with standard input from `stdin_text` (empty: /dev/null).
CommandResult RunStixkit(const std::vector<std::string>& args,
                         const std::string& stdin_text = "");

// Runs `PRODUCER | stixkit ARGS...` in the shell, so that standard input is a pipe with
// no size known in advance; `producer` is a shell command such as "yes '{}'" (endless).
CommandResult RunStixkitFromPipe(const std::string& producer,
                                 const std::vector<std::string>& args);

}  // namespace stixkit::testing

#endif  // STIXKIT_TESTS_SUPPORT_RUN_COMMAND_H_
