#include "stix/validate/schema_check.h"

#include <algorithm>
#include <array>
#include <cstdint>
#include <limits>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "absl/container/flat_hash_map.h"
#include "absl/container/flat_hash_set.h"
#include "absl/strings/str_cat.h"
#include "rapidjson/pointer.h"
#include "rapidjson/stringbuffer.h"
#include "rapidjson/writer.h"
#include "stix/base/strings.h"
#include "stix/validate/schema_store.h"

// Why not rapidjson::SchemaValidator: on RapidJSON 1.1.0 it managed ~16,000 STIX
// objects/s. Its regex engine spends about 1 µs per search (a Thompson NFA that clears
// its state set on every character), every allOf branch and patternProperties match
// runs a parallel validator fed every SAX event, and a failure is reported as "allOf"
// at the object. This file compiles the same draft-04 schemas into a tree walked
// directly over the rapidjson::Value, with the patterns run as lazily built DFAs that
// give the same answers as RapidJSON's engine (global "^"/"$" anchors included). The
// tests replay every conformance object through both and compare verdicts.

namespace stixkit::stix {
namespace {

using rapidjson::Value;

// The reference validator's fallbacks for types without a schema of their own.
constexpr std::string_view kCoreSchema = "core.json";
constexpr std::string_view kObservableCoreSchema = "cyber-observable-core.json";
// Deeper than any bundled schema nests; stops reference cycles.
constexpr int kMaxDepth = 64;
// Values quoted in messages are cut to this many bytes.
constexpr size_t kMaxValueText = 80;
constexpr uint64_t kUnbounded = std::numeric_limits<uint64_t>::max();

const Value* Member(const Value& object, std::string_view name) {
  if (!object.IsObject()) return nullptr;
  const auto it = object.FindMember(
      Value(rapidjson::StringRef(name.data(), static_cast<rapidjson::SizeType>(name.size()))));
  return it == object.MemberEnd() ? nullptr : &it->value;
}

std::string_view StringOf(const Value* value) {
  if (value == nullptr || !value->IsString()) return {};
  return {value->GetString(), value->GetStringLength()};
}

std::string_view NameOf(const Value& name) { return {name.GetString(), name.GetStringLength()}; }

// ---------------------------------------------------------------------------------
// Patterns: the regex subset of rapidjson/internal/regex.h with its semantics, run as
// a DFA built on demand. RapidJSON's rules mirrored here: "^" and "$" anywhere anchor
// the whole pattern; a search without "$" succeeds as soon as a match ends; the text
// ends at its first NUL; the only escapes are \f \n \r \t \v, a backslash before one
// of ^ $ | ( ) ? * + . [ ] { } or itself, and \b (backspace) inside a class. A pattern RapidJSON
// cannot compile does not compile here either (the schema tests check that both agree).

class Pattern {
 public:
  // The compiled pattern, or nullptr when the syntax is outside RapidJSON's subset.
  static std::unique_ptr<Pattern> Compile(std::string_view source);

  // Whether the pattern is found in `text`, as GenericRegex::Search would say.
  bool Search(std::string_view text);

 private:
  struct Ast {
    enum Kind { kChar, kAny, kClass, kConcat, kAlternation, kRepeat } kind = kChar;
    uint32_t codepoint = 0;
    int class_index = -1;
    uint64_t min = 0, max = 0;  // kRepeat
    std::vector<Ast> children;

    static Ast Of(Kind kind, uint32_t codepoint = 0) {
      Ast ast;
      ast.kind = kind;
      ast.codepoint = codepoint;
      return ast;
    }
  };
  struct Range {
    uint32_t first, last;
  };
  struct CharClass {
    std::vector<Range> ranges;
    bool negated = false;
  };
  struct NfaState {
    enum Kind { kChar, kAny, kClass, kSplit, kMatch } kind = kMatch;
    uint32_t codepoint = 0;
    int class_index = -1;
    int out = -1, out1 = -1;
  };
  struct Fragment {
    int start;
    std::vector<std::pair<int, bool>> holes;  // (state, is out1) left to patch
  };

