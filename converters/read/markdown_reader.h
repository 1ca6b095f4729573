// The markdown reader: CommonMark/GFM block structure reduced to the document model.
//
// Keeps: ATX (`#`..`######`) and setext (`===`, `---`) headings; `- **Key:** value`, `* **Key**:
// value`, `**Key:** value` and short `Key: value` lines as fields; list items with their nesting
// depth; pipe tables (header + separator + body rows); fenced and indented code;
// links and bare URLs (defanged ones too) in Block::links.
// Drops: emphasis markers, backticks, thematic breaks, blockquote markers, image sources.
// Before the first heading, a short Title Case line standing alone ("Full Report", "Analysis
// Summary") becomes a level-0 section holding what follows it.
//
//   Document doc = ReadMarkdown(clean_text);  // text from CleanUpText (text_cleanup.h)
//
// Pure function; thread-safe.
#ifndef STIXKIT_CONVERTERS_READ_MARKDOWN_READER_H_
#define STIXKIT_CONVERTERS_READ_MARKDOWN_READER_H_

#include <string_view>

#include "converters/read/document.h"

namespace stixkit::convert {

// The sections and title of `text`, which must be cleaned UTF-8 with '\n' line ends. Never fails:
// any text is some markdown. source_name, format and warnings are left for the caller
// (ReadDocument) to fill in.
Document ReadMarkdown(std::string_view text);

}  // namespace stixkit::convert

#endif  // STIXKIT_CONVERTERS_READ_MARKDOWN_READER_H_
