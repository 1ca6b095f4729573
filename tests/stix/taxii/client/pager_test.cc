#include "stix/taxii/client/pager.h"

#include <catch2/catch.hpp>

#include "absl/strings/str_cat.h"
#include "stix/json/json_access.h"

namespace stixkit::taxii {
namespace {

// A page with objects `ids` (version "v"), `more`, `next` and Date-Added-Last.
Page MakePage(const std::vector<std::string>& ids, bool more, std::string next = "",
              std::string last = "") {
  std::string json = absl::StrCat("{\"more\":", more ? "true" : "false");
  if (!next.empty()) absl::StrAppend(&json, ",\"next\":\"", next, "\"");
  if (!ids.empty()) {
    json += ",\"objects\":[";
    for (size_t i = 0; i < ids.size(); ++i) {
      absl::StrAppend(&json, i ? "," : "", "{\"id\":\"", ids[i], "\",\"modified\":\"v\"}");
    }
    json += "]";
  }
  json += "}";
  Page page;
  page.body.Parse(json.c_str());
  page.more = more;
  page.next = std::move(next);
  page.date_added_last = std::move(last);
  return page;
}

// Serves `pages` in order and records the queries it was asked.
struct ScriptedServer {
  std::vector<Page> pages;
  std::vector<Query> queries;
  size_t at = 0;
  PageFetcher Fetcher() {
    return [this](const Query& q) -> absl::StatusOr<Page> {
      queries.push_back(q);
      if (at >= pages.size()) return absl::InternalError("no more scripted pages");
      return std::move(pages[at++]);
    };
  }
};

struct Collected {
  std::vector<std::string> ids;
  ItemSink Sink() {
    return [this](const rapidjson::Value& item) {
      ids.emplace_back(stix::IdOf(item));
      return absl::OkStatus();
    };
  }
};

TEST_CASE("pager: next tokens are followed with the same filters until more is false",
          "[stix][taxii]") {
  ScriptedServer server;
  server.pages.push_back(MakePage({"a", "b"}, true, "t1", "2024-01-01T00:00:01.000000Z"));
  server.pages.push_back(MakePage({"c"}, true, "t2", "2024-01-01T00:00:02.000000Z"));
  server.pages.push_back(MakePage({"d"}, false, "", "2024-01-01T00:00:03.000000Z"));
  Collected out;
  Query first;
  first.match_type = {"indicator"};
  first.limit = 2;
  const absl::StatusOr<PagingSummary> s = FetchAllPages(first, server.Fetcher(), out.Sink(), {});
  REQUIRE(s.ok());
  CHECK(out.ids == std::vector<std::string>{"a", "b", "c", "d"});
  CHECK(s->pages == 3);
  CHECK(s->date_added_last == "2024-01-01T00:00:03.000000Z");
  REQUIRE(server.queries.size() == 3);
  CHECK(server.queries[1].next == "t1");
  CHECK(server.queries[2].next == "t2");
  CHECK(server.queries[2].match_type == std::vector<std::string>{"indicator"});
  CHECK(server.queries[2].limit == 2);
}

TEST_CASE("pager: more without next falls back to added_after = Date-Added-Last", "[stix][taxii]") {
  ScriptedServer server;
  server.pages.push_back(MakePage({"a", "b"}, true, "", "2024-01-01T00:00:02.000000Z"));
  // An inclusive server repeats the last object of the previous page.
  server.pages.push_back(MakePage({"b", "c"}, true, "", "2024-01-01T00:00:03.000000Z"));
  server.pages.push_back(MakePage({"d"}, false, "", "2024-01-01T00:00:04.000000Z"));
  Collected out;
  const absl::StatusOr<PagingSummary> s = FetchAllPages({}, server.Fetcher(), out.Sink(), {});
  REQUIRE(s.ok());
  CHECK(out.ids == std::vector<std::string>{"a", "b", "c", "d"});
  CHECK(s->repeated_items == 1);
  CHECK(server.queries[1].added_after == "2024-01-01T00:00:02.000000Z");
  CHECK(server.queries[1].next.empty());
  CHECK(server.queries[2].added_after == "2024-01-01T00:00:03.000000Z");
}

TEST_CASE("pager: the same next token with new objects is progress (medallion)", "[stix][taxii]") {
  ScriptedServer server;
  server.pages.push_back(MakePage({"a"}, true, "same", "2024-01-01T00:00:01.000000Z"));
  server.pages.push_back(MakePage({"b"}, true, "same", "2024-01-01T00:00:02.000000Z"));
  server.pages.push_back(MakePage({"c"}, false, "same", "2024-01-01T00:00:03.000000Z"));
  Collected out;
  REQUIRE(FetchAllPages({}, server.Fetcher(), out.Sink(), {}).ok());
  CHECK(out.ids == std::vector<std::string>{"a", "b", "c"});
}

TEST_CASE("pager: a repeated page with the same next stops with an error, not a loop",
          "[stix][taxii]") {
  ScriptedServer server;
  for (int i = 0; i < 5; ++i) {
    server.pages.push_back(MakePage({"a", "b"}, true, "stuck", "2024-01-01T00:00:02.000000Z"));
  }
  Collected out;
  const absl::StatusOr<PagingSummary> s = FetchAllPages({}, server.Fetcher(), out.Sink(), {});
  CHECK(s.status().code() == absl::StatusCode::kDataLoss);
  CHECK(s.status().message() ==
        "the server made no progress at page 2: it repeated the previous page "
        "(next=\"stuck\", same objects); stopped instead of looping forever (the output would "
        "be incomplete)");
  CHECK(server.queries.size() == 2);
  CHECK(out.ids == std::vector<std::string>{"a", "b"});
}

TEST_CASE("pager: no new objects and the same added_after stops with an error", "[stix][taxii]") {
  ScriptedServer server;
  server.pages.push_back(MakePage({"a"}, true, "", "2024-01-01T00:00:02.000000Z"));
  server.pages.push_back(MakePage({"a"}, true, "", "2024-01-01T00:00:02.000000Z"));
  Collected out;
  const absl::StatusOr<PagingSummary> s = FetchAllPages({}, server.Fetcher(), out.Sink(), {});
  CHECK(s.status().message() ==
        "the server made no progress at page 2: more=true without \"next\", and "
        "X-TAXII-Date-Added-Last stays at \"2024-01-01T00:00:02.000000Z\"; stopped instead of "
        "looping forever (the output would be incomplete)");
  CHECK(out.ids == std::vector<std::string>{"a"});
}

TEST_CASE("pager: more without next or Date-Added-Last cannot continue", "[stix][taxii]") {
  ScriptedServer server;
  server.pages.push_back(MakePage({"a"}, true));
  Collected out;
  const absl::StatusOr<PagingSummary> s = FetchAllPages({}, server.Fetcher(), out.Sink(), {});
  CHECK(s.status().code() == absl::StatusCode::kDataLoss);
  CHECK(s.status().message() ==
        "page 1 says more=true but has neither \"next\" nor an X-TAXII-Date-Added-Last "
        "header, so there is no way to ask for the rest");
}

TEST_CASE("pager: --max-pages bounds a server that never stops", "[stix][taxii]") {
  int n = 0;
  const PageFetcher endless = [&](const Query&) -> absl::StatusOr<Page> {
    ++n;
    return MakePage({absl::StrCat("o", n)}, true, absl::StrCat("t", n));
  };
  Collected out;
  PagingLimits limits;
  limits.max_pages = 10;
  const absl::StatusOr<PagingSummary> s = FetchAllPages({}, endless, out.Sink(), limits);
  CHECK(s.status().code() == absl::StatusCode::kResourceExhausted);
  CHECK(s.status().message() ==
        "stopped after 10 pages while the server still says more=true (--max-pages); raise "
        "it or narrow the filters");
  CHECK(n == 10);
}

TEST_CASE("pager: an empty page with more and a new next token is followed", "[stix][taxii]") {
  ScriptedServer server;
  server.pages.push_back(MakePage({"a"}, true, "t1"));
  server.pages.push_back(MakePage({}, true, "t2"));
  server.pages.push_back(MakePage({"b"}, false));
  Collected out;
  REQUIRE(FetchAllPages({}, server.Fetcher(), out.Sink(), {}).ok());
  CHECK(out.ids == std::vector<std::string>{"a", "b"});
}

TEST_CASE("pager: an error from the sink stops the walk", "[stix][taxii]") {
  ScriptedServer server;
  server.pages.push_back(MakePage({"a"}, true, "t1"));
  const absl::StatusOr<PagingSummary> s =
      FetchAllPages({}, server.Fetcher(),
                    [](const rapidjson::Value&) { return absl::InternalError("disk full"); }, {});
  CHECK(s.status().message() == "disk full");
  CHECK(server.queries.size() == 1);
}

}  // namespace
}  // namespace stixkit::taxii
