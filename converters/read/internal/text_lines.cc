#include "converters/read/internal/text_lines.h"

#include <array>

#include "converters/read/internal/plain_text.h"

namespace stixkit::convert::read_internal::text {
namespace {

constexpr size_t kMaxHeadingBytes = 80;
constexpr int kMaxCapsWords = 10;
constexpr int kMaxTitleWords = 8;

bool IsLetter(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || static_cast<unsigned char>(c) >= 0x80;
}

bool StartsWithNoCase(std::string_view s, std::string_view prefix) {
  if (s.size() < prefix.size()) return false;
  for (size_t i = 0; i < prefix.size(); ++i) {
    char c = s[i];
    if (c >= 'a' && c <= 'z') c = static_cast<char>(c - 32);
    if (c != prefix[i]) return false;
  }
  return true;
}

// "=====", "-----", "_____", "*****": a rule, or an underline under a heading.
bool IsRule(std::string_view content) {
  if (content.size() < 3) return false;
  const char c = content[0];
  if (c != '=' && c != '-' && c != '_' && c != '*') return false;
  return content.find_first_not_of(c) == std::string_view::npos;
}

// Most of a heading is letters: "192.168.1.10" and "D41D8CD98F00B204" are indicators on a line of
// their own, not headings.
bool MostlyLetters(std::string_view s) {
  size_t letters = 0;
  size_t other = 0;
  for (char c : s) {
    if (IsLetter(c)) {
      ++letters;
    } else if (!IsSpace(c)) {
      ++other;
    }
  }
  return letters >= 2 && letters * 10 >= (letters + other) * 6;
}

// The heading style of a short title line, or kNone.
HeadingStyle TitleStyle(std::string_view title) {
  if (title.empty() || title.size() > kMaxHeadingBytes || !IsLetter(title[0]) ||
      title.find(':') != std::string_view::npos || !MostlyLetters(title)) {
    return HeadingStyle::kNone;
  }
  const char last = title.back();
  if (last == '.' || last == ',' || last == ';' || last == '!' || last == '?') {
    return HeadingStyle::kNone;
  }
  const int words = CountWords(title);
  if (IsAllCaps(title) && words <= kMaxCapsWords) return HeadingStyle::kAllCaps;
  if (IsTitleCase(title) && words <= kMaxTitleWords) return HeadingStyle::kTitleCase;
  return HeadingStyle::kNone;
}

std::string_view WithoutTrailingColon(std::string_view s) {
  if (!s.empty() && s.back() == ':') s.remove_suffix(1);
  return Trim(s);
}

// "1. Summary", "2) Timeline", "3.1 Scope", "3.1. Scope": the number of groups in the numbering (0
// if none) and the title after it.
int SplitNumbering(std::string_view content, std::string_view* title) {
  size_t at = 0;
  int groups = 0;
  while (true) {
    const size_t start = at;
    while (at < content.size() && at - start < 3 && content[at] >= '0' && content[at] <= '9') ++at;
    if (at == start) return 0;
    ++groups;
    if (at + 1 < content.size() && content[at] == '.' && content[at + 1] >= '0' &&
        content[at + 1] <= '9') {
      ++at;
      continue;
    }
    break;
  }
  const bool closed = at < content.size() && (content[at] == '.' || content[at] == ')');
  if (closed) ++at;
  if (groups == 1 && !closed) return 0;  // "2026 Annual Report": a number, not a numbering
  if (at >= content.size() || (content[at] != ' ' && content[at] != '\t')) return 0;
  *title = WithoutTrailingColon(content.substr(at));
  return groups;
}

class Classifier {
 public:
  explicit Classifier(const std::vector<std::string_view>& lines)
      : lines_(lines), out_(lines.size()) {}

  std::vector<TextLine> Run() &&;

 private:
  bool StandsAlone(size_t i) const;
  bool NumberedNext(size_t i) const;
  void Classify(size_t i);

