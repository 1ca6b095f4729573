// The HTML reader: a report saved from a web page, parsed with libxml2's forgiving HTML parser
// (network off, entities never expanded, no DTD loading: no XXE, no entity bombs).
//
// Keeps: h1-h6 as sections; p/div/section text as paragraphs; ul/ol/li as list items with their
// depth; dl/dt/dd and "<b>Key:</b> value" / "<strong>Key</strong>: value" as fields (a <br> ends
// one); table rows with the header row's cells as headers; a href as links (and bare URLs in text,
// defanged ones too); pre as code; <title> as the title when there is no h1. Character references
// (&amp; &#46;) are decoded as HTML defines them.
// Drops: script, style, nav (and a header holding one), footer, noscript, template, iframe, form,
// svg, media and form controls, comments. A DOCTYPE's internal subset is blanked out before
// parsing, with a warning; its entities stay unexpanded text.
// Lines come from libxml2, which counts at most 65535 lines: later blocks report 65535.
//
//   STIXKIT_ASSIGN_OR_RETURN(Document doc, ReadHtml(path, clean.text, limits.max_html_depth));
//
// Thread-safe: libxml2 is initialised once (std::call_once) and each call has its own parser
// context.
#ifndef STIXKIT_CONVERTERS_READ_HTML_READER_H_
#define STIXKIT_CONVERTERS_READ_HTML_READER_H_

#include <string_view>

#include "absl/status/statusor.h"
#include "converters/read/document.h"

namespace stixkit::convert {

// The sections, title and warnings of the HTML page `text` (cleaned UTF-8, from CleanUpText).
// source_name and format are left for the caller (ReadDocument).
// Fails with InvalidArgument "<source>:L: HTML elements are nested deeper than the D-level limit"
// when element nesting exceeds `max_depth` (libxml2 itself stops at 256).
absl::StatusOr<Document> ReadHtml(std::string_view source_name, std::string_view text,
                                  int max_depth);

}  // namespace stixkit::convert

#endif  // STIXKIT_CONVERTERS_READ_HTML_READER_H_
