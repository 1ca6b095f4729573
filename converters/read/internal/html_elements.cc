#include "converters/read/internal/html_elements.h"

#include <libxml/tree.h>

#include <algorithm>
#include <array>
#include <utility>

namespace stixkit::convert::read_internal {
namespace {

// What each element means for the document. HTML Living Standard §4 (sections, grouping,
// text-level, tabular, forms, scripting); everything unlisted is inline.
constexpr std::array<std::pair<std::string_view, ElementRole>, 71> kTags = {{
    {"script", ElementRole::kDrop},      {"style", ElementRole::kDrop},
    {"nav", ElementRole::kDrop},         {"footer", ElementRole::kDrop},
    {"noscript", ElementRole::kDrop},    {"template", ElementRole::kDrop},
    {"iframe", ElementRole::kDrop},      {"form", ElementRole::kDrop},
    {"svg", ElementRole::kDrop},         {"button", ElementRole::kDrop},
    {"select", ElementRole::kDrop},      {"textarea", ElementRole::kDrop},
    {"input", ElementRole::kDrop},       {"object", ElementRole::kDrop},
    {"embed", ElementRole::kDrop},       {"canvas", ElementRole::kDrop},
    {"audio", ElementRole::kDrop},       {"video", ElementRole::kDrop},
    {"map", ElementRole::kDrop},         {"link", ElementRole::kDrop},
    {"meta", ElementRole::kDrop},        {"head", ElementRole::kHead},
    {"title", ElementRole::kTitle},      {"h1", ElementRole::kHeading},
    {"h2", ElementRole::kHeading},       {"h3", ElementRole::kHeading},
    {"h4", ElementRole::kHeading},       {"h5", ElementRole::kHeading},
    {"h6", ElementRole::kHeading},       {"html", ElementRole::kBlock},
    {"body", ElementRole::kBlock},       {"p", ElementRole::kBlock},
    {"div", ElementRole::kBlock},        {"section", ElementRole::kBlock},
    {"article", ElementRole::kBlock},    {"main", ElementRole::kBlock},
    {"header", ElementRole::kBlock},     {"aside", ElementRole::kBlock},
    {"blockquote", ElementRole::kBlock}, {"figure", ElementRole::kBlock},
    {"figcaption", ElementRole::kBlock}, {"address", ElementRole::kBlock},
    {"details", ElementRole::kBlock},    {"summary", ElementRole::kBlock},
    {"center", ElementRole::kBlock},     {"hr", ElementRole::kBlock},
    {"caption", ElementRole::kBlock},    {"fieldset", ElementRole::kBlock},
    {"hgroup", ElementRole::kBlock},     {"dl", ElementRole::kBlock},
    {"ul", ElementRole::kList},          {"ol", ElementRole::kList},
    {"menu", ElementRole::kList},        {"li", ElementRole::kListItem},
    {"dt", ElementRole::kTerm},          {"dd", ElementRole::kDefinition},
    {"table", ElementRole::kTable},      {"pre", ElementRole::kPre},
    {"listing", ElementRole::kPre},      {"xmp", ElementRole::kPre},
    {"plaintext", ElementRole::kPre},    {"br", ElementRole::kBreak},
    {"a", ElementRole::kAnchor},         {"b", ElementRole::kBold},
    {"strong", ElementRole::kBold},      {"tr", ElementRole::kBlock},
    {"thead", ElementRole::kBlock},      {"tbody", ElementRole::kBlock},
    {"tfoot", ElementRole::kBlock},      {"td", ElementRole::kBlock},
    {"th", ElementRole::kBlock},
}};

// True when a <nav> sits below `node`. Visits at most `budget` elements: a page header is small,
// and a huge one is not worth scanning twice.
bool HasNav(const xmlNode* node, int& budget) {
  for (const xmlNode* c = node->children; c != nullptr; c = c->next) {
    if (c->type != XML_ELEMENT_NODE) continue;
    if (--budget < 0) return false;
    if (ElementName(c) == "nav" || HasNav(c, budget)) return true;
  }
  return false;
}

// Site chrome rather than report: anything marked role="navigation", or a page header holding the
// navigation.
bool IsChrome(const xmlNode* element, std::string_view name) {
  int budget = 4096;
  return (element->properties != nullptr && Attribute(element, "role") == "navigation") ||
         (name == "header" && HasNav(element, budget));
}

}  // namespace

ElementRole RoleOf(const xmlNode* element) {
  const std::string_view name = ElementName(element);
  ElementRole role = ElementRole::kInline;
  for (const auto& [tag_name, tag_role] : kTags) {
    if (tag_name == name) {
      role = tag_role;
      break;
    }
  }
  return IsChrome(element, name) ? ElementRole::kDrop : role;
}

std::string_view ElementName(const xmlNode* node) {
  return node->name ? std::string_view(reinterpret_cast<const char*>(node->name))
                    : std::string_view();
}

std::string Attribute(const xmlNode* node, const char* name) {
  xmlChar* value = xmlGetProp(node, reinterpret_cast<const xmlChar*>(name));
  if (value == nullptr) return {};
  std::string out(reinterpret_cast<const char*>(value));
  xmlFree(value);
  return out;
}

int NodeLine(const xmlNode* node) {
  for (; node != nullptr; node = node->parent) {
    const long line = xmlGetLineNo(node);
    if (line > 0) return static_cast<int>(line);
  }
  return 1;
}

// libxml2 stamps a text node with the line where its first chunk of characters ended, so a node
// spanning lines starts that many lines earlier (never before its parent).
int TextStartLine(const xmlNode* node, std::string_view text) {
  const int end = NodeLine(node);
  const int parent = node->parent ? NodeLine(node->parent) : 1;
  const auto newlines = static_cast<int>(std::count(text.begin(), text.end(), '\n'));
  return std::max(parent, end - newlines);
}

}  // namespace stixkit::convert::read_internal
