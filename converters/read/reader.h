// Reading a report file into the document model: the one entry point the convert pipeline calls. It
// cleans the bytes (text_cleanup.h), picks the format (format_detection.h) unless the caller names
// one, enforces the size limits, and runs the markdown, text or HTML reader.
//
//   STIXKIT_ASSIGN_OR_RETURN(InputFile file, InputFile::Open(path));
//   STIXKIT_ASSIGN_OR_RETURN(Document doc, ReadDocument(path, file.contents(), std::nullopt));
//   for (const std::string& w : doc.warnings) PrintWarning(path, w);
//
// Thread-safe: files may be read in parallel threads. The Document owns all its text; `bytes` may
// be released as soon as ReadDocument returns.
#ifndef STIXKIT_CONVERTERS_READ_READER_H_
#define STIXKIT_CONVERTERS_READ_READER_H_

#include <cstddef>
#include <optional>
#include <string_view>

#include "absl/status/statusor.h"
#include "converters/read/document.h"
#include "converters/read/format_detection.h"

namespace stixkit::convert {

struct ReadLimits {
  size_t max_input_bytes = size_t{64} << 20;  // larger files are refused before reading
  size_t max_line_bytes = size_t{1} << 20;    // markdown and text only (HTML may be minified)
  int max_html_depth = 256;                   // element nesting; libxml2 caps it at 256 too
};

// The document in `bytes`, read as `format` or, when nullopt, as DetectFormat decides.
// `source_name` is the path as the user gave it ("-" for stdin); it names the file in messages and
// in Document::source_name.
//
// On failure, InvalidArgument with the whole message naming the source:
//   "<source>: the file is N bytes, more than the M-byte limit for a report"
//   "<source>:L: line is N bytes long, more than the M-byte limit for markdown or text;
//    is this really a report?" (markdown and text only)
//   "<source>:L: HTML elements are nested deeper than the D-level limit"
//   and the CleanUpText errors (empty, binary, UTF-16).
absl::StatusOr<Document> ReadDocument(std::string_view source_name, std::string_view bytes,
                                      std::optional<Format> format, const ReadLimits& limits = {});

}  // namespace stixkit::convert

#endif  // STIXKIT_CONVERTERS_READ_READER_H_
