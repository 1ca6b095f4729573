// Which reader a report needs: markdown, plain text or HTML. The content decides first (a .txt file
// holding `# headings` and `- **Key:** value` lines is markdown); the file extension only breaks
// ties: .md/.markdown, .txt, .html/.htm.
//
//   Format f = options.format ? *options.format : DetectFormat(path, bytes);
//
// Pure functions; thread-safe. Included by reader.h, which most callers use.
#ifndef STIXKIT_CONVERTERS_READ_FORMAT_DETECTION_H_
#define STIXKIT_CONVERTERS_READ_FORMAT_DETECTION_H_

#include <optional>
#include <string_view>

#include "converters/read/document.h"

namespace stixkit::convert {

// The format of `bytes`, judged from their first 64 KB: a leading <!DOCTYPE html> or <html> means
// HTML; otherwise markdown headings, bold-key fields, tables, fences and links are weighed against
// HTML tags, and `source_name`'s extension decides close or silent cases. Never fails: text with no
// signal and no known extension is kText.
Format DetectFormat(std::string_view source_name, std::string_view bytes);

// The format named by `--format`: "md" or "markdown", "text" or "txt", "html" or "htm" (any case).
// Nullopt for any other name.
std::optional<Format> ParseFormatName(std::string_view name);

// "markdown", "text" or "html", for messages.
std::string_view FormatName(Format format);

}  // namespace stixkit::convert

#endif  // STIXKIT_CONVERTERS_READ_FORMAT_DETECTION_H_
