#include "converters/read/internal/html_walker.h"

#include <libxml/tree.h>

#include <algorithm>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "absl/strings/str_cat.h"
#include "converters/read/internal/document_builder.h"
#include "converters/read/internal/html_elements.h"
#include "converters/read/internal/plain_text.h"
#include "stix/base/strings.h"

namespace stixkit::convert::read_internal {
namespace {

constexpr int kMaxKeyWords = 8;

// One stretch of inline text between <br>s, with where a leading <b>/<strong> ends.
struct Piece {
  std::string text;
  std::vector<Link> links;
  size_t lead_end = std::string::npos;
  int line = 0;
};

struct KeyValueText {
  std::string key;
  std::string value;
};

// "<b>Key:</b> value" or "<b>Key</b>: value".
std::optional<KeyValueText> LeadKey(const Piece& piece) {
  if (piece.lead_end == std::string::npos) return std::nullopt;
  std::string key = FoldWhitespace(std::string_view(piece.text).substr(0, piece.lead_end));
  std::string_view rest = Trim(std::string_view(piece.text).substr(piece.lead_end));
  if (!key.empty() && key.back() == ':') {
    key.pop_back();
  } else if (!rest.empty() && rest[0] == ':') {
    rest.remove_prefix(1);
  } else {
    return std::nullopt;
  }
  key = FoldWhitespace(key);
  if (key.empty() || CountWords(key) > kMaxKeyWords) return std::nullopt;
  return KeyValueText{std::move(key), FoldWhitespace(rest)};
}

// How a finished run becomes a block: the enclosing li or dd decides.
struct RunContext {
  BlockKind kind = BlockKind::kParagraph;
  int depth = 0;
  std::string key;  // a dd's term
};

class Walker {
 public:
  Walker(std::string_view source_name, int max_depth)
      : source_name_(source_name), max_depth_(max_depth) {}

  absl::StatusOr<Document> Run(xmlNode* root) &&;

 private:
  absl::Status Children(xmlNode* node, int depth);
  absl::Status Element(xmlNode* node, int depth);
  absl::Status Structural(xmlNode* node, ElementRole role, int depth);
  absl::Status WithContext(xmlNode* node, int depth, RunContext context);
  absl::Status Anchor(xmlNode* node, int depth);
  absl::Status Bold(xmlNode* node, int depth);
  absl::StatusOr<std::string> InlineText(xmlNode* node, int depth, std::vector<Link>* links);
  absl::Status Table(xmlNode* node, int depth);
  absl::Status Row(xmlNode* row, int depth, bool in_head, std::vector<std::string>* headers,
                   bool* seen_body);
  void Text(xmlNode* node);
  void Pre(xmlNode* node);
  Piece& Current();
  void Flush();
  void Emit(BlockKind kind, std::string key, std::string text, std::vector<Link> links, int line);

