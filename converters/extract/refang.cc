#include "converters/extract/refang.h"

#include "converters/extract/internal/chars.h"

namespace stixkit::convert {
namespace {

using internal::AsciiLower;
using internal::IsAsciiAlnum;
using internal::IsHorizontalSpace;
using internal::IsWordByte;
using internal::StartsWithIgnoreCase;

// What may sit between the brackets of a bracket marker. "://" comes before ":" so
// "[://]" is not read as "[:" followed by junk.
struct Inner {
  std::string_view spelling;
  std::string_view replacement;
  DefangKinds kind;
};
constexpr Inner kInners[] = {
    {"://", "://", kDefangSchemeSeparator},
    {"dot", ".", kDefangDot},
    {"at", "@", kDefangAt},
    {".", ".", kDefangDot},
    {"@", "@", kDefangAt},
    {":", ":", kDefangColon},
};
constexpr DefangKinds kBracketKinds =
    kDefangDot | kDefangAt | kDefangColon | kDefangSchemeSeparator;

char Closer(char open) { return open == '[' ? ']' : open == '(' ? ')' : '}'; }

// The byte left of a marker must belong to what it joins: "evil[.]com", "2001:db8:[:]1".
// This keeps "(.)" or "[at]" opening a line or following punctuation out.
bool JoinsLeft(char c, DefangKinds kind) {
  return IsWordByte(c) || ((kind & (kDefangColon | kDefangSchemeSeparator)) && c == ':');
}

// A bracket marker opening at text[i], spaces it absorbs included. Returns false when
// text[i] opens something else ("(and eggs)", "[2001:db8::1]", "[1]").
// `floor` is where the previous marker ended and `previous` its kind: markers never
// overlap, and a marker right after another one joins only "[:][:]".
bool MatchBracket(std::string_view text, std::size_t i, std::size_t floor, DefangKinds previous,
                  DefangKinds kinds, DefangMarker* m) {
  const std::size_t n = text.size();
  const char close = Closer(text[i]);
  std::size_t j = i + 1;
  while (j < n && IsHorizontalSpace(text[j])) ++j;
  for (const Inner& inner : kInners) {
    if ((inner.kind & kinds) == 0 || !StartsWithIgnoreCase(text.substr(j), inner.spelling)) {
      continue;
    }
    std::size_t k = j + inner.spelling.size();
    while (k < n && IsHorizontalSpace(text[k])) ++k;
    if (k >= n || text[k] != close) continue;
    // Spaces around the marker belong to it only when it stands between two words
    // ("evil [dot] com"); "Press [.]" at a sentence end is left alone.
    std::size_t begin = i;
    while (begin > floor && IsHorizontalSpace(text[begin - 1])) --begin;
    const bool after_colon =
        begin == floor && previous == kDefangColon && inner.kind == kDefangColon;
    if (begin == 0 || !(JoinsLeft(text[begin - 1], inner.kind) || after_colon)) return false;
    std::size_t end = k + 1;
    while (end < n && IsHorizontalSpace(text[end])) ++end;
    const bool word_right = end < n && IsWordByte(text[end]);
    if (!word_right) {
      if (begin < i) return false;
      end = k + 1;
    }
    *m = {begin, end, inner.replacement, inner.kind};
    return true;
  }
  return false;
}

// A defanged scheme name at text[i]: "hxxp", "hXXp", "h**p" (-> "http") or "fxp"
// (-> "ftp"), starting a word, optionally followed by 's', then by ':' or (after
// optional spaces) a bracket marker. The 's' is part of the marker, so it comes out in
// lower case like the rest.
bool MatchScheme(std::string_view text, std::size_t i, DefangMarker* m) {
  const std::size_t n = text.size();
  if (i > 0 && (IsAsciiAlnum(text[i - 1]) || text[i - 1] == '_')) return false;
  const auto masked = [](char c) { return c == 'x' || c == 't' || c == '*'; };
  std::size_t len = 0;
  bool http = false;
  if (AsciiLower(text[i]) == 'h') {
    if (i + 4 > n) return false;
    const char a = AsciiLower(text[i + 1]);
    const char b = AsciiLower(text[i + 2]);
    if (!masked(a) || !masked(b) || (a == 't' && b == 't') || AsciiLower(text[i + 3]) != 'p') {
      return false;
    }
    len = 4, http = true;
  } else {
    if (i + 3 > n) return false;
    const char a = AsciiLower(text[i + 1]);
    if ((a != 'x' && a != '*') || AsciiLower(text[i + 2]) != 'p') return false;
    len = 3;
  }
  const bool secure = i + len < n && AsciiLower(text[i + len]) == 's';
  if (secure) ++len;
  std::size_t j = i + len;
  if (j < n && text[j] != ':') {
    while (j < n && IsHorizontalSpace(text[j])) ++j;
    if (j < n && text[j] != '[' && text[j] != '(' && text[j] != '{') return false;
  }
  if (j >= n) return false;
  static constexpr std::string_view kReplacements[2][2] = {{"ftp", "ftps"}, {"http", "https"}};
  *m = {i, i + len, kReplacements[http][secure], kDefangScheme};
  return true;
}

Refanged RefangWith(std::string_view written, DefangKinds kinds) {
  std::vector<DefangMarker> markers;
  FindDefangMarkers(written, kinds, &markers);
  if (markers.empty()) return {std::string(written), false};
  return {ApplyDefangMarkers(written, markers), true};
}

}  // namespace

void FindDefangMarkers(std::string_view text, DefangKinds kinds, std::vector<DefangMarker>* out) {
  out->clear();
  const bool brackets = (kinds & kBracketKinds) != 0;
  const bool schemes = (kinds & kDefangScheme) != 0;
  std::size_t floor = 0;  // end of the previous marker: markers never overlap
  DefangKinds previous = 0;
  DefangMarker m;
  for (std::size_t i = 0; i < text.size(); ++i) {
    bool found = false;
    switch (text[i]) {
      case '[':
      case '(':
      case '{':
        found = brackets && MatchBracket(text, i, floor, previous, kinds, &m);
        break;
      case 'h':
      case 'H':
      case 'f':
      case 'F':
        found = schemes && MatchScheme(text, i, &m);
        break;
      default:
        break;
    }
    if (found) {
      out->push_back(m);
      floor = m.end;
      previous = m.kind;
      i = m.end - 1;
    }
  }
}

std::string ApplyDefangMarkers(std::string_view text, const std::vector<DefangMarker>& markers) {
  std::string out;
  out.reserve(text.size());
  std::size_t pos = 0;
  for (const DefangMarker& m : markers) {
    out.append(text.substr(pos, m.begin - pos));
    out.append(m.replacement);
    pos = m.end;
  }
  out.append(text.substr(pos));
  return out;
}

Refanged RefangHost(std::string_view written) { return RefangWith(written, kDefangDot); }

Refanged RefangIp(std::string_view written) {
  Refanged r = RefangWith(written, kDefangDot | kDefangColon);
  // "[2001:db8::1]": brackets around a whole IPv6 address, as in a URL host.
  const std::string& t = r.text;
  if (t.size() > 2 && t.front() == '[' && t.back() == ']' && t.find(':') != std::string::npos &&
      t.find_first_of("[]", 1) == t.size() - 1) {
    r.text = t.substr(1, t.size() - 2);
    r.changed = true;
  }
  return r;
}

Refanged RefangEmail(std::string_view written) {
  return RefangWith(written, kDefangDot | kDefangAt);
}

Refanged RefangUrl(std::string_view written) { return RefangWith(written, kDefangAll); }

}  // namespace stixkit::convert
