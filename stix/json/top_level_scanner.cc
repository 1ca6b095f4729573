#include "stix/json/top_level_scanner.h"

#include <array>
#include <cstdint>
#include <cstring>
#include <vector>

#include "absl/strings/str_cat.h"
#include "stix/base/strings.h"
#include "stix/base/status.h"

namespace stixkit::stix {
namespace {

struct Mark {
  size_t pos = 0;
  size_t line = 1;
  size_t line_start = 0;
};

// A position in the input that keeps line and column current as it moves, so that
// every object's location is known without a second pass over the file.
class Cursor {
 public:
  Cursor(std::string_view text, std::string_view path, const JsonLimits& limits)
      : text_(text), path_(path), limits_(limits) {}

  std::string_view text() const { return text_; }
  const JsonLimits& limits() const { return limits_; }
  size_t pos() const { return at_.pos; }
  Mark mark() const { return at_; }
  void Reset(const Mark& mark) { at_ = mark; }
  bool AtEnd() const { return at_.pos >= text_.size(); }
  char Peek() const { return AtEnd() ? '\0' : text_[at_.pos]; }
  void Advance() { ++at_.pos; }
  static LineColumn LineColumnOf(const Mark& m) { return {m.line, m.pos - m.line_start + 1}; }

  void SkipWhitespace() {
    while (at_.pos < text_.size()) {
      const char c = text_[at_.pos];
      if (c == '\n') {
        ++at_.line;
        at_.line_start = at_.pos + 1;
      } else if (c != ' ' && c != '\t' && c != '\r') {
        return;
      }
      ++at_.pos;
    }
  }

  absl::Status ErrorAt(const Mark& m, std::string_view message,
                       absl::StatusCode code = absl::StatusCode::kInvalidArgument) const {
    const LineColumn lc = LineColumnOf(m);
    return absl::Status(code, absl::StrCat(Av(path_), ":", lc.line, ":", lc.column, ": ", Av(message)));
  }
  absl::Status Error(std::string_view message) const { return ErrorAt(at_, message); }
  absl::Status EndError(std::string_view expected) const {
    return ErrorAt(at_, absl::StrCat("unexpected end of input, expected ", Av(expected)),
                   absl::StatusCode::kDataLoss);
  }

  // Consumes `c` after optional whitespace.
  absl::Status Expect(char c, std::string_view what) {
    SkipWhitespace();
    if (AtEnd()) return EndError(what);
    if (Peek() != c) return Error(absl::StrCat("expected ", Av(what), ", found ", Shown()));
    Advance();
    return absl::OkStatus();
  }

  // The error for a raw NUL byte at `pos`, which JSON text never contains (RFC 8259 §7
  // lets a string hold U+0000 only escaped).
  absl::Status NulError(size_t pos) const {
    Mark m = at_;
    if (pos < m.pos) {  // inside a string already passed: count its lines
      m = Mark{};
      for (const char* p = text_.data(); p < text_.data() + pos;) {
        const void* nl = std::memchr(p, '\n', static_cast<size_t>(text_.data() + pos - p));
        if (nl == nullptr) break;
        ++m.line;
        p = static_cast<const char*>(nl) + 1;
        m.line_start = static_cast<size_t>(p - text_.data());
      }
    }
    m.pos = pos;
    return ErrorAt(m, "found a NUL byte, which JSON text cannot hold (in a string, write \\u0000)");
  }

  std::string Shown() const {
    const unsigned char c = static_cast<unsigned char>(Peek());
    if (c >= 0x20 && c < 0x7f) return absl::StrCat("'", std::string(1, Peek()), "'");
    return absl::StrCat("byte 0x", absl::Hex(c, absl::kZeroPad2));
  }

  // Skips a string that starts at the opening quote; *raw gets the text between quotes.
  absl::Status SkipString(std::string_view* raw) {
    const Mark start = at_;
    const size_t begin = ++at_.pos;
    while (at_.pos < text_.size()) {
      const void* hit = std::memchr(text_.data() + at_.pos, '"', text_.size() - at_.pos);
      if (hit == nullptr) break;
      const size_t quote = static_cast<size_t>(static_cast<const char*>(hit) - text_.data());
      size_t backslashes = 0;
      while (quote - backslashes > begin && text_[quote - backslashes - 1] == '\\') ++backslashes;
      at_.pos = quote + 1;
      if (backslashes % 2 == 1) continue;  // an escaped quote
      if (quote - begin > limits_.max_string_bytes) {
        return ErrorAt(start, absl::StrCat("string longer than ", limits_.max_string_bytes,
                                           " bytes (limit: --max-string-bytes)"));
      }
      // RapidJSON takes a raw NUL for the end of its input and then reports a missing
      // quote where the string starts; name the byte and where it is instead.
      if (const void* nul = std::memchr(text_.data() + begin, '\0', quote - begin)) {
        return NulError(static_cast<size_t>(static_cast<const char*>(nul) - text_.data()));
      }
      if (raw != nullptr) *raw = text_.substr(begin, quote - begin);
      return absl::OkStatus();
    }
    at_.pos = text_.size();
    return ErrorAt(start, "unexpected end of input inside the string that starts here",
                   absl::StatusCode::kDataLoss);
  }

