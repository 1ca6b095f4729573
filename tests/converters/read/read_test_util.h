// Small lookups over a Document for the reader tests: a section by title, a block by key or text,
// and a ReadDocument that fails the test on error.
#ifndef STIXKIT_TESTS_CONVERTERS_READ_READ_TEST_UTIL_H_
#define STIXKIT_TESTS_CONVERTERS_READ_READ_TEST_UTIL_H_

#include <catch2/catch.hpp>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "converters/read/document.h"
#include "converters/read/reader.h"

namespace stixkit::convert::testing {

// The document, or a failed test with the status message.
inline Document ReadOk(std::string_view name, std::string_view bytes,
                       std::optional<Format> format = std::nullopt) {
  absl::StatusOr<Document> doc = ReadDocument(name, bytes, format);
  INFO(std::string(doc.status().message()));
  REQUIRE(doc.ok());
  return *std::move(doc);
}

// The first section titled `title`; fails the test when there is none.
inline const Section& SectionTitled(const Document& doc, std::string_view title) {
  for (const Section& s : doc.sections) {
    if (s.title == title) return s;
  }
  FAIL("no section titled \"" << std::string(title) << "\"");
  return doc.sections.front();
}

inline std::vector<std::string> Titles(const Document& doc) {
  std::vector<std::string> titles;
  for (const Section& s : doc.sections) titles.push_back(s.title);
  return titles;
}

inline std::vector<std::string> Texts(const Section& section) {
  std::vector<std::string> texts;
  for (const Block& b : section.blocks) texts.push_back(b.text);
  return texts;
}

// The block whose key (for fields) is `key`; fails the test when there is none.
inline const Block& FieldKeyed(const Section& section, std::string_view key) {
  for (const Block& b : section.blocks) {
    if (b.kind == BlockKind::kField && b.key == key) return b;
  }
  FAIL("no field \"" << std::string(key) << "\" in section \"" << section.title << "\"");
  return section.blocks.front();
}

}  // namespace stixkit::convert::testing

#endif  // STIXKIT_TESTS_CONVERTERS_READ_READ_TEST_UTIL_H_
