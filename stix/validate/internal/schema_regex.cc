#include "stix/validate/internal/schema_regex.h"

#include <algorithm>
#include <array>
#include <cstdint>
#include <memory>
#include <optional>
#include <string_view>
#include <utility>
#include <vector>

// Why a DFA: RapidJSON's own engine is a Thompson NFA that clears its state set on
// every character, about 1 µs per search; schema_check.cc explains why that mattered.

namespace stixkit::stix::validate::internal {

class Pattern::Parser {
 public:
  Parser(std::string_view source, Pattern* pattern) : source_(source), pattern_(pattern) {}

  std::optional<Ast> Parse() {
    std::optional<Ast> ast = Alternation();
    if (!ast || pos_ != source_.size()) return std::nullopt;
    return ast;
  }

 private:
  bool AtEnd() const { return pos_ >= source_.size(); }
  char Peek() const { return source_[pos_]; }

  // The codepoint after a backslash (schema.h CharacterEscape), or nullopt.
  std::optional<uint32_t> Escape() {
    if (AtEnd()) return std::nullopt;
    const char c = source_[pos_++];
    switch (c) {
      case '^':
      case '$':
      case '|':
      case '(':
      case ')':
      case '?':
      case '*':
      case '+':
      case '.':
      case '[':
      case ']':
      case '{':
      case '}':
      case '\\':
        return static_cast<uint32_t>(c);
      case 'f':
        return 0x0C;
      case 'n':
        return 0x0A;
      case 'r':
        return 0x0D;
      case 't':
        return 0x09;
      case 'v':
        return 0x0B;
      default:
        return std::nullopt;
    }
  }

  // One UTF-8 codepoint of the pattern source.
  uint32_t Codepoint() {
    const auto byte = static_cast<unsigned char>(source_[pos_++]);
    if (byte < 0x80) return byte;
    const int extra = byte >= 0xF0 ? 3 : byte >= 0xE0 ? 2 : 1;
    uint32_t cp = byte & (0x3F >> extra);
    for (int i = 0; i < extra && !AtEnd(); ++i) {
      cp = (cp << 6) | (static_cast<unsigned char>(source_[pos_++]) & 0x3F);
    }
    return cp;
  }

  std::optional<Ast> Alternation() {
    Ast alternation = Ast::Of(Ast::kAlternation);
    while (true) {
      std::optional<Ast> branch = Concatenation();
      if (!branch) return std::nullopt;
      alternation.children.push_back(std::move(*branch));
      if (AtEnd() || Peek() != '|') break;
      ++pos_;
    }
    if (alternation.children.size() == 1) return std::move(alternation.children[0]);
    return alternation;
  }

  // RapidJSON rejects empty branches, empty groups and empty patterns.
  std::optional<Ast> Concatenation() {
    Ast concat = Ast::Of(Ast::kConcat);
    while (!AtEnd() && Peek() != '|' && Peek() != ')') {
      if (Peek() == '^' || Peek() == '$') {
        (Peek() == '^' ? pattern_->anchor_begin_ : pattern_->anchor_end_) = true;
        ++pos_;
        continue;
      }
      std::optional<Ast> atom = Atom();
      if (!atom || !Quantifiers(&*atom)) return std::nullopt;
      concat.children.push_back(std::move(*atom));
    }
    if (concat.children.empty()) return std::nullopt;
    if (concat.children.size() == 1) return std::move(concat.children[0]);
    return concat;
  }

  std::optional<Ast> Atom() {
    const char c = Peek();
    if (c == '?' || c == '*' || c == '+' || c == '{') return std::nullopt;
    if (c == '(') {
      ++pos_;
      std::optional<Ast> inner = Alternation();
      if (!inner || AtEnd() || Peek() != ')') return std::nullopt;
      ++pos_;
      return inner;
    }
    if (c == '[') {
      ++pos_;
      return Class();
    }
    if (c == '.') {
      ++pos_;
      return Ast::Of(Ast::kAny);
    }
    if (c == '\\') {
      ++pos_;
      const std::optional<uint32_t> escaped = Escape();
      if (!escaped) return std::nullopt;
      return Ast::Of(Ast::kChar, *escaped);
    }
    return Ast::Of(Ast::kChar, Codepoint());
  }

