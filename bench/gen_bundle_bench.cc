// Writes a synthetic STIX 2.1 bundle for the validation benchmark: a realistic mix of
// SDOs, SROs and SCOs (indicators with patterns, relationships, identities, malware,
// attack-patterns with external references, observables, reports).
//
//   gen_bundle_bench OBJECTS OUT.json
//
// Deterministic for a given count, so figures are comparable between runs.
#include <cstdio>
#include <cstdlib>
#include <random>
#include <string>

#include "stix/base/atomic_file.h"
#include "stix/model/uuid.h"

namespace {

std::mt19937_64 rng(20261128);

std::string Id(const char* type) {
  const auto uuid = stixkit::stix::UuidV4([](uint8_t* out, size_t n) {
    for (size_t i = 0; i < n; ++i) out[i] = static_cast<uint8_t>(rng());
  });
  return std::string(type) + "--" + uuid.ToString();
}

std::string Common(const char* type, const std::string& id) {
  return "{\"type\":\"" + std::string(type) + "\",\"spec_version\":\"2.1\",\"id\":\"" + id +
         "\",\"created\":\"2026-03-16T09:00:00.000Z\",\"modified\":\"2026-03-16T09:00:00.000Z\"";
}

const char kText[] =
    "Observed during the incident response engagement; the activity matches the "
    "operator's known tradecraft, including staging tools in temporary folders, "
    "living-off-the-land binaries for discovery and scheduled tasks for persistence. "
    "Analysts at the member organisation confirmed the finding against endpoint "
    "telemetry, proxy logs and the mail gateway's quarantine before sharing it.";

std::string Object(size_t i, const std::string& identity, std::string* last_indicator,
                   std::string* last_malware) {
  const std::string n = std::to_string(i);
  switch (i % 8) {
    case 0: {
      *last_indicator = Id("indicator");
      return Common("indicator", *last_indicator) + ",\"created_by_ref\":\"" + identity +
             "\",\"name\":\"Malicious host " + n + "\",\"description\":\"" + kText +
             "\",\"indicator_types\":[\"malicious-activity\"],\"pattern\":\"[ipv4-addr:value = '203.0." +
             std::to_string(i % 256) + "." + std::to_string((i / 256) % 256) +
             "'] OR [domain-name:value = 'host" + n +
             ".example']\",\"pattern_type\":\"stix\",\"pattern_version\":\"2.1\","
             "\"valid_from\":\"2026-03-16T09:00:00Z\",\"kill_chain_phases\":[{\"kill_chain_name\":"
             "\"mitre-attack\",\"phase_name\":\"command-and-control\"}]}";
    }
    case 1: {
      *last_malware = Id("malware");
      return Common("malware", *last_malware) + ",\"name\":\"Loader " + n +
             "\",\"description\":\"" + kText +
             "\",\"malware_types\":[\"remote-access-trojan\"],\"is_family\":true,"
             "\"capabilities\":[\"communicates-with-c2\",\"persists-after-system-reboot\"]}";
    }
    case 2:
      return Common("relationship", Id("relationship")) +
             ",\"relationship_type\":\"indicates\",\"source_ref\":\"" + *last_indicator +
             "\",\"target_ref\":\"" + *last_malware + "\",\"description\":\"" + kText + "\"}";
    case 3:
      return Common("attack-pattern", Id("attack-pattern")) + ",\"name\":\"Technique " + n +
             "\",\"description\":\"" + kText +
             "\",\"external_references\":[{\"source_name\":\"mitre-attack\",\"external_id\":"
             "\"T1059.001\",\"url\":\"https://attack.mitre.org/techniques/T1059/001\"}],"
             "\"kill_chain_phases\":[{\"kill_chain_name\":\"mitre-attack\",\"phase_name\":"
             "\"execution\"}]}";
    case 4:
      return "{\"type\":\"file\",\"spec_version\":\"2.1\",\"id\":\"" + Id("file") +
             "\",\"name\":\"payload" + n +
             ".dll\",\"size\":" + std::to_string(4096 + i) +
             ",\"hashes\":{\"SHA-256\":\"aec070645fe53ee3b3763059376134f058cc337247c978add178b6ccdfb0019f\","
             "\"MD5\":\"79054025255fb1a26e4bc422aef54eb4\"}}";
    case 5:
      return Common("identity", Id("identity")) + ",\"name\":\"Member organisation " + n +
             "\",\"identity_class\":\"organization\",\"sectors\":[\"healthcare\",\"technology\"],"
             "\"description\":\"" + kText + "\"}";
    case 6:
      return Common("campaign", Id("campaign")) + ",\"name\":\"Campaign " + n +
             "\",\"description\":\"" + kText +
             "\",\"first_seen\":\"2026-01-01T00:00:00Z\",\"last_seen\":\"2026-03-01T00:00:00Z\"}";
    default:
      return Common("report", Id("report")) + ",\"created_by_ref\":\"" + identity +
             "\",\"name\":\"Weekly summary " + n + "\",\"description\":\"" + kText + " " + kText +
             "\",\"published\":\"2026-03-16T09:00:00Z\",\"report_types\":[\"threat-report\"],"
             "\"object_refs\":[\"" + *last_indicator + "\",\"" + *last_malware + "\"]}";
  }
}

}  // namespace

int main(int argc, char** argv) {
  if (argc != 3) {
    std::fprintf(stderr, "usage: gen_bundle_bench OBJECTS OUT.json\n");
    return 2;
  }
  const size_t count = std::strtoull(argv[1], nullptr, 10);
  const std::string identity = Id("identity");
  std::string last_indicator = Id("indicator"), last_malware = Id("malware");
  std::string out = "{\"type\":\"bundle\",\"id\":\"" + Id("bundle") + "\",\"objects\":[\n";
  out += Common("identity", identity) + ",\"name\":\"Bench ISAC\",\"identity_class\":\"organization\"}";
  for (size_t i = 1; i < count; ++i) {
    out += ",\n";
    out += Object(i, identity, &last_indicator, &last_malware);
  }
  out += "\n]}\n";
  const auto status = stixkit::WriteFileAtomically(argv[2], out);
  if (!status.ok()) {
    std::fprintf(stderr, "gen_bundle_bench: %s\n", std::string(status.message()).c_str());
    return 1;
  }
  std::printf("wrote %zu objects, %.1f MB to %s\n", count, out.size() / 1e6, argv[2]);
  return 0;
}
