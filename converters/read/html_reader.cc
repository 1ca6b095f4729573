#include "converters/read/html_reader.h"

#include <libxml/HTMLparser.h>
#include <libxml/parser.h>
#include <libxml/xmlerror.h>

#include <algorithm>
#include <climits>
#include <memory>
#include <mutex>
#include <string>
#include <utility>
#include <vector>

#include "absl/status/status.h"
#include "absl/strings/str_cat.h"
#include "converters/read/internal/html_walker.h"
#include "converters/read/internal/plain_text.h"
#include "stix/base/strings.h"

namespace stixkit::convert {
namespace {

// HTML_PARSE_NONET: never fetch anything. No XML_PARSE_NOENT, XML_PARSE_DTDLOAD or XML_PARSE_HUGE:
// entities stay unexpanded, no external DTD is read, and libxml2 keeps its built-in limits (256
// levels of nesting among them). Errors are not printed: browsers accept broken HTML, and so do we.
constexpr int kParseOptions = HTML_PARSE_NONET | HTML_PARSE_NOERROR | HTML_PARSE_NOWARNING;

void InitLibxmlOnce() {
  // xmlInitParser is not safe to race; files are read in parallel threads.
  static std::once_flag once;
  std::call_once(once, [] { xmlInitParser(); });
}

struct ContextDeleter {
  void operator()(htmlParserCtxt* ctxt) const { htmlFreeParserCtxt(ctxt); }
};
struct DocDeleter {
  void operator()(xmlDoc* doc) const { xmlFreeDoc(doc); }
};

char Lower(char c) { return (c >= 'A' && c <= 'Z') ? static_cast<char>(c + 32) : c; }

// The byte range of a DOCTYPE's internal subset ("[" ... "]"), or {npos, npos}.
// The HTML parser does not read internal subsets; it would show their entity declarations as page
// text, so they are blanked out first (keeping newlines, so lines still match).
std::pair<size_t, size_t> InternalSubset(std::string_view text) {
  constexpr std::string_view kDoctype = "<!doctype";
  constexpr std::pair<size_t, size_t> kNone = {std::string_view::npos, std::string_view::npos};
  const size_t lt = text.find('<');
  if (lt == std::string_view::npos || text.size() - lt < kDoctype.size()) return kNone;
  for (size_t i = 0; i < kDoctype.size(); ++i) {
    if (Lower(text[lt + i]) != kDoctype[i]) return kNone;
  }
  const size_t open = text.find_first_of("[>", lt);
  if (open == std::string_view::npos || text[open] != '[') return kNone;
  for (size_t i = open + 1; i < text.size(); ++i) {
    if (text[i] != ']') continue;
    size_t after = i + 1;
    while (after < text.size() && read_internal::IsSpace(text[after])) ++after;
    if (after < text.size() && text[after] == '>') return {open, i + 1};
  }
  return {open, text.size()};
}

// libxml2 stops at 256 levels on its own (without XML_PARSE_HUGE) and says so only in the context's
// last error.
bool HitLibxmlDepthLimit(htmlParserCtxt* ctxt, int* line) {
  const xmlError* error = xmlCtxtGetLastError(ctxt);
  if (error == nullptr || error->message == nullptr) return false;
  const std::string_view message(error->message);
  if (message.substr(0, 15) != "Excessive depth") return false;
  *line = error->line > 0 ? error->line : 1;
  return true;
}

}  // namespace

absl::StatusOr<Document> ReadHtml(std::string_view source_name, std::string_view text,
                                  int max_depth) {
  InitLibxmlOnce();
  if (text.size() > static_cast<size_t>(INT_MAX)) {
    return absl::InvalidArgumentError(absl::StrCat(Av(source_name), ": the HTML is ", text.size(),
                                                   " bytes, more than libxml2 can parse at once"));
  }
  std::string html;
  std::vector<std::string> warnings;
  const auto [subset_begin, subset_end] = InternalSubset(text);
  if (subset_begin != std::string_view::npos) {
    html.assign(text);
    for (size_t i = subset_begin; i < subset_end; ++i) {
      if (html[i] != '\n') html[i] = ' ';
    }
    text = html;
    const auto line = 1 + std::count(text.begin(), text.begin() + subset_begin, '\n');
    warnings.push_back(absl::StrCat(
        "line ", line, ": DOCTYPE internal subset ignored; its entities are not expanded"));
  }
  std::unique_ptr<htmlParserCtxt, ContextDeleter> ctxt(htmlNewParserCtxt());
  if (ctxt == nullptr) return absl::ResourceExhaustedError("out of memory for the HTML parser");
  std::unique_ptr<xmlDoc, DocDeleter> doc(htmlCtxtReadMemory(
      ctxt.get(), text.data(), static_cast<int>(text.size()), nullptr, "UTF-8", kParseOptions));
  int line = 1;
  if (HitLibxmlDepthLimit(ctxt.get(), &line)) {
    return absl::InvalidArgumentError(absl::StrCat(Av(source_name), ":", line,
                                                   ": HTML elements are nested deeper than the ",
                                                   std::min(max_depth, 256), "-level limit"));
  }
  if (doc == nullptr) {
    return absl::InvalidArgumentError(
        absl::StrCat(Av(source_name), ": libxml2 found no HTML document in the file"));
  }
  absl::StatusOr<Document> result =
      read_internal::WalkHtml(source_name, reinterpret_cast<xmlNode*>(doc.get()), max_depth);
  if (result.ok()) {
    for (std::string& w : warnings) result->warnings.push_back(std::move(w));
  }
  return result;
}

}  // namespace stixkit::convert
