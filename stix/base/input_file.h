// Read-only access to an input file's bytes without copying them: the file is mapped
// into memory, so a 2 GB bundle costs address space, not heap. Standard input ("-") is
// read into memory instead. `Release` lets a streaming reader hand back pages it has
// finished with, which keeps resident memory bounded on huge inputs.
//
//   STIXKIT_ASSIGN_OR_RETURN(InputFile file, InputFile::Open("bundle.json"));
//   Scan(file.contents());
//
// Move-only; the view is valid while the InputFile lives. Not thread-safe to Release
// from two threads at once.
#ifndef STIXKIT_STIX_BASE_INPUT_FILE_H_
#define STIXKIT_STIX_BASE_INPUT_FILE_H_

#include <string>
#include <string_view>

#include "absl/status/statusor.h"

namespace stixkit {

class InputFile {
 public:
  // Opens `path` ("-" is standard input). NotFound for a missing file,
  // PermissionDenied, FailedPrecondition for a directory, Internal otherwise; every
  // message names the path. A stream (standard input, a pipe) has no size to check
  // before reading, so it is read only up to `max_stream_bytes` (0: no limit): a longer
  // one is OutOfRange, "<path>: the input is more than the N-byte limit", and what was
  // read is dropped. Callers check a regular file's size themselves, with its exact size.
  static absl::StatusOr<InputFile> Open(const std::string& path, size_t max_stream_bytes = 0);

  InputFile(InputFile&& other) noexcept;
  InputFile& operator=(InputFile&& other) noexcept;
  InputFile(const InputFile&) = delete;
  InputFile& operator=(const InputFile&) = delete;
  ~InputFile();

  std::string_view contents() const { return contents_; }
  const std::string& path() const { return path_; }

  // Tells the OS that bytes before `offset` will not be read again.
  void Release(size_t offset);

 private:
  InputFile() = default;
  void Reset();

  std::string path_;
  std::string buffer_;  // stdin only
  void* mapping_ = nullptr;
  size_t mapped_size_ = 0;
  size_t released_ = 0;
  std::string_view contents_;
};

}  // namespace stixkit

#endif  // STIXKIT_STIX_BASE_INPUT_FILE_H_
