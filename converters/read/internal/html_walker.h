// Turning a libxml2 HTML tree into the document model: the element rules of the HTML reader
// (html_reader.h says what is kept and dropped). Inline content is gathered into runs, cut at <br>,
// and a run becomes a block when a block-level element starts or ends. Internal to
// converters/read/.
//
//   STIXKIT_ASSIGN_OR_RETURN(Document doc, WalkHtml(path, xml_doc_node, 256));
//
// Reads the tree only; thread-safe for distinct trees.
#ifndef STIXKIT_CONVERTERS_READ_INTERNAL_HTML_WALKER_H_
#define STIXKIT_CONVERTERS_READ_INTERNAL_HTML_WALKER_H_

#include <string_view>

#include "absl/status/statusor.h"
#include "converters/read/document.h"

struct _xmlNode;

namespace stixkit::convert::read_internal {

// The sections and title below `root` (the parsed document's node; not owned).
// InvalidArgument "<source>:L: HTML elements are nested deeper than the D-level limit" when an
// element sits deeper than `max_depth`.
absl::StatusOr<Document> WalkHtml(std::string_view source_name, _xmlNode* root, int max_depth);

}  // namespace stixkit::convert::read_internal

#endif  // STIXKIT_CONVERTERS_READ_INTERNAL_HTML_WALKER_H_
