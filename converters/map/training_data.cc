#include "converters/map/training_data.h"

#include "absl/strings/str_cat.h"
#include "converters/map/sentence_splitter.h"
#include "rapidjson/document.h"
#include "stix/base/status.h"
#include "stix/base/strings.h"
#include "stix/json/json_parser.h"

namespace stixkit::convert {
namespace {

std::string_view StringMember(const rapidjson::Value& object, const char* name) {
  const auto it = object.FindMember(name);
  if (it == object.MemberEnd() || !it->value.IsString()) return {};
  return std::string_view(it->value.GetString(), it->value.GetStringLength());
}

bool BoolMember(const rapidjson::Value& object, const char* name) {
  const auto it = object.FindMember(name);
  return it != object.MemberEnd() && it->value.IsBool() && it->value.GetBool();
}

// The ATT&CK id ("T1003.001") of an object: the external_id of its mitre-* reference.
std::string_view AttackId(const rapidjson::Value& object) {
  const auto refs = object.FindMember("external_references");
  if (refs == object.MemberEnd() || !refs->value.IsArray()) return {};
  for (const auto& ref : refs->value.GetArray()) {
    if (!ref.IsObject() || !StringMember(ref, "source_name").starts_with("mitre-")) continue;
    if (std::string_view id = StringMember(ref, "external_id"); !id.empty()) return id;
  }
  return {};
}

struct PatternFacts {
  std::string attack_id;
  bool revoked = false;
  bool deprecated = false;
};

absl::Status ParseDocument(std::string_view json, std::string_view path, rapidjson::Document* doc) {
  stix::JsonLimits limits;
  return stix::ParseJson(stix::JsonSpan{json, 0, LineColumn{}}, path, limits, doc);
}

absl::flat_hash_map<std::string, PatternFacts> CollectPatterns(const rapidjson::Value& objects) {
  absl::flat_hash_map<std::string, PatternFacts> patterns;
  for (const auto& o : objects.GetArray()) {
    if (!o.IsObject() || StringMember(o, "type") != "attack-pattern") continue;
    const std::string_view id = AttackId(o);
    if (id.empty()) continue;
    patterns[std::string(StringMember(o, "id"))] = PatternFacts{
        std::string(id), BoolMember(o, "revoked"), BoolMember(o, "x_mitre_deprecated")};
  }
  return patterns;
}

// Shorter pieces are list fragments or abbreviations cut by the splitter.
constexpr size_t kMinBackgroundSentence = 20;

void AddBackground(const rapidjson::Value& objects, TrainingData* data) {
  for (const auto& o : objects.GetArray()) {
    if (!o.IsObject() || BoolMember(o, "revoked") || BoolMember(o, "x_mitre_deprecated")) continue;
    const std::string_view type = StringMember(o, "type");
    const bool actor = type == "intrusion-set" || type == "campaign";
    // Past its first sentence, a software description lists what the software does.
    const bool software = type == "malware" || type == "tool";
    if (!actor && !software) continue;
    const std::string text = CleanProcedureText(StringMember(o, "description"));
    for (const TextSpan& s : SplitSentences(text)) {
      if (s.size() < kMinBackgroundSentence) continue;
      data->sentences.push_back(
          {text.substr(s.begin, s.size()), std::string(kBackgroundLabel), ""});
      if (software) break;
    }
  }
}

}  // namespace

std::string CleanProcedureText(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  size_t i = 0;
  while (i < text.size()) {
    if (text.substr(i).starts_with("(Citation:")) {
      const size_t close = text.find(')', i);
      if (close != std::string_view::npos) {
        i = close + 1;
        continue;
      }
    }
    // A markdown link "[text](url)" keeps its text.
    if (text[i] == '[') {
      const size_t close = text.find("](", i);
      const size_t end = close == std::string_view::npos ? close : text.find(')', close);
      if (end != std::string_view::npos && text.find('\n', i) > end) {
        out.append(text.substr(i + 1, close - i - 1));
        i = end + 1;
        continue;
      }
    }
    out.push_back(text[i++]);
  }
  const size_t first = out.find_first_not_of(" \t\r\n");
  const size_t last = out.find_last_not_of(" \t\r\n");
  return first == std::string::npos ? std::string() : out.substr(first, last - first + 1);
}

absl::Status AddAttackBundle(std::string_view json, std::string_view path, TrainingData* data) {
  rapidjson::Document doc;
  STIXKIT_RETURN_IF_ERROR(ParseDocument(json, path, &doc));
  // MemberEnd() asserts IsObject() (the sanitizer build keeps assertions, and
  // cli/attack_map_command.cc aborted on the same pattern): look members up only in an
  // object.
  const rapidjson::Value* objects = nullptr;
  if (doc.IsObject() && StringMember(doc, "type") == "bundle") {
    const auto it = doc.FindMember("objects");
    if (it != doc.MemberEnd() && it->value.IsArray()) objects = &it->value;
  }
  if (objects == nullptr) {
    return absl::InvalidArgumentError(
        absl::StrCat(Av(path), ": expected a STIX bundle with an \"objects\" array"));
  }
  const auto patterns = CollectPatterns(*objects);
  for (const auto& [stix_id, facts] : patterns) {
    if (facts.deprecated) data->deprecated.insert(facts.attack_id);
  }
  for (const auto& o : objects->GetArray()) {
    if (!o.IsObject() || StringMember(o, "type") != "relationship") continue;
    if (BoolMember(o, "revoked") || BoolMember(o, "x_mitre_deprecated")) continue;
    const auto source = patterns.find(Av(StringMember(o, "source_ref")));
    const auto target = patterns.find(Av(StringMember(o, "target_ref")));
    if (target == patterns.end()) continue;
    const std::string_view kind = StringMember(o, "relationship_type");
    if (kind == "revoked-by" && source != patterns.end()) {
      data->replaced_by[source->second.attack_id] = target->second.attack_id;
    } else if (kind == "uses") {
      std::string text = CleanProcedureText(StringMember(o, "description"));
      if (!text.empty()) data->sentences.push_back({std::move(text), target->second.attack_id, ""});
    }
  }
  AddBackground(*objects, data);
  return absl::OkStatus();
}

absl::Status AddTramSentences(std::string_view json, std::string_view path, TrainingData* data) {
  rapidjson::Document doc;
  STIXKIT_RETURN_IF_ERROR(ParseDocument(json, path, &doc));
  if (!doc.IsArray()) {
    return absl::InvalidArgumentError(absl::StrCat(
        Av(path), ": expected a JSON array of {\"text\", \"label\", \"doc_title\"} objects"));
  }
  for (rapidjson::SizeType i = 0; i < doc.Size(); ++i) {
    const rapidjson::Value& item = doc[i];
    const std::string_view text = item.IsObject() ? StringMember(item, "text") : "";
    const std::string_view label = item.IsObject() ? StringMember(item, "label") : "";
    if (text.empty() || label.empty()) {
      return absl::InvalidArgumentError(absl::StrCat(
          Av(path), ": [", i, "]: expected an object with string \"text\" and \"label\""));
    }
    data->sentences.push_back(
        {std::string(text), std::string(label), std::string(StringMember(item, "doc_title"))});
  }
  return absl::OkStatus();
}

void NormalizeLabels(TrainingData* data) {
  std::vector<LabelledSentence> kept;
  kept.reserve(data->sentences.size());
  for (LabelledSentence& s : data->sentences) {
    // A revocation chain is short; the bound only guards against a cycle in bad data.
    for (int hop = 0; hop < 8; ++hop) {
      const auto it = data->replaced_by.find(s.label);
      if (it == data->replaced_by.end()) break;
      s.label = it->second;
    }
    if (!data->deprecated.contains(s.label)) kept.push_back(std::move(s));
  }
  data->sentences = std::move(kept);
}

}  // namespace stixkit::convert
