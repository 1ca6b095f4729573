#include "converters/map/explicit_ids.h"

#include "converters/map/tokenizer.h"

namespace stixkit::convert {
namespace {

bool DigitsAt(std::string_view text, size_t at, size_t count) {
  if (at + count > text.size()) return false;
  for (size_t i = at; i < at + count; ++i) {
    if (text[i] < '0' || text[i] > '9') return false;
  }
  return true;
}

bool BoundaryAt(std::string_view text, size_t at) {
  return at >= text.size() || !IsWordByte(static_cast<unsigned char>(text[at]));
}

// The id starting at `at`, or an empty mention (end == 0). Prefixes and lengths follow
// ATT&CK's id scheme: a letter (two for tactics) and four digits, sub-techniques ".NNN".
IdMention MatchAt(std::string_view text, size_t at) {
  IdMention m;
  size_t digits_at = at + 1;
  switch (text[at]) {
    case 'T':
      if (at + 1 < text.size() && text[at + 1] == 'A') {
        m.kind = IdKind::kTactic;
        digits_at = at + 2;
      }
      break;
    case 'S':
      m.kind = IdKind::kSoftware;
      break;
    case 'G':
      m.kind = IdKind::kGroup;
      break;
    default:
      return m;
  }
  if (!DigitsAt(text, digits_at, 4)) return m;
  size_t end = digits_at + 4;
  if (m.kind == IdKind::kTechnique && end < text.size() && text[end] == '.' &&
      DigitsAt(text, end + 1, 1)) {
    // "T1003.001" is a sub-technique; "T1003.0012" or "T1003.1" is no id at all.
    if (!DigitsAt(text, end + 1, 3) || !BoundaryAt(text, end + 4)) return m;
    end += 4;
  }
  if (!BoundaryAt(text, end)) return m;
  m.begin = at;
  m.end = end;
  m.id = std::string(text.substr(at, end - at));
  return m;
}

}  // namespace

std::vector<IdMention> FindExplicitIds(std::string_view text) {
  std::vector<IdMention> found;
  for (size_t i = 0; i < text.size(); ++i) {
    if (i > 0 && IsWordByte(static_cast<unsigned char>(text[i - 1]))) continue;
    IdMention m = MatchAt(text, i);
    if (m.end == 0) continue;
    i = m.end - 1;
    found.push_back(std::move(m));
  }
  return found;
}

}  // namespace stixkit::convert