  class Parser;
  int NewState(NfaState::Kind kind) {
    nfa_.push_back(NfaState{kind, 0, -1, -1, -1});
    return static_cast<int>(nfa_.size()) - 1;
  }
  void Patch(const Fragment& fragment, int target) {
    for (const auto& [state, is_out1] : fragment.holes) {
      (is_out1 ? nfa_[state].out1 : nfa_[state].out) = target;
    }
  }
  Fragment Build(const Ast& ast);
  Fragment BuildRepeat(const Ast& ast);
  void Close(int state, std::vector<int>* set, std::vector<bool>* seen) const;
  bool Accepts(const NfaState& state, uint32_t codepoint) const;
  int Intern(std::vector<int> set);
  int32_t Step(int dfa_state, uint32_t codepoint);

  std::vector<CharClass> classes_;
  std::vector<NfaState> nfa_;
  int start_ = -1;
  bool anchor_begin_ = false;
  bool anchor_end_ = false;
  std::vector<int> start_closure_;
  bool start_matched_ = false;
  // DFA states are sets of NFA states, numbered in order of discovery; 0 is the start.
  std::vector<std::vector<int>> dfa_sets_;
  absl::flat_hash_map<std::vector<int>, int> dfa_index_;
  int dead_ = -1;  // the empty set, once discovered
  // ASCII characters the pattern cannot tell apart share a class, which keeps the
  // transition table a few cache lines long.
  std::array<uint8_t, 128> class_of_{};
  int class_count_ = 1;
  // transitions_[state * class_count_ + class]: -1 unknown, else (next << 1) | matched.
  std::vector<int32_t> transitions_;
  void ComputeClasses();
};

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
      if (cp == 0) break;  // RapidJSON searches a C string
      step = Step(state, cp);
    }
    matched = (step & 1) != 0;
    if (!anchor_end_ && matched) return true;
    state = step >> 1;
  }
  return matched;
}

// ---------------------------------------------------------------------------------
// Compiled schemas: one Node per schema JSON node, "$ref" resolved at compile time
// (draft-04: a "$ref" replaces its siblings, as in RapidJSON).

enum TypeBit : uint8_t {
  kNullBit = 1,
  kBooleanBit = 2,
  kObjectBit = 4,
  kArrayBit = 8,
  kStringBit = 16,
  kIntegerBit = 32,  // RapidJSON: a value parsed as a double (1.0) is not an integer
  kNumberBit = 64,
  kAnyType = 127,
};

uint8_t TypeBitOf(const Value& value) {
  switch (value.GetType()) {
    case rapidjson::kNullType:
      return kNullBit;
    case rapidjson::kFalseType:
    case rapidjson::kTrueType:
      return kBooleanBit;
    case rapidjson::kObjectType:
      return kObjectBit;
    case rapidjson::kArrayType:
      return kArrayBit;
    case rapidjson::kStringType:
      return kStringBit;
    case rapidjson::kNumberType:
      return value.IsInt64() || value.IsUint64() ? kIntegerBit : kNumberBit;
  }
  return 0;
}

uint8_t TypeMaskOf(std::string_view name) {
  if (name == "null") return kNullBit;
  if (name == "boolean") return kBooleanBit;
  if (name == "object") return kObjectBit;
  if (name == "array") return kArrayBit;
  if (name == "string") return kStringBit;
  if (name == "integer") return kIntegerBit;
  if (name == "number") return kIntegerBit | kNumberBit;
  return 0;
}

struct Node {
  const Value* json = nullptr;  // for messages: title, description, keyword arguments
  std::string_view title;
  uint8_t types = kAnyType;
  const Value* enum_values = nullptr;
  Pattern* pattern = nullptr;
  uint64_t min_length = 0, max_length = kUnbounded;
  const Value* minimum = nullptr;
  const Value* maximum = nullptr;
  bool exclusive_minimum = false, exclusive_maximum = false;
  // Objects.
  absl::flat_hash_map<std::string, const Node*> properties;
  std::vector<std::pair<Pattern*, const Node*>> pattern_properties;
  // Which pattern_properties match a key (bit i for entry i), remembered per key:
  // property names repeat across objects, and a lookup is cheaper than the searches.
  mutable absl::flat_hash_map<std::string, uint64_t> key_matches;
  absl::flat_hash_set<std::string> declared;  // required and dependency names
  bool forbid_additional = false;
  const Node* additional = nullptr;
  std::vector<std::string_view> required;
  uint64_t min_properties = 0, max_properties = kUnbounded;
  std::vector<std::pair<std::string_view, std::vector<std::string_view>>> dependencies;
  // Arrays.
  const Node* items = nullptr;
  uint64_t min_items = 0, max_items = kUnbounded;
  // Combinations.
  std::vector<const Node*> all_of, any_of, one_of;
  const Node* not_schema = nullptr;
};

