#include "stix/base/input_file.h"

#include <fcntl.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <utility>

#include "absl/strings/str_cat.h"
#include "stix/base/status.h"

namespace stixkit {
namespace {

absl::Status OpenError(const std::string& path, int err) {
  const std::string message = absl::StrCat("cannot read '", path, "': ", std::strerror(err));
  if (err == ENOENT) return absl::NotFoundError(message);
  if (err == EACCES || err == EPERM) return absl::PermissionDeniedError(message);
  return absl::InternalError(message);
}

// Reads a stream to its end, or until it passes `max_bytes` (0: no limit), so that an
// endless pipe cannot fill memory before the size limit is checked.
absl::Status ReadStream(int fd, const std::string& path, size_t max_bytes, std::string* out) {
  char chunk[1 << 16];
  while (true) {
    const ssize_t n = ::read(fd, chunk, sizeof chunk);
    if (n == 0) return absl::OkStatus();
    if (n < 0) {
      if (errno == EINTR) continue;
      return OpenError(path, errno);
    }
    out->append(chunk, static_cast<size_t>(n));
    if (max_bytes != 0 && out->size() > max_bytes) {
      out->clear();
      out->shrink_to_fit();
      return absl::OutOfRangeError(
          absl::StrCat(path, ": the input is more than the ", max_bytes, "-byte limit"));
    }
  }
}

}  // namespace

absl::StatusOr<InputFile> InputFile::Open(const std::string& path, size_t max_stream_bytes) {
  InputFile file;
  file.path_ = path;
  if (path == "-") {
    // Standard input redirected from a file ends where the file does, and the caller
    // reports its exact size; only a pipe or terminal is held to the limit while read.
    struct stat st;
    const bool bounded = ::fstat(STDIN_FILENO, &st) == 0 && S_ISREG(st.st_mode);
    STIXKIT_RETURN_IF_ERROR(
        ReadStream(STDIN_FILENO, path, bounded ? 0 : max_stream_bytes, &file.buffer_));
    file.contents_ = file.buffer_;
    return file;
  }
  const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) return OpenError(path, errno);
  struct stat st;
  if (::fstat(fd, &st) != 0) {
    const int err = errno;
    ::close(fd);
    return OpenError(path, err);
  }
  if (S_ISDIR(st.st_mode)) {
    ::close(fd);
    return absl::FailedPreconditionError(absl::StrCat("'", path, "' is a directory"));
  }
  if (!S_ISREG(st.st_mode)) {
    // Pipes and process substitutions (<(...)) have no size to map: read them whole.
    const absl::Status read = ReadStream(fd, path, max_stream_bytes, &file.buffer_);
    ::close(fd);
    if (!read.ok()) return read;
    file.contents_ = file.buffer_;
    return file;
  }
  if (st.st_size > 0) {
    void* map = ::mmap(nullptr, static_cast<size_t>(st.st_size), PROT_READ, MAP_PRIVATE, fd, 0);
    if (map == MAP_FAILED) {
      const int err = errno;
      ::close(fd);
      return OpenError(path, err);
    }
    // The reader goes front to back once.
    ::madvise(map, static_cast<size_t>(st.st_size), MADV_SEQUENTIAL);
    file.mapping_ = map;
    file.mapped_size_ = static_cast<size_t>(st.st_size);
    file.contents_ = std::string_view(static_cast<const char*>(map), file.mapped_size_);
  }
  ::close(fd);
  return file;
}

InputFile::InputFile(InputFile&& other) noexcept { *this = std::move(other); }

InputFile& InputFile::operator=(InputFile&& other) noexcept {
  if (this == &other) return *this;
  Reset();
  path_ = std::move(other.path_);
  const bool owns_buffer = other.mapping_ == nullptr;
  buffer_ = std::move(other.buffer_);
  mapping_ = std::exchange(other.mapping_, nullptr);
  mapped_size_ = std::exchange(other.mapped_size_, 0);
  released_ = std::exchange(other.released_, 0);
  contents_ = owns_buffer ? std::string_view(buffer_) : other.contents_;
  other.contents_ = {};
  return *this;
}

InputFile::~InputFile() { Reset(); }

void InputFile::Reset() {
  if (mapping_ != nullptr) ::munmap(mapping_, mapped_size_);
  mapping_ = nullptr;
  mapped_size_ = 0;
}

void InputFile::Release(size_t offset) {
  if (mapping_ == nullptr) return;
  const size_t page = static_cast<size_t>(::sysconf(_SC_PAGESIZE));
  const size_t end = (offset / page) * page;
  // Release in 64 MiB steps: one madvise per object would cost more than it saves.
  if (end < released_ + (64u << 20)) return;
  ::madvise(static_cast<char*>(mapping_) + released_, end - released_, MADV_DONTNEED);
  released_ = end;
}

}  // namespace stixkit
