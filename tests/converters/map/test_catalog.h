// A small hand-made ATT&CK catalog and training set for the mapping tests, so that they
// do not depend on the generated catalog or the trained model. The ids and names are
// ATT&CK's own (v18.1).
#ifndef STIXKIT_TESTS_CONVERTERS_MAP_TEST_CATALOG_H_
#define STIXKIT_TESTS_CONVERTERS_MAP_TEST_CATALOG_H_

#include <memory>
#include <string>
#include <vector>

#include "attack-data/catalog.h"
#include "attack-data/catalog_data.h"
#include "converters/map/training_data.h"

namespace stixkit::testing {

inline attack::Technique TestTechnique(std::string id, std::string name, std::string tactic,
                                       std::string parent = "",
                                       std::string domain = "enterprise-attack") {
  attack::Technique t;
  t.id = std::move(id);
  t.name = std::move(name);
  t.tactics = {std::move(tactic)};
  t.parent = std::move(parent);
  t.domains = {std::move(domain)};
  return t;
}

inline attack::Entity TestEntity(std::string id, std::string type, std::string name,
                                 std::vector<std::string> aliases = {}) {
  attack::Entity e;
  e.id = std::move(id);
  e.type = std::move(type);
  e.name = std::move(name);
  e.aliases = std::move(aliases);
  e.domains = {"enterprise-attack"};
  return e;
}

inline std::unique_ptr<attack::Catalog> TestCatalog() {
  attack::CatalogData d;
  d.attack_version = "18.1";
  d.tactics = {{"TA0001", "initial-access", "Initial Access", {"enterprise-attack"}},
               {"TA0002", "execution", "Execution", {"enterprise-attack"}},
               {"TA0006", "credential-access", "Credential Access", {"enterprise-attack"}}};
  d.techniques = {
      TestTechnique("T1003", "OS Credential Dumping", "credential-access"),
      TestTechnique("T1003.001", "LSASS Memory", "credential-access", "T1003"),
      TestTechnique("T1059", "Command and Scripting Interpreter", "execution"),
      TestTechnique("T1059.001", "PowerShell", "execution", "T1059"),
      TestTechnique("T1566", "Phishing", "initial-access"),
      TestTechnique("T1566.001", "Spearphishing Attachment", "initial-access", "T1566"),
      TestTechnique("T1574", "Hijack Execution Flow", "persistence"),
      TestTechnique("T1574.001", "DLL", "persistence", "T1574"),
      TestTechnique("T1574.002", "DLL Side-Loading", "persistence", "T1574"),
      TestTechnique("T1588", "Obtain Capabilities", "resource-development"),
      TestTechnique("T1588.001", "Malware", "resource-development", "T1588"),
      TestTechnique("T1660", "Phishing", "initial-access", "", "mobile-attack"),
  };
  d.techniques[8].revoked = true;
  d.techniques[8].revoked_by = "T1574.001";
  d.software = {TestEntity("S0002", "tool", "Mimikatz", {"Mimikatz"}),
                TestEntity("S0097", "tool", "Ping", {"Ping"}),
                TestEntity("S0110", "tool", "at", {"at"}),
                TestEntity("S0154", "malware", "Cobalt Strike", {"Cobalt Strike"})};
  d.groups = {TestEntity("G0007", "intrusion-set", "APT28", {"APT28", "Fancy Bear"}),
              TestEntity("G0016", "intrusion-set", "APT29", {"APT29", "Cozy Bear", "The Dukes"})};
  return attack::Catalog::FromData(std::move(d));
}

// Labelled sentences for a tiny model: two reports plus procedure-style examples.
inline std::vector<convert::LabelledSentence> TestSentences() {
  return {
      {"used Mimikatz to dump credentials from LSASS memory", "T1003.001", ""},
      {"dumped the lsass process memory to steal credentials", "T1003.001", "report one"},
      {"the tool reads credentials from the memory of lsass.exe", "T1003.001", "report two"},
      {"sent spearphishing emails with a malicious Word attachment", "T1566.001", ""},
      {"victims opened the attachment of a phishing email", "T1566.001", "report one"},
      {"the email carried a malicious attachment", "T1566.001", "report two"},
      {"ran a PowerShell script to download the payload", "T1059.001", ""},
      {"executed encoded PowerShell commands", "T1059.001", "report one"},
      {"a powershell one-liner launched the loader", "T1059.001", "report two"},
      {"loaded a malicious DLL next to a legitimate executable", "T1574.002", "report one"},
      {"side-loaded a DLL through a signed binary", "T1574.001", ""},
  };
}

}  // namespace stixkit::testing

#endif  // STIXKIT_TESTS_CONVERTERS_MAP_TEST_CATALOG_H_
