#include "converters/read/markdown_reader.h"

#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "converters/read/internal/document_builder.h"
#include "converters/read/internal/markdown_inline.h"
#include "converters/read/internal/markdown_lines.h"
#include "converters/read/internal/plain_text.h"
#include "converters/read/internal/text_lines.h"

namespace stixkit::convert {
namespace {

using read_internal::DocumentBuilder;
using read_internal::Indent;
using read_internal::InlineText;
using read_internal::IsBlank;
using read_internal::MeasureIndent;
using read_internal::ParseMarkdownInline;
using read_internal::Trim;
namespace md = read_internal::markdown;

class MarkdownParser {
 public:
  explicit MarkdownParser(std::string_view text) : lines_(read_internal::SplitLines(text)) {}

  Document Run() &&;

 private:
  enum class Open { kNone, kParagraph, kItem };

  size_t FrontMatter();
  size_t Line(size_t i);
  std::optional<size_t> Structure(size_t i, const Indent& indent, std::string_view content);
  size_t Fence(size_t i, const Indent& indent, std::string_view content);
  size_t IndentedCode(size_t i);
  size_t Table(size_t i);
  void ListItem(std::string_view content, size_t marker, int columns, int line);
  void Heading(std::string_view raw_title, int level, int line);
  void Flush();
  void Emit(BlockKind kind, std::string_view raw, int line, int depth);
  bool IsPreambleLabel(size_t i, std::string_view content) const;

  std::string_view LineAt(size_t i) const { return md::StripQuote(lines_[i]); }