  std::string_view source_name_;
  int max_depth_;
  DocumentBuilder builder_;
  std::string page_title_;
  std::vector<Piece> run_;
  RunContext context_;
  std::string term_;  // the last <dt>
  int list_depth_ = -1;
  int anchors_ = 0;
  int inline_only_ = 0;  // inside a heading, term or table cell: blocks do not split
};

absl::StatusOr<Document> Walker::Run(xmlNode* root) && {
  if (absl::Status status = Children(root, 0); !status.ok()) return status;
  Flush();
  Document doc = std::move(builder_).Finish();
  if (doc.title.empty()) doc.title = FoldWhitespace(page_title_);
  return doc;
}

absl::Status Walker::Children(xmlNode* node, int depth) {
  for (xmlNode* child = node->children; child != nullptr; child = child->next) {
    if (child->type == XML_ELEMENT_NODE) {
      if (absl::Status status = Element(child, depth + 1); !status.ok()) return status;
    } else if (child->type == XML_TEXT_NODE || child->type == XML_CDATA_SECTION_NODE) {
      Text(child);
    }
  }
  return absl::OkStatus();
}

absl::Status Walker::Element(xmlNode* node, int depth) {
  if (depth > max_depth_) {
    return absl::InvalidArgumentError(absl::StrCat(Av(source_name_), ":", NodeLine(node),
                                                   ": HTML elements are nested deeper than the ",
                                                   max_depth_, "-level limit"));
  }
  const ElementRole role = RoleOf(node);
  if (role == ElementRole::kDrop) return absl::OkStatus();
  switch (role) {
    case ElementRole::kBreak:
      if (!run_.empty() && !IsBlank(run_.back().text)) run_.emplace_back();
      return absl::OkStatus();
    case ElementRole::kAnchor:
      return Anchor(node, depth);
    case ElementRole::kBold:
      return Bold(node, depth);
    case ElementRole::kInline:
      return Children(node, depth);
    default:
      break;
  }
  if (inline_only_ > 0 || anchors_ > 0) {
    // A list or paragraph inside a table cell, a heading or a link (HTML5 lets <a> wrap
    // blocks): flattened into its text, so the run holding the link text stays whole.
    Current().text.push_back(' ');
    return Children(node, depth);
  }
  return Structural(node, role, depth);
}

absl::Status Walker::Structural(xmlNode* node, ElementRole role, int depth) {
  switch (role) {
    case ElementRole::kHead: {
      for (xmlNode* child = node->children; child != nullptr; child = child->next) {
        if (child->type == XML_ELEMENT_NODE && ElementName(child) == "title") {
          std::vector<Link> ignored;
          auto title = InlineText(child, depth + 1, &ignored);
          if (!title.ok()) return title.status();
          page_title_ = *std::move(title);
        }
      }
      return absl::OkStatus();
    }
    case ElementRole::kTitle:
      return absl::OkStatus();  // a <title> outside <head> is not body text either
    case ElementRole::kHeading: {
      Flush();
      std::vector<Link> ignored;
      auto title = InlineText(node, depth, &ignored);
      if (!title.ok()) return title.status();
      builder_.StartSection(*std::move(title), ElementName(node)[1] - '0', NodeLine(node));
      return absl::OkStatus();
    }
    case ElementRole::kTerm: {
      Flush();
      std::vector<Link> ignored;
      auto term = InlineText(node, depth, &ignored);
      if (!term.ok()) return term.status();
      term_ = *std::move(term);
      return absl::OkStatus();
    }
    case ElementRole::kDefinition:
      return WithContext(node, depth,
                         term_.empty() ? context_ : RunContext{BlockKind::kField, 0, term_});
    case ElementRole::kListItem:
      return WithContext(node, depth,
                         RunContext{BlockKind::kListItem, std::max(list_depth_, 0), ""});
    case ElementRole::kList: {
      Flush();
      ++list_depth_;
      absl::Status status = Children(node, depth);
      Flush();
      --list_depth_;
      return status;
    }
    case ElementRole::kTable:
      Flush();
      return Table(node, depth);
    case ElementRole::kPre:
      Flush();
      Pre(node);
      return absl::OkStatus();
    case ElementRole::kBlock:
    default: {
      Flush();
      absl::Status status = Children(node, depth);
      Flush();
      return status;
    }
  }
}

absl::Status Walker::WithContext(xmlNode* node, int depth, RunContext context) {
  Flush();
  std::swap(context_, context);
  absl::Status status = Children(node, depth);
  Flush();
  std::swap(context_, context);
  return status;
}

absl::Status Walker::Anchor(xmlNode* node, int depth) {
  Piece& piece = Current();
  const size_t start = piece.text.size();
  const size_t index = run_.size() - 1;
  ++anchors_;
  absl::Status status = Children(node, depth);
  --anchors_;
  const std::string href = Attribute(node, "href");
  if (!href.empty() && status.ok()) {
    Piece& same = run_[index];  // the anchor's text may hold a <br>; keep its first part
    same.links.push_back(
        Link{FoldWhitespace(std::string_view(same.text).substr(start)), href, NodeLine(node)});
  }
  return status;
}

absl::Status Walker::Bold(xmlNode* node, int depth) {
  const bool lead = IsBlank(Current().text) && Current().lead_end == std::string::npos;
  absl::Status status = Children(node, depth);
  if (lead && !run_.empty()) run_.back().lead_end = run_.back().text.size();
  return status;
}

// The folded text of `node`'s content, gathered apart from the current run.
absl::StatusOr<std::string> Walker::InlineText(xmlNode* node, int depth, std::vector<Link>* links) {
  std::vector<Piece> saved = std::exchange(run_, {});
  ++inline_only_;
  absl::Status status = Children(node, depth);
  --inline_only_;
  std::string text;
  for (Piece& piece : run_) {
    text.append(piece.text).push_back(' ');
    for (Link& link : piece.links) links->push_back(std::move(link));
  }
  run_ = std::move(saved);
  if (!status.ok()) return status;
  return FoldWhitespace(text);
}

absl::Status Walker::Table(xmlNode* node, int depth) {
  std::vector<std::string> headers;
  bool seen_body = false;
  for (xmlNode* child = node->children; child != nullptr; child = child->next) {
    if (child->type != XML_ELEMENT_NODE) continue;
    if (depth + 1 > max_depth_) return Element(child, depth + 1);
    const std::string_view name = ElementName(child);
    if (name == "tr") {
      if (absl::Status s = Row(child, depth + 1, false, &headers, &seen_body); !s.ok()) return s;
    } else if (name == "thead" || name == "tbody" || name == "tfoot") {
      for (xmlNode* row = child->children; row != nullptr; row = row->next) {
        if (row->type != XML_ELEMENT_NODE || ElementName(row) != "tr") continue;
        if (absl::Status s = Row(row, depth + 2, name == "thead", &headers, &seen_body); !s.ok()) {
          return s;
        }
      }
    } else if (name == "caption") {
      if (absl::Status s = Element(child, depth + 1); !s.ok()) return s;
    }
  }
  return absl::OkStatus();
}

// A row of th cells before any body row is the header; other rows become kTableRow.
absl::Status Walker::Row(xmlNode* row, int depth, bool in_head, std::vector<std::string>* headers,
                         bool* seen_body) {
  if (depth > max_depth_) return Element(row, depth);
  Block block;
  block.kind = BlockKind::kTableRow;
  block.line = NodeLine(row);
  bool all_th = true;
  for (xmlNode* cell = row->children; cell != nullptr; cell = cell->next) {
    if (cell->type != XML_ELEMENT_NODE || (ElementName(cell) != "td" && ElementName(cell) != "th"))
      continue;
    all_th = all_th && ElementName(cell) == "th";
    auto text = InlineText(cell, depth + 1, &block.links);
    if (!text.ok()) return text.status();
    block.cells.push_back(*std::move(text));
  }
  if (block.cells.empty()) return absl::OkStatus();
  if (in_head || (all_th && headers->empty() && !*seen_body)) {
    *headers = std::move(block.cells);
    return absl::OkStatus();
  }
  *seen_body = true;
  block.headers = *headers;
  for (const std::string& cell : block.cells) {
    if (!block.text.empty()) block.text.append(" | ");
    block.text.append(cell);
  }
  builder_.Add(std::move(block));
  return absl::OkStatus();
}

void Walker::Text(xmlNode* node) {
  if (node->content == nullptr) return;
  const std::string_view text(reinterpret_cast<const char*>(node->content));
  Piece& piece = Current();
  const int start = TextStartLine(node, text);
  if (piece.line == 0 && !IsBlank(text)) {
    // The block starts where its first visible character is, not at leading newlines.
    const size_t first = text.find_first_not_of(" \t\r\n\f\v");
    piece.line = start + static_cast<int>(std::count(text.begin(), text.begin() + first, '\n'));
  }
  piece.text.append(text);
  if (anchors_ > 0) return;  // the anchor's href is the link
  int line = start;
  for (std::string_view rest = text; !rest.empty(); ++line) {
    const size_t nl = rest.find('\n');
    AppendBareUrls(rest.substr(0, nl), line, &piece.links);
    rest = nl == std::string_view::npos ? std::string_view() : rest.substr(nl + 1);
  }
}

void Walker::Pre(xmlNode* node) {
  xmlChar* content = xmlNodeGetContent(node);
  if (content == nullptr) return;
  std::string_view code(reinterpret_cast<const char*>(content));
  // HTML §4.4.3: a newline right after <pre> is not content.
  if (!code.empty() && code.front() == '\n') code.remove_prefix(1);
  while (!code.empty() && code.back() == '\n') code.remove_suffix(1);
  if (!code.empty()) {
    Block block;
    block.kind = BlockKind::kCode;
    block.text = std::string(code);
    block.line = NodeLine(node);
    builder_.Add(std::move(block));
  }
  xmlFree(content);
}

Piece& Walker::Current() {
  if (run_.empty()) run_.emplace_back();
  return run_.back();
}

void Walker::Flush() {
  if (run_.empty()) return;
  std::vector<Piece> run = std::exchange(run_, {});
  bool split = false;
  for (const Piece& piece : run) split = split || LeadKey(piece).has_value();
  if (split && context_.kind != BlockKind::kField) {
    // "<b>Date:</b> x<br><b>Host:</b> y": one block per line.
    for (Piece& piece : run) {
      if (std::optional<KeyValueText> kv = LeadKey(piece)) {
        Emit(BlockKind::kField, std::move(kv->key), std::move(kv->value), std::move(piece.links),
             piece.line);
      } else {
        Emit(context_.kind, "", FoldWhitespace(piece.text), std::move(piece.links), piece.line);
      }
    }
    return;
  }
  std::string text;
  std::vector<Link> links;
  int line = 0;
  for (Piece& piece : run) {
    text.append(piece.text).push_back(' ');
    for (Link& link : piece.links) links.push_back(std::move(link));
    if (line == 0) line = piece.line;
  }
  Emit(context_.kind, context_.key, FoldWhitespace(text), std::move(links), line);
}

void Walker::Emit(BlockKind kind, std::string key, std::string text, std::vector<Link> links,
                  int line) {
  Block block;
  block.kind = kind;
  block.depth = kind == BlockKind::kListItem || kind == BlockKind::kField ? context_.depth : 0;
  block.line = line > 0 ? line : 1;
  block.links = std::move(links);
  if (kind == BlockKind::kField) {
    block.key = std::move(key);
    block.text = std::move(text);
  } else if (const std::optional<KeyValue> kv = SplitKeyValue(text)) {
    block.kind = BlockKind::kField;
    block.key = std::string(kv->key);
    block.text = std::string(kv->value);
  } else {
    if (text.empty()) return;
    block.text = std::move(text);
  }
  builder_.Add(std::move(block));
}

}  // namespace

absl::StatusOr<Document> WalkHtml(std::string_view source_name, xmlNode* root, int max_depth) {
  return Walker(source_name, max_depth).Run(root);
}

}  // namespace stixkit::convert::read_internal
