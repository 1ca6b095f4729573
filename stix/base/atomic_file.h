// Writing a file so that readers see either the old contents or the new, never half:
// the data goes to a temporary file in the same directory, is flushed to disk, and is
// renamed over the target. A failure leaves the target untouched and removes the
// temporary file.
//
//   STIXKIT_RETURN_IF_ERROR(WriteFileAtomically("out/bundle.json", json));
//
// Thread-safe for distinct targets.
#ifndef STIXKIT_STIX_BASE_ATOMIC_FILE_H_
#define STIXKIT_STIX_BASE_ATOMIC_FILE_H_

#include <string_view>

#include "absl/status/status.h"

namespace stixkit {

// OK once `contents` is durably at `path`. NotFound if the directory does not exist,
// PermissionDenied or Internal (with the OS reason) for other failures.
absl::Status WriteFileAtomically(std::string_view path, std::string_view contents);

}  // namespace stixkit

#endif  // STIXKIT_STIX_BASE_ATOMIC_FILE_H_
