#include "converters/read/text_reader.h"

#include <algorithm>
#include <string>
#include <utility>
#include <vector>

#include "converters/read/internal/document_builder.h"
#include "converters/read/internal/plain_text.h"
#include "converters/read/internal/text_lines.h"

namespace stixkit::convert {
namespace {

using read_internal::AppendBareUrls;
using read_internal::DocumentBuilder;
using read_internal::FoldWhitespace;
using read_internal::text::HeadingStyle;
using read_internal::text::LineKind;
using read_internal::text::TextLine;

class TextParser {
 public:
  explicit TextParser(std::string_view text)
      : lines_(read_internal::SplitLines(text)),
        kinds_(read_internal::text::ClassifyTextLines(lines_)) {}

  Document Run() &&;

 private:
  enum class Open { kNone, kParagraph, kItem, kField };

  std::vector<int> HeadingLevels() const;
  void Text(size_t i);
  void Banner(const TextLine& t, int line);
  void OpenBlock(Open kind, std::string_view raw, int line);
  void Append(std::string_view content, int line);
  void OpenItem(std::string_view content, int columns, int line);
  void Flush();

  std::vector<std::string_view> lines_;
  std::vector<TextLine> kinds_;
  DocumentBuilder builder_;
  Open open_ = Open::kNone;
  std::string raw_;  // the open block's text, lines joined by '\n'
  std::string key_;  // kField
  std::vector<Link> links_;
  int line_ = 0;
  int depth_ = 0;
  std::vector<int> item_indents_;
  // After a line ending in ':' ("Affected hosts:"), indented lines are list items.
  bool label_list_ = false;
  bool item_marked_ = false;  // the open item has a bullet or number
};

Document TextParser::Run() && {
  const std::vector<int> levels = HeadingLevels();
  for (size_t i = 0; i < kinds_.size(); ++i) {
    const TextLine& t = kinds_[i];
    const int line = static_cast<int>(i) + 1;
    switch (t.kind) {
      case LineKind::kBlank:
      case LineKind::kRule:
        Flush();
        break;
      case LineKind::kHeading:
        Flush();
        item_indents_.clear();
        label_list_ = false;
        builder_.StartSection(FoldWhitespace(t.title), levels[i], line);
        break;
      case LineKind::kBanner:
        Flush();
        Banner(t, line);
        break;
      case LineKind::kItem:
        Flush();
        OpenItem(t.content.substr(t.marker), t.columns, line);
        item_marked_ = true;
        break;
      case LineKind::kField: {
        Flush();
        const read_internal::KeyValue kv = *read_internal::SplitKeyValue(t.content);
        key_ = std::string(kv.key);
        OpenBlock(Open::kField, kv.value, line);
        break;
      }
      case LineKind::kText:
      default:
        Text(i);
        break;
    }
  }
  Flush();
  return std::move(builder_).Finish();
}

// Levels follow from the styles a report uses: an underlined or ALL CAPS heading is above a Title
// Case one, numbering nests ("1.2" under "1."), and a first heading before any running text is the
// report's title.
std::vector<int> TextParser::HeadingLevels() const {
  bool strong = false;
  for (const TextLine& t : kinds_) {
    strong = strong || t.style == HeadingStyle::kAllCaps ||
             t.style == HeadingStyle::kDoubleUnderline || t.style == HeadingStyle::kSingleUnderline;
  }
  std::vector<int> levels(kinds_.size(), 0);
  bool first = true;
  bool text_before = false;
  for (size_t i = 0; i < kinds_.size(); ++i) {
    const TextLine& t = kinds_[i];
    if (t.kind == LineKind::kText || t.kind == LineKind::kItem) text_before = true;
    if (t.kind != LineKind::kHeading) continue;
    switch (t.style) {
      case HeadingStyle::kDoubleUnderline:
        levels[i] = 1;
        break;
      case HeadingStyle::kNumbered:
        levels[i] = std::min(6, 1 + t.numbering);
        break;
      case HeadingStyle::kTitleCase:
        levels[i] = strong ? 3 : 2;
        break;
      default:
        levels[i] = 2;
        break;
    }
    if (first && !text_before && t.style != HeadingStyle::kNumbered) levels[i] = 1;
    first = false;
  }
  return levels;
}

void TextParser::Text(size_t i) {
  const TextLine& t = kinds_[i];
  const int line = static_cast<int>(i) + 1;
  const bool after_label = open_ == Open::kParagraph && !raw_.empty() && raw_.back() == ':';
  if ((label_list_ || after_label) && t.columns >= 2) {
    Flush();  // a paragraph ending in ':' sets label_list_
    OpenItem(t.content, t.columns, line);
    return;
  }
  // A bulleted item goes on over its wrapped lines; an item that is just an indented line under a
  // label is one line.
  if ((open_ == Open::kItem && item_marked_) || (open_ == Open::kField && t.columns > 0)) {
    Append(t.content, line);
    return;
  }
  if (open_ == Open::kParagraph) {
    Append(t.content, line);
    return;
  }
  Flush();
  if (t.columns == 0) {
    item_indents_.clear();
    label_list_ = false;
  }
  OpenBlock(Open::kParagraph, t.content, line);
}

// A banner stands alone even without blank lines around it, so that "TLP:AMBER" is a block of its
// own for the marking extractor.
void TextParser::Banner(const TextLine& t, int line) {
  if (const auto kv = read_internal::SplitKeyValue(t.content)) {
    key_ = std::string(kv->key);
    OpenBlock(Open::kField, kv->value, line);
  } else {
    OpenBlock(Open::kParagraph, t.content, line);
  }
  Flush();
}

void TextParser::OpenBlock(Open kind, std::string_view raw, int line) {
  open_ = kind;
  raw_.assign(raw);
  line_ = line;
  depth_ = 0;
  links_.clear();
  AppendBareUrls(raw, line, &links_);
}

void TextParser::Append(std::string_view content, int line) {
  raw_.push_back('\n');
  raw_.append(content);
  AppendBareUrls(content, line, &links_);
}

void TextParser::OpenItem(std::string_view content, int columns, int line) {
  while (!item_indents_.empty() && item_indents_.back() > columns) item_indents_.pop_back();
  if (item_indents_.empty() || columns >= item_indents_.back() + 2) {
    item_indents_.push_back(columns);
  }
  OpenBlock(Open::kItem, read_internal::Trim(content), line);
  depth_ = static_cast<int>(item_indents_.size()) - 1;
  item_marked_ = false;
}

void TextParser::Flush() {
  if (open_ == Open::kNone) return;
  Block block;
  block.line = line_;
  block.links = std::move(links_);
  links_.clear();
  switch (open_) {
    case Open::kItem:
      block.depth = depth_;
      if (const auto kv = read_internal::SplitKeyValue(raw_)) {
        block.kind = BlockKind::kField;
        block.key = std::string(kv->key);
        block.text = FoldWhitespace(kv->value);
      } else {
        block.kind = BlockKind::kListItem;
        block.text = FoldWhitespace(raw_);
      }
      break;
    case Open::kField:
      block.kind = BlockKind::kField;
      block.key = std::move(key_);
      block.text = FoldWhitespace(raw_);
      break;
    case Open::kParagraph:
    default:
      block.kind = BlockKind::kParagraph;
      block.text = FoldWhitespace(raw_);
      label_list_ = !block.text.empty() && block.text.back() == ':';
      break;
  }
  open_ = Open::kNone;
  raw_.clear();
  key_.clear();
  if (!block.text.empty() || block.kind != BlockKind::kParagraph) builder_.Add(std::move(block));
}

}  // namespace

Document ReadText(std::string_view text) { return TextParser(text).Run(); }

}  // namespace stixkit::convert
