// Markdown inline markup to plain text: emphasis (`*x*`, `**x**`, `_x_`, `~~x~~`) and code-span
// backticks removed, `[text](url)` and `<url>` reduced to their text with the link recorded, bare
// URLs (defanged ones too) kept verbatim and recorded, backslash escapes resolved, white space
// folded.
// Entities stay literal ("&amp;" is not decoded). Internal to converters/read/.
//
//   InlineText t = ParseMarkdownInline("see **[the 8-K](hxxps://sec[.]gov/x)**", 12);
//   // t.text == "see the 8-K"; t.links[0] == {"the 8-K", "hxxps://sec[.]gov/x", 12}
//
// Pure function; thread-safe. Linear in the input (link scans are bounded).
#ifndef STIXKIT_CONVERTERS_READ_INTERNAL_MARKDOWN_INLINE_H_
#define STIXKIT_CONVERTERS_READ_INTERNAL_MARKDOWN_INLINE_H_

#include <string>
#include <string_view>
#include <vector>

#include "converters/read/document.h"

namespace stixkit::convert::read_internal {

struct InlineText {
  std::string text;
  std::vector<Link> links;
};

// `raw` may span lines joined by '\n'; the first is `first_line`, and each link gets the line it
// starts on.
InlineText ParseMarkdownInline(std::string_view raw, int first_line);

}  // namespace stixkit::convert::read_internal

#endif  // STIXKIT_CONVERTERS_READ_INTERNAL_MARKDOWN_INLINE_H_
