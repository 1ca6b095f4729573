#include "converters/map/text_features.h"

#include <algorithm>
#include <string>

#include "converters/map/tokenizer.h"

namespace stixkit::convert {
namespace {

// FNV-1a: simple, fast on short words, and fixed forever (the model file depends on it).
constexpr uint64_t kFnvOffset = 14695981039346656037ull;
constexpr uint64_t kFnvPrime = 1099511628211ull;

// splitmix64's finaliser spreads FNV's weak low bits before we keep 32 of them.
uint64_t Mix(uint64_t x) {
  x ^= x >> 30;
  x *= 0xbf58476d1ce4e5b9ull;
  x ^= x >> 27;
  x *= 0x94d049bb133111ebull;
  return x ^ (x >> 31);
}

uint32_t Fold(uint64_t x) { return static_cast<uint32_t>(x ^ (x >> 32)); }

// Length of `word` after removing one common inflection; stems are only used as hash
// input, so they need not be real words, just the same for related forms.
size_t StemLength(std::string_view word) {
  const size_t n = word.size();
  auto ends = [&](std::string_view s) { return n > s.size() + 3 && word.ends_with(s); };
  if (ends("ing")) return n - 3;
  if (ends("ed")) return n - 2;
  if (ends("es") && !word.ends_with("ses")) return n - 2;
  if (n > 3 && word.back() == 's' && word[n - 2] != 's' && word[n - 2] != 'u') return n - 1;
  return n;
}

uint64_t NormalizedWordHash(std::string_view text, const Token& t, const FeatureOptions& o,
                            std::string* scratch) {
  scratch->clear();
  bool in_digits = false;
  for (size_t i = t.begin; i < t.end; ++i) {
    const char c = AsciiLower(text[i]);
    const bool digit = c >= '0' && c <= '9';
    if (o.fold_digits && digit) {
      if (!in_digits) scratch->push_back('0');
      in_digits = true;
      continue;
    }
    in_digits = false;
    scratch->push_back(c);
  }
  std::string_view word(*scratch);
  if (o.stem) word = word.substr(0, StemLength(word));
  return WordHash(word);
}

}  // namespace

uint64_t WordHash(std::string_view lowercase_word) {
  uint64_t h = kFnvOffset;
  for (unsigned char c : lowercase_word) {
    h ^= c;
    h *= kFnvPrime;
  }
  return Mix(h);
}

void ExtractFeatures(std::string_view text, const FeatureOptions& options,
                     std::vector<uint32_t>* out) {
  thread_local std::vector<Token> tokens;
  thread_local std::string scratch;
  out->clear();
  Tokenize(text, &tokens);
  uint64_t previous = 0;
  for (size_t i = 0; i < tokens.size(); ++i) {
    const uint64_t h = NormalizedWordHash(text, tokens[i], options, &scratch);
    out->push_back(Fold(h));
    // Pairs get their own hash family so a pair never collides with a word by design.
    if (options.bigrams && i > 0) out->push_back(Fold(Mix(previous * 31 + h + 0x9e3779b9)));
    previous = h;
  }
  std::sort(out->begin(), out->end());
  out->erase(std::unique(out->begin(), out->end()), out->end());
}

}  // namespace stixkit::convert
