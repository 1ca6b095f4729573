// The document model every reader produces: a report as a flat list of sections in
// reading order, each holding blocks (paragraphs, `Key: value` fields, list items,
// table rows) with the 1-based line they came from. Extraction and building read only
// this model, never the markdown, text or HTML it came from.
//
//   Document doc = ...;  // from ReadDocument (converters/read/reader.h)
//   for (const Section& s : doc.sections)
//     for (const Block& b : s.blocks) Use(s.title, b.key, b.text, b.line);
//
// Plain data; no invariants beyond those stated on the fields.
#ifndef STIXKIT_CONVERTERS_READ_DOCUMENT_H_
#define STIXKIT_CONVERTERS_READ_DOCUMENT_H_

#include <string>
#include <vector>

namespace stixkit::convert {

enum class Format { kMarkdown, kText, kHtml };

// A hyperlink as the author wrote it: visible text and target, with its line.
struct Link {
  std::string text;
  std::string url;  // as written (may be defanged); never fetched
  int line = 0;
};

enum class BlockKind {
  kParagraph,  // running text; `text` holds it with emphasis markers removed
  kField,      // "- **Key:** value", "Key: value", <dt>/<dd>: `key` and `text` (the value)
  kListItem,   // a list item that is not a field; `text` is the item
  kTableRow,   // one body row: `cells`, with `headers` copied from the table's header row
  kCode,       // a fenced or indented code block, or <pre>: `text` verbatim
};

struct Block {
  BlockKind kind = BlockKind::kParagraph;
  std::string key;   // kField only, without the emphasis and colon ("Discovery Date")
  std::string text;  // plain text: markdown emphasis and HTML tags removed, entities kept
                     // literal, whitespace runs folded to one space (except kCode)
  std::vector<std::string> cells;    // kTableRow only
  std::vector<std::string> headers;  // kTableRow only; empty when the table has none
  std::vector<Link> links;           // links inside this block
  int line = 0;   // 1-based line in the input where the block starts
  int depth = 0;  // list nesting: 0 for top-level items and for non-list blocks
};

struct Section {
  std::string title;  // heading text ("Indicators of Compromise"); "" for the preamble
  int level = 0;      // 1..6 for headings; 0 for the preamble before the first heading
  int line = 0;       // line of the heading (1 for the preamble)
  // Titles of the enclosing sections, outermost first, then this one: a level-3
  // "Initial Access" under "Timeline of Events" has {"Incident Report: ...",
  // "Timeline of Events", "Initial Access"}.
  std::vector<std::string> path;
  std::vector<Block> blocks;
};

struct Document {
  std::string source_name;  // the path given on the command line, or "-" for stdin
  Format format = Format::kText;
  std::string title;  // the first level-1 heading, else the <title>, else ""
  std::vector<Section> sections;
  // Things the reader repaired or dropped ("line 12: invalid UTF-8 replaced with U+FFFD").
  std::vector<std::string> warnings;
};

}  // namespace stixkit::convert

#endif  // STIXKIT_CONVERTERS_READ_DOCUMENT_H_
