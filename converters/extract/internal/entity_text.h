// Character classes and word splitting shared by the named-entity finders (dates,
// sectors, places, actors, TLP, undisclosed values). ASCII rules only: bytes >= 0x80
// count as letters, so UTF-8 names ("Thüringen") stay inside one word, and case
// folding leaves them alone.
//
//   for (const Word& w : SplitWords(text)) Use(text.substr(w.begin, w.end - w.begin));
//
// The entity finders' internals live in namespace internal::entity, apart from the IOC
// scanners' helpers (internal/chars.h): both have an IsWordByte, with different rules
// ('-' and '_' are word bytes there), and one name must not mean two functions.
//
// Stateless and thread-safe. Never included from outside converters/extract/.
#ifndef STIXKIT_CONVERTERS_EXTRACT_INTERNAL_ENTITY_TEXT_H_
#define STIXKIT_CONVERTERS_EXTRACT_INTERNAL_ENTITY_TEXT_H_

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace stixkit::convert::internal::entity {

inline bool IsDigit(char c) { return c >= '0' && c <= '9'; }
inline bool IsUpper(char c) { return c >= 'A' && c <= 'Z'; }
inline bool IsLower(char c) { return c >= 'a' && c <= 'z'; }
inline bool IsAlpha(char c) { return IsUpper(c) || IsLower(c); }
inline bool IsAlnum(char c) { return IsAlpha(c) || IsDigit(c); }
inline bool IsSpace(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; }
// A byte that can sit inside a word: ASCII letter or digit, or any UTF-8 byte.
inline bool IsWordByte(char c) { return IsAlnum(c) || static_cast<unsigned char>(c) >= 0x80; }
inline char LowerChar(char c) { return IsUpper(c) ? static_cast<char>(c - 'A' + 'a') : c; }

// A word's byte span [begin, end) in the scanned text.
struct Word {
  std::size_t begin = 0;
  std::size_t end = 0;
  std::size_t size() const { return end - begin; }
};

// The words of `text` in order: maximal runs of word bytes. An apostrophe between two
// word bytes stays inside ("d'Ivoire", "People's"); hyphens, dots and slashes separate.
std::vector<Word> SplitWords(std::string_view text);

// `text` with ASCII letters lowered; other bytes unchanged.
std::string LowerAscii(std::string_view text);

// Whether `text` starts with `lower_prefix` (given in lower case), ignoring ASCII case.
bool StartsWithNoCase(std::string_view text, std::string_view lower_prefix);

// Whether `text` equals `lower_word` (given in lower case), ignoring ASCII case.
bool EqualsNoCase(std::string_view text, std::string_view lower_word);

// Whether text[pos] starts a word (pos == 0 or the byte before is not a word byte)
// and text[end] ends one (end == size or the byte at end is not a word byte).
bool IsWordBoundedSpan(std::string_view text, std::size_t pos, std::size_t end);

// `text` without leading and trailing spaces, tabs and line breaks.
std::string_view TrimSpace(std::string_view text);

}  // namespace stixkit::convert::internal::entity

#endif  // STIXKIT_CONVERTERS_EXTRACT_INTERNAL_ENTITY_TEXT_H_