uint64_t CountOf(const Value& node, const char* keyword, uint64_t otherwise) {
  const Value* value = Member(node, keyword);
  return value != nullptr && value->IsUint64() ? value->GetUint64() : otherwise;
}

// Names RapidJSON treats as declared, never additional: properties, required and
// dependencies all declare names (schema.h, the Schema constructor).
void CollectDeclared(const Value& json, Node* node) {
  if (const Value* required = Member(json, "required"); required && required->IsArray()) {
    for (const Value& name : required->GetArray()) {
      if (name.IsString()) node->declared.emplace(Av(NameOf(name)));
    }
  }
  if (const Value* deps = Member(json, "dependencies"); deps && deps->IsObject()) {
    for (const auto& entry : deps->GetObject()) {
      node->declared.emplace(Av(NameOf(entry.name)));
      if (!entry.value.IsArray()) continue;
      for (const Value& name : entry.value.GetArray()) {
        if (name.IsString()) node->declared.emplace(Av(NameOf(name)));
      }
    }
  }
}

// All bundled schemas, compiled once per thread (patterns build their DFAs lazily).
class CompiledSchemas {
 public:
  explicit CompiledSchemas(const SchemaStore& store) : store_(store) {}

  // The root node of a schema file, or nullptr when no such file is bundled.
  const Node* Root(std::string_view file) {
    const Value* json = store_.JsonByName(file);
    return json == nullptr ? nullptr : Compile(file, *json, 0);
  }

 private:
  const Node* Compile(std::string_view file, const Value& json, int depth);
  const Node* CompileRef(std::string_view file, std::string_view ref, int depth);
  void Fill(std::string_view file, const Value& json, Node* node, int depth);
  Pattern* PatternFor(const Value& source);

  const SchemaStore& store_;
  std::vector<std::unique_ptr<Node>> nodes_;
  absl::flat_hash_map<const Value*, const Node*> by_json_;
  absl::flat_hash_map<std::string, std::unique_ptr<Pattern>> patterns_;
};

// A pattern RapidJSON cannot compile is ignored by RapidJSON; nullptr does the same.
Pattern* CompiledSchemas::PatternFor(const Value& source) {
  auto [it, inserted] = patterns_.try_emplace(std::string(NameOf(source)));
  if (inserted) it->second = Pattern::Compile(NameOf(source));
  return it->second.get();
}

const Node* CompiledSchemas::CompileRef(std::string_view file, std::string_view ref, int depth) {
  const size_t hash = ref.find('#');
  std::string_view target_file = ref.substr(0, hash);
  if (const size_t slash = target_file.rfind('/'); slash != std::string_view::npos) {
    target_file.remove_prefix(slash + 1);
  }
  if (target_file.empty()) target_file = file;
  const Value* root = store_.JsonByName(target_file);
  if (root == nullptr) return nullptr;
  const Value* target = root;
  if (hash != std::string_view::npos && hash + 1 < ref.size()) {
    const std::string_view fragment = ref.substr(hash + 1);
    target = rapidjson::Pointer(fragment.data(), fragment.size()).Get(*root);
  }
  return target == nullptr ? nullptr : Compile(target_file, *target, depth + 1);
}

