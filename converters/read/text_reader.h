// The plain-text reader: reports typed as text, with structure only in layout.
//
// Keeps: paragraphs (blank-line separated, wrapped lines folded); `Key: value` lines as fields
// (short key, see SplitKeyValue); bulleted (`-`, `*`, `•`, `1.`, `a)`, `(a)`) and indented lists
// under a line ending in ':', with depth from indentation; bare URLs, defanged ones too, in
// Block::links. Headings are short lines that are
//   underlined with `===` (level 1) or `---` (level 2),
//   numbered: "1. Summary" (level 2), "1.2 Scope" (level 3), ...,
//   ALL CAPS (level 2), or Title Case (level 2; level 3 when the report also has
//   ALL CAPS or underlined headings),
// standing after a blank line (or another heading) and followed by content. The first heading, when
// only banners and fields come before it, is the report title (level 1). Banners ("TLP:AMBER",
// "TLP: RED", "CONFIDENTIAL") are never headings: they stay a paragraph or field of the preamble,
// where extractors look for markings.
//
//   Document doc = ReadText(clean_text);  // text from CleanUpText (text_cleanup.h)
//
// Pure function; thread-safe.
#ifndef STIXKIT_CONVERTERS_READ_TEXT_READER_H_
#define STIXKIT_CONVERTERS_READ_TEXT_READER_H_

#include <string_view>

#include "converters/read/document.h"

namespace stixkit::convert {

// The sections and title of `text`, which must be cleaned UTF-8 with '\n' line ends. Never fails.
// source_name, format and warnings are left for the caller (ReadDocument).
Document ReadText(std::string_view text);

}  // namespace stixkit::convert

#endif  // STIXKIT_CONVERTERS_READ_TEXT_READER_H_
