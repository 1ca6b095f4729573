// The project's two error-propagation macros. The Debian 12 Abseil ships none, and
// they are the only macros the project defines (house style §3).
//
//   absl::StatusOr<Bundle> ReadBundle(std::string_view path) {
//     STIXKIT_ASSIGN_OR_RETURN(std::string text, ReadFile(path));
//     STIXKIT_RETURN_IF_ERROR(CheckSize(text));
//     ...
//   }
#ifndef STIXKIT_STIX_BASE_STATUS_H_
#define STIXKIT_STIX_BASE_STATUS_H_

#include "absl/status/status.h"
#include "absl/status/statusor.h"

#define STIXKIT_RETURN_IF_ERROR(expr)                \
  do {                                               \
    const ::absl::Status stixkit_status_ = (expr);   \
    if (!stixkit_status_.ok()) return stixkit_status_; \
  } while (0)

#define STIXKIT_STATUS_CONCAT_INNER_(a, b) a##b
#define STIXKIT_STATUS_CONCAT_(a, b) STIXKIT_STATUS_CONCAT_INNER_(a, b)

#define STIXKIT_ASSIGN_OR_RETURN(lhs, expr) \
  STIXKIT_ASSIGN_OR_RETURN_IMPL_(STIXKIT_STATUS_CONCAT_(stixkit_statusor_, __LINE__), lhs, expr)

#define STIXKIT_ASSIGN_OR_RETURN_IMPL_(statusor, lhs, expr) \
  auto statusor = (expr);                                   \
  if (!statusor.ok()) return std::move(statusor).status();  \
  lhs = std::move(statusor).value()

#endif  // STIXKIT_STIX_BASE_STATUS_H_
