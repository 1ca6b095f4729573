#include "stix/taxii/client/bundle_stream_writer.h"

#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <filesystem>

#include "absl/strings/str_cat.h"
#include "rapidjson/stringbuffer.h"
#include "rapidjson/writer.h"
#include "stix/base/strings.h"

namespace stixkit::taxii {
namespace {

absl::Status OsError(std::string_view what, std::string_view path, int err) {
  const std::string message = absl::StrCat(Av(what), " '", Av(path), "': ", std::strerror(err));
  if (err == ENOENT) return absl::NotFoundError(message);
  if (err == EACCES || err == EPERM || err == EROFS) return absl::PermissionDeniedError(message);
  return absl::InternalError(message);
}

}  // namespace

absl::StatusOr<std::unique_ptr<BundleStreamWriter>> BundleStreamWriter::Open(
    std::string_view path, std::string_view bundle_id) {
  std::unique_ptr<BundleStreamWriter> writer;
  if (path.empty() || path == "-") {
    writer.reset(new BundleStreamWriter("", "", stdout));
  } else {
    const std::filesystem::path target(path);
    std::filesystem::path dir = target.parent_path();
    if (dir.empty()) dir = ".";
    // Same directory as the target: rename(2) is atomic only within one file system.
    std::string temp =
        (dir / absl::StrCat(".", target.filename().string(), ".tmp-XXXXXX")).string();
    const int fd = ::mkstemp(temp.data());
    if (fd < 0) return OsError("cannot create a temporary file next to", path, errno);
    const mode_t mask = ::umask(0);
    ::umask(mask);
    ::fchmod(fd, 0666 & ~mask);  // mkstemp makes 0600; keep a new file's usual mode
    std::FILE* file = ::fdopen(fd, "w");
    if (file == nullptr) {
      const int err = errno;
      ::close(fd);
      ::unlink(temp.c_str());
      return OsError("cannot open", temp, err);
    }
    writer.reset(new BundleStreamWriter(std::string(path), std::move(temp), file));
  }
  if (absl::Status s =
          writer->Write(absl::StrCat("{\"type\":\"bundle\",\"id\":\"", Av(bundle_id), "\""));
      !s.ok()) {
    return s;
  }
  return writer;
}

BundleStreamWriter::~BundleStreamWriter() {
  if (file_ == nullptr || path_.empty()) return;
  std::fclose(file_);
  ::unlink(temp_.c_str());
}

absl::Status BundleStreamWriter::Write(std::string_view text) {
  if (std::fwrite(text.data(), 1, text.size(), file_) != text.size()) {
    failed_ = true;
    return OsError("cannot write", path_.empty() ? "standard output" : temp_, errno);
  }
  return absl::OkStatus();
}

absl::Status BundleStreamWriter::Add(const rapidjson::Value& object) {
  rapidjson::StringBuffer buffer;
  rapidjson::Writer<rapidjson::StringBuffer> json(buffer);
  object.Accept(json);
  if (absl::Status s = Write(count_ == 0 ? ",\"objects\":[\n" : ",\n"); !s.ok()) return s;
  ++count_;
  return Write(std::string_view(buffer.GetString(), buffer.GetSize()));
}

absl::Status BundleStreamWriter::Commit() {
  if (absl::Status s = Write(count_ == 0 ? "}\n" : "\n]}\n"); !s.ok()) return s;
  if (path_.empty()) {
    std::fflush(file_);
    file_ = nullptr;
    return absl::OkStatus();
  }
  std::FILE* file = file_;
  file_ = nullptr;
  int err = 0;
  if (std::fflush(file) != 0 || ::fsync(::fileno(file)) != 0) err = errno;
  if (std::fclose(file) != 0 && err == 0) err = errno;
  if (err == 0 && ::rename(temp_.c_str(), path_.c_str()) != 0) err = errno;
  if (err != 0) {
    ::unlink(temp_.c_str());
    return OsError("cannot write", path_, err);
  }
  return absl::OkStatus();
}

}  // namespace stixkit::taxii
