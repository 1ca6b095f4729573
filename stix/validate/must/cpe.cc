// A "cpe" value MUST be a CPE 2.3 name (STIX 2.1 §6.14). This parses the formatted
// string binding of NISTIR 7695 §6.2:
//   cpe:2.3:part:vendor:product:version:update:edition:language:sw_edition:target_sw:
//   target_hw:other
// eleven components split at unescaped ":"; part is a, h, o or a logical value;
// language is a tag (2-3 letters, optional "-" region of 2 letters or 3 digits) or a
// logical value; the rest are logical values ("*" any, "-" not applicable) or strings
// of letters, digits, "-", "." and "_" and backslash-quoted punctuation, with an
// optional leading and trailing wildcard ("*", or a run of "?").
// The schema's pattern only anchors the start of the string; this checks the whole.
#include <vector>

#include "stix/validate/must/internal/checks.h"
#include "stix/validate/must/internal/json_access.h"

namespace stixkit::stix::must {
namespace {

constexpr std::string_view kPrefix = "cpe:2.3:";
constexpr size_t kComponents = 11;
constexpr size_t kPart = 0;
constexpr size_t kLanguage = 6;

bool IsAlpha(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }
bool IsDigit(char c) { return c >= '0' && c <= '9'; }
bool IsLogical(std::string_view c) { return c == "*" || c == "-"; }

// Characters that may follow a backslash: NISTIR 7695's "punc" plus the escape
// character and the two wildcards.
bool IsQuotable(char c) {
  static constexpr std::string_view kQuotable = "\\*?!\"#$%&'()+,/:;<=>@[]^`{|}~";
  return kQuotable.find(c) != std::string_view::npos;
}

bool IsUnquoted(char c) { return IsAlpha(c) || IsDigit(c) || c == '-' || c == '.' || c == '_'; }

// Splits at ":" not preceded by a backslash escape; false on a dangling backslash.
bool SplitComponents(std::string_view text, std::vector<std::string_view>* parts) {
  size_t start = 0;
  for (size_t i = 0; i < text.size(); ++i) {
    if (text[i] == '\\') {
      if (++i == text.size()) return false;
    } else if (text[i] == ':') {
      parts->push_back(text.substr(start, i - start));
      start = i + 1;
    }
  }
  parts->push_back(text.substr(start));
  return true;
}

// avstring: [ "*" | "?"* ] 1*( unquoted | "\" quotable ) [ "*" | "?"* ]
bool IsValueString(std::string_view s) {
  size_t i = 0;
  if (i < s.size() && s[i] == '*') {
    ++i;
  } else {
    while (i < s.size() && s[i] == '?') ++i;
  }
  const size_t body = i;
  while (i < s.size()) {
    if (IsUnquoted(s[i])) {
      ++i;
    } else if (s[i] == '\\' && i + 1 < s.size() && IsQuotable(s[i + 1])) {
      i += 2;
    } else {
      break;
    }
  }
  if (i == body) return false;
  const std::string_view tail = s.substr(i);
  if (tail == "*") return true;
  for (const char c : tail) {
    if (c != '?') return false;
  }
  return true;
}

// 2*3ALPHA [ "-" ( 2ALPHA / 3DIGIT ) ]
bool IsLanguageTag(std::string_view s) {
  size_t letters = 0;
  while (letters < s.size() && IsAlpha(s[letters])) ++letters;
  if (letters < 2 || letters > 3) return false;
  if (letters == s.size()) return true;
  const std::string_view region = s.substr(letters);
  if (region.size() == 3) return region[0] == '-' && IsAlpha(region[1]) && IsAlpha(region[2]);
  return region.size() == 4 && region[0] == '-' && IsDigit(region[1]) && IsDigit(region[2]) &&
         IsDigit(region[3]);
}

bool IsComponent(size_t index, std::string_view value) {
  if (IsLogical(value)) return true;
  if (index == kPart) return value == "a" || value == "h" || value == "o";
  if (index == kLanguage) return IsLanguageTag(value);
  return IsValueString(value);
}

}  // namespace

bool IsCpe23FormattedString(std::string_view text) {
  if (!text.starts_with(kPrefix)) return false;
  std::vector<std::string_view> parts;
  if (!SplitComponents(text.substr(kPrefix.size()), &parts) || parts.size() != kComponents) {
    return false;
  }
  for (size_t i = 0; i < parts.size(); ++i) {
    if (!IsComponent(i, parts[i])) return false;
  }
  return true;
}

void CheckCpe(const Object& object, const CheckContext&, Findings* out) {
  const rapidjson::Value* cpe = Member(object, "cpe");
  if (cpe == nullptr || !cpe->IsString() || IsCpe23FormattedString(View(*cpe))) return;
  AddError(object, "/cpe", Cat("provided CPE value '", View(*cpe), "' is not CPE v2.3 compliant"),
           out);
}

}  // namespace stixkit::stix::must
