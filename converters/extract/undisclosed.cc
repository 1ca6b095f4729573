#include "converters/extract/undisclosed.h"

#include "converters/extract/internal/entity_text.h"

namespace stixkit::convert {
namespace {

using internal::entity::IsSpace;
using internal::entity::IsWordByte;
using internal::entity::StartsWithNoCase;

// Phrases that say nothing is known, lower case, longest first where one is a prefix of
// another ("not publicly disclosed" before "not", "none disclosed" before "none").
// clang-format off
constexpr std::string_view kNoInformation[] = {
    "not publicly disclosed", "not yet disclosed", "not disclosed", "none disclosed",
    "not been disclosed", "undisclosed", "not publicly available", "not available",
    "not applicable", "not specified", "not provided", "not reported", "not released",
    "not known", "not yet known", "not yet determined", "not determined", "not identified",
    "none identified", "none observed", "none reported", "none provided", "none known",
    "no information", "no details", "no data", "information not available",
    "details not available", "under investigation", "investigation pending",
    "investigation ongoing", "investigation in progress", "pending investigation",
    "ongoing investigation", "being investigated", "to be determined", "to be confirmed",
    "unknown", "unconfirmed", "unspecified", "undetermined", "unclear", "unavailable",
    "withheld", "redacted", "pending", "ongoing", "tbd", "tbc", "n/a", "n.a.", "none", "nil",
    "na", "?", "-",
    "\xE2\x80\x94",  // em dash
    "\xE2\x80\x93",  // en dash
};
// clang-format on

// Words that may follow a phrase without adding information.
// clang-format off
constexpr std::string_view kFiller[] = {
    "at this time", "at the time of writing", "at time of writing", "as of now",
    "as of this writing", "currently", "publicly", "so far", "to date", "yet", "still",
    "for now", "by the company", "by the victim",
};
// clang-format on

// Characters that join phrases or end the value: "Unknown/Investigation Pending".
bool IsJoiner(char c) {
  return IsSpace(c) || c == '/' || c == ',' || c == ';' || c == '.' || c == ':' || c == '|' ||
         c == '!' || c == '*' || c == '_' || c == '"' || c == '\'' || c == '`';
}

// Strips the phrase from `list` that starts `rest` at a word end; false when none does.
template <std::size_t N>
bool StripPhrase(std::string_view& rest, const std::string_view (&list)[N]) {
  for (std::string_view phrase : list) {
    if (!StartsWithNoCase(rest, phrase)) continue;
    const bool word_phrase = IsWordByte(phrase.back());
    if (word_phrase && phrase.size() < rest.size() && IsWordByte(rest[phrase.size()])) continue;
    rest.remove_prefix(phrase.size());
    return true;
  }
  return false;
}

// Strips joiners, the words "and"/"or", and bracketed asides: "(Investigation ongoing)".
void StripJoinersAndAsides(std::string_view& rest) {
  while (!rest.empty()) {
    const char c = rest.front();
    if (IsJoiner(c) || c == '-') {
      rest.remove_prefix(1);
    } else if (c == '(' || c == '[' || c == '{') {
      const char close = c == '(' ? ')' : (c == '[' ? ']' : '}');
      const std::size_t end = rest.find(close);
      rest.remove_prefix(end == std::string_view::npos ? rest.size() : end + 1);
    } else if ((StartsWithNoCase(rest, "and ") || StartsWithNoCase(rest, "or "))) {
      rest.remove_prefix(rest[0] == 'a' || rest[0] == 'A' ? 4 : 3);
    } else {
      break;
    }
  }
}

// One pair of brackets around the whole value: "[Not Disclosed]".
std::string_view StripEnclosing(std::string_view value) {
  value = internal::entity::TrimSpace(value);
  while (!value.empty() && (value.front() == '*' || value.front() == '_')) value.remove_prefix(1);
  while (!value.empty() && (value.back() == '*' || value.back() == '_')) value.remove_suffix(1);
  value = internal::entity::TrimSpace(value);
  if (value.size() >= 2 && ((value.front() == '[' && value.back() == ']') ||
                            (value.front() == '(' && value.back() == ')'))) {
    value = internal::entity::TrimSpace(value.substr(1, value.size() - 2));
  }
  return value;
}

}  // namespace

bool IsUndisclosed(std::string_view value) {
  std::string_view rest = StripEnclosing(value);
  // Leading joiners only; a value that is only an aside ("(see below)") is not a phrase.
  while (!rest.empty() && IsJoiner(rest.front())) rest.remove_prefix(1);
  if (rest.empty()) return true;
  if (!StripPhrase(rest, kNoInformation)) return false;
  while (true) {
    StripJoinersAndAsides(rest);
    if (rest.empty()) return true;
    if (StripPhrase(rest, kFiller) || StripPhrase(rest, kNoInformation)) continue;
    return false;
  }
}

}  // namespace stixkit::convert
