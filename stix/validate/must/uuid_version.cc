// SCO identifiers (STIX 2.1 §2.9): an SCO id is a UUIDv5 over its ID-contributing
// properties (stix/model/sco_id.h), so a type whose contributing properties are all
// optional MUST fall back to a UUIDv4 when none is present (the types are listed in
// stix/data/must-rules.json), and a type without contributing properties (process,
// §6.11) always uses a UUIDv4.
#include <optional>

#include "absl/container/flat_hash_set.h"
#include "stix/base/strings.h"
#include "stix/model/sco_id.h"
#include "stix/validate/must/internal/checks.h"
#include "stix/validate/must/internal/json_access.h"
#include "stix/validate/must/internal/rule_tables.h"
#include "stix/validate/schema_store.h"

namespace stixkit::stix::must {
namespace {

int HexValue(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

// Python's uuid.UUID(id.split("--")[-1]).version: the version nibble of an RFC 4122
// UUID, 0 for another variant (Python's None), nullopt when the text is no UUID at
// all, which the schema stage reports. Like Python it ignores hyphens.
std::optional<int> UuidVersion(std::string_view id) {
  if (const size_t sep = id.rfind("--"); sep != std::string_view::npos) id.remove_prefix(sep + 2);
  int nibbles[32];
  int count = 0;
  for (const char c : id) {
    if (c == '-') continue;
    const int v = HexValue(c);
    if (v < 0 || count == 32) return std::nullopt;
    nibbles[count++] = v;
  }
  if (count != 32) return std::nullopt;
  const bool rfc4122 = (nibbles[16] & 0xc) == 0x8;
  return rfc4122 ? nibbles[12] : 0;
}

// SCO types without ID-contributing properties, found once: the lookup copies lists,
// and this runs on every object.
bool AlwaysUuidV4(std::string_view type) {
  static const absl::flat_hash_set<std::string>* const types = [] {
    auto* set = new absl::flat_hash_set<std::string>;
    const SchemaStore& store = SchemaStore::Default();
    for (const std::string& known : store.KnownTypes()) {
      if (store.CategoryOf(known) != ObjectCategory::kSco) continue;
      const std::optional<std::vector<std::string>> contributing = IdContributingProperties(known);
      if (contributing && contributing->empty()) set->insert(known);
    }
    return set;
  }();
  return types->contains(Av(type));
}

bool IsUuidV4OrUnreadable(std::string_view id) {
  const std::optional<int> version = UuidVersion(id);
  return !version || *version == 4;
}

}  // namespace

void CheckUuidVersion(const Object& object, const CheckContext&, Findings* out) {
  const std::string_view type = TypeOf(object);
  if (!MustRules().NeedsUuidV4WithoutContributing(type) || Member(object, "id") == nullptr) {
    return;
  }
  const std::optional<std::vector<std::string>> contributing = IdContributingProperties(type);
  if (!contributing) return;
  for (const std::string& property : *contributing) {
    if (Member(object, property) != nullptr) return;
  }
  if (IsUuidV4OrUnreadable(IdOf(object))) return;
  AddError(object, "/id", "if no Contributing Properties are present, a UUIDv4 must be used", out);
}

void CheckProcessUuid(const Object& object, const CheckContext&, Findings* out) {
  const std::string_view type = TypeOf(object);
  if (!AlwaysUuidV4(type) || IsUuidV4OrUnreadable(IdOf(object))) return;
  AddError(object, "/id", Cat("a ", type, " object must use UUIDv4 for its id"), out);
}

}  // namespace stixkit::stix::must
