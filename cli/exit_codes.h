// Process exit codes. `validate` uses the reference validator's bit flags, OR-ed over
// all files, so scripts written for stix2-validator keep working (docs/cli.md).
#ifndef STIXKIT_CLI_EXIT_CODES_H_
#define STIXKIT_CLI_EXIT_CODES_H_

namespace stixkit::cli {

inline constexpr int kExitOk = 0;
// An unexpected internal failure (a bug): the reference's 0x1.
inline constexpr int kExitFailure = 0x1;
// At least one input had errors: the reference's 0x2.
inline constexpr int kExitInvalid = 0x2;
// The command line itself is wrong (unknown option, missing argument). The reference
// exits 2 here too (Python argparse), so scripts see the same code.
inline constexpr int kExitUsage = 0x2;
// An input could not be processed at all (unreadable, not JSON, over a limit): 0x10.
inline constexpr int kExitFatal = 0x10;
// `taxii` verbs: the server could not be reached, answered with an error, or rejected
// some of the objects pushed (docs/taxii-client.md).
inline constexpr int kExitRemote = 0x4;
// `taxii push`: content refused by policy (TLP:RED without --allow-red).
inline constexpr int kExitRefused = 0x8;

}  // namespace stixkit::cli

#endif  // STIXKIT_CLI_EXIT_CODES_H_
