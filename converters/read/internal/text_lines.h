// What each line of a plain-text report is: blank, a rule, a heading (and in which style), a list
// item, a `Key: value` field, a banner or running text.
// Headings need their neighbours (a blank line before, content after, an underline below), so the
// whole report is classified in one pass before the text reader assembles blocks. Internal to
// converters/read/.
//
//   std::vector<TextLine> kinds = ClassifyTextLines(SplitLines(text));
//
// Pure functions; thread-safe. Views point into the lines given.
#ifndef STIXKIT_CONVERTERS_READ_INTERNAL_TEXT_LINES_H_
#define STIXKIT_CONVERTERS_READ_INTERNAL_TEXT_LINES_H_

#include <cstddef>
#include <string_view>
#include <vector>

namespace stixkit::convert::read_internal::text {

enum class LineKind { kBlank, kRule, kHeading, kItem, kField, kBanner, kText };

enum class HeadingStyle {
  kNone,
  kDoubleUnderline,  // "Title" over "====="
  kSingleUnderline,  // "Title" over "-----"
  kNumbered,         // "1. Summary", "2.3 Scope"
  kAllCaps,          // "EXECUTIVE SUMMARY"
  kTitleCase,        // "Indicators of Compromise"
};

struct TextLine {
  LineKind kind = LineKind::kBlank;
  std::string_view content;  // trimmed
  int columns = 0;           // indentation
  size_t marker = 0;         // kItem: bytes of the list marker in `content`
  std::string_view title;    // kHeading: without numbering and trailing ':'
  HeadingStyle style = HeadingStyle::kNone;
  int numbering = 0;  // kNumbered: 1 for "1.", 2 for "1.2", ...
};

std::vector<TextLine> ClassifyTextLines(const std::vector<std::string_view>& lines);

// "TLP:AMBER", "TLP: RED", "PAP:GREEN", "CONFIDENTIAL", "UNCLASSIFIED//FOUO": handling banners,
// which must reach the marking extractor as text, never as headings.
bool IsBanner(std::string_view content);

}  // namespace stixkit::convert::read_internal::text

#endif  // STIXKIT_CONVERTERS_READ_INTERNAL_TEXT_LINES_H_
