#include "converters/map/explicit_ids.h"

#include <catch2/catch.hpp>

namespace stixkit::convert {
namespace {

TEST_CASE("explicit ids: techniques, sub-techniques, tactics, software and groups",
          "[converters]") {
  const std::string text = "Phishing (T1566.001, T1566) in TA0001 by G0016 using S0002.";
  const std::vector<IdMention> ids = FindExplicitIds(text);
  REQUIRE(ids.size() == 5);
  CHECK(ids[0].id == "T1566.001");
  CHECK(ids[0].kind == IdKind::kTechnique);
  CHECK(text.substr(ids[0].begin, ids[0].end - ids[0].begin) == "T1566.001");
  CHECK(ids[1].id == "T1566");
  CHECK(ids[2].kind == IdKind::kTactic);
  CHECK(ids[3].kind == IdKind::kGroup);
  CHECK(ids[4].id == "S0002");
  CHECK(ids[4].kind == IdKind::kSoftware);
}

TEST_CASE("explicit ids: a sentence-ending period is not a sub-technique", "[converters]") {
  const std::vector<IdMention> ids =
      FindExplicitIds("see T1003. Then T1003.0012, T1003.1 and T1003.001");
  REQUIRE(ids.size() == 2);
  CHECK(ids[0].id == "T1003");
  CHECK(ids[1].id == "T1003.001");
}

TEST_CASE("explicit ids: ids inside words, hashes and lowercase do not count", "[converters]") {
  CHECK(FindExplicitIds("xT1003 T10034 T100 t1003 S00021 aG0016 file_T1003").empty());
}

}  // namespace
}  // namespace stixkit::convert