  // schema.h ParseRange: "^" first negates; "a-b" is a range; a trailing "-" is
  // literal; "\b" is backspace; "[]" is an error.
  std::optional<Ast> Class() {
    CharClass cls;
    bool first = true;
    int step = 0;
    while (!AtEnd()) {
      uint32_t cp;
      if (source_[pos_] == '\\') {
        ++pos_;
        if (!AtEnd() && Peek() == 'b') {
          ++pos_;
          cp = 0x08;
        } else {
          const std::optional<uint32_t> escaped = Escape();
          if (!escaped) return std::nullopt;
          cp = *escaped;
        }
      } else {
        cp = Codepoint();
        if (first && cp == '^') {
          first = false;
          cls.negated = true;
          continue;
        }
        if (cp == ']') {
          if (cls.ranges.empty()) return std::nullopt;
          if (step == 2) cls.ranges.push_back({'-', '-'});
          pattern_->classes_.push_back(std::move(cls));
          Ast ast = Ast::Of(Ast::kClass);
          ast.class_index = static_cast<int>(pattern_->classes_.size()) - 1;
          return ast;
        }
      }
      first = false;
      if (step == 1 && cp == '-') {
        step = 2;
      } else if (step == 2) {
        cls.ranges.back().last = cp;
        step = 0;
      } else {
        cls.ranges.push_back({cp, cp});
        step = 1;
      }
    }
    return std::nullopt;  // no closing "]"
  }

  std::optional<uint64_t> Unsigned() {
    if (AtEnd() || Peek() < '0' || Peek() > '9') return std::nullopt;
    uint64_t value = 0;
    while (!AtEnd() && Peek() >= '0' && Peek() <= '9' && value < (1u << 30)) {
      value = value * 10 + static_cast<uint64_t>(source_[pos_++] - '0');
    }
    return value;
  }

  bool Quantifiers(Ast* atom) {
    while (!AtEnd()) {
      uint64_t min, max;
      const char c = Peek();
      if (c == '?') {
        min = 0, max = 1;
      } else if (c == '*') {
        min = 0, max = kUnbounded;
      } else if (c == '+') {
        min = 1, max = kUnbounded;
      } else if (c == '{') {
        ++pos_;
        const std::optional<uint64_t> n = Unsigned();
        if (!n) return false;
        min = max = *n;
        if (!AtEnd() && Peek() == ',') {
          ++pos_;
          if (!AtEnd() && Peek() == '}') {
            max = kUnbounded;
          } else {
            const std::optional<uint64_t> m = Unsigned();
            if (!m || *m < *n) return false;
            max = *m;
          }
        }
        if (AtEnd() || Peek() != '}' || max == 0) return false;
      } else {
        return true;
      }
      ++pos_;
      Ast repeat = Ast::Of(Ast::kRepeat);
      repeat.min = min;
      repeat.max = max;
      repeat.children.push_back(std::move(*atom));
      *atom = std::move(repeat);
    }
    return true;
  }

