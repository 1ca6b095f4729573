#include "converters/read/internal/markdown_lines.h"

#include "converters/read/internal/plain_text.h"

namespace stixkit::convert::read_internal::markdown {
namespace {

// A bold key may be longer than a plain one ("**Response actions taken:**"), since the emphasis
// already says it is a label.
constexpr int kMaxBoldKeyWords = 8;

bool AllOf(std::string_view s, char c) {
  return !s.empty() && s.find_first_not_of(c) == std::string_view::npos;
}

}  // namespace

std::string_view StripQuote(std::string_view line) {
  while (true) {
    const Indent indent = MeasureIndent(line);
    if (indent.columns >= 4 || indent.content >= line.size() || line[indent.content] != '>') {
      return line;
    }
    line = line.substr(indent.content + 1);
    if (!line.empty() && line[0] == ' ') line = line.substr(1);
  }
}

size_t FenceRun(std::string_view content) {
  if (content.empty() || (content[0] != '`' && content[0] != '~')) return 0;
  const char c = content[0];
  size_t n = 0;
  while (n < content.size() && content[n] == c) ++n;
  if (n < 3) return 0;
  // CommonMark §4.5: a backtick fence's info string cannot hold a backtick, so "```code``` text" is
  // an inline code span, not a fence.
  if (c == '`' && content.find('`', n) != std::string_view::npos) return 0;
  return n;
}

std::string_view RemoveIndent(std::string_view line, int columns) {
  int removed = 0;
  size_t at = 0;
  while (at < line.size() && removed < columns && (line[at] == ' ' || line[at] == '\t')) {
    removed += line[at] == '\t' ? 4 - removed % 4 : 1;
    ++at;
  }
  return line.substr(at);
}

int AtxLevel(std::string_view content) {
  int n = 0;
  while (n < static_cast<int>(content.size()) && content[n] == '#') ++n;
  if (n == 0 || n > 6) return 0;
  if (n < static_cast<int>(content.size()) && content[n] != ' ' && content[n] != '\t') return 0;
  return n;
}

std::string_view StripClosingHashes(std::string_view title) {
  title = Trim(title);
  if (AllOf(title, '#')) return {};
  size_t end = title.size();
  while (end > 0 && title[end - 1] == '#') --end;
  if (end < title.size() && end > 0 && (title[end - 1] == ' ' || title[end - 1] == '\t')) {
    return Trim(title.substr(0, end));
  }
  return title;
}

int SetextLevel(std::string_view content) {
  content = Trim(content);
  if (content.size() < 2) return 0;
  if (AllOf(content, '=')) return 1;
  if (AllOf(content, '-')) return 2;
  return 0;
}

bool IsThematicBreak(std::string_view content) {
  if (content.empty()) return false;
  const char c = content[0];
  if (c != '-' && c != '*' && c != '_') return false;
  int count = 0;
  for (char x : content) {
    if (x == c) {
      ++count;
    } else if (x != ' ' && x != '\t') {
      return false;
    }
  }
  return count >= 3;
}

bool IsTableSeparator(std::string_view line) {
  if (line.find('|') == std::string_view::npos || line.find('-') == std::string_view::npos) {
    return false;
  }
  const std::vector<std::string_view> cells = SplitTableRow(line);
  if (cells.empty()) return false;
  for (std::string_view cell : cells) {
    if (!cell.empty() && cell.front() == ':') cell.remove_prefix(1);
    if (!cell.empty() && cell.back() == ':') cell.remove_suffix(1);
    if (!AllOf(cell, '-')) return false;
  }
  return true;
}

std::vector<std::string_view> SplitTableRow(std::string_view line) {
  line = Trim(line);
  if (!line.empty() && line.front() == '|') line.remove_prefix(1);
  if (!line.empty() && line.back() == '|' && (line.size() < 2 || line[line.size() - 2] != '\\')) {
    line.remove_suffix(1);
  }
  std::vector<std::string_view> cells;
  size_t start = 0;
  for (size_t i = 0; i <= line.size(); ++i) {
    if (i == line.size() || (line[i] == '|' && (i == 0 || line[i - 1] != '\\'))) {
      cells.push_back(Trim(line.substr(start, i - start)));
      start = i + 1;
    }
  }
  return cells;
}

std::optional<Field> SplitField(std::string_view raw) {
  if (raw.empty() || (raw[0] != '*' && raw[0] != '_')) {
    const std::optional<KeyValue> kv = SplitKeyValue(raw);
    if (!kv) return std::nullopt;
    return Field{kv->key, kv->value};
  }
  const size_t n = raw.size() > 1 && raw[1] == raw[0] ? 2 : 1;
  const std::string_view delimiter = raw.substr(0, n);
  const size_t close = raw.find(delimiter, n);
  if (close == std::string_view::npos || close == n || IsSpace(raw[n])) return std::nullopt;
  std::string_view key = raw.substr(n, close - n);
  std::string_view value = raw.substr(close + n);
  if (key.back() == ':') {
    key.remove_suffix(1);
  } else if (const std::string_view rest = Trim(value); !rest.empty() && rest[0] == ':') {
    value = rest.substr(1);
  } else {
    return std::nullopt;
  }
  key = Trim(key);
  if (key.empty() || key.find('\n') != std::string_view::npos ||
      CountWords(key) > kMaxBoldKeyWords) {
    return std::nullopt;
  }
  return Field{key, Trim(value)};
}

bool EndsSentence(std::string_view line) {
  line = Trim(line);
  if (line.empty()) return true;
  const char last = line.back();
  if (last == '.' || last == '!' || last == '?' || last == '"' || last == ')') return true;
  for (std::string_view mark : {"\u2026", "\u201D"}) {  // '…' and '”'
    if (line.size() >= mark.size() && line.substr(line.size() - mark.size()) == mark) return true;
  }
  return false;
}

}  // namespace stixkit::convert::read_internal::markdown
