// The sample reports against their oracles (samples/reports/*.expect.json, written by
// hand from the reports) and their golden bundles (samples/expected/*.json):
//  - indicator recall is 100% and no reference, legitimate or prose value is an indicator;
//  - explicit ATT&CK ids, CVEs, victims, actors and TLP are all found;
//  - every bundle passes `validate --strict` with nothing but 302;
//  - the bundle equals the golden one as JSON (regenerate with scripts/update-samples).
#include <filesystem>
#include <set>

#include <catch2/catch.hpp>

#include "rapidjson/document.h"
#include "stix/validate/validator.h"
#include "tests/support/paths.h"
#include "tests/support/run_command.h"

namespace stixkit::testing {
namespace {

namespace fs = std::filesystem;

constexpr const char* kNow = "2026-04-01T12:00:00.000Z";
constexpr const char* kAuthor = "stixkit samples";

std::vector<fs::path> Reports() {
  std::vector<fs::path> out;
  for (const auto& e : fs::directory_iterator(SourceDir() + "/samples/reports")) {
    const std::string ext = e.path().extension().string();
    if (ext == ".md" && e.path().filename() == "README.md") continue;
    if (ext == ".md" || ext == ".txt" || ext == ".html") out.push_back(e.path());
  }
  std::sort(out.begin(), out.end());
  return out;
}

rapidjson::Document ParseText(const std::string& text) {
  rapidjson::Document d;
  d.Parse(text.c_str(), text.size());
  return d;
}

// Every value an SCO of the bundle carries, as "type|value" (hashes as
// "sha256|<hex>|<file name>").
std::set<std::string> ObservedValues(const rapidjson::Document& bundle) {
  static const std::pair<const char*, const char*> kHashes[] = {
      {"MD5", "md5"}, {"SHA-1", "sha1"}, {"SHA-256", "sha256"}, {"SHA-512", "sha512"}};
  std::set<std::string> out;
  for (const auto& o : bundle["objects"].GetArray()) {
    const std::string type = o["type"].GetString();
    auto str = [&](const char* k) {
      return o.HasMember(k) && o[k].IsString() ? std::string(o[k].GetString()) : "";
    };
    if (type == "ipv4-addr" || type == "ipv6-addr") {
      const std::string v = str("value");
      const bool cidr = v.find('/') != std::string::npos;
      out.insert((type == "ipv4-addr" ? "ipv4" : "ipv6") + std::string(cidr ? "-cidr|" : "|") + v);
    } else if (type == "domain-name") {
      out.insert("domain|" + str("value"));
    } else if (type == "url") {
      out.insert("url|" + str("value"));
    } else if (type == "email-addr") {
      out.insert("email|" + str("value"));
    } else if (type == "mac-addr") {
      out.insert("mac|" + str("value"));
    } else if (type == "windows-registry-key") {
      out.insert("registry-key|" + str("key"));
    } else if (type == "autonomous-system") {
      out.insert("asn|" + std::to_string(o["number"].GetInt64()));
    } else if (type == "file") {
      if (!o.HasMember("hashes")) out.insert("file|" + str("name"));
      if (!o.HasMember("hashes")) continue;
      for (const auto& [key, name] : kHashes) {
        if (o["hashes"].HasMember(key)) {
          out.insert(std::string(name) + "|" + o["hashes"][key].GetString() + "|" + str("name"));
        }
      }
    }
  }
  return out;
}

std::set<std::string> Names(const rapidjson::Document& bundle, std::set<std::string> types) {
  std::set<std::string> out;
  for (const auto& o : bundle["objects"].GetArray()) {
    if (types.count(o["type"].GetString()) && o.HasMember("name")) out.insert(o["name"].GetString());
  }
  return out;
}

std::set<std::string> AttackIds(const rapidjson::Document& bundle) {
  std::set<std::string> out;
  for (const auto& o : bundle["objects"].GetArray()) {
    if (std::string(o["type"].GetString()) != "attack-pattern") continue;
    out.insert(o["external_references"][0]["external_id"].GetString());
  }
  return out;
}

std::set<std::string> ReferenceUrls(const rapidjson::Document& bundle) {
  std::set<std::string> out;
  for (const auto& o : bundle["objects"].GetArray()) {
    if (std::string(o["type"].GetString()) != "report" || !o.HasMember("external_references")) {
      continue;
    }
    for (const auto& r : o["external_references"].GetArray()) out.insert(r["url"].GetString());
  }
  return out;
}

struct Converted {
  std::string stem;
  std::string json;
  rapidjson::Document bundle;
  rapidjson::Document oracle;
};

Converted Convert(const fs::path& report) {
  Converted c;
  c.stem = report.stem().string();
  const CommandResult r =
      RunStixkit({"convert", report.string(), "--now", kNow, "--author", kAuthor});
  INFO(c.stem << ": " << r.err);
  REQUIRE(r.exit_code == 0);
  c.json = r.out;
  c.bundle = ParseText(r.out);
  REQUIRE_FALSE(c.bundle.HasParseError());
  c.oracle = ParseText(ReadTestFile(report.parent_path().string() + "/" + c.stem + ".expect.json"));
  REQUIRE_FALSE(c.oracle.HasParseError());
  return c;
}

TEST_CASE("samples: every indicator is found and nothing else is one", "[cli][samples]") {
  size_t expected = 0, found = 0;
  for (const fs::path& report : Reports()) {
    Converted c = Convert(report);
    const std::set<std::string> observed = ObservedValues(c.bundle);
    for (const auto& i : c.oracle["indicators"].GetArray()) {
      std::string key = std::string(i["type"].GetString()) + "|" + i["value"].GetString();
      const std::string type = i["type"].GetString();
      if (type == "md5" || type == "sha1" || type == "sha256" || type == "sha512") {
        key += "|" + std::string(i.HasMember("file_name") ? i["file_name"].GetString() : "");
      }
      ++expected;
      INFO(c.stem << ": expected indicator " << key);
      CHECK(observed.count(key) == 1);
      found += observed.count(key);
    }
    for (const auto& v : c.oracle["not_indicators"].GetArray()) {
      const std::string value = v.GetString();
      for (const std::string& o : observed) {
        const std::string observed_value = o.substr(o.find('|') + 1);
        INFO(c.stem << ": " << value << " must not be an indicator, got " << o);
        CHECK(observed_value != value);
        CHECK(observed_value.rfind(value + "|", 0) != 0);
      }
    }
  }
  WARN("indicator recall on the samples: " << found << " of " << expected);
}

TEST_CASE("samples: references, ATT&CK ids, CVEs, victims, actors and TLP are found",
          "[cli][samples]") {
  for (const fs::path& report : Reports()) {
    Converted c = Convert(report);
    INFO(c.stem);
    const std::set<std::string> refs = ReferenceUrls(c.bundle);
    for (const auto& u : c.oracle["external_references"].GetArray()) {
      INFO("reference " << u.GetString());
      CHECK(refs.count(u.GetString()) == 1);
    }
    const std::set<std::string> ids = AttackIds(c.bundle);
    for (const auto& t : c.oracle["attack_ids"].GetArray()) {
      INFO("technique " << t.GetString());
      CHECK(ids.count(t.GetString()) == 1);
    }
    const std::set<std::string> vulns = Names(c.bundle, {"vulnerability"});
    for (const auto& v : c.oracle["vulnerabilities"].GetArray()) CHECK(vulns.count(v.GetString()));
    const std::set<std::string> identities = Names(c.bundle, {"identity"});
    for (const auto& v : c.oracle["victims"].GetArray()) {
      INFO("victim " << v.GetString());
      CHECK(identities.count(v.GetString()));
    }
    const std::set<std::string> actors = Names(c.bundle, {"intrusion-set", "threat-actor"});
    for (const auto& a : c.oracle["threat_actors"].GetArray()) {
      INFO("actor " << a.GetString());
      CHECK(actors.count(a.GetString()));
    }
    // Software names are reported, not required: the mapper's ambiguity rules keep a
    // lower-case name that is also an ordinary word in its training text ("ngrok
    // tunnel") unless it is written as a file name or capitalised.
    const std::set<std::string> software = Names(c.bundle, {"malware", "tool"});
    for (const auto& s : c.oracle["software"].GetArray()) {
      if (!software.count(s.GetString())) WARN(c.stem << ": software not found: " << s.GetString());
    }
    const std::set<std::string> markings = Names(c.bundle, {"marking-definition"});
    if (c.oracle["tlp"].IsString()) {
      std::string name = "TLP:" + std::string(c.oracle["tlp"].GetString());
      for (char& ch : name) ch = static_cast<char>(toupper(ch));
      CHECK(markings.count(name));
    } else {
      CHECK(markings.empty());
    }
  }
}

TEST_CASE("samples: every bundle passes validate --strict with nothing but 302",
          "[cli][samples]") {
  stix::ValidationOptions options;
  options.strict = true;
  options.disabled = {"302"};
  auto validator = stix::Validator::Create(options);
  REQUIRE(validator.ok());
  for (const fs::path& report : Reports()) {
    Converted c = Convert(report);
    const stix::FileReport r = validator->ValidateText(c.json, c.stem);
    INFO(c.stem);
    REQUIRE(r.fatal.ok());
    for (const auto& f : r.findings) {
      INFO(f.finding.code << " " << f.finding.object_id << f.finding.pointer << ": "
                          << f.finding.message);
      CHECK(false);
    }
  }
}

TEST_CASE("samples: each bundle equals its golden file as JSON", "[cli][samples]") {
  for (const fs::path& report : Reports()) {
    Converted c = Convert(report);
    const std::string golden = SourceDir() + "/samples/expected/" + c.stem + ".json";
    INFO(c.stem << ": regenerate with scripts/update-samples after an intended change");
    REQUIRE(fs::exists(golden));
    const rapidjson::Document expected = ParseText(ReadTestFile(golden));
    CHECK(expected == c.bundle);
  }
}

}  // namespace
}  // namespace stixkit::testing