const Node* CompiledSchemas::Compile(std::string_view file, const Value& json, int depth) {
  if (!json.IsObject() || depth > kMaxDepth) return nullptr;
  if (const auto it = by_json_.find(&json); it != by_json_.end()) return it->second;
  if (const std::string_view ref = StringOf(Member(json, "$ref")); !ref.empty()) {
    const Node* target = CompileRef(file, ref, depth);
    by_json_[&json] = target;
    return target;
  }
  nodes_.push_back(std::make_unique<Node>());
  Node* node = nodes_.back().get();
  by_json_[&json] = node;  // before the children: schemas may refer back to themselves
  Fill(file, json, node, depth);
  return node;
}

void CompiledSchemas::Fill(std::string_view file, const Value& json, Node* node, int depth) {
  node->json = &json;
  node->title = StringOf(Member(json, "title"));
  if (const Value* type = Member(json, "type")) {
    node->types = 0;
    if (type->IsString()) node->types = TypeMaskOf(NameOf(*type));
    if (type->IsArray()) {
      for (const Value& each : type->GetArray()) {
        if (each.IsString()) node->types |= TypeMaskOf(NameOf(each));
      }
    }
  }
  if (const Value* values = Member(json, "enum"); values && values->IsArray() && !values->Empty()) {
    node->enum_values = values;
  }
  if (const Value* pattern = Member(json, "pattern"); pattern && pattern->IsString()) {
    node->pattern = PatternFor(*pattern);
  }
  node->min_length = CountOf(json, "minLength", 0);
  node->max_length = CountOf(json, "maxLength", kUnbounded);
  if (const Value* min = Member(json, "minimum"); min && min->IsNumber()) node->minimum = min;
  if (const Value* max = Member(json, "maximum"); max && max->IsNumber()) node->maximum = max;
  node->exclusive_minimum =
      Member(json, "exclusiveMinimum") && Member(json, "exclusiveMinimum")->IsTrue();
  node->exclusive_maximum =
      Member(json, "exclusiveMaximum") && Member(json, "exclusiveMaximum")->IsTrue();
  if (const Value* properties = Member(json, "properties"); properties && properties->IsObject()) {
    for (const auto& member : properties->GetObject()) {
      if (const Node* sub = Compile(file, member.value, depth + 1)) {
        node->properties.emplace(Av(NameOf(member.name)), sub);
      }
    }
  }
  if (const Value* patterns = Member(json, "patternProperties"); patterns && patterns->IsObject()) {
    for (const auto& member : patterns->GetObject()) {
      Pattern* pattern = PatternFor(member.name);
      const Node* sub = Compile(file, member.value, depth + 1);
      if (pattern != nullptr && sub != nullptr && node->pattern_properties.size() < 64) {
        node->pattern_properties.push_back({pattern, sub});
      }
    }
  }
  CollectDeclared(json, node);
  if (const Value* additional = Member(json, "additionalProperties")) {
    node->forbid_additional = additional->IsFalse();
    if (additional->IsObject()) node->additional = Compile(file, *additional, depth + 1);
  }
  if (const Value* required = Member(json, "required"); required && required->IsArray()) {
    for (const Value& name : required->GetArray()) {
      if (name.IsString()) node->required.push_back(NameOf(name));
    }
  }
  node->min_properties = CountOf(json, "minProperties", 0);
  node->max_properties = CountOf(json, "maxProperties", kUnbounded);
  if (const Value* deps = Member(json, "dependencies"); deps && deps->IsObject()) {
    for (const auto& entry : deps->GetObject()) {
      if (!entry.value.IsArray()) continue;  // schema dependencies: unused by the schemas
      std::vector<std::string_view> needed;
      for (const Value& name : entry.value.GetArray()) {
        if (name.IsString()) needed.push_back(NameOf(name));
      }
      node->dependencies.push_back({NameOf(entry.name), std::move(needed)});
    }
  }
  if (const Value* items = Member(json, "items"); items && items->IsObject()) {
    node->items = Compile(file, *items, depth + 1);
  }
  node->min_items = CountOf(json, "minItems", 0);
  node->max_items = CountOf(json, "maxItems", kUnbounded);
  for (const auto& [keyword, list] :
       {std::pair{"allOf", &node->all_of}, std::pair{"anyOf", &node->any_of},
        std::pair{"oneOf", &node->one_of}}) {
    const Value* branches = Member(json, keyword);
    if (branches == nullptr || !branches->IsArray()) continue;
    for (const Value& branch : branches->GetArray()) {
      // An unresolvable branch is an empty schema, which accepts everything.
      static const Node kAnything;
      const Node* sub = Compile(file, branch, depth + 1);
      list->push_back(sub != nullptr ? sub : &kAnything);
    }
  }
  if (const Value* inner = Member(json, "not"); inner && inner->IsObject()) {
    node->not_schema = Compile(file, *inner, depth + 1);
  }
}

