#include "converters/read/internal/plain_text.h"

#include <array>
#include <cstring>

namespace stixkit::convert::read_internal {
namespace {

bool IsAsciiAlnum(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
}

// "&", "-", "/": words without letters or digits, which title case ignores.
bool IsPunctuationWord(std::string_view word) {
  for (char c : word) {
    if (IsAsciiAlnum(c) || static_cast<unsigned char>(c) >= 0x80) return false;
  }
  return true;
}

char Lower(char c) { return (c >= 'A' && c <= 'Z') ? static_cast<char>(c + 32) : c; }

bool StartsWithNoCase(std::string_view text, size_t pos, std::string_view prefix) {
  if (text.size() - pos < prefix.size()) return false;
  for (size_t i = 0; i < prefix.size(); ++i) {
    if (Lower(text[pos + i]) != prefix[i]) return false;
  }
  return true;
}

// Schemes as written in reports, defanged ("hxxp", "fxp") or not; longest first so "https" wins
// over "http".
constexpr std::array<std::string_view, 8> kSchemes = {"https", "hxxps", "http", "hxxp",
                                                      "sftp",  "ftps",  "ftp",  "fxp"};
// "://" and the defanged forms analysts write instead.
constexpr std::array<std::string_view, 4> kSeparators = {"://", "[:]//", "[://]", "(:)//"};

// Sentence punctuation and emphasis markers that end a sentence, not the URL.
constexpr std::string_view kTrailing = ".,;:!?'*_";

// Where the body of a URL starting at `pos` ends: at white space, a quote or angle bracket, or a
// closing bracket that the URL did not open.
size_t UrlBodyEnd(std::string_view text, size_t pos) {
  int parens = 0;
  int brackets = 0;
  size_t i = pos;
  for (; i < text.size(); ++i) {
    const char c = text[i];
    if (IsSpace(c) || c == '<' || c == '>' || c == '"' || c == '`' || c == '|') break;
    if (c == '(') {
      ++parens;
    } else if (c == ')') {
      if (parens == 0) break;
      --parens;
    } else if (c == '[') {
      ++brackets;
    } else if (c == ']') {
      if (brackets == 0) break;
      --brackets;
    }
  }
  return i;
}

}  // namespace

std::vector<std::string_view> SplitLines(std::string_view text) {
  std::vector<std::string_view> lines;
  size_t start = 0;
  while (start < text.size()) {
    const void* nl = std::memchr(text.data() + start, '\n', text.size() - start);
    const size_t end = nl ? static_cast<const char*>(nl) - text.data() : text.size();
    lines.push_back(text.substr(start, end - start));
    start = end + 1;
  }
  return lines;
}

bool IsBlank(std::string_view line) {
  for (char c : line) {
    if (!IsSpace(c)) return false;
  }
  return true;
}

std::string_view Trim(std::string_view s) {
  size_t b = 0;
  size_t e = s.size();
  while (b < e && IsSpace(s[b])) ++b;
  while (e > b && IsSpace(s[e - 1])) --e;
  return s.substr(b, e - b);
}

std::string FoldWhitespace(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  bool pending_space = false;
  for (size_t i = 0; i < s.size(); ++i) {
    const char c = s[i];
    const bool nbsp = c == '\xC2' && i + 1 < s.size() && s[i + 1] == '\xA0';
    if (IsSpace(c) || nbsp) {
      pending_space = !out.empty();
      if (nbsp) ++i;
      continue;
    }
    if (pending_space) out.push_back(' ');
    pending_space = false;
    out.push_back(c);
  }
  return out;
}

Indent MeasureIndent(std::string_view line) {
  Indent indent;
  while (indent.content < line.size()) {
    const char c = line[indent.content];
    if (c == ' ') {
      ++indent.columns;
    } else if (c == '\t') {
      indent.columns += 4 - indent.columns % 4;
    } else {
      break;
    }
    ++indent.content;
  }
  return indent;
}

size_t ListMarkerLength(std::string_view content, bool plain_text) {
  // The marker must be followed by white space or end the line: "-5 degrees" and "**bold**" are not
  // list items.
  auto after = [&](size_t n) -> size_t {
    if (n == content.size()) return n;
    return (content[n] == ' ' || content[n] == '\t') ? n + 1 : 0;
  };
  if (content.empty()) return 0;
  const char c = content[0];
  if (c == '-' || c == '*' || c == '+') return after(1);
  if (c >= '0' && c <= '9') {
    size_t n = 1;
    while (n < content.size() && n < 9 && content[n] >= '0' && content[n] <= '9') ++n;
    if (n < content.size() && (content[n] == '.' || content[n] == ')')) return after(n + 1);
    return 0;
  }
  if (!plain_text) return 0;
  for (std::string_view bullet : {"\u2022", "\u25E6", "\u25AA", "\u2023"}) {
    if (content.substr(0, bullet.size()) == bullet) return after(bullet.size());
  }
  if (c >= 'a' && c <= 'z' && content.size() > 1 && content[1] == ')') return after(2);
  if (c == '(' && content.size() > 2 && content[2] == ')' &&
      ((content[1] >= 'a' && content[1] <= 'z') || (content[1] >= '0' && content[1] <= '9'))) {
    return after(3);
  }
  return 0;
}

int CountWords(std::string_view s) {
  int words = 0;
  bool in_word = false;
  for (char c : s) {
    if (IsSpace(c)) {
      in_word = false;
    } else if (!in_word) {
      in_word = true;
      ++words;
    }
  }
  return words;
}

bool IsTitleCase(std::string_view s) {
  static constexpr std::string_view kJoiningWords[] = {
      "a",  "an", "and", "as",   "at",  "but", "by", "for", "from", "in",  "into",
      "of", "on", "or",  "over", "per", "the", "to", "via", "vs",   "vs.", "with"};
  bool first = true;
  size_t at = 0;
  while (at < s.size()) {
    while (at < s.size() && IsSpace(s[at])) ++at;
    size_t end = at;
    while (end < s.size() && !IsSpace(s[end])) ++end;
    if (end == at) break;
    const std::string_view word = s.substr(at, end - at);
    size_t initial = 0;
    while (initial + 1 < word.size() && (word[initial] == '(' || word[initial] == '"')) ++initial;
    const char c = word[initial];
    const bool capital =
        (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || static_cast<unsigned char>(c) >= 0x80;
    bool joining = false;
    for (std::string_view j : kJoiningWords) joining = joining || word == j;
    if (first ? !capital : !(capital || joining || IsPunctuationWord(word))) {
      return false;
    }
    first = false;
    at = end;
  }
  return !first;
}

bool IsAllCaps(std::string_view s) {
  int capitals = 0;
  for (char c : s) {
    if (c >= 'a' && c <= 'z') return false;
    if (c >= 'A' && c <= 'Z') ++capitals;
  }
  return capitals >= 2;
}

std::optional<KeyValue> SplitKeyValue(std::string_view line) {
  constexpr size_t kMaxKeyBytes = 64;
  constexpr int kMaxKeyWords = 5;
  const size_t colon = line.find(':');
  if (colon == std::string_view::npos || colon == 0 || colon > kMaxKeyBytes) return std::nullopt;
  const std::string_view key = line.substr(0, colon);
  if (key[0] < 'A' || key[0] > 'Z' || IsSpace(key.back())) return std::nullopt;
  if (key.find_first_of("*_`[]<>|\"{}=\\") != std::string_view::npos) return std::nullopt;
  if (key.find('\n') != std::string_view::npos || CountWords(key) > kMaxKeyWords) {
    return std::nullopt;
  }
  if (colon + 1 >= line.size() || (line[colon + 1] != ' ' && line[colon + 1] != '\t')) {
    return std::nullopt;
  }
  const std::string_view value = Trim(line.substr(colon + 1));
  if (value.empty()) return std::nullopt;
  return KeyValue{key, value};
}

size_t MatchBareUrl(std::string_view text, size_t pos) {
  for (std::string_view scheme : kSchemes) {
    if (!StartsWithNoCase(text, pos, scheme)) continue;
    const size_t sep_at = pos + scheme.size();
    for (std::string_view sep : kSeparators) {
      if (text.substr(sep_at, sep.size()) != sep) continue;
      const size_t body = sep_at + sep.size();
      size_t end = UrlBodyEnd(text, body);
      while (end > body && kTrailing.find(text[end - 1]) != std::string_view::npos) --end;
      return end > body ? end - pos : 0;
    }
    return 0;
  }
  return 0;
}

void AppendBareUrls(std::string_view text, int line, std::vector<Link>* links) {
  for (size_t i = 0; i < text.size(); ++i) {
    const char c = Lower(text[i]);
    if (c != 'h' && c != 'f' && c != 's') continue;
    if (i > 0 && IsAsciiAlnum(text[i - 1])) continue;
    const size_t n = MatchBareUrl(text, i);
    if (n == 0) continue;
    const std::string url(text.substr(i, n));
    links->push_back(Link{url, url, line});
    i += n - 1;
  }
}

}  // namespace stixkit::convert::read_internal
