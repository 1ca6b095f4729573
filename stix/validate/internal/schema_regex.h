// The regular-expression engine of the schema stage: the pattern subset of RapidJSON
// 1.1.0 (rapidjson/internal/regex.h) with its semantics, run as a DFA built on demand.
// RapidJSON's rules mirrored here: "^" and "$" anywhere anchor the whole pattern; a
// search without "$" succeeds as soon as a match ends; the text ends at its first NUL;
// the only escapes are \f \n \r \t \v, a backslash before one of ^ $ | ( ) ? * + . [ ] { }
// or itself, and \b (backspace) inside a class. A pattern RapidJSON cannot compile does
// not compile here either (the schema tests check that both agree). Internal to
// stix/validate.
//
//   std::unique_ptr<Pattern> pattern = Pattern::Compile("^[a-z0-9-]+$");
//   if (pattern != nullptr && pattern->Search(text)) ...
//
// Not thread-safe: Search extends the DFA as it meets new characters, so one Pattern
// belongs to one thread (compiled_schema.h keeps one set per thread). Search keeps no
// reference to `text`.
#ifndef STIXKIT_STIX_VALIDATE_INTERNAL_SCHEMA_REGEX_H_
#define STIXKIT_STIX_VALIDATE_INTERNAL_SCHEMA_REGEX_H_

#include <array>
#include <cstdint>
#include <limits>
#include <memory>
#include <string_view>
#include <utility>
#include <vector>

#include "absl/container/flat_hash_map.h"

namespace stixkit::stix::validate::internal {

// No upper bound: the max of "x*" and "x+" here, and of an absent maxLength, maxItems
// or maxProperties in compiled_schema.h.
inline constexpr uint64_t kUnbounded = std::numeric_limits<uint64_t>::max();

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

}  // namespace stixkit::stix::validate::internal

#endif  // STIXKIT_STIX_VALIDATE_INTERNAL_SCHEMA_REGEX_H_