  // Skips one JSON value of any kind, iteratively, at nesting level `base_depth`. This
  // loop runs over every byte of the input on the producer thread, so it classifies
  // bytes by table and leaves strings to memchr.
  absl::Status SkipValue(size_t base_depth) {
    open_.clear();
    do {
      SkipWhitespace();
      if (AtEnd()) {
        if (open_.empty()) return EndError("a value");
        return ErrorAt(open_.front(), "unexpected end of input: this value is never closed",
                       absl::StatusCode::kDataLoss);
      }
      switch (kByteClass[static_cast<unsigned char>(Peek())]) {
        case kQuote:
          STIXKIT_RETURN_IF_ERROR(SkipString(nullptr));
          break;
        case kOpen:
          if (base_depth + open_.size() + 1 > limits_.max_depth) {
            return Error(absl::StrCat("nesting deeper than ", limits_.max_depth,
                                      " levels (limit: --max-depth)"));
          }
          open_.push_back(at_);
          Advance();
          break;
        case kNul:
          return NulError(at_.pos);
        case kClose:
          if (open_.empty()) return Error(absl::StrCat("unexpected ", Shown()));
          open_.pop_back();
          Advance();
          break;
        default:  // a scalar: runs to the next delimiter
          do {
            Advance();
          } while (!AtEnd() && kByteClass[static_cast<unsigned char>(Peek())] == kOther);
      }
    } while (!open_.empty());
    return absl::OkStatus();
  }

 private:
  enum ByteClass : uint8_t { kOther, kQuote, kOpen, kClose, kDelimiter, kNul };
  static constexpr std::array<uint8_t, 256> kByteClass = [] {
    std::array<uint8_t, 256> t{};
    t['"'] = kQuote;
    t['{'] = t['['] = kOpen;
    t['}'] = t[']'] = kClose;
    t[0] = kNul;
    for (unsigned char c : {',', ':', ' ', '\t', '\r', '\n'}) t[c] = kDelimiter;
    return t;
  }();

