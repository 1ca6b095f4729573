// Rendering validation results: text for people, JSON Lines for scripts (one record
// per file, documented in docs/validation.md), SARIF 2.1.0 for code-scanning tools.
#ifndef STIXKIT_CLI_VALIDATE_REPORT_H_
#define STIXKIT_CLI_VALIDATE_REPORT_H_

#include <ostream>
#include <string>
#include <vector>

#include "stix/validate/validator.h"

namespace stixkit::cli {

// "[-] Results for: FILE" followed by the verdict and one line per finding, in the
// reference validator's layout, with "file:line:col" added.
void WriteTextReport(const stix::FileReport& report, bool silent, std::ostream& out);

// One JSON object on one line: file, valid, fatal, objects, errors, warnings.
std::string JsonReportLine(const stix::FileReport& report);

// A SARIF 2.1.0 log with one run covering every file.
std::string SarifReport(const std::vector<stix::FileReport>& reports);

}  // namespace stixkit::cli

#endif  // STIXKIT_CLI_VALIDATE_REPORT_H_
