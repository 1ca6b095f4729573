#include "stix/model/vocabularies.h"

#include <algorithm>
#include <cctype>
#include <cstdio>
#include <cstdlib>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "absl/container/flat_hash_map.h"
#include "absl/container/flat_hash_set.h"
#include "absl/strings/str_cat.h"
#include "rapidjson/document.h"
#include "rapidjson/error/en.h"
#include "stix/base/embedded_files.h"
#include "stix/base/source_location.h"
#include "stix/base/strings.h"

namespace stixkit::stix {
namespace {

constexpr std::string_view kVocabulariesPath = "stix/data/vocabularies.json";
constexpr std::string_view kRegistryDir = "stix/data/registries/";
constexpr std::string_view kRegistrySuffix = ".txt";

struct NamedList {
  std::vector<std::string> ordered;
  absl::flat_hash_set<std::string> members;
};

using ListTable = absl::flat_hash_map<std::string, NamedList>;

// The data files are compiled into the binary, so a malformed one is a build defect, not
// bad user input: stop at once, naming the file, instead of validating with a list missing.
[[noreturn]] void DieMalformed(std::string_view where, std::string_view message) {
  std::fprintf(stderr, "stixkit: malformed embedded data file %.*s: %.*s\n",
               static_cast<int>(where.size()), where.data(), static_cast<int>(message.size()),
               message.data());
  std::abort();
}

[[noreturn]] void DieMalformedAt(std::string_view path, std::string_view text, size_t offset,
                                 std::string_view message) {
  const std::string located = FormatInputLocation(path, text, offset, message);
  std::fprintf(stderr, "stixkit: malformed embedded data file %s\n", located.c_str());
  std::abort();
}

bool IsBlank(char c) { return c == ' ' || c == '\t'; }

// Adds `value` to `list`; false when it is already there.
bool AddValue(NamedList& list, std::string value) {
  if (!list.members.insert(value).second) return false;
  list.ordered.push_back(std::move(value));
  return true;
}

void AddList(ListTable& table, std::string name, NamedList list, std::string_view origin) {
  if (list.ordered.empty()) DieMalformed(origin, absl::StrCat("list '", name, "' has no values"));
  const std::string duplicate_name = name;
  if (!table.emplace(std::move(name), std::move(list)).second) {
    DieMalformed(origin, absl::StrCat("list '", duplicate_name,
                                      "' is defined twice (vocabularies.json and registries/ "
                                      "share one namespace)"));
  }
}

// STIX 2.1 §10: names ending in -ov are open vocabularies, -enum closed enumerations.
std::string_view ExpectedKind(std::string_view name) {
  if (name.ends_with("-ov")) return "open";
  if (name.ends_with("-enum")) return "enum";
  return "";
}

NamedList ParseVocabularyEntry(std::string_view name, const rapidjson::Value& entry,
                               std::string_view pointer) {
  const std::string where = absl::StrCat(Av(kVocabulariesPath), ": ", Av(pointer));
  if (!entry.IsObject()) DieMalformed(where, "expected an object");
  const auto kind = entry.FindMember("kind");
  const std::string_view expected_kind = ExpectedKind(name);
  if (expected_kind.empty()) DieMalformed(where, "name must end in -ov or -enum");
  if (kind == entry.MemberEnd() || !kind->value.IsString() ||
      std::string_view(kind->value.GetString(), kind->value.GetStringLength()) != expected_kind) {
    DieMalformed(where, absl::StrCat("expected \"kind\": \"", Av(expected_kind), "\""));
  }
  const auto source = entry.FindMember("source");
  if (source == entry.MemberEnd() || !source->value.IsString() ||
      source->value.GetStringLength() == 0) {
    DieMalformed(where, "expected a non-empty \"source\" string (house style: provenance)");
  }
  const auto values = entry.FindMember("values");
  if (values == entry.MemberEnd() || !values->value.IsArray()) {
    DieMalformed(where, "expected a \"values\" array");
  }
  NamedList list;
  for (const rapidjson::Value& value : values->value.GetArray()) {
    if (!value.IsString() || value.GetStringLength() == 0) {
      DieMalformed(where, "expected every value to be a non-empty string");
    }
    std::string text(value.GetString(), value.GetStringLength());
    if (!AddValue(list, text)) DieMalformed(where, absl::StrCat("duplicate value '", text, "'"));
  }
  return list;
}

void LoadVocabularies(ListTable& table) {
  const std::optional<std::string_view> text = FindEmbeddedFile(kVocabulariesPath);
  if (!text) DieMalformed(kVocabulariesPath, "not embedded in this binary");
  rapidjson::Document doc;
  doc.Parse(text->data(), text->size());
  if (doc.HasParseError()) {
    // RapidJSON says "Invalid value."; house style wants "invalid value".
    std::string message = rapidjson::GetParseError_En(doc.GetParseError());
    if (!message.empty() && message.back() == '.') message.pop_back();
    if (!message.empty()) message[0] = static_cast<char>(std::tolower(message[0]));
    DieMalformedAt(kVocabulariesPath, *text, doc.GetErrorOffset(), message);
  }
  if (!doc.IsObject()) DieMalformed(kVocabulariesPath, "expected a JSON object");
  const auto vocabularies = doc.FindMember("vocabularies");
  if (vocabularies == doc.MemberEnd() || !vocabularies->value.IsObject()) {
    DieMalformed(kVocabulariesPath, "expected a \"vocabularies\" object");
  }
  for (const auto& member : vocabularies->value.GetObject()) {
    std::string name(member.name.GetString(), member.name.GetStringLength());
    const std::string pointer = absl::StrCat("/vocabularies/", name);
    NamedList list = ParseVocabularyEntry(name, member.value, pointer);
    AddList(table, std::move(name), std::move(list), kVocabulariesPath);
  }
}

// One value per line; blank lines and lines starting with '#' (provenance) are skipped.
NamedList ParseRegistry(std::string_view path, std::string_view text) {
  NamedList list;
  size_t offset = 0;
  while (offset < text.size()) {
    size_t end = text.find('\n', offset);
    if (end == std::string_view::npos) end = text.size();
    std::string_view line = text.substr(offset, end - offset);
    if (line.ends_with('\r')) line.remove_suffix(1);
    if (!line.empty() && line.front() != '#') {
      if (IsBlank(line.front()) || IsBlank(line.back())) {
        DieMalformedAt(path, text, offset, "value has leading or trailing whitespace");
      }
      if (!AddValue(list, std::string(line))) {
        DieMalformedAt(path, text, offset, absl::StrCat("duplicate value '", Av(line), "'"));
      }
    }
    offset = end + 1;
  }
  return list;
}

void LoadRegistries(ListTable& table) {
  for (const EmbeddedFile& file : AllEmbeddedFiles()) {
    std::string_view path = file.path;
    if (!path.starts_with(kRegistryDir) || !path.ends_with(kRegistrySuffix)) {
      continue;
    }
    std::string_view name = path.substr(kRegistryDir.size());
    name.remove_suffix(kRegistrySuffix.size());
    if (name.empty() || name.find('/') != std::string_view::npos) {
      DieMalformed(path, "registries are flat: stix/data/registries/<name>.txt");
    }
    AddList(table, std::string(name), ParseRegistry(path, file.contents), path);
  }
}

const ListTable& Lists() {
  // Built on first use and never destroyed, so pointers handed out stay valid until exit
  // (no static-destruction-order hazard); C++11 makes the initialisation thread-safe.
  static const ListTable* const table = [] {
    auto* lists = new ListTable;
    LoadVocabularies(*lists);
    LoadRegistries(*lists);
    return lists;
  }();
  return *table;
}

const NamedList* FindList(std::string_view name) {
  const ListTable& lists = Lists();
  const auto it = lists.find(Av(name));
  return it == lists.end() ? nullptr : &it->second;
}

}  // namespace

const absl::flat_hash_set<std::string>* FindVocabulary(std::string_view name) {
  const NamedList* list = FindList(name);
  return list == nullptr ? nullptr : &list->members;
}

bool InVocabulary(std::string_view name, std::string_view value) {
  const NamedList* list = FindList(name);
  return list != nullptr && list->members.contains(Av(value));
}

std::vector<std::string> VocabularyValues(std::string_view name) {
  const NamedList* list = FindList(name);
  return list == nullptr ? std::vector<std::string>{} : list->ordered;
}

std::vector<std::string> VocabularyNames() {
  std::vector<std::string> names;
  names.reserve(Lists().size());
  for (const auto& [name, list] : Lists()) names.push_back(name);
  std::sort(names.begin(), names.end());
  return names;
}

}  // namespace stixkit::stix
