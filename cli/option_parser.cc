#include "cli/option_parser.h"

namespace stixkit::cli {
namespace po = boost::program_options;

absl::Status ParseOptions(const std::vector<std::string>& args,
                          const po::options_description& options, const char* positional_name,
                          std::vector<std::string>* positionals, po::variables_map* vm) {
  po::options_description all;
  all.add(options);
  po::positional_options_description positional;
  if (positional_name != nullptr) {
    all.add_options()(positional_name, po::value(positionals)->composing());
    positional.add(positional_name, -1);
  }
  try {
    const int style =
        po::command_line_style::default_style & ~po::command_line_style::allow_guessing;
    po::store(po::command_line_parser(args).options(all).positional(positional).style(style).run(),
              *vm);
    po::notify(*vm);
  } catch (const po::error& e) {
    return absl::InvalidArgumentError(e.what());
  }
  return absl::OkStatus();
}

}  // namespace stixkit::cli
