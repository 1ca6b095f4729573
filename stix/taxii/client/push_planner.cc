#include "stix/taxii/client/push_planner.h"

#include "absl/strings/str_cat.h"
#include "rapidjson/stringbuffer.h"
#include "rapidjson/writer.h"
#include "stix/base/status.h"
#include "stix/base/strings.h"
#include "stix/json/json_access.h"
#include "stix/json/json_parser.h"
#include "stix/json/top_level_scanner.h"

namespace stixkit::taxii {

absl::Status PushPlanner::AddObject(const rapidjson::Value& object, std::string_view path,
                                    size_t index) {
  const std::string_view id = stix::IdOf(object);
  if (id.empty()) {
    return absl::InvalidArgumentError(absl::StrCat(
        Av(path), ": objects[", index, "]: has no \"id\"; a TAXII server cannot store it"));
  }
  std::string_view version = stix::StringMember(object, "modified");
  if (version.empty()) version = stix::StringMember(object, "created");
  red_.Add(object);
  rapidjson::StringBuffer buffer;
  rapidjson::Writer<rapidjson::StringBuffer> writer(buffer);
  object.Accept(writer);
  plan_.objects.emplace_back(buffer.GetString(), buffer.GetSize());
  plan_.versions.push_back({std::string(id), std::string(version)});
  return absl::OkStatus();
}

absl::Status PushPlanner::AddText(std::string_view text, std::string_view path) {
  const stix::JsonLimits limits;
  auto parse_and_add = [&](const stix::JsonSpan& span, size_t index) -> absl::Status {
    rapidjson::Document doc;
    STIXKIT_RETURN_IF_ERROR(stix::ParseJson(span, path, limits, &doc));
    return AddObject(doc, path, index);
  };
  STIXKIT_ASSIGN_OR_RETURN(const stix::TopLevel top,
                           stix::ScanTopLevel(text, path, limits, parse_and_add));
  if (top.kind == stix::TopLevelKind::kSingleObject) {
    STIXKIT_RETURN_IF_ERROR(parse_and_add(top.whole, 0));
  }
  return absl::OkStatus();
}

PushPlan PushPlanner::Finish() && {
  plan_.red = red_.Finish();
  return std::move(plan_);
}

}  // namespace stixkit::taxii
