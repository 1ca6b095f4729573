#include "converters/map/name_index.h"

#include <algorithm>
#include <array>

#include "converters/map/text_features.h"
#include "converters/map/tokenizer.h"

namespace stixkit::convert {
namespace {

// Words that, next to an ordinary-word name, say it names a program or an actor:
// "the at command", "Ping utility", "Net tool". Lowercase.
constexpr std::array<std::string_view, 16> kContextWords = {
    "tool", "utility", "command", "commands", "malware", "backdoor", "trojan", "ransomware",
    "rat",  "implant", "loader",  "binary",   "group",   "actor",    "apt",    "framework"};

// Names of at most this many bytes are too easily ordinary text ("at", "Net", "RCS").
constexpr size_t kShortName = 3;

struct Words {
  std::vector<uint64_t> hashes;
  std::vector<std::string> spelled;  // original case
};

Words SplitWords(std::string_view text) {
  Words w;
  for (const Token& t : Tokenize(text)) {
    w.spelled.emplace_back(text.substr(t.begin, t.size()));
    w.hashes.push_back(WordHash(LowerToken(text, t)));
  }
  return w;
}

std::string Join(const std::vector<std::string>& words) {
  std::string out;
  for (const std::string& w : words) out += (out.empty() ? "" : " ") + w;
  return out;
}

std::string Lower(std::string s) {
  for (char& c : s) c = AsciiLower(c);
  return s;
}

bool HasUpper(std::string_view s) {
  return std::any_of(s.begin(), s.end(), [](char c) { return c >= 'A' && c <= 'Z'; });
}

bool IsContextWord(std::string_view text, const Token& t) {
  if (t.size() > 10) return false;
  const std::string lower = LowerToken(text, t);
  return std::find(kContextWords.begin(), kContextWords.end(), lower) != kContextWords.end();
}

// Words in one name must be adjacent in the text: separated by at most a few spaces or
// punctuation bytes, never by a line break or a sentence end.
bool Adjacent(std::string_view text, const Token& a, const Token& b) {
  if (b.begin - a.end > 3) return false;
  const std::string_view gap = text.substr(a.end, b.begin - a.end);
  return gap.find_first_of(".\n!?;") == std::string_view::npos || gap == ".";
}

bool SentenceStart(std::string_view text, const std::vector<Token>& tokens, size_t i) {
  if (i == 0) return true;
  const std::string_view gap = text.substr(tokens[i - 1].end, tokens[i].begin - tokens[i - 1].end);
  return gap.find_first_of(".!?\n") != std::string_view::npos;
}

}  // namespace

NameIndex::NameIndex(const attack::Catalog& catalog,
                     std::function<bool(std::string_view)> is_common) {
  for (const attack::Technique& t : catalog.techniques()) AddTechnique(catalog, t, is_common);
  for (const attack::Entity& e : catalog.software()) AddEntity(e, NameKind::kSoftware, is_common);
  for (const attack::Entity& e : catalog.groups()) AddEntity(e, NameKind::kGroup, is_common);
  for (auto& [first, list] : by_first_word_) {
    std::stable_sort(list.begin(), list.end(), [&](uint32_t a, uint32_t b) {
      return entries_[a].words.size() > entries_[b].words.size();
    });
  }
}

void NameIndex::Add(std::string_view name, NameKind kind, Rule rule, const attack::Technique* t,
                    const attack::Entity* e) {
  Words w = SplitWords(name);
  if (w.hashes.empty()) return;
  Entry entry{w.hashes, Join(w.spelled), Lower(Join(w.spelled)), rule, kind, t, e};
  by_first_word_[entry.words[0]].push_back(static_cast<uint32_t>(entries_.size()));
  entries_.push_back(std::move(entry));
}

void NameIndex::AddTechnique(const attack::Catalog& catalog, const attack::Technique& t,
                             const std::function<bool(std::string_view)>& is_common) {
  if (t.revoked || t.deprecated) return;
  const Words w = SplitWords(t.name);
  const bool ordinary_word =
      w.spelled.size() == 1 && (is_common(Lower(w.spelled[0])) || t.name.size() <= kShortName);
  if (!t.parent.empty()) {
    if (const attack::Technique* parent = catalog.FindTechnique(t.parent)) {
      Add(parent->name + " " + t.name, NameKind::kTechnique, Rule::kAnyCase, &t, nullptr);
    }
    if (ordinary_word) return;
  }
  Add(t.name, NameKind::kTechnique, Rule::kAnyCase, &t, nullptr);
}

void NameIndex::AddEntity(const attack::Entity& e, NameKind kind,
                          const std::function<bool(std::string_view)>& is_common) {
  if (e.revoked || e.deprecated) return;
  std::vector<std::string> names = {e.name};
  names.insert(names.end(), e.aliases.begin(), e.aliases.end());
  std::vector<std::string> seen;
  for (const std::string& name : names) {
    const std::string lower = Lower(name);
    if (std::find(seen.begin(), seen.end(), lower) != seen.end()) continue;
    seen.push_back(lower);
    const Words w = SplitWords(name);
    const bool all_common = std::all_of(w.spelled.begin(), w.spelled.end(),
                                        [&](const std::string& s) { return is_common(Lower(s)); });
    Rule rule = Rule::kAnyCase;
    if (w.spelled.size() == 1 && (all_common || name.size() <= kShortName)) {
      rule = Rule::kCaseOrContext;
    } else if (w.spelled.size() > 1 && all_common) {
      rule = Rule::kExactCase;
    }
    Add(name, kind, rule, nullptr, &e);
  }
}

void NameIndex::Find(std::string_view text, std::vector<NameMatch>* out) const {
  thread_local std::vector<Token> tokens;
  thread_local std::vector<uint64_t> hashes;
  thread_local std::string scratch;
  Tokenize(text, &tokens);
  hashes.clear();
  for (const Token& t : tokens) {
    scratch.assign(text.substr(t.begin, t.size()));
    for (char& c : scratch) c = AsciiLower(c);
    hashes.push_back(WordHash(scratch));
  }
  auto spelled = [&](size_t i, size_t n) {
    std::string s;
    for (size_t k = i; k < i + n; ++k) {
      if (k > i) s += ' ';
      s.append(text.substr(tokens[k].begin, tokens[k].size()));
    }
    return s;
  };
  auto accept = [&](const Entry& e, size_t i) {
    const size_t n = e.words.size();
    if (e.rule == Rule::kAnyCase) return true;
    const bool exact = spelled(i, n) == e.spelling;
    if (e.rule == Rule::kExactCase) return exact;
    if (exact && HasUpper(e.spelling) && !SentenceStart(text, tokens, i)) return true;
    const bool exe = i + n < tokens.size() && tokens[i + n].begin == tokens[i + n - 1].end + 1 &&
                     text[tokens[i + n - 1].end] == '.' && LowerToken(text, tokens[i + n]) == "exe";
    return exe || (i > 0 && IsContextWord(text, tokens[i - 1])) ||
           (i + n < tokens.size() && IsContextWord(text, tokens[i + n]));
  };
  size_t i = 0;
  while (i < tokens.size()) {
    size_t best = 0;
    const auto it = by_first_word_.find(hashes[i]);
    if (it != by_first_word_.end()) {
      for (uint32_t id : it->second) {
        const Entry& e = entries_[id];
        const size_t n = e.words.size();
        if (n < best) break;
        if (i + n > tokens.size()) continue;
        bool same = true;
        for (size_t k = 1; k < n && same; ++k) {
          same = hashes[i + k] == e.words[k] && Adjacent(text, tokens[i + k - 1], tokens[i + k]);
        }
        if (!same || !accept(e, i)) continue;
        best = n;
        out->push_back(NameMatch{e.kind, e.technique, e.entity, e.lowercase, tokens[i].begin,
                                 tokens[i + n - 1].end});
      }
    }
    i += best > 0 ? best : 1;
  }
}

}  // namespace stixkit::convert
