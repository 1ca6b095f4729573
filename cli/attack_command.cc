// `stixkit attack`: the child command table, and the verbs that work on the catalog
// itself: import, info, lookup and layer. `map` and `train` are in their own files
// (attack_map_command.cc, attack_train_command.cc). Every verb takes --attack-data
// FILE to use a newer catalog than the one built in. The work is done in attack-data/;
// this file parses options and renders results.
#include <iostream>
#include <memory>
#include <optional>
#include <sstream>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "attack-data/attack_import.h"
#include "attack-data/catalog.h"
#include "attack-data/catalog_data.h"
#include "attack-data/catalog_writer.h"
#include "attack-data/lookup.h"
#include "attack-data/navigator_layer.h"
#include "attack-data/technique_references.h"
#include "boost/program_options.hpp"
#include "cli/commands.h"
#include "cli/exit_codes.h"
#include "cli/option_parser.h"
#include "rapidjson/stringbuffer.h"
#include "rapidjson/writer.h"
#include "stix/base/atomic_file.h"
#include "stix/base/input_file.h"

namespace stixkit::cli {
namespace po = boost::program_options;
namespace {

// ---- shared by the verbs ----

struct Verb {
  std::string name;        // "lookup"
  std::string usage;       // "[OPTIONS] ID|NAME|ALIAS"
  std::string about;       // a paragraph for --help
  const char* positional;  // name of the positional arguments, or nullptr
};

// Parses `args`; returns an exit code when the verb should stop (help, bad usage).
std::optional<int> ParseArgs(const Verb& verb, const std::vector<std::string>& args,
                             const po::options_description& desc,
                             std::vector<std::string>* positionals, po::variables_map* vm) {
  // No prefix guessing: `--attack` must not silently mean `--attack-data`.
  if (absl::Status s = ParseOptions(args, desc, verb.positional, positionals, vm); !s.ok()) {
    std::cerr << "stixkit attack " << verb.name << ": " << s.message() << "\nRun 'stixkit attack "
              << verb.name << " --help'.\n";
    return kExitUsage;
  }
  if (vm->count("help")) {
    std::cout << "usage: stixkit attack " << verb.name << " " << verb.usage << "\n\n"
              << verb.about << "\n\n"
              << desc;
    return kExitOk;
  }
  return std::nullopt;
}

int Fail(const Verb& verb, absl::string_view message, int code) {
  std::cerr << "stixkit attack " << verb.name << ": " << message << "\n";
  return code;
}

// The catalog a verb works on: the built-in one, or --attack-data FILE.
struct LoadedCatalog {
  std::unique_ptr<attack::Catalog> owned;
  const attack::Catalog* catalog = nullptr;
  std::string origin;  // "built in" or the file
};

absl::StatusOr<LoadedCatalog> LoadCatalog(const std::string& path) {
  LoadedCatalog loaded;
  if (path.empty()) {
    loaded.catalog = &attack::Catalog::Embedded();
    loaded.origin = "built in";
    if (loaded.catalog->techniques().empty()) {
      return absl::FailedPreconditionError(
          "this stixkit was built without an ATT&CK catalog; pass --attack-data FILE");
    }
    return loaded;
  }
  absl::StatusOr<std::unique_ptr<attack::Catalog>> parsed = attack::Catalog::ParseFile(path);
  if (!parsed.ok()) return parsed.status();
  loaded.owned = *std::move(parsed);
  loaded.catalog = loaded.owned.get();
  loaded.origin = path;
  return loaded;
}

// Writes `text` to `output` atomically, or to standard output when it is "".
absl::Status WriteOutput(const std::string& output, const std::string& text) {
  if (!output.empty()) return WriteFileAtomically(output, text);
  std::cout << text;
  std::cout.flush();
  return std::cout ? absl::OkStatus() : absl::InternalError("cannot write to standard output");
}

void AddCommonOptions(po::options_description& desc, std::string* attack_data) {
  // clang-format off
  desc.add_options()
      ("help,h", "show this help")
      ("attack-data", po::value(attack_data)->value_name("FILE"),
       "use this catalog (from 'stixkit attack import') instead of the built-in one");
  // clang-format on
}

// ---- import ----

int RunImport(const std::vector<std::string>& args) {
  const Verb verb{"import", "[OPTIONS] BUNDLE... [-o FILE]",
                  "Reads MITRE ATT&CK bundles (STIX 2.0 or 2.1, one domain each: enterprise,\n"
                  "mobile, ics) and writes the compact catalog stixkit uses: ids, names,\n"
                  "tactics, platforms, aliases, revoked and deprecated flags; no descriptions.\n"
                  "The catalog goes to standard output unless -o names a file (written\n"
                  "atomically). Load it at run time with --attack-data FILE.",
                  "bundle"};
  std::string output, attack_data, license;
  attack::ImportOptions options;
  po::options_description desc("options");
  // clang-format off
  desc.add_options()
      ("output,o", po::value(&output)->value_name("FILE"),
       "write the catalog to FILE instead of standard output")
      ("attack-version", po::value(&options.attack_version)->value_name("VERSION"),
       "ATT&CK version of bundles without an x-mitre-collection (e.g. 18.1)")
      ("domain", po::value(&options.domain)->value_name("DOMAIN"),
       "domain of bundles without an x-mitre-matrix (enterprise-attack, ...)")
      ("license", po::value(&license)->value_name("FILE"),
       "MITRE's ATT&CK licence text for the catalog's attribution (default: the\n"
       "attribution of the current catalog)");
  // clang-format on
  AddCommonOptions(desc, &attack_data);
  std::vector<std::string> bundles;
  po::variables_map vm;
  if (auto stop = ParseArgs(verb, args, desc, &bundles, &vm)) return *stop;
  if (bundles.empty()) return Fail(verb, "name at least one ATT&CK bundle", kExitUsage);
  if (!license.empty()) {
    absl::StatusOr<InputFile> file = InputFile::Open(license);
    if (!file.ok()) return Fail(verb, file.status().message(), kExitFatal);
    options.attribution = std::string(file->contents());
    while (!options.attribution.empty() && isspace(options.attribution.back())) {
      options.attribution.pop_back();
    }
  } else {
    absl::StatusOr<LoadedCatalog> current = LoadCatalog(attack_data);
    if (current.ok()) options.attribution = current->catalog->attribution();
  }
  if (options.attribution.empty()) {
    return Fail(verb,
                "no licence text for the catalog's attribution; pass --license "
                "LICENSE-ATTACK.txt (MITRE's ATT&CK licence)",
                kExitUsage);
  }
  absl::StatusOr<attack::CatalogData> data = attack::ImportAttackBundles(bundles, options);
  if (!data.ok()) return Fail(verb, data.status().message(), kExitFatal);
  if (absl::Status s = WriteOutput(output, attack::WriteCatalogJson(*data)); !s.ok()) {
    return Fail(verb, s.message(), kExitFatal);
  }
  if (!output.empty()) {
    std::cerr << "wrote " << output << ": ATT&CK " << data->attack_version << ", "
              << data->techniques.size() << " techniques, " << data->tactics.size() << " tactics, "
              << data->software.size() << " software, " << data->groups.size() << " groups, "
              << data->mitigations.size() << " mitigations\n";
  }
  return kExitOk;
}

// ---- info ----

struct Counts {
  size_t sub = 0, revoked = 0, deprecated = 0;
};

Counts CountTechniques(const attack::Catalog& catalog) {
  Counts c;
  for (const attack::Technique& t : catalog.techniques()) {
    c.sub += !t.parent.empty();
    c.revoked += t.revoked;
    c.deprecated += t.deprecated;
  }
  return c;
}

std::string InfoJson(const LoadedCatalog& loaded) {
  const attack::Catalog& c = *loaded.catalog;
  const Counts t = CountTechniques(c);
  rapidjson::StringBuffer buffer;
  rapidjson::Writer<rapidjson::StringBuffer> w(buffer);
  w.StartObject();
  w.Key("catalog"), w.String(loaded.origin.c_str());
  w.Key("attack_version"), w.String(c.version().c_str());
  w.Key("domains"), w.StartArray();
  for (const attack::DomainInfo& d : c.domain_info()) {
    w.StartObject();
    w.Key("name"), w.String(d.name.c_str());
    w.Key("version"), w.String(d.version.c_str());
    w.Key("source"), w.String(d.source.c_str());
    w.EndObject();
  }
  w.EndArray();
  w.Key("techniques"), w.Uint64(c.techniques().size());
  w.Key("sub_techniques"), w.Uint64(t.sub);
  w.Key("revoked_techniques"), w.Uint64(t.revoked);
  w.Key("deprecated_techniques"), w.Uint64(t.deprecated);
  w.Key("tactics"), w.Uint64(c.tactics().size());
  w.Key("software"), w.Uint64(c.software().size());
  w.Key("groups"), w.Uint64(c.groups().size());
  w.Key("mitigations"), w.Uint64(c.mitigations().size());
  w.EndObject();
  return std::string(buffer.GetString(), buffer.GetSize()) + "\n";
}

std::string InfoText(const LoadedCatalog& loaded) {
  const attack::Catalog& c = *loaded.catalog;
  const Counts t = CountTechniques(c);
  std::vector<std::string> domains;
  for (const attack::DomainInfo& d : c.domain_info()) {
    domains.push_back(absl::StrCat(d.name, " ", d.version, " (", d.source, ")"));
  }
  std::ostringstream out;
  out << "ATT&CK " << c.version() << " catalog (" << loaded.origin << ")\n"
      << "domains:      " << absl::StrJoin(domains, ", ") << "\n"
      << "techniques:   " << c.techniques().size() << " (" << t.sub << " sub-techniques; "
      << t.revoked << " revoked, " << t.deprecated << " deprecated)\n"
      << "tactics:      " << c.tactics().size() << "\n"
      << "software:     " << c.software().size() << "\n"
      << "groups:       " << c.groups().size() << "\n"
      << "mitigations:  " << c.mitigations().size() << "\n";
  for (const std::string& line : c.data().copyright) out << line << "\n";
  return out.str();
}

int RunInfo(const std::vector<std::string>& args) {
  const Verb verb{"info", "[OPTIONS]",
                  "Prints the catalog's ATT&CK version, domains and entry counts.", nullptr};
  std::string attack_data;
  bool json = false;
  po::options_description desc("options");
  desc.add_options()("json", po::bool_switch(&json), "print one JSON object");
  AddCommonOptions(desc, &attack_data);
  po::variables_map vm;
  if (auto stop = ParseArgs(verb, args, desc, nullptr, &vm)) return *stop;
  absl::StatusOr<LoadedCatalog> loaded = LoadCatalog(attack_data);
  if (!loaded.ok()) return Fail(verb, loaded.status().message(), kExitFatal);
  std::cout << (json ? InfoJson(*loaded) : InfoText(*loaded));
  return kExitOk;
}

// ---- lookup ----

std::string Join(const std::vector<std::string>& items) {
  return items.empty() ? "-" : absl::StrJoin(items, ", ");
}

// "credential-access (TA0006 Credential Access)", with the tactic of the right domain.
std::string TacticLabel(const attack::Catalog& catalog, const std::string& shortname,
                        const std::vector<std::string>& domains) {
  for (const attack::Tactic& t : catalog.tactics()) {
    if (t.shortname != shortname) continue;
    for (const std::string& d : domains) {
      if (std::find(t.domains.begin(), t.domains.end(), d) != t.domains.end()) {
        return absl::StrCat(shortname, " (", t.id, " ", t.name, ")");
      }
    }
  }
  return shortname;
}

void PrintTechnique(const attack::Catalog& catalog, const attack::Technique& t, std::ostream& out) {
  std::vector<std::string> tactics;
  for (const std::string& s : t.tactics) tactics.push_back(TacticLabel(catalog, s, t.domains));
  out << t.id << "  " << t.name << "  (" << (t.parent.empty() ? "technique" : "sub-technique")
      << (t.revoked ? ", revoked" : "") << (t.deprecated ? ", deprecated" : "") << ")\n";
  if (t.revoked) {
    const attack::Technique* now = catalog.CurrentTechnique(t.id);
    out << "  replaced by: "
        << (now != nullptr && now != &t ? absl::StrCat(now->id, " ", now->name)
                                        : std::string("unknown (MITRE names no replacement)"))
        << "\n";
  }
  if (const attack::Technique* parent = catalog.FindTechnique(t.parent)) {
    out << "  parent:      " << parent->id << " " << parent->name << "\n";
  }
  out << "  tactics:     " << Join(tactics) << "\n"
      << "  platforms:   " << Join(t.platforms) << "\n"
      << "  domains:     " << Join(t.domains) << "\n"
      << "  stix id:     " << t.stix_id << "\n";
}

void PrintHit(const attack::Catalog& catalog, const attack::LookupHit& hit, std::ostream& out) {
  if (hit.technique != nullptr) return PrintTechnique(catalog, *hit.technique, out);
  if (hit.tactic != nullptr) {
    const attack::Tactic& t = *hit.tactic;
    out << t.id << "  " << t.name << "  (tactic" << (t.deprecated ? ", deprecated" : "") << ")\n"
        << "  shortname:   " << t.shortname << "\n"
        << "  domains:     " << Join(t.domains) << "\n";
    return;
  }
  if (hit.entity != nullptr) {
    const attack::Entity& e = *hit.entity;
    out << e.id << "  " << e.name << "  (" << attack::EntryKindName(hit.kind) << ": " << e.type
        << (e.revoked ? ", revoked" : "") << (e.deprecated ? ", deprecated" : "") << ")\n";
    if (e.revoked && !e.revoked_by.empty()) {
      const attack::Entity* now = hit.kind == attack::EntryKind::kGroup
                                      ? catalog.FindGroup(e.revoked_by)
                                      : catalog.FindSoftware(e.revoked_by);
      out << "  replaced by: " << e.revoked_by << (now != nullptr ? " " + now->name : "") << "\n";
    }
    out << "  aliases:     " << Join(e.aliases) << "\n"
        << "  domains:     " << Join(e.domains) << "\n"
        << "  stix id:     " << e.stix_id << "\n";
    return;
  }
  const attack::Mitigation& m = *hit.mitigation;
  out << m.id << "  " << m.name << "  (mitigation" << (m.deprecated ? ", deprecated" : "") << ")\n"
      << "  domains:     " << Join(m.domains) << "\n"
      << "  stix id:     " << m.stix_id << "\n";
}

std::string EntryJsonOf(const attack::LookupHit& hit) {
  if (hit.technique != nullptr) return attack::EntryJson(*hit.technique);
  if (hit.tactic != nullptr) return attack::EntryJson(*hit.tactic);
  if (hit.entity != nullptr) return attack::EntryJson(*hit.entity);
  return attack::EntryJson(*hit.mitigation);
}

// {"query":..., "matches":[{"kind":..., "matched_on":..., "entry":{...},
//  "replaced_by":{...}}], "suggestions":[...]}
std::string LookupJson(const attack::Catalog& catalog, const std::string& query,
                       const std::vector<attack::LookupHit>& hits,
                       const std::vector<attack::LookupHit>& suggestions) {
  rapidjson::StringBuffer buffer;
  rapidjson::Writer<rapidjson::StringBuffer> w(buffer);
  auto write_hits = [&](const char* key, const std::vector<attack::LookupHit>& list) {
    w.Key(key);
    w.StartArray();
    for (const attack::LookupHit& hit : list) {
      const std::string entry = EntryJsonOf(hit);
      w.StartObject();
      w.Key("kind"), w.String(std::string(attack::EntryKindName(hit.kind)).c_str());
      w.Key("matched_on"), w.String(hit.matched_on.c_str());
      w.Key("entry"), w.RawValue(entry.data(), entry.size(), rapidjson::kObjectType);
      const attack::Technique* now =
          hit.technique != nullptr ? catalog.CurrentTechnique(hit.technique->id) : nullptr;
      if (now != nullptr && now != hit.technique) {
        const std::string replacement = attack::EntryJson(*now);
        w.Key("replaced_by");
        w.RawValue(replacement.data(), replacement.size(), rapidjson::kObjectType);
      }
      w.EndObject();
    }
    w.EndArray();
  };
  w.StartObject();
  w.Key("query"), w.String(query.c_str());
  write_hits("matches", hits);
  if (hits.empty()) write_hits("suggestions", suggestions);
  w.EndObject();
  return std::string(buffer.GetString(), buffer.GetSize()) + "\n";
}

std::string NotFoundMessage(const std::string& query,
                            const std::vector<attack::LookupHit>& suggestions) {
  std::string message = absl::StrCat(
      "no technique, tactic, software, group or mitigation "
      "has the id, name or alias '",
      query, "'");
  if (suggestions.empty()) return message;
  std::vector<std::string> names;
  for (const attack::LookupHit& s : suggestions) {
    names.push_back(absl::StrCat(s.id(), " ", s.name()));
  }
  return absl::StrCat(message, "; did you mean: ", absl::StrJoin(names, ", "), "?");
}

int RunLookup(const std::vector<std::string>& args) {
  const Verb verb{"lookup", "[OPTIONS] ID|NAME|ALIAS",
                  "Shows the technique, tactic, software, group or mitigation with this ATT&CK\n"
                  "id, name or alias (case-insensitive; words may be given unquoted). A\n"
                  "revoked technique shows what replaced it. Nothing found: exit 2 and the\n"
                  "closest entries.",
                  "query"};
  std::string attack_data;
  bool json = false;
  po::options_description desc("options");
  desc.add_options()("json", po::bool_switch(&json), "print one JSON object");
  AddCommonOptions(desc, &attack_data);
  std::vector<std::string> words;
  po::variables_map vm;
  if (auto stop = ParseArgs(verb, args, desc, &words, &vm)) return *stop;
  const std::string query = absl::StrJoin(words, " ");
  if (query.empty()) return Fail(verb, "name an ATT&CK id, name or alias", kExitUsage);
  absl::StatusOr<LoadedCatalog> loaded = LoadCatalog(attack_data);
  if (!loaded.ok()) return Fail(verb, loaded.status().message(), kExitFatal);
  const attack::Catalog& catalog = *loaded->catalog;
  const std::vector<attack::LookupHit> hits = attack::Lookup(catalog, query);
  const std::vector<attack::LookupHit> suggestions =
      hits.empty() ? attack::SuggestSimilar(catalog, query) : std::vector<attack::LookupHit>{};
  if (json) std::cout << LookupJson(catalog, query, hits, suggestions);
  if (hits.empty()) return Fail(verb, NotFoundMessage(query, suggestions), kExitInvalid);
  if (json) return kExitOk;
  for (size_t i = 0; i < hits.size(); ++i) {
    if (i > 0) std::cout << "\n";
    PrintHit(catalog, hits[i], std::cout);
  }
  return kExitOk;
}

// ---- layer ----

int RunLayer(const std::vector<std::string>& args) {
  const Verb verb{"layer", "[OPTIONS] BUNDLE [-o FILE]",
                  "Writes an ATT&CK Navigator layer (format 4.5) of the techniques the STIX\n"
                  "bundle refers to: each with a score (how many objects refer to it) and a\n"
                  "comment naming those objects. Standard output unless -o names a file.",
                  "bundle"};
  std::string output, attack_data;
  attack::LayerOptions options;
  po::options_description desc("options");
  // clang-format off
  desc.add_options()
      ("output,o", po::value(&output)->value_name("FILE"),
       "write the layer to FILE (atomically) instead of standard output")
      ("name", po::value(&options.name)->value_name("NAME"), "the layer's name")
      ("domain", po::value(&options.domain)->value_name("DOMAIN"),
       "enterprise-attack, mobile-attack or ics-attack (default: the domain of most of\n"
       "the techniques)");
  // clang-format on
  AddCommonOptions(desc, &attack_data);
  std::vector<std::string> bundles;
  po::variables_map vm;
  if (auto stop = ParseArgs(verb, args, desc, &bundles, &vm)) return *stop;
  if (bundles.size() != 1) return Fail(verb, "name exactly one STIX bundle", kExitUsage);
  options.source = bundles[0];
  absl::StatusOr<LoadedCatalog> loaded = LoadCatalog(attack_data);
  if (!loaded.ok()) return Fail(verb, loaded.status().message(), kExitFatal);
  absl::StatusOr<InputFile> file = InputFile::Open(options.source);
  if (!file.ok()) return Fail(verb, file.status().message(), kExitFatal);
  absl::StatusOr<attack::BundleTechniques> found =
      attack::FindTechniqueReferences(file->contents(), options.source);
  if (!found.ok()) return Fail(verb, found.status().message(), kExitFatal);
  if (found->techniques.empty()) {
    return Fail(verb,
                absl::StrCat(options.source,
                             ": no attack-pattern with an ATT&CK id "
                             "(an external reference with source_name \"mitre-attack\" "
                             "and an external_id like \"T1566\"); no layer written"),
                kExitInvalid);
  }
  const attack::Layer layer = attack::BuildNavigatorLayer(*found, *loaded->catalog, options);
  for (const std::string& warning : layer.warnings) {
    std::cerr << "stixkit attack layer: warning: " << warning << "\n";
  }
  if (absl::Status s = WriteOutput(output, layer.json); !s.ok()) {
    return Fail(verb, s.message(), kExitFatal);
  }
  return kExitOk;
}

const Command kAttackCommands[] = {
    {"import", "turn MITRE ATT&CK bundles (STIX 2.0 or 2.1) into a catalog", RunImport},
    {"info", "the catalog's ATT&CK version, domains and counts", RunInfo},
    {"lookup", "a technique, tactic, software, group or mitigation by id, name or alias",
     RunLookup},
    {"map", "map text to ATT&CK techniques, software and groups", RunAttackMap},
    {"train", "train the sentence classifier from labelled sentences", RunAttackTrain},
    {"layer", "an ATT&CK Navigator layer of the techniques in a STIX bundle", RunLayer},
};

}  // namespace

int RunAttack(const std::vector<std::string>& args) {
  return Dispatch(kAttackCommands, "stixkit attack", args);
}

}  // namespace stixkit::cli