  std::string_view text_;
  std::string_view path_;
  const JsonLimits& limits_;
  Mark at_;
  std::vector<Mark> open_;  // reused across values: no allocation per object
};

JsonSpan SpanBetween(const Cursor& cursor, const Mark& start, size_t end) {
  return JsonSpan{cursor.text().substr(start.pos, end - start.pos), start.pos,
                  Cursor::LineColumnOf(start)};
}

// Calls `member(key, key_mark)` for each member of the object at the cursor, leaving
// the cursor on the member's value; `member` must consume the value.
template <typename MemberFn>
absl::Status ForEachMember(Cursor& cursor, MemberFn member) {
  STIXKIT_RETURN_IF_ERROR(cursor.Expect('{', "'{'"));
  cursor.SkipWhitespace();
  if (cursor.Peek() == '}') {
    cursor.Advance();
    return absl::OkStatus();
  }
  while (true) {
    cursor.SkipWhitespace();
    if (cursor.AtEnd()) return cursor.EndError("a member name");
    if (cursor.Peek() != '"') {
      return cursor.Error(absl::StrCat("expected a member name in double quotes, found ",
                                       cursor.Shown()));
    }
    const Mark key_mark = cursor.mark();
    std::string_view key;
    STIXKIT_RETURN_IF_ERROR(cursor.SkipString(&key));
    STIXKIT_RETURN_IF_ERROR(cursor.Expect(':', "':' after a member name"));
    cursor.SkipWhitespace();
    STIXKIT_RETURN_IF_ERROR(member(key, key_mark));
    cursor.SkipWhitespace();
    if (cursor.AtEnd()) return cursor.EndError("',' or '}'");
    if (cursor.Peek() == '}') {
      cursor.Advance();
      return absl::OkStatus();
    }
    STIXKIT_RETURN_IF_ERROR(cursor.Expect(',', "',' or '}' after an object member"));
  }
}

// Hands each element of the array at the cursor to the callback; each must be an object.
absl::Status ScanObjectArray(Cursor& cursor, size_t depth, const ElementCallback& on_element,
                             size_t* count) {
  STIXKIT_RETURN_IF_ERROR(cursor.Expect('[', "'['"));
  cursor.SkipWhitespace();
  if (cursor.Peek() == ']') {
    cursor.Advance();
    return absl::OkStatus();
  }
  while (true) {
    cursor.SkipWhitespace();
    if (cursor.AtEnd()) return cursor.EndError("a STIX object");
    if (cursor.Peek() != '{') {
      return cursor.Error(absl::StrCat("expected a STIX object ('{'), found ", cursor.Shown()));
    }
    const Mark start = cursor.mark();
    if (*count >= cursor.limits().max_objects) {
      return cursor.Error(absl::StrCat("more than ", cursor.limits().max_objects,
                                       " objects (limit: --max-objects)"));
    }
    STIXKIT_RETURN_IF_ERROR(cursor.SkipValue(depth));
    STIXKIT_RETURN_IF_ERROR(on_element(SpanBetween(cursor, start, cursor.pos()), (*count)++));
    cursor.SkipWhitespace();
    if (cursor.AtEnd()) return cursor.EndError("',' or ']'");
    if (cursor.Peek() == ']') {
      cursor.Advance();
      return absl::OkStatus();
    }
    STIXKIT_RETURN_IF_ERROR(cursor.Expect(',', "',' or ']' after an array element"));
  }
}

// The raw value of the top-level "type" member, or "" if there is none. "type" is
// nearly always first, so the search stops after a few bytes instead of scanning a
// multi-gigabyte bundle twice.
absl::StatusOr<std::string_view> FindTopLevelType(Cursor cursor) {
  std::string_view type;
  const absl::Status status = ForEachMember(cursor, [&](std::string_view key, const Mark&) {
    if (key == "type" && cursor.Peek() == '"') {
      STIXKIT_RETURN_IF_ERROR(cursor.SkipString(&type));
      return absl::CancelledError("found");  // stops the walk; not an error
    }
    return cursor.SkipValue(1);
  });
  if (!status.ok() && !absl::IsCancelled(status)) return status;
  return type;
}

absl::Status ScanBundle(Cursor& cursor, const ElementCallback& on_element, TopLevel* top) {
  std::string& shell = top->bundle_shell;
  shell = "{";
  return ForEachMember(cursor, [&](std::string_view key, const Mark& key_mark) {
    if (key == "objects") {
      // A file cut right after "objects": is truncated (DataLoss), not a wrong type;
      // without this check Peek() reported a NUL byte that is not in the file.
      if (cursor.AtEnd()) return cursor.EndError("an array of STIX objects");
      if (cursor.Peek() != '[') {
        return cursor.Error(absl::StrCat(
            "a bundle's \"objects\" must be an array of STIX objects, found ", cursor.Shown()));
      }
      return ScanObjectArray(cursor, 1, on_element, &top->element_count);
    }
    STIXKIT_RETURN_IF_ERROR(cursor.SkipValue(1));
    if (shell.size() > 1) shell += ',';
    shell.append(cursor.text().substr(key_mark.pos, cursor.pos() - key_mark.pos));
    return absl::OkStatus();
  });
}

absl::Status CheckLooksLikeText(const Cursor& cursor, std::string_view text) {
  const size_t probe = std::min<size_t>(text.size(), 4096);
  if (std::memchr(text.data(), '\0', probe) != nullptr) {
    return cursor.ErrorAt(Mark{}, "this is a binary file, not JSON text");
  }
  return absl::OkStatus();
}

}  // namespace

absl::StatusOr<TopLevel> ScanTopLevel(std::string_view text, std::string_view path,
                                      const JsonLimits& limits,
                                      const ElementCallback& on_element) {
  Cursor cursor(text, path, limits);
  STIXKIT_RETURN_IF_ERROR(CheckLooksLikeText(cursor, text));
  // RFC 8259 §8.1 forbids a byte order mark, but editors add one; accept and skip it.
  if (text.substr(0, 3) == "\xEF\xBB\xBF") cursor.Advance(), cursor.Advance(), cursor.Advance();
  cursor.SkipWhitespace();
  if (cursor.AtEnd()) {
    return cursor.ErrorAt(cursor.mark(),
                          "the file is empty; expected a STIX bundle, object or array of objects",
                          absl::StatusCode::kInvalidArgument);
  }
  TopLevel top;
  const Mark start = cursor.mark();
  if (cursor.Peek() == '[') {
    top.kind = TopLevelKind::kArray;
    STIXKIT_RETURN_IF_ERROR(ScanObjectArray(cursor, 0, on_element, &top.element_count));
  } else if (cursor.Peek() == '{') {
    STIXKIT_ASSIGN_OR_RETURN(std::string_view type, FindTopLevelType(cursor));
    if (type == "bundle") {
      top.kind = TopLevelKind::kBundle;
      STIXKIT_RETURN_IF_ERROR(ScanBundle(cursor, on_element, &top));
      top.bundle_shell += '}';
    } else {
      top.kind = TopLevelKind::kSingleObject;
      STIXKIT_RETURN_IF_ERROR(cursor.SkipValue(0));
    }
  } else {
    return cursor.Error(absl::StrCat(
        "expected a STIX bundle, object or array of objects, found ", cursor.Shown()));
  }
  top.whole = SpanBetween(cursor, start, cursor.pos());
  cursor.SkipWhitespace();
  if (!cursor.AtEnd()) {
    return cursor.Error(absl::StrCat("unexpected ", cursor.Shown(),
                                     " after the end of the top-level value"));
  }
  return top;
}

}  // namespace stixkit::stix
