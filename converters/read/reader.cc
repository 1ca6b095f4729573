#include "converters/read/reader.h"

#include <cstring>
#include <utility>

#include "absl/status/status.h"
#include "absl/strings/str_cat.h"
#include "converters/read/html_reader.h"
#include "converters/read/markdown_reader.h"
#include "converters/read/text_cleanup.h"
#include "converters/read/text_reader.h"
#include "stix/base/status.h"
#include "stix/base/strings.h"

namespace stixkit::convert {
namespace {

// A line of a megabyte is not prose: it is a minified page, a base64 blob or a data dump, and
// scanning it as markdown would only produce one useless paragraph.
absl::Status CheckLineLengths(std::string_view source_name, std::string_view text,
                              size_t max_line_bytes) {
  int line = 1;
  for (size_t pos = 0; pos < text.size(); ++line) {
    const void* nl = std::memchr(text.data() + pos, '\n', text.size() - pos);
    const size_t end = nl ? static_cast<const char*>(nl) - text.data() : text.size();
    if (end - pos > max_line_bytes) {
      return absl::InvalidArgumentError(absl::StrCat(
          Av(source_name), ":", line, ": line is ", end - pos, " bytes long, more than the ",
          max_line_bytes, "-byte limit for markdown or text; is this really a report?"));
    }
    pos = end + 1;
  }
  return absl::OkStatus();
}

}  // namespace

absl::StatusOr<Document> ReadDocument(std::string_view source_name, std::string_view bytes,
                                      std::optional<Format> format, const ReadLimits& limits) {
  if (bytes.size() > limits.max_input_bytes) {
    return absl::InvalidArgumentError(absl::StrCat(Av(source_name), ": the file is ", bytes.size(),
                                                   " bytes, more than the ", limits.max_input_bytes,
                                                   "-byte limit for a report"));
  }
  STIXKIT_ASSIGN_OR_RETURN(CleanText clean, CleanUpText(source_name, bytes));
  const Format chosen = format.has_value() ? *format : DetectFormat(source_name, clean.text);
  Document doc;
  switch (chosen) {
    case Format::kHtml: {
      STIXKIT_ASSIGN_OR_RETURN(doc, ReadHtml(source_name, clean.text, limits.max_html_depth));
      break;
    }
    case Format::kMarkdown:
      STIXKIT_RETURN_IF_ERROR(CheckLineLengths(source_name, clean.text, limits.max_line_bytes));
      doc = ReadMarkdown(clean.text);
      break;
    case Format::kText:
    default:
      STIXKIT_RETURN_IF_ERROR(CheckLineLengths(source_name, clean.text, limits.max_line_bytes));
      doc = ReadText(clean.text);
      break;
  }
  doc.source_name = std::string(source_name);
  doc.format = chosen;
  for (std::string& warning : doc.warnings) clean.warnings.push_back(std::move(warning));
  doc.warnings = std::move(clean.warnings);
  return doc;
}

}  // namespace stixkit::convert
