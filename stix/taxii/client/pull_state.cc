#include "stix/taxii/client/pull_state.h"

#include <filesystem>
#include <fstream>
#include <sstream>

#include "absl/strings/str_cat.h"
#include "rapidjson/document.h"
#include "rapidjson/prettywriter.h"
#include "rapidjson/stringbuffer.h"
#include "stix/base/atomic_file.h"
#include "stix/base/strings.h"
#include "stix/json/json_access.h"

namespace stixkit::taxii {

absl::StatusOr<std::optional<PullState>> ReadPullState(std::string_view path) {
  const std::string p(path);
  std::error_code ec;
  if (!std::filesystem::exists(p, ec)) return std::optional<PullState>();
  std::ifstream in(p, std::ios::binary);
  std::ostringstream text;
  text << in.rdbuf();
  if (!in.good() && !in.eof()) {
    return absl::DataLossError(absl::StrCat("cannot read state file '", p, "'"));
  }
  rapidjson::Document doc;
  doc.Parse(text.str().c_str());
  const auto bad = [&] {
    return absl::InvalidArgumentError(
        absl::StrCat("'", p,
                     "' is not a taxii pull state file (expected a JSON object with "
                     "\"added_after\"); delete it to start from the beginning"));
  };
  if (doc.HasParseError() || !doc.IsObject()) return bad();
  const rapidjson::Value* added = stix::Member(doc, "added_after");
  if (added == nullptr || !added->IsString()) return bad();
  PullState state{std::string(stix::StringMember(doc, "api_root")),
                  std::string(stix::StringMember(doc, "collection")),
                  std::string(stix::View(*added))};
  return std::optional<PullState>(std::move(state));
}

absl::Status WritePullState(std::string_view path, const PullState& state) {
  rapidjson::StringBuffer buffer;
  rapidjson::PrettyWriter<rapidjson::StringBuffer> w(buffer);
  w.SetIndent(' ', 2);
  w.StartObject();
  w.Key("api_root");
  w.String(state.api_root.c_str(), static_cast<rapidjson::SizeType>(state.api_root.size()));
  w.Key("collection");
  w.String(state.collection.c_str(), static_cast<rapidjson::SizeType>(state.collection.size()));
  w.Key("added_after");
  w.String(state.added_after.c_str(), static_cast<rapidjson::SizeType>(state.added_after.size()));
  w.EndObject();
  return WriteFileAtomically(
      path, absl::StrCat(Av(std::string_view(buffer.GetString(), buffer.GetSize())), "\n"));
}

}  // namespace stixkit::taxii