  std::string_view source_;
  size_t pos_ = 0;
  Pattern* pattern_;
};

Pattern::Fragment Pattern::Build(const Ast& ast) {
  switch (ast.kind) {
    case Ast::kChar:
    case Ast::kAny:
    case Ast::kClass: {
      const int state = NewState(ast.kind == Ast::kChar  ? NfaState::kChar
                                 : ast.kind == Ast::kAny ? NfaState::kAny
                                                         : NfaState::kClass);
      nfa_[state].codepoint = ast.codepoint;
      nfa_[state].class_index = ast.class_index;
      return {state, {{state, false}}};
    }
    case Ast::kConcat: {
      Fragment whole = Build(ast.children[0]);
      for (size_t i = 1; i < ast.children.size(); ++i) {
        Fragment next = Build(ast.children[i]);
        Patch(whole, next.start);
        whole.holes = std::move(next.holes);
      }
      return whole;
    }
    case Ast::kAlternation: {
      Fragment whole = Build(ast.children[0]);
      for (size_t i = 1; i < ast.children.size(); ++i) {
        Fragment next = Build(ast.children[i]);
        const int split = NewState(NfaState::kSplit);
        nfa_[split].out = whole.start;
        nfa_[split].out1 = next.start;
        whole.start = split;
        whole.holes.insert(whole.holes.end(), next.holes.begin(), next.holes.end());
      }
      return whole;
    }
    case Ast::kRepeat:
      return BuildRepeat(ast);
  }
  return {};
}

// x{min,max}: min copies, then a loop (max unbounded) or max-min optional copies.
Pattern::Fragment Pattern::BuildRepeat(const Ast& ast) {
  const Ast& body = ast.children[0];
  std::optional<Fragment> whole;
  auto append = [&](Fragment next) {
    if (whole) {
      Patch(*whole, next.start);
      whole->holes = std::move(next.holes);
    } else {
      whole = std::move(next);
    }
  };
  for (uint64_t i = 0; i < ast.min; ++i) append(Build(body));
  if (ast.max == kUnbounded) {
    const int split = NewState(NfaState::kSplit);
    const Fragment loop = Build(body);
    nfa_[split].out = loop.start;
    Patch(loop, split);
    append(Fragment{split, {{split, true}}});
  } else {
    for (uint64_t i = ast.min; i < ast.max; ++i) {
      const int split = NewState(NfaState::kSplit);
      Fragment option = Build(body);
      nfa_[split].out = option.start;
      option.holes.push_back({split, true});
      option.start = split;
      append(std::move(option));
    }
  }
  return *whole;
}

std::unique_ptr<Pattern> Pattern::Compile(std::string_view source) {
  auto pattern = std::unique_ptr<Pattern>(new Pattern());
  Parser parser(source, pattern.get());
  const std::optional<Ast> ast = parser.Parse();
  if (!ast) return nullptr;
  const Fragment fragment = pattern->Build(*ast);
  pattern->Patch(fragment, pattern->NewState(NfaState::kMatch));
  pattern->start_ = fragment.start;
  std::vector<bool> seen(pattern->nfa_.size());
  pattern->Close(pattern->start_, &pattern->start_closure_, &seen);
  std::sort(pattern->start_closure_.begin(), pattern->start_closure_.end());
  for (const int state : pattern->start_closure_) {
    pattern->start_matched_ |= pattern->nfa_[state].kind == NfaState::kMatch;
  }
  pattern->ComputeClasses();
  pattern->Intern(pattern->start_closure_);  // DFA state 0, never empty
  return pattern;
}

void Pattern::Close(int state, std::vector<int>* set, std::vector<bool>* seen) const {
  if ((*seen)[state]) return;
  (*seen)[state] = true;
  const NfaState& s = nfa_[state];
  if (s.kind == NfaState::kSplit) {
    Close(s.out, set, seen);
    Close(s.out1, set, seen);
  } else {
    set->push_back(state);
  }
}

bool Pattern::Accepts(const NfaState& state, uint32_t codepoint) const {
  switch (state.kind) {
    case NfaState::kChar:
      return state.codepoint == codepoint;
    case NfaState::kAny:
      return true;
    case NfaState::kClass: {
      const CharClass& cls = classes_[state.class_index];
      for (const Range& range : cls.ranges) {
        if (codepoint >= range.first && codepoint <= range.last) return !cls.negated;
      }
      return cls.negated;
    }
    default:
      return false;
  }
}

void Pattern::ComputeClasses() {
  std::array<bool, 129> cut{};  // cut[c]: a new class starts at c
  auto cut_range = [&](uint32_t first, uint32_t last) {
    if (first < 128) cut[first] = true;
    if (last < 128) cut[last + 1] = true;
  };
  for (const NfaState& state : nfa_) {
    if (state.kind == NfaState::kChar) cut_range(state.codepoint, state.codepoint);
    if (state.kind != NfaState::kClass) continue;
    for (const Range& range : classes_[state.class_index].ranges) {
      if (range.first <= range.last) cut_range(range.first, range.last);
    }
  }
  int current = 0;
  for (uint32_t c = 0; c < 128; ++c) {
    if (c > 0 && cut[c]) ++current;
    class_of_[c] = static_cast<uint8_t>(current);
  }
  class_count_ = current + 1;
}

int Pattern::Intern(std::vector<int> set) {
  const auto [it, inserted] = dfa_index_.try_emplace(set, static_cast<int>(dfa_sets_.size()));
  if (inserted) {
    if (set.empty()) dead_ = it->second;
    dfa_sets_.push_back(std::move(set));
    transitions_.resize(transitions_.size() + static_cast<size_t>(class_count_), -1);
  }
  return it->second;
}

// One character of GenericRegex::SearchWithAnchoring: the states reached by a
// transition (the match flag counts only those), plus the start states again when the
// pattern is not anchored at the beginning and the current set is not empty.
int32_t Pattern::Step(int dfa_state, uint32_t codepoint) {
  std::vector<int> set;
  std::vector<bool> seen(nfa_.size());
  for (const int state : dfa_sets_[dfa_state]) {
    if (Accepts(nfa_[state], codepoint)) Close(nfa_[state].out, &set, &seen);
  }
  bool matched = false;
  for (const int state : set) matched |= nfa_[state].kind == NfaState::kMatch;
  if (!anchor_begin_ && !dfa_sets_[dfa_state].empty()) {
    for (const int state : start_closure_) {
      if (!seen[state]) {
        seen[state] = true;
        set.push_back(state);
      }
    }
  }
  std::sort(set.begin(), set.end());
  const int32_t result = (Intern(std::move(set)) << 1) | (matched ? 1 : 0);
  if (codepoint < 128) {
    transitions_[static_cast<size_t>(dfa_state) * class_count_ + class_of_[codepoint]] = result;
  }
  return result;
}

bool Pattern::Search(std::string_view text) {
  int state = 0;
  bool matched = start_matched_;
  size_t pos = 0;
  while (state != dead_ && pos < text.size()) {
    uint32_t cp = static_cast<unsigned char>(text[pos++]);
    int32_t step =
        cp < 128 ? transitions_[static_cast<size_t>(state) * class_count_ + class_of_[cp]] : -1;
    if (step < 0) {
      if (cp >= 0x80) {  // UTF-8, decoded as RapidJSON's UTF8<>::Decode does for valid input
        const int extra = cp >= 0xF0 ? 3 : cp >= 0xE0 ? 2 : 1;
        cp &= 0x3F >> extra;
        for (int i = 0; i < extra && pos < text.size(); ++i) {
          cp = (cp << 6) | (static_cast<unsigned char>(text[pos++]) & 0x3F);
        }
      }
      // RapidJSON searches a C string and stops at U+0000, but the reference validator
      // (Python's re) does not: stopping made any pattern-checked string pass with a
      // "\u0000junk" suffix ("identity--<uuid>\u0000x" was a valid id). U+0000 is an
      // ordinary character here, which no schema pattern accepts.
      step = Step(state, cp);
    }
    matched = (step & 1) != 0;
    if (!anchor_end_ && matched) return true;
    state = step >> 1;
  }
  return matched;
}

}  // namespace stixkit::stix::validate::internal