  std::vector<std::string_view> lines_;
  DocumentBuilder builder_;
  Open open_ = Open::kNone;
  std::string raw_;  // the open paragraph or item, its lines joined by '\n'
  int open_line_ = 0;
  int open_depth_ = 0;
  std::vector<int> list_indents_;  // indentation of the open list levels
};

Document MarkdownParser::Run() && {
  size_t i = FrontMatter();
  while (i < lines_.size()) i = Line(i);
  Flush();
  return std::move(builder_).Finish();
}

// YAML front matter ("---" ... "---" on the first lines) is metadata: each "key: value" becomes a
// field of the preamble instead of text and a setext heading.
size_t MarkdownParser::FrontMatter() {
  constexpr size_t kMaxFrontMatterLines = 100;
  if (lines_.empty() || Trim(lines_[0]) != "---") return 0;
  size_t end = 1;
  while (end < lines_.size() && end <= kMaxFrontMatterLines && Trim(lines_[end]) != "---" &&
         Trim(lines_[end]) != "...") {
    ++end;
  }
  if (end >= lines_.size() || end > kMaxFrontMatterLines) return 0;
  for (size_t i = 1; i < end; ++i) {
    const std::string_view line = Trim(lines_[i]);
    const size_t colon = line.find(':');
    if (colon == std::string_view::npos || colon == 0) continue;
    Block block;
    block.kind = BlockKind::kField;
    block.key = std::string(Trim(line.substr(0, colon)));
    block.text = read_internal::FoldWhitespace(line.substr(colon + 1));
    block.line = static_cast<int>(i) + 1;
    builder_.Add(std::move(block));
  }
  return end + 1;
}

size_t MarkdownParser::Line(size_t i) {
  const std::string_view line = LineAt(i);
  const int number = static_cast<int>(i) + 1;
  if (IsBlank(line)) {
    Flush();
    return i + 1;
  }
  const Indent indent = MeasureIndent(line);
  const std::string_view content = Trim(line.substr(indent.content));
  if (const std::optional<size_t> next = Structure(i, indent, content)) return *next;
  if (open_ != Open::kItem && !builder_.seen_heading() && IsPreambleLabel(i, content)) {
    Flush();
    builder_.StartSection(std::string(content), 0, number);
    return i + 1;
  }
  const std::optional<md::Field> field = md::SplitField(content);
  // A list item goes on over wrapped lines (CommonMark's lazy continuation), but a field at the
  // margin after it is the report's next fact, not more of the item.
  const bool continues =
      open_ == Open::kItem ? !(field && indent.columns == 0) : open_ == Open::kParagraph && !field;
  if (continues) {
    raw_.push_back('\n');
    raw_.append(content);
    return i + 1;
  }
  Flush();
  if (indent.columns == 0) list_indents_.clear();
  open_ = Open::kParagraph;
  raw_.assign(content);
  open_line_ = number;
  // "Author: J. Doe" is one line; only a bold key ("**Summary:** ...") runs on over wrapped lines,
  // as a paragraph would.
  if (field && content[0] != '*' && content[0] != '_') Flush();
  return i + 1;
}

// Headings, fences, code, tables, breaks and list items: the lines that start a block of their own.
// Returns the index of the line after what it consumed, or nullopt for a line of running text.
std::optional<size_t> MarkdownParser::Structure(size_t i, const Indent& indent,
                                                std::string_view content) {
  const int number = static_cast<int>(i) + 1;
  const bool in_list = !list_indents_.empty();
  if ((indent.columns < 4 || in_list) && md::FenceRun(content) > 0) {
    Flush();
    return Fence(i, indent, content);
  }
  if (indent.columns >= 4 && !in_list && open_ == Open::kNone) {
    return IndentedCode(i);
  }
  if (indent.columns < 4) {
    if (const int level = md::AtxLevel(content); level > 0) {
      Flush();
      list_indents_.clear();
      Heading(content.substr(level), level, number);
      return i + 1;
    }
    if (open_ == Open::kParagraph && md::SetextLevel(content) > 0) {
      const std::string title = std::move(raw_);
      open_ = Open::kNone;
      raw_.clear();
      list_indents_.clear();
      Heading(title, md::SetextLevel(content), open_line_);
      return i + 1;
    }
    if (md::IsThematicBreak(content)) {
      Flush();
      list_indents_.clear();
      return i + 1;
    }
    if (content.find('|') != std::string_view::npos && i + 1 < lines_.size() &&
        md::IsTableSeparator(Trim(LineAt(i + 1)))) {
      Flush();
      list_indents_.clear();
      return Table(i);
    }
  }
  if (const size_t marker = read_internal::ListMarkerLength(content, false); marker > 0) {
    Flush();
    ListItem(content, marker, indent.columns, number);
    return i + 1;
  }
  return std::nullopt;
}

size_t MarkdownParser::Fence(size_t i, const Indent& indent, std::string_view content) {
  const size_t run = md::FenceRun(content);
  const char fence = content[0];
  std::string code;
  size_t j = i + 1;
  for (; j < lines_.size(); ++j) {
    const std::string_view line = LineAt(j);
    const std::string_view trimmed = Trim(line);
    if (md::FenceRun(trimmed) >= run && trimmed[0] == fence &&
        trimmed.find_first_not_of(fence) == std::string_view::npos) {
      break;
    }
    if (j > i + 1) code.push_back('\n');
    code.append(md::RemoveIndent(line, indent.columns));
  }
  if (!code.empty()) {
    Block block;
    block.kind = BlockKind::kCode;
    block.text = std::move(code);
    block.line = static_cast<int>(i) + 1;
    builder_.Add(std::move(block));
  }
  return j < lines_.size() ? j + 1 : j;
}

size_t MarkdownParser::IndentedCode(size_t i) {
  size_t end = i;
  size_t last_text = i;
  while (end < lines_.size()) {
    const std::string_view line = LineAt(end);
    if (!IsBlank(line) && MeasureIndent(line).columns < 4) break;
    if (!IsBlank(line)) last_text = end;
    ++end;
  }
  Block block;
  block.kind = BlockKind::kCode;
  block.line = static_cast<int>(i) + 1;
  for (size_t j = i; j <= last_text; ++j) {
    if (j > i) block.text.push_back('\n');
    block.text.append(md::RemoveIndent(LineAt(j), 4));
  }
  builder_.Add(std::move(block));
  return last_text + 1;
}

size_t MarkdownParser::Table(size_t i) {
  std::vector<std::string> headers;
  for (std::string_view cell : md::SplitTableRow(Trim(LineAt(i)))) {
    headers.push_back(ParseMarkdownInline(cell, static_cast<int>(i) + 1).text);
  }
  size_t j = i + 2;
  for (; j < lines_.size(); ++j) {
    const std::string_view line = Trim(LineAt(j));
    if (line.empty() || line.find('|') == std::string_view::npos) break;
    Block row;
    row.kind = BlockKind::kTableRow;
    row.line = static_cast<int>(j) + 1;
    row.headers = headers;
    for (std::string_view cell : md::SplitTableRow(line)) {
      InlineText parsed = ParseMarkdownInline(cell, row.line);
      if (!row.text.empty() || !row.cells.empty()) row.text.append(" | ");
      row.text.append(parsed.text);
      row.cells.push_back(std::move(parsed.text));
      for (Link& link : parsed.links) row.links.push_back(std::move(link));
    }
    builder_.Add(std::move(row));
  }
  return j;
}

void MarkdownParser::ListItem(std::string_view content, size_t marker, int columns, int line) {
  // A line indented at least two columns past the open item nests under it; one indented less
  // closes the deeper levels.
  while (!list_indents_.empty() && list_indents_.back() > columns) list_indents_.pop_back();
  if (list_indents_.empty() || columns >= list_indents_.back() + 2) {
    list_indents_.push_back(columns);
  }
  open_ = Open::kItem;
  raw_.assign(Trim(content.substr(marker)));
  open_line_ = line;
  open_depth_ = static_cast<int>(list_indents_.size()) - 1;
}

void MarkdownParser::Heading(std::string_view raw_title, int level, int line) {
  builder_.StartSection(ParseMarkdownInline(md::StripClosingHashes(raw_title), line).text, level,
                        line);
}

void MarkdownParser::Flush() {
  if (open_ == Open::kParagraph) Emit(BlockKind::kParagraph, raw_, open_line_, 0);
  if (open_ == Open::kItem) Emit(BlockKind::kListItem, raw_, open_line_, open_depth_);
  open_ = Open::kNone;
  raw_.clear();
}

void MarkdownParser::Emit(BlockKind kind, std::string_view raw, int line, int depth) {
  Block block;
  block.line = line;
  block.depth = depth;
  InlineText parsed;
  if (const std::optional<md::Field> field = md::SplitField(raw)) {
    block.kind = BlockKind::kField;
    block.key = ParseMarkdownInline(field->key, line).text;
    parsed = ParseMarkdownInline(field->value, line);
  } else {
    block.kind = kind;
    parsed = ParseMarkdownInline(raw, line);
    if (parsed.text.empty() && kind == BlockKind::kParagraph) return;
  }
  block.text = std::move(parsed.text);
  block.links = std::move(parsed.links);
  builder_.Add(std::move(block));
}

// "Full Report" and "Analysis Summary" in reports pasted from a web page: a short Title Case line
// before the first heading, standing alone after a blank line or a finished sentence, with
// something after it.
bool MarkdownParser::IsPreambleLabel(size_t i, std::string_view content) const {
  constexpr size_t kMaxLabelBytes = 60;
  constexpr int kMaxLabelWords = 5;
  if (content.size() > kMaxLabelBytes || read_internal::CountWords(content) > kMaxLabelWords ||
      !read_internal::IsTitleCase(content) ||
      content.find_first_of(":*_`[]|#<>.,;!?") != std::string_view::npos) {
    return false;
  }
  if (i > 0) {
    const std::string_view before = Trim(LineAt(i - 1));
    if (!md::EndsSentence(before) && !read_internal::text::IsBanner(before)) return false;
  }
  if (i + 1 < lines_.size() && md::SetextLevel(LineAt(i + 1)) > 0) return false;
  for (size_t j = i + 1; j < lines_.size(); ++j) {
    if (!IsBlank(LineAt(j))) return true;
  }
  return false;
}

}  // namespace

Document ReadMarkdown(std::string_view text) { return MarkdownParser(text).Run(); }

}  // namespace stixkit::convert
