#include "stix/taxii/server/server_config.h"

#include <catch2/catch.hpp>

namespace stixkit::taxii {
namespace {

constexpr char kHash[] =
    "pbkdf2-sha256$1000$AAECAwQFBgcICQoLDA0ODw==$AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8=";

std::string Error(const std::string& text) {
  absl::StatusOr<ServerConfig> c = ParseServerConfig(text, "taxii.json");
  REQUIRE_FALSE(c.ok());
  CHECK(c.status().code() == absl::StatusCode::kInvalidArgument);
  return std::string(c.status().message());
}

TEST_CASE("server config: the documented example is read in full", "[stix][taxii]") {
  const std::string text = std::string(R"({
    "title": "Example ISAC hub", "description": "Members share here.",
    "contact": "soc@example.org",
    "api_roots": [{"path": "isac", "title": "Sharing", "description": "d",
      "collections": [{"id": "91A7B528-80EB-42ED-A74D-C6FBD5A26116", "title": "Indicators",
                       "description": "IOCs", "alias": "indicators"}]}],
    "users": [{"name": "alice", "password_hash": ")") + kHash + R"(",
               "read": ["*"], "write": ["indicators"]},
              {"name": "bob", "password_hash": ")" + kHash + R"("}]})";
  absl::StatusOr<ServerConfig> c = ParseServerConfig(text, "taxii.json");
  INFO(c.status().message());
  REQUIRE(c.ok());
  CHECK(c->title == "Example ISAC hub");
  CHECK(c->contact == "soc@example.org");
  REQUIRE(c->api_roots.size() == 1);
  CHECK(c->api_roots[0].path == "isac");
  REQUIRE(c->api_roots[0].collections.size() == 1);
  CHECK(c->api_roots[0].collections[0].id == "91a7b528-80eb-42ed-a74d-c6fbd5a26116");
  CHECK(c->api_roots[0].collections[0].alias == "indicators");
  REQUIRE(c->users.size() == 2);
  CHECK(c->users[0].write == std::vector<std::string>{"indicators"});
  CHECK(c->users[1].read.empty());
}

TEST_CASE("server config: errors name the file and the JSON pointer", "[stix][taxii]") {
  CHECK(Error(R"({"usres": []})") ==
        "taxii.json: /usres: unknown key; see docs/taxii.md for the config file format");
  CHECK(Error(R"([])") == "taxii.json: top level: expected an object, found an array");
  CHECK(Error(R"({"users": [{"name": "a", "password_hash": "x", "read": "*"}]})") ==
        "taxii.json: /users/0/read: expected an array of strings, found a string");
  CHECK(Error(R"({"users": [{"password_hash": "x"}]})") ==
        "taxii.json: /users/0/name: required but missing");
  CHECK(Error(R"({"api_roots": [{"path": "a/b", "title": "t"}]})") ==
        "taxii.json: /api_roots/0/path: expected one URL segment of letters, digits, '.', '_', "
        "'~' or '-' (not \"taxii2\"), got \"a/b\"");
  CHECK(Error(R"({"api_roots": [{"path": "a", "title": "t", "collections": [{"id": "x", "title": "t"}]}]})") ==
        "taxii.json: /api_roots/0/collections/0/id: expected a UUID like "
        "91a7b528-80eb-42ed-a74d-c6fbd5a26116, got \"x\"");
  CHECK(Error(R"({"api_roots": [{"path": "a", "title": "t"}, {"path": "a", "title": "u"}]})") ==
        "taxii.json: API root \"a\" is listed twice");
  CHECK(Error("{") .rfind("taxii.json:1:2: ", 0) == 0);
}

}  // namespace
}  // namespace stixkit::taxii
