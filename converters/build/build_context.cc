#include "converters/build/build_context.h"

#include "absl/strings/str_cat.h"
#include "converters/extract/ioc_extractor.h"
#include "stix/base/strings.h"
#include "stix/model/timestamp.h"

namespace stixkit::convert {

BuildContext::BuildContext(const Document& document, const ConvertOptions& options)
    : document_(document),
      options_(options),
      ids_(options.author),
      now_(stix::FormatTimestamp(options.now)),
      author_id_(ids_.Make("identity", absl::StrCat("producer:", options.author))) {}

StixObject& BuildContext::Insert(StixObject object) {
  auto it = index_.find(object.id());
  if (it != index_.end()) return objects_[it->second];
  index_.emplace(object.id(), objects_.size());
  objects_.push_back(std::move(object));
  return objects_.back();
}

StixObject& BuildContext::AddSdo(std::string_view type, std::string_view key,
                                 std::string_view origin) {
  const std::string id = ids_.Make(type, key);
  if (StixObject* existing = Find(id)) return *existing;
  StixObject o(type, id);
  if (id != author_id_) o.Set("created_by_ref", author_id_);
  o.Set("created", now_);
  o.Set("modified", now_);
  o.origin = std::string(origin);
  return Insert(std::move(o));
}

StixObject& BuildContext::AddSco(std::string_view type, std::string_view id,
                                 std::string_view json, std::string_view origin) {
  if (StixObject* existing = Find(id)) return *existing;
  StixObject o = StixObject::FromJson(type, id, json);
  o.origin = std::string(origin);
  return Insert(std::move(o));
}

void BuildContext::AddMarking(std::string_view id, std::string_view json) {
  if (Find(id) == nullptr) Insert(StixObject::FromJson("marking-definition", id, json));
}

void BuildContext::Relate(std::string_view source_id, std::string_view type,
                          std::string_view target_id, std::string_view origin) {
  if (source_id.empty() || target_id.empty() || source_id == target_id) return;
  StixObject& r = AddSdo("relationship",
                         absl::StrCat(Av(source_id), " ", Av(type), " ", Av(target_id)), origin);
  if (!r.Has("relationship_type")) {
    r.Set("relationship_type", type);
    r.Set("source_ref", source_id);
    r.Set("target_ref", target_id);
  }
}

const std::vector<Ioc>& BuildContext::BlockIocs(const Block& block) {
  auto it = block_iocs_.find(&block);
  if (it != block_iocs_.end()) return it->second;
  std::vector<Ioc> iocs = block.kind == BlockKind::kTableRow
                              ? ExtractIocsFromCells(block.cells, block.headers)
                              : ExtractIocs(block.text);
  return block_iocs_.emplace(&block, std::move(iocs)).first->second;
}

StixObject* BuildContext::Find(std::string_view id) {
  auto it = index_.find(Av(id));
  return it == index_.end() ? nullptr : &objects_[it->second];
}

std::vector<StixObject*> BuildContext::OfType(std::string_view type) {
  std::vector<StixObject*> out;
  for (StixObject& o : objects_) {
    if (o.type() == type) out.push_back(&o);
  }
  return out;
}

std::string BuildContext::Origin(const Section& section, const Block* block) const {
  std::string where = absl::StrCat(document_.source_name, ":",
                                   block != nullptr ? block->line : section.line);
  std::string context = section.title;
  if (block != nullptr && !block->key.empty()) {
    absl::StrAppend(&context, context.empty() ? "" : " \u203a ", block->key);
  }
  if (!context.empty()) absl::StrAppend(&where, " (", context, ")");
  return where;
}

}  // namespace stixkit::convert