// ---------------------------------------------------------------------------------
// Evaluation. With a Trace, the walk also records where the first violation is and
// what the schema wanted there; without one it only answers valid or not.

struct Failure {
  std::string pointer;           // into the validated value
  const Node* node = nullptr;    // whose keyword failed
  std::string_view keyword;      // "pattern", "required", ...
  std::string_view title;        // the nearest "title": what was expected
  std::string detail;            // a property name, for object keywords
  const Value* value = nullptr;  // the value that failed
};

struct Trace {
  std::string pointer;
  std::string_view title;
  std::optional<Failure> failure;
};

// RFC 6901 escaping of one reference token.
void AppendToken(std::string* pointer, std::string_view token) {
  pointer->push_back('/');
  for (const char c : token) {
    if (c == '~') {
      pointer->append("~0");
    } else if (c == '/') {
      pointer->append("~1");
    } else {
      pointer->push_back(c);
    }
  }
}

size_t CodePointCount(std::string_view text) {
  size_t count = 0;
  for (const char c : text) count += (static_cast<unsigned char>(c) & 0xC0) != 0x80;
  return count;
}

bool Fail(Trace* trace, const Node& node, std::string_view keyword, const Value& value,
          std::string detail = {}) {
  if (trace != nullptr) {
    trace->failure =
        Failure{trace->pointer, &node, keyword, trace->title, std::move(detail), &value};
  }
  return false;
}

bool Check(const Value& value, const Node& node, Trace* trace);

// Checks a member or item; the trace's pointer and title follow it down and back.
bool CheckChild(const Value& value, const Node& node, std::string_view token, Trace* trace) {
  if (trace == nullptr) return Check(value, node, nullptr);
  const size_t size = trace->pointer.size();
  const std::string_view title = trace->title;
  AppendToken(&trace->pointer, token);
  trace->title = {};
  const bool ok = Check(value, node, trace);
  trace->pointer.resize(size);
  trace->title = title;
  return ok;
}

bool CheckNumber(const Value& value, const Node& node, Trace* trace) {
  const double number = value.GetDouble();
  if (node.minimum != nullptr) {
    const double min = node.minimum->GetDouble();
    if (node.exclusive_minimum ? number <= min : number < min) {
      return Fail(trace, node, "minimum", value);
    }
  }
  if (node.maximum != nullptr) {
    const double max = node.maximum->GetDouble();
    if (node.exclusive_maximum ? number >= max : number > max) {
      return Fail(trace, node, "maximum", value);
    }
  }
  return true;
}

// Bounds the memory a stream of distinct (custom) keys can take.
constexpr size_t kMaxRememberedKeys = 4096;

uint64_t KeyMatches(const Node& node, std::string_view key) {
  if (const auto it = node.key_matches.find(Av(key)); it != node.key_matches.end()) {
    return it->second;
  }
  uint64_t matches = 0;
  for (size_t i = 0; i < node.pattern_properties.size(); ++i) {
    if (node.pattern_properties[i].first->Search(key)) matches |= uint64_t{1} << i;
  }
  if (node.key_matches.size() < kMaxRememberedKeys) node.key_matches.emplace(Av(key), matches);
  return matches;
}

