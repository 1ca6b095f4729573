#include "converters/extract/tlp_label.h"

#include <algorithm>
#include <iterator>

#include "converters/extract/internal/entity_text.h"

namespace stixkit::convert {
namespace {

using internal::entity::IsDigit;
using internal::entity::IsWordByte;
using internal::entity::StartsWithNoCase;

// TLP 2.0 levels by strictness (FIRST TLP 2.0, "TLP:CLEAR" replaces 1.0's "TLP:WHITE").
constexpr std::string_view kLevels[] = {"clear", "green", "amber", "amber+strict", "red"};

bool IsLabelSeparator(char c) { return c == ' ' || c == '\t' || c == ':' || c == '-' || c == '='; }

std::size_t SkipBlanks(std::string_view text, std::size_t pos) {
  while (pos < text.size() && (text[pos] == ' ' || text[pos] == '\t')) ++pos;
  return pos;
}

bool WordEndsAt(std::string_view text, std::size_t pos) {
  return pos >= text.size() || !IsWordByte(text[pos]);
}

// A TLP version after the introducer: "2.0", "v2", "v2.0", "1.0"; returns the end.
std::size_t SkipVersion(std::string_view text, std::size_t pos) {
  std::size_t i = pos;
  if (i < text.size() && (text[i] == 'v' || text[i] == 'V')) ++i;
  if (i >= text.size() || (text[i] != '1' && text[i] != '2')) return pos;
  ++i;
  if (i + 1 < text.size() && text[i] == '.' && text[i + 1] == '0') i += 2;
  return i < text.size() && IsDigit(text[i]) ? pos : i;
}

// The label's introducer at `pos` ("TLP", "Traffic Light Protocol", "... (TLP)"); the
// position after it, or `pos` when there is none.
std::size_t SkipIntroducer(std::string_view text, std::size_t pos) {
  std::string_view rest = text.substr(pos);
  std::size_t end = pos;
  if (StartsWithNoCase(rest, "tlp")) {
    end = pos + 3;
  } else if (StartsWithNoCase(rest, "traffic light protocol")) {
    end = pos + 22;
    const std::size_t paren = SkipBlanks(text, end);
    if (StartsWithNoCase(text.substr(paren), "(tlp)")) end = paren + 5;
  }
  if (end == pos) return pos;
  const bool version_follows = end + 1 < text.size() && (text[end] == 'v' || text[end] == 'V') &&
                               IsDigit(text[end + 1]);  // "TLPv2:GREEN"
  if (text[end - 1] != ')' && !WordEndsAt(text, end) && !version_follows) return pos;
  return end;
}

// The level word at `pos` ("AMBER+STRICT", "amber + strict", "Amber Strict", "WHITE"); its
// index in kLevels, or -1.
int ReadLevel(std::string_view text, std::size_t pos) {
  std::string_view rest = text.substr(pos);
  if (StartsWithNoCase(rest, "amber")) {
    if (!WordEndsAt(text, pos + 5)) return -1;
    std::size_t i = SkipBlanks(text, pos + 5);
    if (i < text.size() && text[i] == '+') i = SkipBlanks(text, i + 1);
    if (i > pos + 5 && StartsWithNoCase(text.substr(i), "strict") && WordEndsAt(text, i + 6)) {
      return 3;
    }
    return 2;
  }
  if (StartsWithNoCase(rest, "white") && WordEndsAt(text, pos + 5)) return 0;
  for (int rank = 0; rank < static_cast<int>(std::size(kLevels)); ++rank) {
    const std::string_view word = kLevels[rank];
    if (StartsWithNoCase(rest, word) && WordEndsAt(text, pos + word.size())) return rank;
  }
  return -1;
}

}  // namespace

std::optional<std::string> FindTlp(std::string_view text) {
  int best = -1;
  for (std::size_t pos = 0; pos < text.size(); ++pos) {
    if (pos > 0 && IsWordByte(text[pos - 1])) continue;
    std::size_t i = SkipIntroducer(text, pos);
    if (i == pos) continue;
    i = SkipBlanks(text, i);
    i = SkipVersion(text, i);
    const std::size_t separators = i;
    while (i < text.size() && IsLabelSeparator(text[i])) ++i;
    if (i == separators && i > 0 && IsWordByte(text[i - 1])) continue;  // "TLP2.0GREEN"
    best = std::max(best, ReadLevel(text, i));
  }
  if (best < 0) return std::nullopt;
  return std::string(kLevels[best]);
}

int TlpRank(std::string_view level) {
  if (level == "white") return 0;
  for (int rank = 0; rank < static_cast<int>(std::size(kLevels)); ++rank) {
    if (kLevels[rank] == level) return rank;
  }
  return -1;
}

}  // namespace stixkit::convert
