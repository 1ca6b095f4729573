// Lookup by id, name, alias and shortname, and the suggestions for near misses.
#include "attack-data/lookup.h"

#include <catch2/catch.hpp>

namespace stixkit::attack {
namespace {

std::vector<std::string> Ids(const std::vector<LookupHit>& hits) {
  std::vector<std::string> ids;
  for (const LookupHit& h : hits) ids.push_back(h.id());
  return ids;
}

const Catalog& C() { return Catalog::Embedded(); }

TEST_CASE("lookup: an id matches whatever its case and spacing", "[attack]") {
  const std::vector<LookupHit> hits = Lookup(C(), "  t1003.001 ");
  REQUIRE(hits.size() == 1);
  CHECK(hits[0].kind == EntryKind::kTechnique);
  CHECK(hits[0].matched_on == "id");
  CHECK(hits[0].name() == "LSASS Memory");
}

TEST_CASE("lookup: names and aliases match case-insensitively", "[attack]") {
  std::vector<LookupHit> hits = Lookup(C(), "mimikatz");
  REQUIRE(hits.size() == 1);
  CHECK(hits[0].kind == EntryKind::kSoftware);
  CHECK(hits[0].id() == "S0002");
  CHECK(hits[0].matched_on == "name");
  hits = Lookup(C(), "cozy bear");
  REQUIRE(hits.size() == 1);
  CHECK(hits[0].kind == EntryKind::kGroup);
  CHECK(hits[0].id() == "G0016");
  CHECK(hits[0].matched_on == "alias");
  hits = Lookup(C(), "LSASS MEMORY");
  CHECK(Ids(hits) == std::vector<std::string>{"T1003.001"});
}

TEST_CASE("lookup: each kind of entry can be found", "[attack]") {
  CHECK(Lookup(C(), "TA0006")[0].kind == EntryKind::kTactic);
  CHECK(Lookup(C(), "M1026")[0].kind == EntryKind::kMitigation);
  CHECK(Lookup(C(), "G0016")[0].kind == EntryKind::kGroup);
  CHECK(Lookup(C(), "S0002")[0].kind == EntryKind::kSoftware);
}

TEST_CASE("lookup: a shortname shared by domains finds every tactic", "[attack]") {
  const std::vector<LookupHit> hits = Lookup(C(), "initial-access");
  CHECK(Ids(hits) == std::vector<std::string>{"TA0001", "TA0027", "TA0108"});
  CHECK(hits[0].matched_on == "shortname");
}

TEST_CASE("lookup: a shared id lists the active entry first", "[attack]") {
  const std::vector<LookupHit> hits = Lookup(C(), "S0017");
  REQUIRE(hits.size() == 2);
  CHECK(hits[0].name() == "BISCUIT");
  CHECK(hits[1].name() == "EKANS");
  CHECK(hits[1].entity->deprecated);
}

TEST_CASE("lookup: nothing matches an unknown or empty query", "[attack]") {
  CHECK(Lookup(C(), "T9999").empty());
  CHECK(Lookup(C(), "").empty());
  CHECK(Lookup(C(), "   ").empty());
}

TEST_CASE("lookup: a typo suggests the entry meant", "[attack]") {
  CHECK(Ids(SuggestSimilar(C(), "mimikatzz")) == std::vector<std::string>{"S0002"});
  CHECK(Ids(SuggestSimilar(C(), "APT 29"))[0] == "G0016");
  const std::vector<std::string> near = Ids(SuggestSimilar(C(), "T1003.01"));
  REQUIRE_FALSE(near.empty());
  CHECK(near[0] == "T1003.001");
}

TEST_CASE("lookup: a word inside names suggests those entries", "[attack]") {
  const std::vector<LookupHit> hits = SuggestSimilar(C(), "lsass", 3);
  REQUIRE_FALSE(hits.empty());
  CHECK(hits[0].id() == "T1003.001");
  CHECK(hits[0].matched_on == "similar");
}

TEST_CASE("lookup: nonsense suggests nothing", "[attack]") {
  CHECK(SuggestSimilar(C(), "qqqqqqqqqqqqxz").empty());
  CHECK(SuggestSimilar(C(), "").empty());
}

}  // namespace
}  // namespace stixkit::attack