bool CheckObject(const Value& value, const Node& node, Trace* trace) {
  for (const std::string_view name : node.required) {
    if (Member(value, name) == nullptr)
      return Fail(trace, node, "required", value, std::string(name));
  }
  for (const auto& member : value.GetObject()) {
    const std::string_view key = NameOf(member.name);
    bool declared = false;
    if (!node.properties.empty()) {
      if (const auto it = node.properties.find(Av(key)); it != node.properties.end()) {
        declared = true;
        if (!CheckChild(member.value, *it->second, key, trace)) return false;
      }
    }
    if (!node.pattern_properties.empty()) {
      const uint64_t matches = KeyMatches(node, key);
      for (size_t i = 0; i < node.pattern_properties.size(); ++i) {
        if ((matches >> i & 1) == 0) continue;
        declared = true;
        if (!CheckChild(member.value, *node.pattern_properties[i].second, key, trace)) return false;
      }
    }
    if (declared || (!node.forbid_additional && node.additional == nullptr) ||
        node.declared.contains(Av(key))) {
      continue;
    }
    if (node.additional != nullptr) {
      if (!CheckChild(member.value, *node.additional, key, trace)) return false;
      continue;
    }
    if (trace == nullptr) return false;
    const size_t size = trace->pointer.size();
    AppendToken(&trace->pointer, key);
    Fail(trace, node, "additionalProperties", member.value, std::string(key));
    trace->pointer.resize(size);
    return false;
  }
  if (value.MemberCount() < node.min_properties) return Fail(trace, node, "minProperties", value);
  if (value.MemberCount() > node.max_properties) return Fail(trace, node, "maxProperties", value);
  for (const auto& [name, needed] : node.dependencies) {
    if (Member(value, name) == nullptr) continue;
    for (const std::string_view other : needed) {
      if (Member(value, other) == nullptr) {
        return Fail(trace, node, "dependencies", value,
                    absl::StrCat("\"", Av(name), "\" requires \"", Av(other), "\""));
      }
    }
  }
  return true;
}

bool CheckArray(const Value& value, const Node& node, Trace* trace) {
  if (value.Size() < node.min_items) return Fail(trace, node, "minItems", value);
  if (value.Size() > node.max_items) return Fail(trace, node, "maxItems", value);
  if (node.items != nullptr) {
    for (rapidjson::SizeType i = 0; i < value.Size(); ++i) {
      if (!CheckChild(value[i], *node.items, std::to_string(i), trace)) return false;
    }
  }
  return true;
}

bool CheckBranches(const Value& value, const Node& node, Trace* trace) {
  for (const Node* branch : node.all_of) {
    if (!Check(value, *branch, trace)) return false;
  }
  if (!node.any_of.empty()) {
    bool any = false;
    for (const Node* branch : node.any_of) {
      if ((any = Check(value, *branch, nullptr))) break;
    }
    if (!any) return Fail(trace, node, "anyOf", value);
  }
  if (!node.one_of.empty()) {
    int matches = 0;
    for (const Node* branch : node.one_of) matches += Check(value, *branch, nullptr);
    if (matches != 1) return Fail(trace, node, "oneOf", value, matches > 1 ? "several" : "");
  }
  if (node.not_schema != nullptr && Check(value, *node.not_schema, nullptr)) {
    return Fail(trace, node, "not", value);
  }
  return true;
}

bool Check(const Value& value, const Node& node, Trace* trace) {
  std::string_view outer_title;
  if (trace != nullptr) {
    outer_title = trace->title;
    if (!node.title.empty()) trace->title = node.title;
  }
  bool ok = true;
  if ((TypeBitOf(value) & node.types) == 0) {
    ok = Fail(trace, node, "type", value);
  } else if (node.enum_values != nullptr &&
             std::none_of(node.enum_values->Begin(), node.enum_values->End(),
                          [&](const Value& each) { return each == value; })) {
    ok = Fail(trace, node, "enum", value);
  } else if (value.IsString()) {
    const std::string_view text = NameOf(value);
    if (node.min_length > 0 || node.max_length != kUnbounded) {
      const size_t length = CodePointCount(text);
      if (length < node.min_length) ok = Fail(trace, node, "minLength", value);
      if (ok && length > node.max_length) ok = Fail(trace, node, "maxLength", value);
    }
    if (ok && node.pattern != nullptr && !node.pattern->Search(text)) {
      ok = Fail(trace, node, "pattern", value);
    }
  } else if (value.IsNumber()) {
    ok = CheckNumber(value, node, trace);
  } else if (value.IsObject()) {
    ok = CheckObject(value, node, trace);
  } else if (value.IsArray()) {
    ok = CheckArray(value, node, trace);
  }
  if (ok) ok = CheckBranches(value, node, trace);
  if (trace != nullptr) trace->title = outer_title;
  return ok;
}