  const std::vector<std::string_view>& lines_;
  std::vector<TextLine> out_;
  size_t last_text_ = 0;  // the last non-blank line
};

std::vector<TextLine> Classifier::Run() && {
  for (size_t i = 0; i < lines_.size(); ++i) {
    if (!IsBlank(lines_[i])) last_text_ = i;
  }
  for (size_t i = 0; i < lines_.size(); ++i) Classify(i);
  return std::move(out_);
}

// "4. Technical analysis": after a number, a short capitalised phrase with no final
// full stop is a heading even in sentence case.
bool ShortSentenceCase(std::string_view title) {
  if (title.empty() || title.size() > 60 || !(title[0] >= 'A' && title[0] <= 'Z')) return false;
  if (title.back() == '.' || title.back() == ',' || title.back() == ';') return false;
  size_t words = 1;
  for (char c : title) words += c == ' ';
  return words <= 6;
}

bool Classifier::StandsAlone(size_t i) const {
  if (i == 0) return true;
  const LineKind before = out_[i - 1].kind;
  return before == LineKind::kBlank || before == LineKind::kRule || before == LineKind::kHeading ||
         before == LineKind::kBanner;
}

// True when the next non-blank line is numbered too: "1. Isolate Hosts" followed by "2. Reset
// Passwords" is a list, not two headings.
bool Classifier::NumberedNext(size_t i) const {
  for (size_t j = i + 1; j < lines_.size(); ++j) {
    const std::string_view next = Trim(lines_[j]);
    if (next.empty()) continue;
    return next[0] >= '0' && next[0] <= '9' && ListMarkerLength(next, true) > 0;
  }
  return false;
}

void Classifier::Classify(size_t i) {
  TextLine& t = out_[i];
  if (IsBlank(lines_[i])) return;
  const Indent indent = MeasureIndent(lines_[i]);
  t.columns = indent.columns;
  t.content = Trim(lines_[i].substr(indent.content));
  if (IsRule(t.content)) {
    t.kind = LineKind::kRule;
    TextLine& above = out_[i > 0 ? i - 1 : 0];
    const bool underline = t.content[0] == '=' || t.content[0] == '-';
    if (underline && i > 0 && above.columns == 0 && above.content.size() <= kMaxHeadingBytes &&
        (above.kind == LineKind::kText || above.kind == LineKind::kHeading ||
         above.kind == LineKind::kField) &&
        StandsAlone(i - 1)) {
      above.kind = LineKind::kHeading;
      above.title = WithoutTrailingColon(above.content);
      above.style =
          t.content[0] == '=' ? HeadingStyle::kDoubleUnderline : HeadingStyle::kSingleUnderline;
    }
    return;
  }
  if (IsBanner(t.content)) {
    t.kind = LineKind::kBanner;
    return;
  }
  const bool may_head = t.columns == 0 && StandsAlone(i) && i < last_text_;
  std::string_view title;
  if (const int groups = SplitNumbering(t.content, &title);
      groups > 0 && may_head &&
      (TitleStyle(title) != HeadingStyle::kNone || ShortSentenceCase(title)) &&
      (groups > 1 || !NumberedNext(i))) {
    t.kind = LineKind::kHeading;
    t.style = HeadingStyle::kNumbered;
    t.numbering = groups;
    t.title = title;
    return;
  }
  if ((t.marker = ListMarkerLength(t.content, true)) > 0) {
    t.kind = LineKind::kItem;
    return;
  }
  if (may_head) {
    t.title = WithoutTrailingColon(t.content);
    t.style = TitleStyle(t.title);
    if (t.style != HeadingStyle::kNone) {
      t.kind = LineKind::kHeading;
      return;
    }
    t.title = {};
  }
  t.kind = SplitKeyValue(t.content) ? LineKind::kField : LineKind::kText;
}

}  // namespace

bool IsBanner(std::string_view content) {
  static constexpr std::array<std::string_view, 7> kClassifications = {
      "UNCLASSIFIED", "CONFIDENTIAL",          "SECRET",           "TOP SECRET",
      "RESTRICTED",   "FOR OFFICIAL USE ONLY", "INTERNAL USE ONLY"};
  if (StartsWithNoCase(content, "TLP:") || StartsWithNoCase(content, "TLP ") ||
      StartsWithNoCase(content, "PAP:") || StartsWithNoCase(content, "TLP-")) {
    return true;
  }
  for (std::string_view word : kClassifications) {
    if (content.size() >= word.size() && content.substr(0, word.size()) == word &&
        (content.size() == word.size() || content[word.size()] == '/' ||
         content[word.size()] == ' ')) {
      return true;
    }
  }
  return false;
}

std::vector<TextLine> ClassifyTextLines(const std::vector<std::string_view>& lines) {
  return Classifier(lines).Run();
}

}  // namespace stixkit::convert::read_internal::text
