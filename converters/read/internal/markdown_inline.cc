#include "converters/read/internal/markdown_inline.h"

#include <algorithm>
#include <array>

#include "converters/read/internal/plain_text.h"

namespace stixkit::convert::read_internal {
namespace {

// Bounds on how far a link destination or title is searched for, so that a line of "[a](" repeated
// cannot make the scan quadratic.
constexpr size_t kMaxDestinationBytes = 4096;
constexpr int kMaxDestinationParens = 8;
constexpr size_t kMaxCodeFenceRun = 16;

bool IsAsciiPunct(char c) {
  return (c >= '!' && c <= '/') || (c >= ':' && c <= '@') || (c >= '[' && c <= '`') ||
         (c >= '{' && c <= '~');
}

bool IsAsciiAlnum(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
}

// An emphasis delimiter run ("**", "_", "~~") copied into the output; removed later if it finds a
// partner (CommonMark §6.2 flanking rules, simplified: whole runs pair).
struct Delimiter {
  size_t pos = 0;
  size_t len = 0;
  char ch = 0;
  bool can_open = false;
  bool can_close = false;
  bool matched = false;
};

class InlineParser {
 public:
  InlineParser(std::string_view raw, int first_line) : raw_(raw), line_(first_line) {}

  InlineText Run() &&;

 private:
  bool TryCodeSpan();
  bool TryLink(bool image);
  size_t ScanDestination(size_t pos);
  bool TryAutolink();
  bool TryBareUrl();
  bool TryLineBreakTag();
  void AddDelimiter();
  void CountLines(size_t from, size_t to);
  std::string StripMatchedDelimiters();

