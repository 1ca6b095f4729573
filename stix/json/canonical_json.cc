#include "stix/json/canonical_json.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <string_view>
#include <vector>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"

namespace stixkit::stix {
namespace {

// UTF-16 code units of a UTF-8 string, for RFC 8785 §3.2.3 member ordering.
std::u16string Utf16(std::string_view s) {
  std::u16string out;
  for (size_t i = 0; i < s.size();) {
    const unsigned char c = static_cast<unsigned char>(s[i]);
    uint32_t cp;
    size_t len;
    if (c < 0x80) { cp = c; len = 1; }
    else if ((c >> 5) == 6) { cp = c & 0x1f; len = 2; }
    else if ((c >> 4) == 14) { cp = c & 0x0f; len = 3; }
    else { cp = c & 0x07; len = 4; }
    for (size_t k = 1; k < len && i + k < s.size(); ++k) {
      cp = (cp << 6) | (static_cast<unsigned char>(s[i + k]) & 0x3f);
    }
    i += len;
    if (cp >= 0x10000) {
      cp -= 0x10000;
      out += static_cast<char16_t>(0xd800 + (cp >> 10));
      out += static_cast<char16_t>(0xdc00 + (cp & 0x3ff));
    } else {
      out += static_cast<char16_t>(cp);
    }
  }
  return out;
}

void AppendString(std::string_view s, std::string* out) {
  out->push_back('"');
  for (const char ch : s) {
    const unsigned char c = static_cast<unsigned char>(ch);
    switch (c) {
      case '"': out->append("\\\""); break;
      case '\\': out->append("\\\\"); break;
      case '\b': out->append("\\b"); break;
      case '\f': out->append("\\f"); break;
      case '\n': out->append("\\n"); break;
      case '\r': out->append("\\r"); break;
      case '\t': out->append("\\t"); break;
      default:
        if (c < 0x20) {
          absl::StrAppendFormat(out, "\\u%04x", c);
        } else {
          out->push_back(ch);
        }
    }
  }
  out->push_back('"');
}

// ECMAScript Number.prototype.toString (RFC 8785 §3.2.2.3): shortest round-trip digits,
// plain notation for exponents in [-7, 21), otherwise d.ddde±x.
void AppendNumber(double d, std::string* out) {
  if (d == 0) {
    out->push_back('0');
    return;
  }
  char buf[32];
  int precision = 1;
  for (; precision <= 17; ++precision) {
    std::snprintf(buf, sizeof buf, "%.*e", precision - 1, d);
    if (std::strtod(buf, nullptr) == d) break;
  }
  // buf is like "-1.2345e+05": split digits and exponent.
  std::string_view text(buf);
  const bool negative = text.front() == '-';
  if (negative) text.remove_prefix(1);
  const size_t e = text.find('e');
  std::string digits;
  for (char c : text.substr(0, e)) {
    if (c != '.') digits.push_back(c);
  }
  while (digits.size() > 1 && digits.back() == '0') digits.pop_back();
  const int exponent = std::atoi(std::string(text.substr(e + 1)).c_str());
  const int k = static_cast<int>(digits.size());
  const int n = exponent + 1;  // position of the decimal point
  if (negative) out->push_back('-');
  if (k <= n && n <= 21) {
    out->append(digits).append(static_cast<size_t>(n - k), '0');
  } else if (0 < n && n <= 21) {
    out->append(digits.substr(0, n)).append(".").append(digits.substr(n));
  } else if (-6 < n && n <= 0) {
    out->append("0.").append(static_cast<size_t>(-n), '0').append(digits);
  } else {
    out->push_back(digits[0]);
    if (k > 1) out->append(".").append(digits.substr(1));
    absl::StrAppend(out, "e", n - 1 >= 0 ? "+" : "-", std::abs(n - 1));
  }
}

void Append(const rapidjson::Value& v, std::string* out) {
  switch (v.GetType()) {
    case rapidjson::kNullType: out->append("null"); break;
    case rapidjson::kFalseType: out->append("false"); break;
    case rapidjson::kTrueType: out->append("true"); break;
    case rapidjson::kStringType:
      AppendString(std::string_view(v.GetString(), v.GetStringLength()), out);
      break;
    case rapidjson::kNumberType:
      if (v.IsInt64()) {
        absl::StrAppend(out, v.GetInt64());
      } else if (v.IsUint64()) {
        absl::StrAppend(out, v.GetUint64());
      } else {
        AppendNumber(v.GetDouble(), out);
      }
      break;
    case rapidjson::kArrayType: {
      out->push_back('[');
      bool first = true;
      for (const auto& item : v.GetArray()) {
        if (!first) out->push_back(',');
        first = false;
        Append(item, out);
      }
      out->push_back(']');
      break;
    }
    case rapidjson::kObjectType: {
      std::vector<std::pair<std::u16string, const rapidjson::Value::Member*>> members;
      for (const auto& m : v.GetObject()) {
        members.emplace_back(Utf16({m.name.GetString(), m.name.GetStringLength()}), &m);
      }
      std::sort(members.begin(), members.end(),
                [](const auto& a, const auto& b) { return a.first < b.first; });
      out->push_back('{');
      bool first = true;
      for (const auto& [key, m] : members) {
        if (!first) out->push_back(',');
        first = false;
        AppendString({m->name.GetString(), m->name.GetStringLength()}, out);
        out->push_back(':');
        Append(m->value, out);
      }
      out->push_back('}');
      break;
    }
  }
}

}  // namespace

std::string CanonicalJson(const rapidjson::Value& value) {
  std::string out;
  Append(value, &out);
  return out;
}

}  // namespace stixkit::stix
