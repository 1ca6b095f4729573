// The report's summary, for the report's and the incident's descriptions: the
// executive summary section, else the "Full Report" / "Analysis Summary" preamble, else
// the first paragraph. Pure function.
#ifndef STIXKIT_CONVERTERS_BUILD_SUMMARY_TEXT_H_
#define STIXKIT_CONVERTERS_BUILD_SUMMARY_TEXT_H_

#include <string>

#include "converters/build/section_router.h"
#include "converters/read/document.h"

namespace stixkit::convert {

// Paragraphs joined by blank lines; "" when the document has no prose at all.
std::string SummaryText(const Document& document, const SectionRouter& router);

// The input's file name without its directories ("-" is "standard input"): what names
// the report in output, so that the bundle does not depend on where the file was.
std::string SourceLabel(const Document& document);

// The report's title: a "Title:" field if the report has one, else its first heading.
std::string ReportTitle(const Document& document);

// The report's title without a generic prefix ("Incident Report: X" -> "X"), or "".
std::string IncidentTitle(const Document& document);

}  // namespace stixkit::convert

#endif  // STIXKIT_CONVERTERS_BUILD_SUMMARY_TEXT_H_