  std::string_view raw_;
  size_t i_ = 0;
  int line_;
  std::string out_;
  std::vector<Delimiter> delims_;
  std::vector<Link> links_;
  // Lazily advanced positions of the next ']' and '[' (npos when none is left), so that finding a
  // link's closing bracket costs linear time over the whole text.
  size_t next_close_ = 0;
  size_t next_open_ = 0;
  // No ')' exists in [destination start, this): a later destination scan starting before it must
  // fail too, so it is skipped.
  size_t no_paren_until_ = 0;
  std::array<bool, kMaxCodeFenceRun> no_closing_run_{};
};

InlineText InlineParser::Run() && {
  while (i_ < raw_.size()) {
    const char c = raw_[i_];
    if (c == '\n') {
      ++line_;
      out_.push_back(' ');
      ++i_;
    } else if (c == '\\' && i_ + 1 < raw_.size() && IsAsciiPunct(raw_[i_ + 1])) {
      out_.push_back(raw_[i_ + 1]);
      i_ += 2;
    } else if (c == '`' && TryCodeSpan()) {
    } else if (c == '[' && TryLink(false)) {
    } else if (c == '!' && i_ + 1 < raw_.size() && raw_[i_ + 1] == '[' && TryLink(true)) {
    } else if (c == '<' && (TryAutolink() || TryLineBreakTag())) {
    } else if ((c == '*' || c == '_' || (c == '~' && raw_.substr(i_, 2) == "~~"))) {
      AddDelimiter();
    } else if (IsAsciiAlnum(c) && TryBareUrl()) {
    } else {
      out_.push_back(c);
      ++i_;
    }
  }
  InlineText result;
  result.text = FoldWhitespace(StripMatchedDelimiters());
  result.links = std::move(links_);
  return result;
}

void InlineParser::CountLines(size_t from, size_t to) {
  line_ += static_cast<int>(std::count(raw_.begin() + from, raw_.begin() + to, '\n'));
}

bool InlineParser::TryCodeSpan() {
  size_t run = 0;
  while (i_ + run < raw_.size() && raw_[i_ + run] == '`') ++run;
  if (run >= kMaxCodeFenceRun || no_closing_run_[run]) {
    out_.append(run, '`');
    i_ += run;
    return true;
  }
  for (size_t at = raw_.find('`', i_ + run); at != std::string_view::npos;) {
    size_t n = 0;
    while (at + n < raw_.size() && raw_[at + n] == '`') ++n;
    if (n == run) {
      std::string_view code = raw_.substr(i_ + run, at - i_ - run);
      if (code.size() >= 2 && code.front() == ' ' && code.back() == ' ' && !IsBlank(code)) {
        code = code.substr(1, code.size() - 2);
      }
      out_.append(code);
      CountLines(i_, at);
      i_ = at + n;
      return true;
    }
    at = raw_.find('`', at + n);
  }
  // No closing run of this length anywhere after here: later openers of the same length cannot
  // close either.
  no_closing_run_[run] = true;
  out_.append(run, '`');
  i_ += run;
  return true;
}

// The end (one past ')') of "(destination "title")" starting at `pos`, or npos.
size_t InlineParser::ScanDestination(size_t pos) {
  if (pos >= raw_.size() || raw_[pos] != '(' || pos < no_paren_until_) {
    return std::string_view::npos;
  }
  const size_t limit = std::min(raw_.size(), pos + kMaxDestinationBytes);
  int depth = 0;
  char quote = 0;
  bool saw_paren = false;
  for (size_t at = pos + 1; at < limit; ++at) {
    const char c = raw_[at];
    if (c == ')') saw_paren = true;
    if (quote != 0) {
      if (c == quote) quote = 0;
    } else if (c == '"' && IsSpace(raw_[at - 1])) {
      quote = c;  // the optional title
    } else if (c == '(') {
      if (++depth > kMaxDestinationParens) return std::string_view::npos;
    } else if (c == ')') {
      if (depth-- == 0) return at + 1;
    }
  }
  if (!saw_paren) no_paren_until_ = limit;
  return std::string_view::npos;
}

bool InlineParser::TryLink(bool image) {
  const size_t open = image ? i_ + 1 : i_;
  if (next_close_ != std::string_view::npos && next_close_ <= open) {
    next_close_ = raw_.find(']', open + 1);
  }
  if (next_open_ != std::string_view::npos && next_open_ <= open) {
    next_open_ = raw_.find('[', open + 1);
  }
  const size_t close = next_close_;
  // "[a [b](c)": the inner bracket starts the link, the outer one is literal text.
  if (close == std::string_view::npos || next_open_ < close) return false;
  const size_t end = ScanDestination(close + 1);
  if (end == std::string_view::npos) return false;

  const int line = line_;
  const InlineText label = ParseMarkdownInline(raw_.substr(open + 1, close - open - 1), line);
  // "(url "title")" or "(<url with spaces> "title")" (CommonMark §6.3).
  std::string_view dest = Trim(raw_.substr(close + 2, end - close - 3));
  if (!dest.empty() && dest.front() == '<') {
    dest = dest.substr(
        1, dest.find('>') == std::string_view::npos ? std::string_view::npos : dest.find('>') - 1);
  } else {
    dest = dest.substr(0, dest.find_first_of(" \t\n"));
  }
  out_.append(label.text);
  // An image's source is decoration, not a reference the report cites.
  if (!image) links_.push_back(Link{label.text, std::string(dest), line});
  CountLines(i_, end);
  i_ = end;
  return true;
}

bool InlineParser::TryAutolink() {
  const size_t n = MatchBareUrl(raw_, i_ + 1);
  if (n == 0 || i_ + 1 + n >= raw_.size() || raw_[i_ + 1 + n] != '>') return false;
  const std::string url(raw_.substr(i_ + 1, n));
  out_.append(url);
  links_.push_back(Link{url, url, line_});
  i_ += n + 2;
  return true;
}

bool InlineParser::TryBareUrl() {
  if (i_ > 0 && IsAsciiAlnum(raw_[i_ - 1])) return false;
  const size_t n = MatchBareUrl(raw_, i_);
  if (n == 0) return false;
  // Copied verbatim: "_" and "*" inside a URL are not emphasis.
  const std::string url(raw_.substr(i_, n));
  out_.append(url);
  links_.push_back(Link{url, url, line_});
  i_ += n;
  return true;
}

// "<br>", "<br/>" and "<br />", common inside table cells, become a space.
bool InlineParser::TryLineBreakTag() {
  size_t at = i_ + 1;
  if (raw_.size() - at < 3 || (raw_[at] != 'b' && raw_[at] != 'B') ||
      (raw_[at + 1] != 'r' && raw_[at + 1] != 'R')) {
    return false;
  }
  at += 2;
  while (at < raw_.size() && (raw_[at] == ' ' || raw_[at] == '/')) ++at;
  if (at >= raw_.size() || raw_[at] != '>') return false;
  out_.push_back(' ');
  i_ = at + 1;
  return true;
}

void InlineParser::AddDelimiter() {
  const char ch = raw_[i_];
  size_t n = 0;
  while (i_ + n < raw_.size() && raw_[i_ + n] == ch) ++n;
  const char prev = i_ > 0 ? raw_[i_ - 1] : ' ';
  const char next = i_ + n < raw_.size() ? raw_[i_ + n] : ' ';
  const bool left = !IsSpace(next) && (!IsAsciiPunct(next) || IsSpace(prev) || IsAsciiPunct(prev));
  const bool right = !IsSpace(prev) && (!IsAsciiPunct(prev) || IsSpace(next) || IsAsciiPunct(next));
  Delimiter d;
  d.pos = out_.size();
  d.len = n;
  d.ch = ch;
  if (ch == '_') {
    // Intraword underscores ("lsass_dump.exe") are never emphasis.
    d.can_open = left && (!right || IsAsciiPunct(prev));
    d.can_close = right && (!left || IsAsciiPunct(next));
  } else {
    d.can_open = left;
    d.can_close = right;
  }
  delims_.push_back(d);
  out_.append(n, ch);
  i_ += n;
}

std::string InlineParser::StripMatchedDelimiters() {
  std::array<std::vector<size_t>, 3> openers;  // '*', '_', '~'
  auto stack_for = [&](char ch) -> std::vector<size_t>& {
    return openers[ch == '*' ? 0 : ch == '_' ? 1 : 2];
  };
  bool any = false;
  for (size_t k = 0; k < delims_.size(); ++k) {
    Delimiter& d = delims_[k];
    std::vector<size_t>& stack = stack_for(d.ch);
    if (d.can_close && !stack.empty()) {
      delims_[stack.back()].matched = true;
      stack.pop_back();
      d.matched = true;
      any = true;
    } else if (d.can_open) {
      stack.push_back(k);
    }
  }
  if (!any) return std::move(out_);
  std::string stripped;
  stripped.reserve(out_.size());
  size_t from = 0;
  for (const Delimiter& d : delims_) {
    if (!d.matched) continue;
    stripped.append(out_, from, d.pos - from);
    from = d.pos + d.len;
  }
  stripped.append(out_, from, std::string::npos);
  return stripped;
}

}  // namespace

InlineText ParseMarkdownInline(std::string_view raw, int first_line) {
  return InlineParser(raw, first_line).Run();
}

}  // namespace stixkit::convert::read_internal
