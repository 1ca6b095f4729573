// Recognisers for markdown block syntax on one line: quotes, fences, headings, breaks, table rows
// and the `**Key:** value` field forms. The markdown reader strings them together; each looks at a
// single line (already stripped of its indentation where the name says "content"). Internal to
// converters/read/.
//
//   if (int level = AtxLevel(content)) Heading(content.substr(level), level);
//
// Pure functions; thread-safe. Returned views point into the argument.
#ifndef STIXKIT_CONVERTERS_READ_INTERNAL_MARKDOWN_LINES_H_
#define STIXKIT_CONVERTERS_READ_INTERNAL_MARKDOWN_LINES_H_

#include <cstddef>
#include <optional>
#include <string_view>
#include <vector>

namespace stixkit::convert::read_internal::markdown {

// `line` without its blockquote markers ("> > text" -> "text").
std::string_view StripQuote(std::string_view line);

// The length of the ``` or ~~~ run (3 or more) that opens a fence, else 0.
size_t FenceRun(std::string_view content);

// `line` with up to `columns` columns of leading spaces and tabs removed.
std::string_view RemoveIndent(std::string_view line, int columns);

// The level (1..6) of an ATX heading ("## Title"): the number of '#' to skip, else 0.
int AtxLevel(std::string_view content);

// A heading title without optional closing hashes ("Title ##" -> "Title").
std::string_view StripClosingHashes(std::string_view title);

// 1 for a "===" setext underline, 2 for "---", else 0.
int SetextLevel(std::string_view content);

// "---", "* * *", "___": a thematic break, which carries no text.
bool IsThematicBreak(std::string_view content);

// "| --- | :---: |": the row under a table's header.
bool IsTableSeparator(std::string_view line);

// The cells of "| a | b |" (outer pipes optional, "\|" does not split), trimmed.
std::vector<std::string_view> SplitTableRow(std::string_view line);

// `**Key:** value`, `**Key**: value`, `*Key:* value`, `__Key:__ value`, or a short `Key: value`
// (SplitKeyValue). The key still holds inline markup.
struct Field {
  std::string_view key;
  std::string_view value;
};
std::optional<Field> SplitField(std::string_view raw);
inline bool StartsField(std::string_view content) { return SplitField(content).has_value(); }

// True when `line` is empty or ends a sentence ('.', '!', '?', '…', a closing quote or
// parenthesis), so that a short line after it stands alone.
bool EndsSentence(std::string_view line);

}  // namespace stixkit::convert::read_internal::markdown

#endif  // STIXKIT_CONVERTERS_READ_INTERNAL_MARKDOWN_LINES_H_