// ---------------------------------------------------------------------------------
// Messages.

// Compact JSON, cut short: "2016-01-01T00:00:00Z", 21, [], {"a": ...
std::string ValueText(const Value& value) {
  rapidjson::StringBuffer buffer;
  rapidjson::Writer<rapidjson::StringBuffer> writer(buffer);
  value.Accept(writer);
  std::string text(buffer.GetString(), buffer.GetSize());
  if (text.size() > kMaxValueText) {
    size_t cut = kMaxValueText;
    while (cut > 0 && (static_cast<unsigned char>(text[cut]) & 0xC0) == 0x80) --cut;  // UTF-8
    text.resize(cut);
    text += "...";
  }
  return text;
}

// What a keyword wanted, for a schema node without a "title".
std::string KeywordExpectation(const Failure& failure) {
  const Value* arg = Member(*failure.node->json, failure.keyword);
  const std::string text = arg != nullptr ? ValueText(*arg) : std::string();
  const std::string_view keyword = failure.keyword;
  if (keyword == "type") {
    if (arg == nullptr || !arg->IsString()) return absl::StrCat("a value of type ", text);
    const std::string_view type = NameOf(*arg);
    if (type == "array") return "a list";
    if (type == "integer" || type == "object") return absl::StrCat("an ", Av(type));
    return absl::StrCat("a ", Av(type));
  }
  if (keyword == "enum") return absl::StrCat("one of ", text);
  if (keyword == "pattern") return absl::StrCat("a string matching ", text);
  if (keyword == "minLength") return absl::StrCat("at least ", text, " characters");
  if (keyword == "maxLength") return absl::StrCat("at most ", text, " characters");
  if (keyword == "minimum") return absl::StrCat("a number of at least ", text);
  if (keyword == "maximum") return absl::StrCat("a number of at most ", text);
  if (keyword == "minItems") return absl::StrCat("a list of at least ", text, " items");
  if (keyword == "maxItems") return absl::StrCat("a list of at most ", text, " items");
  if (keyword == "minProperties") return absl::StrCat("an object of at least ", text, " members");
  if (keyword == "maxProperties") return absl::StrCat("an object of at most ", text, " members");
  return "a different value";
}

// A rule over several values (anyOf, oneOf, not, additionalProperties) is worded by
// its node's "description"; a rule over one value reads "expected <title>, got <value>".
std::string Message(const Failure& failure) {
  const std::string_view description = StringOf(Member(*failure.node->json, "description"));
  const std::string_view keyword = failure.keyword;
  const std::string got = ValueText(*failure.value);
  if (keyword == "required")
    return absl::StrCat("missing required property \"", failure.detail, "\"");
  if (keyword == "dependencies") return absl::StrCat("property ", failure.detail);
  if (keyword == "additionalProperties") {
    return absl::StrCat("unexpected property \"", failure.detail, "\"",
                        description.empty() ? "" : ": ", Av(description));
  }
  if (keyword == "anyOf" || keyword == "oneOf" || keyword == "not") {
    if (!description.empty()) return std::string(description);
    if (!failure.title.empty()) return absl::StrCat("expected ", Av(failure.title), ", got ", got);
    if (keyword == "not") return absl::StrCat("value not allowed here: ", got);
    if (failure.detail == "several")
      return absl::StrCat("matches more than one allowed form: ", got);
    return absl::StrCat("matches none of the allowed forms: ", got);
  }
  const std::string expected =
      failure.title.empty() ? KeywordExpectation(failure) : std::string(failure.title);
  return absl::StrCat("expected ", expected, ", got ", got);
}

// ---------------------------------------------------------------------------------
// Dispatch.

CompiledSchemas& SchemasForThisThread() {
  thread_local CompiledSchemas schemas(SchemaStore::Default());
  return schemas;
}

