// Validating whole files: the entry point `stixkit validate` and the converter use.
// A file may hold a bundle, a single object, or a JSON array of objects. The file is
// scanned once; its objects are parsed and checked one at a time on a pool of worker
// threads, and results come back in input order. Memory stays proportional to the
// objects in flight, not the file, so multi-gigabyte bundles validate in bounded memory.
//
//   STIXKIT_ASSIGN_OR_RETURN(Validator validator, Validator::Create(options, settings));
//   FileReport report = validator.ValidateFile("bundle.json");
//   if (!report.valid()) ...
//
// A Validator is immutable after Create and may be shared by threads.
#ifndef STIXKIT_STIX_VALIDATE_VALIDATOR_H_
#define STIXKIT_STIX_VALIDATE_VALIDATOR_H_

#include <string>
#include <string_view>
#include <vector>

#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "stix/base/source_location.h"
#include "stix/json/json_limits.h"
#include "stix/validate/check_selection.h"
#include "stix/validate/finding.h"
#include "stix/validate/options.h"

namespace stixkit {
class InputFile;
}  // namespace stixkit

namespace stixkit::stix {

struct ValidatorSettings {
  // Worker threads; 0 means one per core.
  int jobs = 0;
  JsonLimits limits;
};

// A finding and where its object starts in the file.
struct LocatedFinding {
  Finding finding;
  LineColumn at;
  // Index of the object in the bundle or array (0-based); -1 for the bundle itself.
  long object_index = -1;
};

struct FileReport {
  std::string path;
  // Set when the file could not be validated (unreadable, not JSON, over a limit):
  // the reference validator's "fatal" result, exit code 16.
  absl::Status fatal;
  std::vector<LocatedFinding> findings;
  size_t object_count = 0;

  bool valid() const;
  size_t error_count() const;
  size_t warning_count() const;
};

class Validator {
 public:
  // InvalidArgument if options name an unknown check or an unsupported --version, or
  // if settings.limits.max_depth is over kMaxDepthCeiling ("--max-depth: expected at
  // most 1000, got 5000").
  static absl::StatusOr<Validator> Create(ValidationOptions options,
                                          ValidatorSettings settings = {});

  // Validates the file at `path` ("-" reads standard input).
  FileReport ValidateFile(const std::string& path) const;

  // Validates `text`, reporting it under `name`.
  FileReport ValidateText(std::string_view text, const std::string& name) const;

  const ValidationOptions& options() const { return options_; }

 private:
  Validator(ValidationOptions options, ValidatorSettings settings, CheckSelection selection)
      : options_(std::move(options)), settings_(settings), selection_(std::move(selection)) {}

  FileReport Validate(std::string_view text, const std::string& name,
                      InputFile* file) const;

  ValidationOptions options_;
  ValidatorSettings settings_;
  CheckSelection selection_;
};

}  // namespace stixkit::stix

#endif  // STIXKIT_STIX_VALIDATE_VALIDATOR_H_
