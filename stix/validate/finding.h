// A Finding is one result of one validation check: a schema violation, a failed MUST
// rule, or a best-practice warning. Findings are data, not errors: a check that finds a
// problem appends a Finding; absl::Status is kept for "could not validate at all".
//
//   std::vector<Finding> findings;
//   findings.push_back(Finding::Error("", id, "/pattern", "pattern is not valid: ..."));
//
// Plain value type; copy freely.
#ifndef STIXKIT_STIX_VALIDATE_FINDING_H_
#define STIXKIT_STIX_VALIDATE_FINDING_H_

#include <string>
#include <vector>

namespace stixkit::stix {

enum class Severity { kError, kWarning };

struct Finding {
  // The reference validator's check code ("202", "401"), or empty for schema and
  // MUST findings, which have none.
  std::string code;
  Severity severity = Severity::kError;
  // The id of the STIX object the finding is about; empty when the object has none.
  std::string object_id;
  // RFC 6901 pointer into that object ("" is the object itself, "/objects/3/name").
  std::string pointer;
  // Lower-case text that says what was expected and what was found.
  std::string message;

  static Finding Error(std::string code, std::string object_id, std::string pointer,
                       std::string message) {
    return {std::move(code), Severity::kError, std::move(object_id), std::move(pointer),
            std::move(message)};
  }
  static Finding Warning(std::string code, std::string object_id, std::string pointer,
                         std::string message) {
    return {std::move(code), Severity::kWarning, std::move(object_id), std::move(pointer),
            std::move(message)};
  }
};

using Findings = std::vector<Finding>;

}  // namespace stixkit::stix

#endif  // STIXKIT_STIX_VALIDATE_FINDING_H_
