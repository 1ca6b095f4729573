#include "stix/taxii/media_type.h"

#include <cstdlib>

namespace stixkit::taxii {
namespace {

constexpr std::string_view kSpaces = " \t";

std::string_view Trim(std::string_view s) {
  const size_t b = s.find_first_not_of(kSpaces);
  if (b == std::string_view::npos) return {};
  const size_t e = s.find_last_not_of(kSpaces);
  return s.substr(b, e - b + 1);
}

std::string Lower(std::string_view s) {
  std::string out(s);
  for (char& c : out) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  }
  return out;
}

// RFC 7230 §3.2.6 token characters; enough to reject garbage like "a b/c".
bool IsToken(std::string_view s) {
  if (s.empty()) return false;
  for (const char c : s) {
    const bool ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
                    std::string_view("!#$%&'*+-.^_`|~").find(c) != std::string_view::npos;
    if (!ok) return false;
  }
  return true;
}

// Splits `text` at `sep` outside double quotes.
std::vector<std::string_view> SplitOutsideQuotes(std::string_view text, char sep) {
  std::vector<std::string_view> parts;
  bool quoted = false;
  size_t start = 0;
  for (size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    if (quoted && c == '\\') {
      ++i;
    } else if (c == '"') {
      quoted = !quoted;
    } else if (c == sep && !quoted) {
      parts.push_back(text.substr(start, i - start));
      start = i + 1;
    }
  }
  parts.push_back(text.substr(start));
  return parts;
}

bool Unquote(std::string_view v, std::string* out) {
  out->clear();
  if (v.size() < 2 || v.front() != '"') {
    if (!v.empty() && v.front() == '"') return false;
    out->assign(v);
    return true;
  }
  if (v.back() != '"') return false;
  for (size_t i = 1; i + 1 < v.size(); ++i) {
    if (v[i] == '\\' && i + 2 < v.size()) ++i;
    out->push_back(v[i]);
  }
  return true;
}

bool VersionIs21(const MediaType& mt) {
  const std::string* v = mt.Param("version");
  return v == nullptr || Trim(*v) == "2.1";
}

// The q-value of an Accept entry; 1 when absent, 0 when malformed (RFC 7231 §5.3.1).
double QValue(const MediaType& mt) {
  const std::string* q = mt.Param("q");
  if (q == nullptr) return 1.0;
  char* end = nullptr;
  const double v = std::strtod(q->c_str(), &end);
  if (end == q->c_str() || *end != '\0') return 0.0;
  return v;
}

}  // namespace

const std::string* MediaType::Param(std::string_view name) const {
  for (const auto& [k, v] : params) {
    if (k == name) return &v;
  }
  return nullptr;
}

bool ParseMediaType(std::string_view text, MediaType* out) {
  const std::vector<std::string_view> parts = SplitOutsideQuotes(text, ';');
  const std::string_view full = Trim(parts[0]);
  const size_t slash = full.find('/');
  if (slash == std::string_view::npos) return false;
  const std::string_view type = Trim(full.substr(0, slash));
  const std::string_view subtype = Trim(full.substr(slash + 1));
  if (!IsToken(type) || !IsToken(subtype)) return false;
  out->type = Lower(type);
  out->subtype = Lower(subtype);
  out->params.clear();
  for (size_t i = 1; i < parts.size(); ++i) {
    const std::string_view p = Trim(parts[i]);
    if (p.empty()) continue;
    const size_t eq = p.find('=');
    if (eq == std::string_view::npos) return false;
    const std::string_view name = Trim(p.substr(0, eq));
    if (!IsToken(name)) return false;
    std::string value;
    if (!Unquote(Trim(p.substr(eq + 1)), &value)) return false;
    out->params.emplace_back(Lower(name), std::move(value));
  }
  return true;
}

bool IsTaxii21(const MediaType& mt) {
  return mt.type == "application" && mt.subtype == "taxii+json" && VersionIs21(mt);
}

bool IsStix21(const MediaType& mt) {
  return mt.type == "application" && mt.subtype == "stix+json" && VersionIs21(mt);
}

bool IsTaxii21ContentType(std::string_view content_type) {
  MediaType mt;
  return ParseMediaType(content_type, &mt) && IsTaxii21(mt);
}

bool AcceptAllowsTaxii21(std::string_view accept_header) {
  if (Trim(accept_header).empty()) return true;  // RFC 7231 §5.3.2: no header accepts all
  for (const std::string_view entry : SplitOutsideQuotes(accept_header, ',')) {
    if (Trim(entry).empty()) continue;
    MediaType mt;
    if (!ParseMediaType(entry, &mt) || QValue(mt) <= 0.0) continue;
    if (mt.type == "*" && mt.subtype == "*") return true;
    if (mt.type == "application" && mt.subtype == "*") return true;
    if (IsTaxii21(mt)) return true;
  }
  return false;
}

}  // namespace stixkit::taxii
