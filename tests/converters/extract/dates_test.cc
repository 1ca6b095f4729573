#include "converters/extract/dates.h"

#include <catch2/catch.hpp>
#include <string>
#include <vector>

namespace stixkit::convert {
namespace {

absl::CivilDay Day(int y, int m, int d) { return absl::CivilDay(y, m, d); }

std::string Span(std::string_view text, const DateHit& hit) {
  return std::string(text.substr(hit.offset, hit.length));
}

// The one date in `text`; fails the test when there is not exactly one.
DateHit Only(std::string_view text) {
  const std::vector<DateHit> hits = FindDates(text);
  REQUIRE(hits.size() == 1);
  return hits[0];
}

TEST_CASE("dates: \"March 16, 2026\" is 2026-03-16 and spans exactly the date",
          "[converters][extract]") {
  const std::string text = "Detected on March 16, 2026 by staff.";
  const DateHit hit = Only(text);
  CHECK(hit.day == Day(2026, 3, 16));
  CHECK(Span(text, hit) == "March 16, 2026");
  CHECK_FALSE(hit.approximate);
}

TEST_CASE("dates: month-first spellings all read as 2026-03-16", "[converters][extract]") {
  for (const char* text : {"Mar 16 2026", "Mar. 16, 2026", "March 16th, 2026", "MARCH 16, 2026",
                           "March 16,2026", "Sept 16 2026"}) {
    INFO(text);
    const DateHit hit = Only(text);
    CHECK(hit.day.day() == 16);
    CHECK(hit.day.year() == 2026);
    CHECK(Span(text, hit) == text);
  }
}

TEST_CASE("dates: \"16 March 2026\" is 2026-03-16", "[converters][extract]") {
  CHECK(Only("16 March 2026").day == Day(2026, 3, 16));
  CHECK(Only("the 16th of March 2026").day == Day(2026, 3, 16));
  CHECK(Only("16 Mar, 2026").day == Day(2026, 3, 16));
}

TEST_CASE("dates: ISO forms and timestamps are read, the timestamp span covers the time",
          "[converters][extract]") {
  CHECK(Only("2026-03-16").day == Day(2026, 3, 16));
  CHECK(Only("2026/03/16").day == Day(2026, 3, 16));
  const std::string text = "first seen 2026-03-16T10:00:00Z, then quiet";
  const DateHit hit = Only(text);
  CHECK(hit.day == Day(2026, 3, 16));
  CHECK(Span(text, hit) == "2026-03-16T10:00:00Z");
  CHECK(Span("at 2026-03-16T10:00:00.5+02:00.", Only("at 2026-03-16T10:00:00.5+02:00.")) ==
        "2026-03-16T10:00:00.5+02:00");
}

TEST_CASE("dates: slashed dates are US month/day unless the first number is above 12",
          "[converters][extract]") {
  CHECK(Only("03/16/2026").day == Day(2026, 3, 16));
  CHECK(Only("04/05/2026").day == Day(2026, 4, 5));  // ambiguous: US order
  CHECK(Only("16/03/2026").day == Day(2026, 3, 16));
  CHECK(Only("03-16-2026").day == Day(2026, 3, 16));
}

TEST_CASE("dates: dotted dates are day.month.year", "[converters][extract]") {
  CHECK(Only("16.03.2026").day == Day(2026, 3, 16));
  CHECK(Only("04.05.2026").day == Day(2026, 5, 4));
}

TEST_CASE("dates: a month and year without a day is day 1, approximate", "[converters][extract]") {
  const DateHit hit = Only("in March 2026");
  CHECK(hit.day == Day(2026, 3, 1));
  CHECK(hit.approximate);
  CHECK(Only("in March of 2026").day == Day(2026, 3, 1));
}

TEST_CASE("dates: \"mid-March 2026\" is 2026-03-15, approximate, spanning the qualifier",
          "[converters][extract]") {
  const std::string text = "an incident in mid-March 2026 that";
  const DateHit hit = Only(text);
  CHECK(hit.day == Day(2026, 3, 15));
  CHECK(hit.approximate);
  CHECK(Span(text, hit) == "mid-March 2026");
  CHECK(Only("early March 2026").day == Day(2026, 3, 1));
  CHECK(Only("late March 2026").day == Day(2026, 3, 25));
  CHECK(Only("the end of March 2026").day == Day(2026, 3, 25));
}

TEST_CASE("dates: \"Approximately March 16, 2026\" is approximate and spans the qualifier",
          "[converters][extract]") {
  const std::string text = "Approximately March 16, 2026";
  const DateHit hit = Only(text);
  CHECK(hit.day == Day(2026, 3, 16));
  CHECK(hit.approximate);
  CHECK(Span(text, hit) == text);
  CHECK(Only("on or about 2026-03-16").approximate);
  CHECK(Only("~16 March 2026").approximate);
  CHECK(Only("around March 16, 2026").approximate);
}

TEST_CASE("dates: impossible dates yield no hit", "[converters][extract]") {
  CHECK(FindDates("February 30, 2026").empty());
  CHECK(FindDates("2026-02-30").empty());
  CHECK(FindDates("2026-13-01").empty());
  CHECK(FindDates("31 April 2026").empty());
  CHECK(FindDates("13/13/2026").empty());
  CHECK(Only("February 29, 2024").day == Day(2024, 2, 29));
  CHECK(FindDates("February 29, 2026").empty());
}

TEST_CASE("dates: a yearless date takes the year of the closest preceding full date",
          "[converters][extract]") {
  const std::string text = "Seen 2025-12-30; again on March 16, 2026; filed on March 27.";
  const std::vector<DateHit> hits = FindDates(text);
  REQUIRE(hits.size() == 3);
  CHECK(hits[2].day == Day(2026, 3, 27));
  CHECK(Span(text, hits[2]) == "March 27");
  CHECK_FALSE(hits[2].approximate);
}

TEST_CASE("dates: a yearless date with no full date before it uses the default year",
          "[converters][extract]") {
  CHECK(FindDates("filed on March 27").empty());
  CHECK(FindDates("filed on March 27", 0).empty());
  const std::vector<DateHit> hits = FindDates("filed on March 27", 2025);
  REQUIRE(hits.size() == 1);
  CHECK(hits[0].day == Day(2025, 3, 27));
  // A later full date does not lend its year backwards.
  const std::vector<DateHit> both = FindDates("on 16 March; then April 2, 2026", 2024);
  REQUIRE(both.size() == 2);
  CHECK(both[0].day == Day(2024, 3, 16));
}

TEST_CASE("dates: the yearless start of a range takes the year of its end",
          "[converters][extract]") {
  const std::vector<DateHit> hits = FindDates("Seen 2024-01-05; between March 1 and March 3, 2026");
  REQUIRE(hits.size() == 3);
  CHECK(hits[1].day == Day(2026, 3, 1));
  const std::vector<DateHit> year_end = FindDates("from December 28 to January 3, 2026");
  REQUIRE(year_end.size() == 2);
  CHECK(year_end[0].day == Day(2025, 12, 28));
  // Not a range: the next date lends no year.
  CHECK(FindDates("on March 1 the firm, on March 3, 2026, filed").size() == 1);
}

TEST_CASE("dates: a day range gives one hit per day", "[converters][extract]") {
  const std::string text = "March 16-17, 2026";
  const std::vector<DateHit> hits = FindDates(text);
  REQUIRE(hits.size() == 2);
  CHECK(hits[0].day == Day(2026, 3, 16));
  CHECK(Span(text, hits[0]) == text);
  CHECK(hits[1].day == Day(2026, 3, 17));
  CHECK(Span(text, hits[1]) == "17");
  const std::vector<DateHit> day_first = FindDates(
      "16\xE2\x80\x93"
      "17 March 2026");
  REQUIRE(day_first.size() == 2);
  CHECK(day_first[1].day == Day(2026, 3, 17));
}

TEST_CASE("dates: words, counts and versions are not dates", "[converters][extract]") {
  CHECK(FindDates("the incident may have resulted in a march of protests").empty());
  CHECK(FindDates("in March the company").empty());  // a bare month
  CHECK(FindDates("2026 was a hard year; 16 records; version 1.2.3").empty());
  CHECK(FindDates("release 10.1.16.03.2026").empty());
  CHECK(FindDates("build 2026-03-16-2").empty());
  CHECK(FindDates("March 16, 2500 records").size() == 0);  // yearless, nothing to inherit
  CHECK(FindDates("about 500 records").empty());
  CHECK(FindDates("").empty());
  CHECK(FindDates("03/16/26").empty());  // two-digit years are not read
}

TEST_CASE("dates: the seed report's discovery date and summary are read", "[converters][extract]") {
  const DateHit discovery = Only("March 16, 2026 (Initial disruption identified)");
  CHECK(discovery.day == Day(2026, 3, 16));
  CHECK(discovery.offset == 0);
  CHECK(discovery.length == 14);
  const std::string summary =
      "CareCloud, a Nasdaq-listed healthcare technology provider, experienced a cybersecurity "
      "incident in mid-March 2026 that resulted in temporary network disruptions. The company "
      "disclosed the event via an SEC filing on March 27, noting that it is investigating.";
  const std::vector<DateHit> hits = FindDates(summary);
  REQUIRE(hits.size() == 2);
  CHECK(hits[0].day == Day(2026, 3, 15));
  CHECK(hits[0].approximate);
  CHECK(hits[1].day == Day(2026, 3, 27));
  CHECK(Span(summary, hits[1]) == "March 27");
  CHECK(ParseDate("Detected via network disruption on March 16.") == std::nullopt);
  CHECK(FindDates("Detected via network disruption on March 16.", 2026)[0].day == Day(2026, 3, 16));
}

TEST_CASE("dates: ParseDate returns the first date or nothing", "[converters][extract]") {
  CHECK(ParseDate("Approximately March 16, 2026") == Day(2026, 3, 16));
  CHECK(ParseDate("filed 2026-03-27, seen 2026-03-16") == Day(2026, 3, 27));
  CHECK(ParseDate("[Not Disclosed]") == std::nullopt);
}

}  // namespace
}  // namespace stixkit::convert
