#include "converters/read/internal/document_builder.h"

namespace stixkit::convert::read_internal {

void DocumentBuilder::StartSection(std::string title, int level, int line) {
  // A heading closes every open section at its level or deeper, and every preamble label: labels
  // sit beside the report, not above its first heading.
  while (!open_.empty() && (open_.back().first >= level || open_.back().first == 0)) {
    open_.pop_back();
  }
  if (level >= 1) {
    seen_heading_ = true;
    if (level == 1 && title_.empty()) title_ = title;
  }
  Section section;
  section.level = level;
  section.line = line;
  for (const auto& [open_level, open_title] : open_) section.path.push_back(open_title);
  section.path.push_back(title);
  section.title = std::move(title);
  open_.emplace_back(level, section.title);
  sections_.push_back(std::move(section));
}

void DocumentBuilder::Add(Block block) {
  if (sections_.empty()) {
    Section preamble;
    preamble.line = 1;
    sections_.push_back(std::move(preamble));
  }
  sections_.back().blocks.push_back(std::move(block));
}

Document DocumentBuilder::Finish() && {
  Document doc;
  doc.title = std::move(title_);
  doc.sections = std::move(sections_);
  return doc;
}

}  // namespace stixkit::convert::read_internal
