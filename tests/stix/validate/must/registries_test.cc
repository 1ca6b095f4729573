#include <catch2/catch.hpp>

#include "stix/model/vocabularies.h"
#include "stix/validate/must/internal/checks.h"
#include "tests/stix/validate/must/check_runner.h"

namespace stixkit::stix::must {
namespace {

using stixkit::stix::testing::Messages;
using stixkit::stix::testing::Pointers;
using stixkit::stix::testing::RunMustCheck;

TEST_CASE("registries: every registry the MUST checks consult is bundled", "[stix][validate]") {
  for (std::string_view name : {kMediaTypes, kCharsets, kLanguageTags, kIso6392}) {
    INFO(name);
    const auto* values = FindVocabulary(name);
    REQUIRE(values != nullptr);
    CHECK_FALSE(values->empty());
  }
}

TEST_CASE("registries: an artifact MIME type must be IANA registered", "[stix][validate]") {
  const Findings findings = RunMustCheck(CheckArtifactMimeType, R"({"type": "artifact",
      "id": "artifact--ff1e0780-358c-5808-a8c7-d0fca4ef6ef4",
      "url": "http://www.example.com/file.txt", "hashes": {"MD5": "B4D33B0C7306351B9ED96578465C5579"},
      "mime_type": "bla/blabla"})");
  CHECK(Messages(findings) ==
        std::vector<std::string>{
            "the 'mime_type' property of object 'artifact--ff1e0780-358c-5808-a8c7-d0fca4ef6ef4' "
            "('bla/blabla') must be an IANA registered MIME Type of the form 'type/subtype'"});
  CHECK(Pointers(findings) == std::vector<std::string>{"/mime_type"});
  CHECK(RunMustCheck(CheckArtifactMimeType,
                     R"({"type": "artifact", "id": "artifact--1", "mime_type": "image/jpeg"})")
            .empty());
  // file.mime_type is a best-practice check (271), not a MUST.
  CHECK(RunMustCheck(CheckArtifactMimeType,
                     R"({"type": "file", "id": "file--1", "mime_type": "bla"})")
            .empty());
}

TEST_CASE("registries: path and name encodings must be IANA character sets", "[stix][validate]") {
  const Findings findings = RunMustCheck(CheckCharacterSet, R"({"type": "directory",
      "id": "directory--ff1e0780-358c-5808-a8c7-d0fca4ef6ef4", "path": "C:\\Windows",
      "path_enc": "bla.bla.bla"})");
  CHECK(Messages(findings) ==
        std::vector<std::string>{"the 'path_enc' property of object "
                                 "'directory--ff1e0780-358c-5808-a8c7-d0fca4ef6ef4' "
                                 "('bla.bla.bla') must be an IANA registered character set"});
  CHECK(Pointers(RunMustCheck(CheckCharacterSet, R"({"type": "file", "id": "file--1",
      "name": "a", "name_enc": "bla"})")) == std::vector<std::string>{"/name_enc"});
  CHECK(RunMustCheck(CheckCharacterSet, R"({"type": "file", "id": "file--1", "name_enc": "UTF-8"})")
            .empty());
}

TEST_CASE("registries: lang must be an RFC 5646 code from the bundled list", "[stix][validate]") {
  const Findings findings = RunMustCheck(CheckLanguage, R"({"type": "indicator",
      "id": "indicator--8e2e2d2b-17d4-4cbf-938f-98ee46b3cd3f", "lang": "foo"})");
  CHECK(Messages(findings) ==
        std::vector<std::string>{"'foo' is not a valid RFC 5646 language code"});
  CHECK(RunMustCheck(CheckLanguage, R"({"type": "indicator", "id": "i", "lang": "en"})").empty());
}

TEST_CASE("registries: software languages accept RFC 5646 and ISO 639-2 codes",
          "[stix][validate]") {
  const Findings findings = RunMustCheck(CheckSoftwareLanguage, R"({"type": "software",
      "id": "software--ff1e0780-358c-5808-a8c7-d0fca4ef6ef4", "name": "word",
      "languages": ["en", "eng", "bbb"]})");
  CHECK(Messages(findings) ==
        std::vector<std::string>{"the 'languages' property of object "
                                 "'software--ff1e0780-358c-5808-a8c7-d0fca4ef6ef4' contains an "
                                 "invalid language code ('bbb'). Expected RFC 5646 language code"});
  CHECK(Pointers(findings) == std::vector<std::string>{"/languages/2"});
}

}  // namespace
}  // namespace stixkit::stix::must
