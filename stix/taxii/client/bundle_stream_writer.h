// Writing one STIX bundle while its objects arrive page by page, so that a pull of a
// million objects never holds more than one page in memory. The objects go to a
// temporary file next to the target; Commit closes the bundle, flushes it to disk and
// renames it over the target, so readers never see half a bundle (house style §3). A
// writer destroyed without Commit removes its temporary file and leaves the target as
// it was. The path "-" (or "") writes to standard output instead, as it arrives.
//
//   STIXKIT_ASSIGN_OR_RETURN(auto out, BundleStreamWriter::Open("feed.json", bundle_id));
//   for (...) STIXKIT_RETURN_IF_ERROR(out->Add(object));
//   STIXKIT_RETURN_IF_ERROR(out->Commit());
//
// Layout: {"type":"bundle","id":"bundle--...","objects":[ then one compact object per
// line, then ]}. A bundle with no objects omits "objects" (STIX 2.1 §8). Not thread-safe.
#ifndef STIXKIT_STIX_TAXII_CLIENT_BUNDLE_STREAM_WRITER_H_
#define STIXKIT_STIX_TAXII_CLIENT_BUNDLE_STREAM_WRITER_H_

#include <cstdio>
#include <memory>
#include <string>
#include <string_view>

#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "rapidjson/document.h"

namespace stixkit::taxii {

class BundleStreamWriter {
 public:
  // NotFound when the target's directory does not exist, PermissionDenied or Internal
  // (with the OS reason) when the temporary file cannot be created.
  static absl::StatusOr<std::unique_ptr<BundleStreamWriter>> Open(std::string_view path,
                                                                  std::string_view bundle_id);
  ~BundleStreamWriter();

  // Appends one object, serialized compactly. Internal when the write fails (disk full).
  absl::Status Add(const rapidjson::Value& object);
  // Finishes the bundle and moves it into place; the writer is done afterwards.
  absl::Status Commit();

  size_t object_count() const { return count_; }

 private:
  BundleStreamWriter(std::string path, std::string temp, std::FILE* file)
      : path_(std::move(path)), temp_(std::move(temp)), file_(file) {}
  absl::Status Write(std::string_view text);

  std::string path_;  // "" for standard output
  std::string temp_;
  std::FILE* file_;
  size_t count_ = 0;
  bool failed_ = false;
};

}  // namespace stixkit::taxii

#endif  // STIXKIT_STIX_TAXII_CLIENT_BUNDLE_STREAM_WRITER_H_
