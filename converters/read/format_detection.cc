#include "converters/read/format_detection.h"

#include <array>
#include <string>

#include "converters/read/internal/markdown_lines.h"
#include "converters/read/internal/plain_text.h"

namespace stixkit::convert {
namespace {

using read_internal::Trim;
namespace md = read_internal::markdown;

constexpr size_t kSampleBytes = 64 * 1024;

char Lower(char c) { return (c >= 'A' && c <= 'Z') ? static_cast<char>(c + 32) : c; }

std::string ToLower(std::string_view s) {
  std::string out(s);
  for (char& c : out) c = Lower(c);
  return out;
}

bool StartsWithNoCase(std::string_view s, std::string_view prefix) {
  return s.size() >= prefix.size() && ToLower(s.substr(0, prefix.size())) == prefix;
}

// Elements that mark a line as HTML; chosen so that prose mentioning "<b>" once does not tip the
// scale, but a page's markup does.
constexpr std::array<std::string_view, 24> kHtmlTags = {
    "p",    "div",  "br",   "h1",   "h2",      "h3",      "h4",   "h5",
    "h6",   "ul",   "ol",   "li",   "table",   "tr",      "td",   "th",
    "body", "head", "html", "span", "section", "article", "meta", "title"};

bool HasHtmlTag(std::string_view line) {
  for (size_t lt = line.find('<'); lt != std::string_view::npos; lt = line.find('<', lt + 1)) {
    size_t at = lt + 1;
    if (at < line.size() && line[at] == '/') ++at;
    size_t end = at;
    while (end < line.size() &&
           ((line[end] >= 'a' && line[end] <= 'z') || (line[end] >= 'A' && line[end] <= 'Z') ||
            (line[end] >= '0' && line[end] <= '9'))) {
      ++end;
    }
    if (end == at || end >= line.size()) continue;
    if (line[end] != '>' && line[end] != ' ' && line[end] != '/') continue;
    const std::string name = ToLower(line.substr(at, end - at));
    for (std::string_view tag : kHtmlTags) {
      if (name == tag) return true;
    }
  }
  return false;
}

// Points for markdown syntax on one line: structure that plain prose never has scores 2, inline
// hints score 1. Setext underlines and "- " bullets score nothing: plain-text reports use them too.
int MarkdownPoints(std::string_view line) {
  const std::string_view content = Trim(line);
  if (content.empty()) return 0;
  if (const int level = md::AtxLevel(content);
      level > 0 && content.size() > static_cast<size_t>(level) + 1) {
    return 2;
  }
  if (md::IsTableSeparator(content)) return 2;
  std::string_view item = content;
  if (const size_t marker = read_internal::ListMarkerLength(content, false); marker > 0) {
    item = Trim(content.substr(marker));
  }
  if (!item.empty() && (item[0] == '*' || item[0] == '_') && md::SplitField(item)) return 2;
  if (md::FenceRun(content) > 0) return 1;
  const size_t bracket = content.find("](");
  if (bracket != std::string_view::npos && content.rfind('[', bracket) != std::string_view::npos) {
    return 1;
  }
  return 0;
}

std::optional<Format> FormatFromExtension(std::string_view source_name) {
  const size_t dot = source_name.rfind('.');
  const size_t slash = source_name.find_last_of("/\\");
  if (dot == std::string_view::npos || (slash != std::string_view::npos && dot < slash)) {
    return std::nullopt;
  }
  const std::string ext = ToLower(source_name.substr(dot + 1));
  if (ext == "md" || ext == "markdown" || ext == "mdown" || ext == "mkd") return Format::kMarkdown;
  if (ext == "html" || ext == "htm" || ext == "xhtml") return Format::kHtml;
  if (ext == "txt" || ext == "text") return Format::kText;
  return std::nullopt;
}

}  // namespace

Format DetectFormat(std::string_view source_name, std::string_view bytes) {
  if (bytes.substr(0, 3) == "\xEF\xBB\xBF") bytes.remove_prefix(3);
  std::string_view sample = bytes.substr(0, kSampleBytes);
  const std::string_view lead = Trim(sample.substr(0, 1024));
  if (StartsWithNoCase(lead, "<!doctype html") || StartsWithNoCase(lead, "<html")) {
    return Format::kHtml;
  }
  // A cut last line could be half a heading; leave it out.
  if (sample.size() < bytes.size()) sample = sample.substr(0, sample.rfind('\n') + 1);
  int markdown = 0;
  int html = 0;
  for (std::string_view line : read_internal::SplitLines(sample)) {
    markdown += MarkdownPoints(line);
    if (HasHtmlTag(line)) ++html;
  }
  if (markdown >= 2 && markdown > html) return Format::kMarkdown;
  if (html >= 3 && html > markdown) return Format::kHtml;
  if (const std::optional<Format> by_name = FormatFromExtension(source_name)) return *by_name;
  if (markdown > 0 && markdown >= html) return Format::kMarkdown;
  if (html > 0) return Format::kHtml;
  return Format::kText;
}

std::optional<Format> ParseFormatName(std::string_view name) {
  const std::string lower = ToLower(name);
  if (lower == "md" || lower == "markdown") return Format::kMarkdown;
  if (lower == "text" || lower == "txt") return Format::kText;
  if (lower == "html" || lower == "htm") return Format::kHtml;
  return std::nullopt;
}

std::string_view FormatName(Format format) {
  switch (format) {
    case Format::kMarkdown:
      return "markdown";
    case Format::kHtml:
      return "html";
    case Format::kText:
    default:
      return "text";
  }
}

}  // namespace stixkit::convert
