#include "stix/base/atomic_file.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <filesystem>
#include <string>

#include "absl/strings/str_cat.h"
#include "stix/base/strings.h"

namespace stixkit {
namespace {

absl::Status ErrnoError(std::string_view what, std::string_view path, int err) {
  const std::string message = absl::StrCat(Av(what), " '", Av(path), "': ", std::strerror(err));
  switch (err) {
    case ENOENT:
      return absl::NotFoundError(message);
    case EACCES:
    case EPERM:
    case EROFS:
      return absl::PermissionDeniedError(message);
    default:
      return absl::InternalError(message);
  }
}

absl::Status WriteAll(int fd, std::string_view data, std::string_view path) {
  while (!data.empty()) {
    const ssize_t n = ::write(fd, data.data(), data.size());
    if (n < 0) {
      if (errno == EINTR) continue;
      return ErrnoError("cannot write", path, errno);
    }
    data.remove_prefix(static_cast<size_t>(n));
  }
  return absl::OkStatus();
}

}  // namespace

absl::Status WriteFileAtomically(std::string_view path, std::string_view contents) {
  const std::filesystem::path target(path);
  std::filesystem::path dir = target.parent_path();
  if (dir.empty()) dir = ".";
  // Same directory as the target: rename(2) is atomic only within one file system.
  std::string temp = (dir / ("." + target.filename().string() + ".tmp-XXXXXX")).string();
  const int fd = ::mkstemp(temp.data());
  if (fd < 0) return ErrnoError("cannot create a temporary file next to", path, errno);

  absl::Status status = WriteAll(fd, contents, temp);
  if (status.ok() && ::fsync(fd) != 0) status = ErrnoError("cannot flush", temp, errno);
  // Keep the usual permissions of a new file (mkstemp creates 0600).
  const mode_t mask = ::umask(0);
  ::umask(mask);
  if (status.ok() && ::fchmod(fd, 0666 & ~mask) != 0) {
    status = ErrnoError("cannot set permissions of", temp, errno);
  }
  if (::close(fd) != 0 && status.ok()) status = ErrnoError("cannot close", temp, errno);
  if (status.ok() && ::rename(temp.c_str(), std::string(path).c_str()) != 0) {
    status = ErrnoError("cannot replace", path, errno);
  }
  if (!status.ok()) ::unlink(temp.c_str());
  return status;
}

}  // namespace stixkit
