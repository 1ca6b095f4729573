// What each HTML element means to the reader: dropped (scripts, navigation, forms), a heading, a
// block that ends a paragraph, a list, a table, code, or inline text. Plus the libxml2 node
// accessors the HTML walker needs (name, attribute, line). Internal to converters/read/.
//
//   switch (RoleOf(element)) { case ElementRole::kHeading: ...; }
//
// Pure functions over a tree that is not modified; thread-safe.
#ifndef STIXKIT_CONVERTERS_READ_INTERNAL_HTML_ELEMENTS_H_
#define STIXKIT_CONVERTERS_READ_INTERNAL_HTML_ELEMENTS_H_

#include <string>
#include <string_view>

struct _xmlNode;

namespace stixkit::convert::read_internal {

enum class ElementRole {
  kInline,  // anything not listed: its text joins the surrounding run
  kDrop,    // not report text: script, style, nav, footer, forms, media, site
            // chrome
  kHead,
  kTitle,
  kHeading,  // h1-h6
  kBlock,    // p, div, section, ...: ends the run before and after
  kList,     // ul, ol, menu
  kListItem,
  kTerm,        // dt
  kDefinition,  // dd
  kTable,
  kPre,
  kBreak,  // br
  kAnchor,
  kBold,  // b, strong: a leading one may be a field key
};

// The role of `element` (an XML_ELEMENT_NODE). A <header> holding a <nav>, and any element with
// role="navigation", are site chrome: kDrop.
ElementRole RoleOf(const _xmlNode* element);

// The element's lower-case name ("" for nameless nodes); a view into the tree.
std::string_view ElementName(const _xmlNode* node);

// The attribute's value, or "" when absent.
std::string Attribute(const _xmlNode* node, const char* name);

// The node's 1-based line. libxml2 keeps lines in 16 bits: elements past line 65535 report 65535,
// and text nodes there take their parent's line.
int NodeLine(const _xmlNode* node);

// The line a text node with content `text` starts on.
int TextStartLine(const _xmlNode* node, std::string_view text);

}  // namespace stixkit::convert::read_internal

#endif  // STIXKIT_CONVERTERS_READ_INTERNAL_HTML_ELEMENTS_H_