// Checks `value` against the schema file `file` and appends at most one finding.
void Validate(CompiledSchemas& schemas, const Value& value, std::string_view file,
              const std::string& object_id, std::string_view pointer_prefix, Findings* out) {
  const Node* root = schemas.Root(file);
  if (root == nullptr || Check(value, *root, nullptr)) return;
  Trace trace;
  Check(value, *root, &trace);
  if (!trace.failure) {  // not expected: the traced walk takes the same decisions
    out->push_back(Finding::Error("", object_id, std::string(pointer_prefix),
                                  absl::StrCat("does not match schema ", Av(file))));
    return;
  }
  out->push_back(Finding::Error("", object_id,
                                absl::StrCat(Av(pointer_prefix), trace.failure->pointer),
                                Message(*trace.failure)));
}

// The reference's dispatch: a spec type's own schema; a custom type falls back to the
// SDO/SRO core, or to the SCO core when it carries neither created nor modified.
std::string_view SchemaFileFor(const SchemaStore& store, const Value& object) {
  const std::string_view type = StringOf(Member(object, "type"));
  if (const std::string_view file = store.FileNameOf(type); !file.empty()) return file;
  if (object.HasMember("created") || object.HasMember("modified")) return kCoreSchema;
  return kObservableCoreSchema;
}

// A bundle's members are validated one by one by the caller; like the reference, the
// bundle itself is checked as if "objects" held anything.
void CheckBundle(CompiledSchemas& schemas, std::string_view file, const Value& bundle,
                 const std::string& id, Findings* out) {
  rapidjson::Document shell(rapidjson::kObjectType);
  for (const auto& member : bundle.GetObject()) {
    if (NameOf(member.name) == "objects") continue;
    shell.AddMember(Value(member.name, shell.GetAllocator()),
                    Value(member.value, shell.GetAllocator()), shell.GetAllocator());
  }
  Validate(schemas, shell, file, id, "", out);
}

// Each value of observed-data's deprecated "objects" dictionary, against its SCO schema.
void CheckEmbeddedObservables(const SchemaStore& store, CompiledSchemas& schemas,
                              const Value& observed_data, const std::string& id, Findings* out) {
  const Value* objects = Member(observed_data, "objects");
  if (objects == nullptr || !objects->IsObject()) return;
  for (const auto& member : objects->GetObject()) {
    if (!member.value.IsObject()) continue;  // observed-data.json reports it
    const std::string_view type = StringOf(Member(member.value, "type"));
    std::string_view file = kObservableCoreSchema;
    if (store.IsKnownType(type) && store.CategoryOf(type) == ObjectCategory::kSco) {
      file = store.FileNameOf(type);
    }
    std::string prefix = "/objects";
    AppendToken(&prefix, NameOf(member.name));
    Validate(schemas, member.value, file, id, prefix, out);
  }
}

}  // namespace

void CheckSchema(const rapidjson::Value& object, const ValidationOptions& /*options*/,
                 Findings* out) {
  if (!object.IsObject()) {
    out->push_back(Finding::Error(
        "", "", "",
        absl::StrCat("expected a STIX object (a JSON object), got ", ValueText(object))));
    return;
  }
  const SchemaStore& store = SchemaStore::Default();
  CompiledSchemas& schemas = SchemasForThisThread();
  const std::string id(StringOf(Member(object, "id")));
  const std::string_view type = StringOf(Member(object, "type"));
  if (type == "bundle") {
    CheckBundle(schemas, store.FileNameOf(type), object, id, out);
    return;
  }
  Validate(schemas, object, SchemaFileFor(store, object), id, "", out);
  if (type == "observed-data") CheckEmbeddedObservables(store, schemas, object, id, out);
}

bool CheckAgainstSchemaFile(const rapidjson::Value& value, std::string_view file_name,
                            Findings* out) {
  const size_t before = out->size();
  Validate(SchemasForThisThread(), value, file_name, std::string(StringOf(Member(value, "id"))), "",
           out);
  return out->size() == before;
}

std::optional<bool> SchemaPatternSearchForTesting(std::string_view pattern, std::string_view text) {
  std::unique_ptr<Pattern> compiled = Pattern::Compile(pattern);
  if (compiled == nullptr) return std::nullopt;
  return compiled->Search(text);
}

}  // namespace stixkit::stix
