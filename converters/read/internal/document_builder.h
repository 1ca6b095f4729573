// Assembles a Document's sections in reading order: each reader announces headings and blocks, and
// the builder keeps the stack of enclosing titles that becomes Section::path. Blocks before any
// heading go to an untitled level-0 preamble section. Level-0 sections with a title are preamble
// labels ("Full Report"); they never enclose a real heading. Internal to converters/read/.
//
//   DocumentBuilder b;
//   b.StartSection("Summary", 2, 7);
//   b.Add(std::move(block));
//   Document doc = std::move(b).Finish();
//
// Not thread-safe; one builder per document.
#ifndef STIXKIT_CONVERTERS_READ_INTERNAL_DOCUMENT_BUILDER_H_
#define STIXKIT_CONVERTERS_READ_INTERNAL_DOCUMENT_BUILDER_H_

#include <string>
#include <utility>
#include <vector>

#include "converters/read/document.h"

namespace stixkit::convert::read_internal {

class DocumentBuilder {
 public:
  // Opens a section at `level` (0 for a preamble label, 1..6 for headings).
  void StartSection(std::string title, int level, int line);

  // Appends to the open section, opening the untitled preamble first if none is open.
  void Add(Block block);

  // True when a heading (level >= 1) has been seen.
  bool seen_heading() const { return seen_heading_; }

  // The sections, and `title` set to the first level-1 heading ("" if none).
  Document Finish() &&;

 private:
  std::vector<Section> sections_;
  std::vector<std::pair<int, std::string>> open_;  // (level, title), outermost first
  std::string title_;
  bool seen_heading_ = false;
};

}  // namespace stixkit::convert::read_internal

#endif  // STIXKIT_CONVERTERS_READ_INTERNAL_DOCUMENT_BUILDER_H_
