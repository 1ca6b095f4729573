#include "stix/validate/must/internal/rule_tables.h"

#include <catch2/catch.hpp>

namespace stixkit::stix::must {
namespace {

TEST_CASE("rule tables: must-rules.json loads its four blocks", "[stix][validate]") {
  const MustRuleTables& rules = MustRules();
  REQUIRE(rules.CommonOrder().size() == 1);
  CHECK(rules.CommonOrder()[0].later == "modified");
  CHECK(rules.CommonOrder()[0].earlier == "created");
  CHECK_FALSE(rules.CommonOrder()[0].strict);

  REQUIRE(rules.OrderFor("indicator").size() == 1);
  CHECK(rules.OrderFor("indicator")[0].strict);
  CHECK(rules.OrderFor("x-custom").empty());
  CHECK(rules.ObservableOrderFor("network-traffic").size() == 1);

  CHECK_FALSE(rules.RefRulesFor("email-message").empty());
  CHECK(rules.RefRulesFor("mutex").empty());

  CHECK(rules.NeedsUuidV4WithoutContributing("artifact"));
  CHECK_FALSE(rules.NeedsUuidV4WithoutContributing("file"));
}

}  // namespace
}  // namespace stixkit::stix::must
