// One way every subcommand reads its command line with Boost.Program_options: long
// options must be spelled in full (no prefix guessing, house style §4, so `--attack`
// never silently means `--attack-data` and flags stay exactly the reference
// validator's), and the remaining words go to one positional option. Boost throws;
// this is the edge that turns its exceptions into a Status.
//
//   po::variables_map vm;
//   if (absl::Status s = ParseOptions(args, desc, "input", &inputs, &vm); !s.ok()) ...
#ifndef STIXKIT_CLI_OPTION_PARSER_H_
#define STIXKIT_CLI_OPTION_PARSER_H_

#include <string>
#include <vector>

#include "absl/status/status.h"
#include "boost/program_options.hpp"

namespace stixkit::cli {

// Parses `args` against `options`. Words that are not options are collected into
// *positionals under the hidden option `positional_name` (pass nullptr for commands
// that take none). InvalidArgument with Boost's message for an unknown option, a
// missing value or a surplus word.
absl::Status ParseOptions(const std::vector<std::string>& args,
                          const boost::program_options::options_description& options,
                          const char* positional_name, std::vector<std::string>* positionals,
                          boost::program_options::variables_map* vm);

}  // namespace stixkit::cli

#endif  // STIXKIT_CLI_OPTION_PARSER_H_
